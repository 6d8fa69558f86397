package kz.agyn.survey;

import java.util.Objects;
import kz.agyn.survey.estimation.IntervalMethod;

/**
 * The sample design a survey declares: what its estimates' variances and intervals are computed with. The
 * respondents' values of each declared variable come with the response import (see {@link DesignValues}).
 *
 * @param strata    respondents were drawn within strata (column {@code stratum})
 * @param stages    0: respondents drawn one by one; 1: clusters (column {@code psu}); 2: clusters, then units
 *                  within them (columns {@code psu}, {@code ssu})
 * @param fpc       the population sizes are given for a finite-population correction (column {@code fpc1}, and
 *                  {@code fpc2} for two stages); otherwise the first stage is taken as drawn with replacement
 * @param intervals the interval every share of the survey is shown with
 * @param trimLower the smallest factor a raked weight may be of its design weight; null (with
 *                  {@code trimUpper}) for no trimming
 * @param trimUpper the largest such factor
 * @param replicates replicate weights instead of strata and clusters (null: none). With them the declaration may
 *                  keep strata (and one stage of clusters) only for JKn without rscales, whose rscales come from the
 *                  strata; a finite-population correction is refused (R's {@code svrepdesign} has its own)
 */
public record SurveyDesignDeclaration(boolean strata, int stages, boolean fpc, IntervalMethod intervals,
                                      Double trimLower, Double trimUpper, ReplicateDeclaration replicates) {

    public static final SurveyDesignDeclaration DEFAULT = new SurveyDesignDeclaration(false, 0, false,
            IntervalMethod.LOGIT);

    public SurveyDesignDeclaration {
        Objects.requireNonNull(intervals, "intervals");
        if (stages < 0 || stages > 2) {
            throw SurveyException.invalid("survey.design.stages", stages);
        }
        if ((trimLower == null) != (trimUpper == null) || trimLower != null
                && !(trimLower > 0 && trimLower <= 1 && trimUpper >= 1 && Double.isFinite(trimUpper))) {
            throw SurveyException.invalid("survey.design.badBounds", trimLower == null ? "—" : trimLower,
                    trimUpper == null ? "—" : trimUpper);
        }
        if (replicates != null) {
            boolean strataForJkn = replicates.type() == kz.agyn.survey.estimation.ReplicateType.JKN
                    && replicates.rscales() == null;
            if (fpc || stages > 1 || (!strataForJkn && (strata || stages > 0))) {
                throw SurveyException.invalid("survey.replicates.withStrata", replicates.type().rName());
            }
        }
    }

    /** Without replicate weights. */
    public SurveyDesignDeclaration(boolean strata, int stages, boolean fpc, IntervalMethod intervals,
                                   Double trimLower, Double trimUpper) {
        this(strata, stages, fpc, intervals, trimLower, trimUpper, null);
    }

    /** Without trimming bounds. */
    public SurveyDesignDeclaration(boolean strata, int stages, boolean fpc, IntervalMethod intervals) {
        this(strata, stages, fpc, intervals, null, null);
    }

    /** The variances come from replicate weights. */
    public boolean replicated() {
        return replicates != null;
    }

    /** The trimming bounds of the raking, if any. */
    public java.util.Optional<kz.agyn.survey.estimation.WeightBounds> bounds() {
        return trimLower == null ? java.util.Optional.empty()
                : java.util.Optional.of(new kz.agyn.survey.estimation.WeightBounds(trimLower, trimUpper));
    }
}
