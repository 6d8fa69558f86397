package kz.agyn.survey.estimation;

/**
 * A confidence interval and how it was made.
 *
 * @param low    lower bound
 * @param high   upper bound
 * @param method the construction, so that a page can say which one it shows
 */
public record Interval(double low, double high, Method method) {

    /** How an interval is constructed. */
    public enum Method {
        /**
         * {@code estimate ± z · SE} with {@code z = Φ⁻¹((1 + level) / 2)}, the standard normal quantile,
         * and SE the linearized standard error: R's {@code confint(svymean(...))}, whose default
         * {@code df = Inf} is the normal distribution. For shares it is not clipped to [0, 1], as in R.
         */
        WALD,
        /**
         * The Wald interval on the log-odds scale, transformed back:
         * {@code expit(logit(p) ± t · SE / (p (1 − p)))} with {@code logit(p) = ln(p / (1 − p))},
         * {@code expit(x) = 1 / (1 + e⁻ˣ)} and {@code t} the {@code (1 + level) / 2} quantile of
         * Student's t with the design's degrees of freedom (respondents in the domain less the strata
         * they fall in). This is R's {@code svyciprop(method = "logit")}, whose default is
         * {@code df = degf(design)}. It always lies within (0, 1). A share of exactly 0 or 1 has the
         * single-point interval [p, p]; with fewer than one degree of freedom the interval is [0, 1].
         */
        LOGIT,
        /**
         * {@code p ± t · SE}, with {@code t} the {@code (1 + level) / 2} quantile of Student's t with the design's
         * degrees of freedom (R's {@code svyciprop(method = "mean")}), then cut to [0, 1] so that no bound is an
         * impossible share.
         */
        WALD_CLIPPED,
        /**
         * Korn and Graubard's interval (R's {@code svyciprop(method = "beta")}): the Clopper–Pearson interval at the
         * effective sample size {@code n* = p (1 − p) / V(p) · (t_{m−1} / t_df)²}, where {@code t_x} is the
         * {@code (1 − level) / 2} quantile of Student's t with x degrees of freedom and m the respondents in the
         * domain: {@code [B⁻¹(α/2; n* p, n* (1 − p) + 1), B⁻¹(1 − α/2; n* p + 1, n* (1 − p))]}, B⁻¹ the beta
         * quantile. At p = 0 the lower bound is 0, at p = 1 the upper is 1; with V(p) = 0, n* = m.
         */
        KORN_GRAUBARD,
        /** {@code difference ± z · SE} of a difference of two independent estimates. */
        WALD_DIFFERENCE
    }

    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("an interval's low " + low + " exceeds its high " + high);
        }
    }

    public double width() {
        return high - low;
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
