package kz.agyn.survey.estimation;

import java.util.Arrays;
import java.util.List;

/**
 * A design's replicate weights and how their spread is a variance: R's {@code svrepdesign} with
 * {@code combined.weights = TRUE} (each replicate column is a full weight, not a factor of the sampling weight).
 *
 * <p>For estimates θ (one per column of a vector) the variance is R's {@code svrVar}:
 * {@code V = scale · Σ_r rscales_r (θ_r − c)(θ_r − c)ᵀ}, θ_r the estimate with replicate r's weights, and c the mean of
 * the θ_r over replicates with a positive rscale, or with {@code mse} the full-sample estimate θ. A replicate whose
 * estimate is undefined (no weight in the domain) is left out, as R leaves out its NA.
 *
 * @param type     how the replicates were made
 * @param weights  replicate r's weights, {@code weights[r][i]} for respondent i; each finite and non-negative
 * @param scale    the overall factor
 * @param rscales  a factor per replicate, each non-negative
 * @param mse      centre on the full-sample estimate rather than the replicates' mean
 * @param rho      Fay's ρ (null for other types)
 */
public record ReplicateWeights(ReplicateType type, double[][] weights, double scale, double[] rscales, boolean mse,
                               Double rho) {

    public ReplicateWeights {
        if (weights.length < 2) {
            throw new IllegalArgumentException("replicate weights need at least two replicates: " + weights.length);
        }
        weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
        rscales = rscales.clone();
        int n = weights[0].length;
        for (double[] column : weights) {
            if (column.length != n) {
                throw new IllegalArgumentException("replicates differ in length");
            }
            for (double w : column) {
                if (!Double.isFinite(w) || w < 0) {
                    throw new IllegalArgumentException("a replicate weight must be finite and non-negative: " + w);
                }
            }
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("the scale must be positive: " + scale);
        }
        if (rscales.length != weights.length) {
            throw new IllegalArgumentException(rscales.length + " rscales for " + weights.length + " replicates");
        }
        for (double r : rscales) {
            if (!(r >= 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("an rscale must be non-negative: " + r);
            }
        }
        if (type == ReplicateType.FAY && (rho == null || !(rho > 0 && rho < 1))) {
            throw new IllegalArgumentException("Fay's rho must lie strictly between 0 and 1: " + rho);
        }
    }

    /**
     * Replicate weights with R's defaults where {@code scale} or {@code rscales} is null: see {@link ReplicateType}.
     * JKn has no default rscales, as in R.
     */
    public static ReplicateWeights of(ReplicateType type, double[][] weights, Double scale, double[] rscales,
                                      boolean mse, Double rho) {
        int replicates = weights.length;
        if (type == ReplicateType.JKN && rscales == null) {
            throw new IllegalArgumentException("JKn replicate weights need their rscales");
        }
        double s = scale == null || type.fixedScale() ? type.defaultScale(replicates, rho) : scale;
        double[] r = rscales;
        if (r == null) {
            r = new double[replicates];
            Arrays.fill(r, 1);
        }
        return new ReplicateWeights(type, weights, s, r, mse, type == ReplicateType.FAY ? rho : null);
    }

    /** The number of replicates, R. */
    public int count() {
        return weights.length;
    }

    /** The respondents. */
    int size() {
        return weights[0].length;
    }

    /** The same replicates with other weights (calibrated ones), the same type, scale, rscales and centring. */
    ReplicateWeights with(double[][] calibrated) {
        return new ReplicateWeights(type, calibrated, scale, rscales, mse, rho);
    }

    /**
     * R's {@code svrVar}: {@code thetas[r]} the estimates under replicate r (null when undefined there), {@code coef}
     * the full-sample estimates.
     */
    double[][] variance(double[][] thetas, double[] coef) {
        int k = coef.length;
        double[] centre = coef.clone();
        if (!mse) {
            centre = new double[k];
            int used = 0;
            for (int r = 0; r < thetas.length; r++) {
                if (thetas[r] != null && rscales[r] > 0) {
                    used++;
                    for (int j = 0; j < k; j++) {
                        centre[j] += thetas[r][j];
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                centre[j] /= used;
            }
        }
        double[][] v = new double[k][k];
        for (int r = 0; r < thetas.length; r++) {
            if (thetas[r] == null) {
                continue;
            }
            for (int a = 0; a < k; a++) {
                double da = thetas[r][a] - centre[a];
                for (int b = 0; b < k; b++) {
                    v[a][b] += scale * rscales[r] * da * (thetas[r][b] - centre[b]);
                }
            }
        }
        return v;
    }

    /**
     * R's {@code degf} of a replicate design restricted to the domain's respondents: the rank of their replicate
     * weights less one ({@code qr(weights(design, "analysis"), tol = 1e-5)$rank − 1}). The rank is counted from the
     * eigenvalues of the R × R cross-product, those above 1e-10 of the largest (singular values above 1e-5 of the
     * largest); on full-rank replicates, all there are in practice, it is the same number.
     */
    int degreesOfFreedom(boolean[] domain) {
        int replicates = count();
        double[][] gram = new double[replicates][replicates];
        for (int i = 0; i < size(); i++) {
            if (domain != null && !domain[i]) {
                continue;
            }
            for (int a = 0; a < replicates; a++) {
                double wa = weights[a][i];
                if (wa == 0) {
                    continue;
                }
                for (int b = a; b < replicates; b++) {
                    gram[a][b] += wa * weights[b][i];
                }
            }
        }
        for (int a = 0; a < replicates; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        double[] eigen = new org.hipparchus.linear.EigenDecompositionSymmetric(
                new org.hipparchus.linear.Array2DRowRealMatrix(gram, false)).getEigenvalues();
        double largest = Arrays.stream(eigen).max().orElse(0);
        if (!(largest > 0)) {
            return 0;
        }
        int rank = 0;
        for (double e : eigen) {
            if (e > 1e-10 * largest) {
                rank++;
            }
        }
        return rank - 1;
    }

    /**
     * The replicates calibrated as R's {@code calibrate()} on a {@code svyrep.design} does: each replicate's weights
     * calibrated by the same method to the same population totals. Respondents a replicate gives no weight keep none.
     *
     * @throws ReplicateCalibrationException naming the replicate (from 1) whose weights cannot meet the margins
     */
    ReplicateWeights calibrated(List<RakingVariable> variables, CalibrationMethod method, RakingOptions options) {
        double[][] out = new double[count()][];
        for (int r = 0; r < count(); r++) {
            double[] column = weights[r];
            int[] kept = java.util.stream.IntStream.range(0, column.length).filter(i -> column[i] > 0).toArray();
            List<Double> base = Arrays.stream(kept).mapToObj(i -> column[i]).toList();
            List<RakingVariable> sub = variables.stream().map(v -> new RakingVariable(v.name(),
                    Arrays.stream(kept).mapToObj(i -> v.categories().get(i)).toList(), v.margins())).toList();
            RakingResult result;
            try {
                result = method.calibrate(base, sub, options).orThrow();
            } catch (RakingException e) {
                throw new ReplicateCalibrationException(r + 1, e);
            }
            out[r] = new double[column.length];
            for (int j = 0; j < kept.length; j++) {
                out[r][kept[j]] = result.weights().get(j);
            }
        }
        return with(out);
    }
}
