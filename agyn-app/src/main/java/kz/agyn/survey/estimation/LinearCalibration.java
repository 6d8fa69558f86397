package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Linear (GREG) calibration of design weights to population margins, as R's {@code calibrate(...,
 * calfun = "linear")}, with the trimming bounds of {@link WeightBounds} as its {@code bounds}.
 *
 * <p>Each respondent's weight is {@code w_i = d_i g_i}, {@code g_i = F(x_iᵀη)} with {@code F(u) = 1 + u}, or,
 * with bounds, {@code F(u) = clip(1 + u, lower, upper)}; {@code x_i} is the respondent's row of the model matrix
 * of {@code ~a + b}: an intercept and the indicators of its categories, the first of each variable left out.
 * η solves {@code Σ d_i g_i x_i = T}, T the population totals of the same columns (the intercept's is the
 * population size). Newton steps, as R's {@code grake}: {@code η ← η + (Σ d_i F'(x_iᵀη) x_i x_iᵀ)⁺ (T − Σ d_i
 * g_i x_i)}, the pseudo-inverse because a column whose respondents all sit at a bound has no derivative. Without
 * bounds one step is exact. Stops when every margin holds to the options' relative tolerance, as raking does.
 *
 * <p>Unlike raking, unbounded linear calibration can make a weight zero or negative: a respondent who stands
 * for fewer than no one. R allows it; Agyn refuses it with the respondent named, since shares would leave
 * [0, 1] and intervals lose their meaning, and the cure — bounds, or raking — is the analyst's choice.
 */
public final class LinearCalibration {

    private LinearCalibration() {
    }

    /**
     * @throws RakingException when the margins cannot be met by any weights, or a weight comes out not positive
     */
    public static RakingResult calibrate(List<Double> baseWeights, List<RakingVariable> variables,
                                         RakingOptions options) {
        Raking.Margins m = Raking.Margins.of(baseWeights, variables, options);
        double[] d = m.d();
        int n = d.length;
        int k = variables.size();
        int[] offset = new int[k];
        int columns = 1;
        for (int v = 0; v < k; v++) {
            offset[v] = columns;
            columns += m.target()[v].length - 1;
        }
        double[][] x = new double[n][columns];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            for (int v = 0; v < k; v++) {
                int c = m.category()[v][i];
                if (c > 0) {
                    x[i][offset[v] + c - 1] = 1;
                }
            }
        }
        double[] population = new double[columns];
        population[0] = variables.get(0).total();
        for (int v = 0; v < k; v++) {
            for (int c = 1; c < m.target()[v].length; c++) {
                population[offset[v] + c - 1] = m.target()[v][c];
            }
        }
        Optional<WeightBounds> bounds = options.bounds();
        double[] eta = new double[columns];
        double[] g = new double[n];
        double[] w = new double[n];
        Raking.Worst worst = null;
        int iteration = 0;
        while (iteration < options.maxIterations()) {
            iteration++;
            double[][] t = new double[columns][columns];
            double[] misfit = population.clone();
            for (int i = 0; i < n; i++) {
                double u = dot(x[i], eta);
                double gi = factor(u, bounds);
                double derivative = bounds.isEmpty() || (u > bounds.get().lower() - 1 && u < bounds.get().upper() - 1)
                        ? 1 : 0;
                for (int a = 0; a < columns; a++) {
                    if (x[i][a] == 0) {
                        continue;
                    }
                    misfit[a] -= d[i] * gi * x[i][a];
                    if (derivative != 0) {
                        for (int b = 0; b < columns; b++) {
                            t[a][b] += d[i] * x[i][a] * x[i][b];
                        }
                    }
                }
            }
            RealVector step = new SingularValueDecomposition(new Array2DRowRealMatrix(t, false)).getSolver()
                    .solve(new ArrayRealVector(misfit, false));
            // R takes the full step; on a piecewise-linear F it can cycle between bounds (R's grake does on
            // small calibrations), so the step is halved until the misfit shrinks. Where R's full steps converge,
            // they shrink the misfit and are taken unchanged.
            double before = norm(misfit);
            double scale = 1;
            double[] next = new double[columns];
            for (int halvings = 0; ; halvings++) {
                for (int a = 0; a < columns; a++) {
                    next[a] = eta[a] + scale * step.getEntry(a);
                }
                if (bounds.isEmpty() || halvings == 40 || norm(misfit(x, d, next, population, bounds)) < before) {
                    break;
                }
                scale /= 2;
            }
            System.arraycopy(next, 0, eta, 0, columns);
            for (int i = 0; i < n; i++) {
                g[i] = factor(dot(x[i], eta), bounds);
                w[i] = d[i] * g[i];
            }
            worst = Raking.worst(w, m.category(), m.target(), m.names(), variables);
            if (worst.error() <= options.tolerance()) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(w[i] > 0)) {
                throw new RakingException(RakingProblem.WEIGHT_NOT_POSITIVE, variables.get(0).name(),
                        String.valueOf(i + 1), w[i]);
            }
        }
        List<Double> weights = new ArrayList<>(n);
        for (double v : w) {
            weights.add(v);
        }
        return new RakingResult(weights, iteration, worst.error(), worst.error() <= options.tolerance(),
                worst.variable(), worst.category());
    }

    private static double[] misfit(double[][] x, double[] d, double[] eta, double[] population,
                                   Optional<WeightBounds> bounds) {
        double[] misfit = population.clone();
        for (int i = 0; i < x.length; i++) {
            double gi = factor(dot(x[i], eta), bounds);
            for (int a = 0; a < misfit.length; a++) {
                misfit[a] -= d[i] * gi * x[i][a];
            }
        }
        return misfit;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double factor(double u, Optional<WeightBounds> bounds) {
        return bounds.map(b -> Math.min(Math.max(1 + u, b.lower()), b.upper())).orElse(1 + u);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
