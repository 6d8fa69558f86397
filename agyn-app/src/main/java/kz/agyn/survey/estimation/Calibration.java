package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * How a design's weights were calibrated, kept so that the variance can account for it: the weights before
 * calibration and each respondent's category of every variable raked on.
 *
 * <p>Raking makes the weighted totals of those categories equal known population totals, so they no longer vary
 * from sample to sample; the variance of an estimate must then be that of the part of it the raking variables do
 * not explain. Following R's {@code survey} ({@code calibrate(..., calfun = "raking")} and the
 * {@code greg_calibration} branch of {@code svyrecvar}), each respondent's influence value {@code x_i} is replaced
 * by {@code x_i − w_i m_iᵀ β}, where {@code m_i} holds an intercept and the indicators of the respondent's
 * categories (the first category of each variable left out, as {@code model.matrix(~a + b)} does), {@code w_i}
 * is the calibrated weight and β is the least-squares fit of {@code x_i / w_i} on {@code m_i} weighted by the
 * weights before calibration {@code d_i}. Treating the raked weights as fixed would skip this and usually
 * overstate the standard error of what the margins predict.
 *
 * <p>The fit depends only on the categories and the weights before calibration, so its decomposition is made once
 * per calibration and reused for every estimate (a breakdown makes one per group).
 */
public final class Calibration {

    private final List<Double> baseWeights;
    private final List<List<String>> categories;
    private volatile Fit fit;

    /**
     * @param baseWeights the weights before calibration, {@code d_i}, aligned with the design
     * @param categories  for each raking variable, every respondent's category
     */
    public Calibration(List<Double> baseWeights, List<List<String>> categories) {
        this.baseWeights = List.copyOf(baseWeights);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> c : categories) {
            if (c.size() != baseWeights.size()) {
                throw new IllegalArgumentException("a raking variable has " + c.size() + " categories for "
                        + baseWeights.size() + " respondents");
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(c)));
        }
        this.categories = List.copyOf(copy);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a calibration needs at least one variable");
        }
    }

    /** The calibration of a raking: its variables' categories and the weights it started from. */
    public static Calibration of(List<Double> baseWeights, List<RakingVariable> variables) {
        return new Calibration(baseWeights, variables.stream().map(RakingVariable::categories).toList());
    }

    public List<Double> baseWeights() {
        return baseWeights;
    }

    public List<List<String>> categories() {
        return categories;
    }

    /** √d-scaled model matrix and its QR solver. */
    private record Fit(RealMatrix m, DecompositionSolver solver, double[] root) {
    }

    private Fit fit() {
        Fit f = fit;
        if (f == null) {
            int n = baseWeights.size();
            List<Map<String, Integer>> levels = new ArrayList<>();
            int columns = 1;
            for (List<String> variable : categories) {
                Map<String, Integer> level = new LinkedHashMap<>();
                for (String c : variable) {
                    level.putIfAbsent(Objects.requireNonNull(c, "category"), level.size());
                }
                levels.add(level);
                columns += level.size() - 1;
            }
            double[][] m = new double[n][columns];
            double[] root = new double[n];
            for (int i = 0; i < n; i++) {
                root[i] = Math.sqrt(baseWeights.get(i));
                m[i][0] = root[i];
                int offset = 1;
                for (int v = 0; v < levels.size(); v++) {
                    int level = levels.get(v).get(categories.get(v).get(i));
                    if (level > 0) {
                        m[i][offset + level - 1] = root[i];
                    }
                    offset += levels.get(v).size() - 1;
                }
            }
            RealMatrix matrix = new Array2DRowRealMatrix(m, false);
            f = new Fit(matrix, new QRDecomposition(matrix, 1e-12).getSolver(), root);
            fit = f;
        }
        return f;
    }

    /** {@code x_i − w_i m_iᵀ β}, β the fit of {@code x_i / w_i} on {@code m_i} weighted by {@code d_i}. */
    double[][] residuals(double[][] x, double[] w) {
        Fit f = fit();
        int n = x.length;
        int k = n == 0 ? 0 : x[0].length;
        double[][] y = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                y[i][j] = w[i] != 0 ? f.root()[i] * x[i][j] / w[i] : 0;
            }
        }
        RealMatrix fitted = f.m().multiply(f.solver().solve(new Array2DRowRealMatrix(y, false)));
        double[][] r = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                // fitted is √d mᵀβ; the residual on the influence scale is x − w mᵀβ.
                r[i][j] = f.root()[i] > 0 ? x[i][j] - w[i] * fitted.getEntry(i, j) / f.root()[i] : x[i][j];
            }
        }
        return r;
    }
}
