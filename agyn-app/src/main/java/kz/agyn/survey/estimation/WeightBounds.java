package kz.agyn.survey.estimation;

/**
 * Trimming bounds on the adjustment factor {@code g_i = w_i / d_i} of a raked weight {@code w_i} against
 * the base weight {@code d_i}, as in R's {@code calibrate(..., bounds = c(lower, upper))}: no respondent
 * may come to stand for fewer than {@code lower} or more than {@code upper} times as many people as the
 * design made them. Tight bounds may make the margins unattainable; raking then reports that it did not
 * converge.
 *
 * @param lower the smallest factor, positive
 * @param upper the largest factor, at least {@code lower}
 */
public record WeightBounds(double lower, double upper) {

    public WeightBounds {
        if (!(lower > 0 && lower <= 1 && upper >= 1 && Double.isFinite(upper))) {
            throw new IllegalArgumentException("bounds need 0 < lower ≤ 1 ≤ upper < ∞: " + lower + ", " + upper);
        }
    }
}
