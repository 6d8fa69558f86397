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
 */
public record SurveyDesignDeclaration(boolean strata, int stages, boolean fpc, IntervalMethod intervals) {

    public static final SurveyDesignDeclaration DEFAULT = new SurveyDesignDeclaration(false, 0, false,
            IntervalMethod.LOGIT);

    public SurveyDesignDeclaration {
        Objects.requireNonNull(intervals, "intervals");
        if (stages < 0 || stages > 2) {
            throw SurveyException.invalid("survey.design.stages", stages);
        }
    }
}
