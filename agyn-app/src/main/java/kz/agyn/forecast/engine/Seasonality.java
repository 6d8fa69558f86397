package kz.agyn.forecast.engine;

/**
 * Classical multiplicative decomposition, used (as R's {@code forecast::thetaf} and the M4 Naive2 benchmark do) to
 * take seasonality out before Theta and Naive2 and put it back into their forecasts: seasonal when the
 * autocorrelation at the seasonal lag exceeds its 90% limit, {@code 1.645·sqrt((1 + 2·Σ r_k², k < m) / n)}.
 */
final class Seasonality {

    private Seasonality() {
    }

    /** The seasonal indices (mean 1) by position in the year of each point, or null when the series is not seasonal. */
    static double[] indices(double[] y, int period) {
        int n = y.length;
        if (period <= 1 || n < 3 * period) {
            return null;
        }
        for (double v : y) {
            if (v <= 0) {
                return null;
            }
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        double sum = 0;
        double rm = 0;
        for (int k = 1; k <= period; k++) {
            double ck = 0;
            for (int t = k; t < n; t++) {
                ck += (y[t] - mean) * (y[t - k] - mean);
            }
            double r = ck / c0;
            if (k < period) {
                sum += r * r;
            } else {
                rm = r;
            }
        }
        if (Math.abs(rm) <= 1.6448536269514722 * Math.sqrt((1 + 2 * sum) / n)) {
            return null;
        }
        // Centred moving average of order m (2×m when m is even), ratios to it, averaged by season.
        double[] trend = new double[n];
        java.util.Arrays.fill(trend, Double.NaN);
        int half = period / 2;
        for (int t = half; t < n - half; t++) {
            double s = 0;
            if (period % 2 == 0) {
                s += 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int j = -half + 1; j < half; j++) {
                    s += y[t + j];
                }
            } else {
                for (int j = -half; j <= half; j++) {
                    s += y[t + j];
                }
            }
            trend[t] = s / period;
        }
        double[] idx = new double[period];
        int[] count = new int[period];
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(trend[t])) {
                idx[t % period] += y[t] / trend[t];
                count[t % period]++;
            }
        }
        double norm = 0;
        for (int s = 0; s < period; s++) {
            idx[s] /= count[s];
            norm += idx[s];
        }
        norm /= period;
        for (int s = 0; s < period; s++) {
            idx[s] /= norm;
        }
        return idx;
    }
}
