package kz.agyn.survey.estimation;

/**
 * Ratio means of several variables over a domain, with their covariance by Taylor linearization for a
 * stratified single-stage with-replacement design; the arithmetic of R's {@code svymean} and
 * {@code svyrecvar}.
 */
final class Linearization {

    /** Estimates ȳ_j, covariance V, and what the design effects need. */
    record Result(double[] mean, double[][] covariance, double[] svyvar, int answered, double weightSum,
                  int degreesOfFreedom) {
    }

    private Linearization() {
    }

    /**
     * @param y      n × k values; rows outside the domain are ignored
     * @param domain which respondents count (answered, and belong to the group); null = all
     */
    static Result estimate(double[] w, int[] stratum, boolean[] domain, double[][] y) {
        int n = w.length;
        int k = y.length == 0 ? 0 : y[0].length;
        double psum = 0;
        int answered = 0;
        for (int i = 0; i < n; i++) {
            if (in(domain, i) && w[i] > 0) {
                psum += w[i];
                answered++;
            }
        }
        double[] mean = new double[k];
        if (psum <= 0) {
            throw new IllegalArgumentException("no respondent with a positive weight in the domain");
        }
        for (int i = 0; i < n; i++) {
            if (in(domain, i)) {
                for (int j = 0; j < k; j++) {
                    mean[j] += w[i] * y[i][j] / psum;
                }
            }
        }
        // Influence of each respondent on the ratio mean; zero outside the domain, but such respondents
        // still count in their stratum's n_h, which is what makes this a domain estimate, not a subsample.
        int strata = 0;
        for (int h : stratum) {
            strata = Math.max(strata, h + 1);
        }
        double[][] z = new double[n][k];
        int[] nh = new int[strata];
        double[][] zsum = new double[strata][k];
        for (int i = 0; i < n; i++) {
            nh[stratum[i]]++;
            if (in(domain, i)) {
                for (int j = 0; j < k; j++) {
                    z[i][j] = w[i] * (y[i][j] - mean[j]) / psum;
                    zsum[stratum[i]][j] += z[i][j];
                }
            }
        }
        double[][] v = new double[k][k];
        for (int i = 0; i < n; i++) {
            int h = stratum[i];
            double scale = nh[h] / (nh[h] - 1.0);
            for (int a = 0; a < k; a++) {
                double da = z[i][a] - zsum[h][a] / nh[h];
                for (int b = a; b < k; b++) {
                    v[a][b] += scale * da * (z[i][b] - zsum[h][b] / nh[h]);
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                v[a][b] = v[b][a];
            }
        }
        double[] svyvar = new double[k];
        for (int i = 0; i < n; i++) {
            if (in(domain, i) && w[i] > 0) {
                for (int j = 0; j < k; j++) {
                    double d = y[i][j] - mean[j];
                    svyvar[j] += w[i] * d * d / psum;
                }
            }
        }
        for (int j = 0; j < k; j++) {
            svyvar[j] *= answered / (answered - 1.0);
        }
        return new Result(mean, v, svyvar, answered, psum, degreesOfFreedom(w, stratum, domain));
    }

    /** R's {@code degf}: respondents with a positive weight in the domain, less the strata they fall in. */
    static int degreesOfFreedom(double[] w, int[] stratum, boolean[] domain) {
        int count = 0;
        java.util.BitSet seen = new java.util.BitSet();
        for (int i = 0; i < w.length; i++) {
            if (in(domain, i) && w[i] > 0) {
                count++;
                seen.set(stratum[i]);
            }
        }
        return count - seen.cardinality();
    }

    static double kish(double[] w, boolean[] domain) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int i = 0; i < w.length; i++) {
            if (in(domain, i)) {
                s += w[i];
                s2 += w[i] * w[i];
                n++;
            }
        }
        return n * s2 / (s * s);
    }

    private static boolean in(boolean[] domain, int i) {
        return domain == null || domain[i];
    }
}
