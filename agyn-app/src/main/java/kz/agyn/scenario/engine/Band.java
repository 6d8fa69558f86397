package kz.agyn.scenario.engine;

/**
 * A value's distribution over the draws: mean and quantiles (the 80% band is p10..p90, the 95% band
 * p2_5..p97_5). Quantiles interpolate linearly between order statistics, so they are ordered. Draws where the
 * value is not defined (NaN, such as the cost per specialist kept when none is kept) are left out; a band with
 * no defined draw is all NaN.
 */
public record Band(double mean, double p2_5, double p10, double p50, double p90, double p97_5) {

    static final Band UNDEFINED = new Band(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** True when at least one draw defined the value. */
    public boolean defined() {
        return !Double.isNaN(mean);
    }

    static Band of(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return UNDEFINED;
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return new Band(sum / v.length, quantile(v, 0.025), quantile(v, 0.10), quantile(v, 0.5),
                quantile(v, 0.90), quantile(v, 0.975));
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
