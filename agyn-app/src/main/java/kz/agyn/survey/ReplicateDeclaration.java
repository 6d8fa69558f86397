package kz.agyn.survey;

import java.util.List;
import java.util.Objects;
import kz.agyn.survey.estimation.ReplicateType;

/**
 * Replicate weights declared as a survey's design, the alternative to strata and clusters (decision 0048): the
 * respondents' full-sample weight comes in the {@code weight} column and replicate r's full weight in
 * {@code repw_r}, r = 1…R (R's {@code svrepdesign(..., combined.weights = TRUE)}).
 *
 * @param type    how the replicates were made
 * @param scale   the overall factor of the variance; null for R's default of the type (BRR and Fay take none)
 * @param rscales a factor per replicate; null for R's default (1 each). JKn without them takes
 *                {@code (n_h − 1) / n_h} from the respondents' strata (column {@code stratum}, and {@code psu} when
 *                clusters are declared), which then must be declared
 * @param mse     centre the replicates on the full-sample estimate instead of their mean (R's {@code mse = TRUE});
 *                false by default, as R's option {@code survey.replicates.mse}
 * @param rho     Fay's ρ, strictly between 0 and 1; only with {@link ReplicateType#FAY}
 */
public record ReplicateDeclaration(ReplicateType type, Double scale, List<Double> rscales, boolean mse, Double rho) {

    /** The columns of the replicate weights: {@code repw_1}, {@code repw_2}, … */
    public static final String COLUMN_PREFIX = "repw_";

    public ReplicateDeclaration {
        Objects.requireNonNull(type, "type");
        rscales = rscales == null || rscales.isEmpty() ? null : List.copyOf(rscales);
        if (type == ReplicateType.FAY && (rho == null || !(rho > 0 && rho < 1))) {
            throw SurveyException.invalid("survey.replicates.badRho", rho == null ? "—" : rho);
        }
        if (type != ReplicateType.FAY && rho != null) {
            throw SurveyException.invalid("survey.replicates.rhoOnlyFay", type.rName());
        }
        if (scale != null && type.fixedScale()) {
            throw SurveyException.invalid("survey.replicates.scaleFixed", type.rName());
        }
        if (scale != null && !(scale > 0 && Double.isFinite(scale))) {
            throw SurveyException.invalid("survey.replicates.badScale", scale);
        }
        if (rscales != null) {
            for (int r = 0; r < rscales.size(); r++) {
                Double x = rscales.get(r);
                if (x == null || !(x >= 0) || !Double.isFinite(x)) {
                    throw SurveyException.invalid("survey.replicates.badRscale", r + 1, x == null ? "—" : x);
                }
            }
        }
    }
}
