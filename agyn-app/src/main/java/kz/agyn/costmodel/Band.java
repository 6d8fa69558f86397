package kz.agyn.costmodel;

import java.util.Arrays;

/**
 * A summary of a Monte Carlo distribution, in KZT. Percentiles interpolate linearly between order statistics
 * (Hyndman and Fan's type 7, the default of R and of numpy): for n sorted values x₀…xₙ₋₁ and probability q,
 * h = (n − 1) q and P(q) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
 *
 * @param mean   the arithmetic mean, the model's headline (it adds up: the mean of a sum is the sum of the means)
 * @param median P50
 * @param p5     P5, the lower end of the 90% band
 * @param p95    P95, the upper end of the 90% band
 */
public record Band(double mean, double median, double p5, double p95) {

    /** Summarises {@code values}, which it sorts in place. */
    static Band of(double[] values) {
        Arrays.sort(values);
        double sum = 0;
        for (double x : values) {
            sum += x;
        }
        // The mean lies between the smallest and largest value; clamping removes only the rounding of the sum, so
        // that a run whose values are all equal (every parameter fixed) has its mean exactly on its band.
        double mean = Math.min(Math.max(sum / values.length, values[0]), values[values.length - 1]);
        return new Band(mean, percentile(values, 0.50), percentile(values, 0.05),
                percentile(values, 0.95));
    }

    /** Type-7 percentile of sorted values; q in [0, 1]. */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
