package kz.agyn.residency.estimator;

/**
 * One aggregate: persons of a dimension's value (deceased left out), how many EMIGRATED (of which officially
 * deregistered, the rest hidden), how many UNCERTAIN, a 95% interval for the emigrated count, and the true count when
 * the truth is known (else −1).
 *
 * <p>The interval: each person not deregistered emigrated with chance {@code p = 1 − index}; the count's
 * classification variance is {@code V = Σ p(1 − p)} (Poisson-binomial). Lower bound {@code max(official, emigrated −
 * 1.96√V)}, upper bound {@code emigrated + Σ_uncertain p + 1.96√V}: the uncertain add the
 * number of them expected to have left. It measures the
 * uncertainty of classifying persons, not of the model (the weights' own error is in the calibration's SEs).
 */
public record Cell(Dimension dimension, String code, long persons, long emigrated, long official, long uncertain,
                   double low, double high, long truth) {

    /** Emigrated without deregistering: what the official count misses. */
    public long hidden() {
        return emigrated - official;
    }
}
