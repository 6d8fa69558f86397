package kz.agyn.survey.estimation;

/**
 * Ratio means of several variables over a domain, with their covariance by Taylor linearization for the
 * {@link SurveyDesign}; the arithmetic of R's {@code svymean} and {@code svyrecvar}.
 */
final class Linearization {

    /**
     * Estimates ȳ_j, covariance V, and what the design effects need; with replicate weights also each replicate's
     * estimates ({@code replicateMeans[r]}, null where the replicate gives the domain no weight), else null.
     */
    record Result(double[] mean, double[][] covariance, double[] svyvar, int answered, double weightSum,
                  int degreesOfFreedom, double[][] replicateMeans) {
    }

    private Linearization() {
    }

    /**
     * @param y      n × k values; rows outside the domain are ignored
     * @param domain which respondents count (answered, and belong to the group); null = all
     */
    static Result estimate(SurveyDesign design, boolean[] domain, double[][] y) {
        double[] w = design.weightsArray();
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
        // still count in their stratum's PSUs, which is what makes this a domain estimate, not a subsample.
        double[][] z = new double[n][k];
        for (int i = 0; i < n; i++) {
            if (in(domain, i)) {
                for (int j = 0; j < k; j++) {
                    z[i][j] = w[i] * (y[i][j] - mean[j]) / psum;
                }
            }
        }
        double[][] replicateMeans = design.isReplicated() ? replicateMeans(design.replicates(), domain, y) : null;
        double[][] v = replicateMeans != null ? design.replicates().variance(replicateMeans, mean)
                : design.covariance(z);
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
        return new Result(mean, v, svyvar, answered, psum, degreesOfFreedom(design, domain), replicateMeans);
    }

    /** The ratio means under each replicate's weights, R's {@code svymean} on a {@code svyrep.design}. */
    private static double[][] replicateMeans(ReplicateWeights replicates, boolean[] domain, double[][] y) {
        int k = y.length == 0 ? 0 : y[0].length;
        double[][] means = new double[replicates.count()][];
        for (int r = 0; r < means.length; r++) {
            double[] w = replicates.weights()[r];
            double sum = 0;
            double[] total = new double[k];
            for (int i = 0; i < w.length; i++) {
                if (in(domain, i) && w[i] > 0) {
                    sum += w[i];
                    for (int j = 0; j < k; j++) {
                        total[j] += w[i] * y[i][j];
                    }
                }
            }
            if (sum > 0) {
                for (int j = 0; j < k; j++) {
                    total[j] /= sum;
                }
                means[r] = total;
            }
        }
        return means;
    }

    /**
     * R's {@code degf}: with replicate weights the rank of the domain's replicate weights less one
     * ({@link ReplicateWeights#degreesOfFreedom}); otherwise primary sampling units with a respondent of positive weight in the domain, less the strata
     * they fall in (for the whole sample, PSUs less strata).
     */
    static int degreesOfFreedom(SurveyDesign design, boolean[] domain) {
        if (design.isReplicated()) {
            return design.replicates().degreesOfFreedom(domain);
        }
        double[] w = design.weightsArray();
        int[] stratum = design.strataIndex();
        int[] psu = design.clusterIndex();
        java.util.BitSet strata = new java.util.BitSet();
        java.util.BitSet psus = new java.util.BitSet();
        for (int i = 0; i < w.length; i++) {
            if (in(domain, i) && w[i] > 0) {
                psus.set(psu[i]);
                strata.set(stratum[i]);
            }
        }
        return psus.cardinality() - strata.cardinality();
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
