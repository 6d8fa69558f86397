package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.random.Well19937c;

/**
 * Options ranked by weighted share, with the probability that each rank is right.
 *
 * <p>The estimated shares are approximately multivariate normal, {@code p̂ ~ N(p, V)}, with V the
 * linearized covariance of the {@link ShareTable}. The ranking draws {@code D} vectors
 * {@code p* = p̂ + Q Λ^½ g} (V = QΛQᵀ its eigendecomposition, negative rounding-error eigenvalues set to 0,
 * so that the singular V of a single-choice question, whose shares sum to 1, is handled; g standard
 * normal), ranks the options within each draw, and reports for each option how often it held each rank.
 * {@code P(rank = observed rank)} near 1 means the place is secure; two options with close shares will
 * each show about ½. The generator is a seeded WELL19937c, so the same inputs and seed give the same
 * probabilities; with D = 10,000 draws each probability has a Monte Carlo standard error of at most 0.005.
 */
public final class Ranking {

    /** Enough for a Monte Carlo standard error below 0.005 on every probability. */
    public static final int DEFAULT_DRAWS = 10_000;

    private Ranking() {
    }

    /** Ranks with {@link #DEFAULT_DRAWS} draws. */
    public static List<RankedOption> rank(ShareTable table, long seed) {
        return rank(table, DEFAULT_DRAWS, seed);
    }

    /** The options in order of observed rank, each with the distribution of its rank over the draws. */
    public static List<RankedOption> rank(ShareTable table, int draws, long seed) {
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be positive: " + draws);
        }
        int k = table.shares().size();
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            mean[j] = table.shares().get(j).share();
        }
        int[] observed = ranks(mean);
        double[][] root = squareRoot(table.covarianceArray());
        Well19937c random = new Well19937c(seed);
        long[][] held = new long[k][k];
        double[] g = new double[k];
        double[] draw = new double[k];
        for (int d = 0; d < draws; d++) {
            for (int j = 0; j < k; j++) {
                g[j] = random.nextGaussian();
            }
            for (int a = 0; a < k; a++) {
                double x = mean[a];
                for (int b = 0; b < k; b++) {
                    x += root[a][b] * g[b];
                }
                draw[a] = x;
            }
            int[] r = ranks(draw);
            for (int j = 0; j < k; j++) {
                held[j][r[j] - 1]++;
            }
        }
        List<RankedOption> result = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            List<Double> distribution = new ArrayList<>();
            int best = 0;
            for (int r = 0; r < k; r++) {
                distribution.add(held[j][r] / (double) draws);
                if (held[j][r] > held[j][best]) {
                    best = r;
                }
            }
            result.add(new RankedOption(table.shares().get(j).option(), mean[j], observed[j],
                    distribution.get(observed[j] - 1), best + 1, distribution.get(best), distribution));
        }
        result.sort(Comparator.comparingInt(RankedOption::rank));
        return result;
    }

    /** 1 for the largest value; equal values in index order. */
    static int[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> {
            int byValue = Double.compare(values[b], values[a]);
            return byValue != 0 ? byValue : Integer.compare(a, b);
        });
        int[] rank = new int[values.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }

    private static double[][] squareRoot(double[][] v) {
        int k = v.length;
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(v));
        double[] values = eigen.getEigenvalues();
        double[][] root = new double[k][k];
        for (int e = 0; e < k; e++) {
            double s = Math.sqrt(Math.max(values[e], 0));
            for (int a = 0; a < k; a++) {
                root[a][e] = eigen.getEigenvector(e).getEntry(a) * s;
            }
        }
        return root;
    }
}
