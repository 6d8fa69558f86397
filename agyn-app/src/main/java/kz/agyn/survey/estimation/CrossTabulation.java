package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Cross-tabulation of two single-choice questions with weighted cell shares and design-adjusted
 * tests of independence; see {@link IndependenceTests} for the statistics and {@link CrossTabCell} for
 * the cells. Respondents who did not answer both questions are left out, as a domain of the design.
 */
public final class CrossTabulation {

    private CrossTabulation() {
    }

    public static CrossTab of(SurveyDesign design, List<String> rowAnswers, List<String> rowOptions,
                              List<String> columnAnswers, List<String> columnOptions, EstimationSettings settings,
                              MinimumCellSize rule) {
        design.requireAligned(rowAnswers, "row answers");
        design.requireAligned(columnAnswers, "column answers");
        int n = design.size();
        int r = rowOptions.size();
        int c = columnOptions.size();
        int[] row = new int[n];
        int[] col = new int[n];
        boolean[] both = new boolean[n];
        int[][] counts = new int[r][c];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (rowAnswers.get(i) == null || columnAnswers.get(i) == null) {
                continue;
            }
            row[i] = indexOf(rowOptions, rowAnswers.get(i), i);
            col[i] = indexOf(columnOptions, columnAnswers.get(i), i);
            both[i] = true;
            counts[row[i]][col[i]]++;
            m++;
        }
        if (m == 0) {
            throw new IllegalArgumentException("no respondent answered both questions");
        }
        List<String> cellCodes = new ArrayList<>();
        for (String a : rowOptions) {
            for (String b : columnOptions) {
                cellCodes.add(a + "|" + b);
            }
        }
        List<String> cellAnswers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cellAnswers.add(both[i] ? cellCodes.get(row[i] * c + col[i]) : null);
        }
        ShareTable shares = Estimation.singleChoice(design, cellAnswers, cellCodes, settings);
        double[] rowTotals = new double[r];
        double[] columnTotals = new double[c];
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < c; b++) {
                rowTotals[a] += shares.shares().get(a * c + b).share();
                columnTotals[b] += shares.shares().get(a * c + b).share();
            }
        }
        List<CrossTabCell> cells = new ArrayList<>();
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < c; b++) {
                ShareEstimate e = shares.shares().get(a * c + b);
                int k = counts[a][b];
                double within = rowTotals[a] > 0 ? e.share() / rowTotals[a] : 0;
                double withinColumn = columnTotals[b] > 0 ? e.share() / columnTotals[b] : 0;
                cells.add(new CrossTabCell(rowOptions.get(a), columnOptions.get(b), k, rule.apply(k, () -> e),
                        rule.apply(k, () -> within), rule.apply(k, () -> withinColumn)));
            }
        }
        return new CrossTab(rowOptions, columnOptions, cells, m,
                tests(design, row, col, both, counts, r, c, m));
    }

    private static Optional<IndependenceTests> tests(SurveyDesign design, int[] row, int[] col, boolean[] both,
                                                     int[][] counts, int r, int c, int m) {
        // Only categories someone chose, renumbered, as R's svychisq does with unique().
        int[] rowMap = observed(counts, r, c, true);
        int[] colMap = observed(counts, r, c, false);
        int rr = max(rowMap);
        int cc = max(colMap);
        if (rr < 2 || cc < 2) {
            return Optional.empty();
        }
        int n = both.length;
        int k = rr * cc;
        double[][] y = new double[n][k];
        double[][] unweighted = new double[rr][cc];
        for (int i = 0; i < n; i++) {
            if (both[i]) {
                int a = rowMap[row[i]] - 1;
                int b = colMap[col[i]] - 1;
                y[i][a * cc + b] = 1;
                unweighted[a][b]++;
            }
        }
        Linearization.Result est = Linearization.estimate(design, both, y);
        double[] p = est.mean();
        // Scaled to all respondents of the design, N, as R's svychisq does (svytable(..., Ntotal = N) with
        // N = nrow(design), and Vsrs over N), not to the m who answered both: X² and δ̄ grow by N / m
        // with item non-response, while F, its p-value and X² / δ̄ do not change.
        int total = n;
        double[][] table = new double[rr][cc];
        for (int a = 0; a < rr; a++) {
            for (int b = 0; b < cc; b++) {
                table[a][b] = total * p[a * cc + b];
            }
        }
        int df = (rr - 1) * (cc - 1);
        double x2 = pearson(table);
        double x2u = pearson(unweighted);

        // Interaction contrasts: an indicator of cell (a, b) less its projection on the main effects,
        // which on a complete r × c grid is the row mean plus the column mean less the grand mean.
        RealMatrix contrasts = new Array2DRowRealMatrix(k, df);
        int col0 = 0;
        for (int a = 1; a < rr; a++) {
            for (int b = 1; b < cc; b++) {
                for (int i = 0; i < rr; i++) {
                    for (int j = 0; j < cc; j++) {
                        double x = (i == a && j == b ? 1 : 0) - (i == a ? 1.0 / cc : 0) - (j == b ? 1.0 / rr : 0)
                                + 1.0 / k;
                        contrasts.setEntry(i * cc + j, col0, x);
                    }
                }
                col0++;
            }
        }
        RealMatrix inverseD = new Array2DRowRealMatrix(k, k);
        for (int j = 0; j < k; j++) {
            inverseD.setEntry(j, j, p[j] == 0 ? 0 : 1 / p[j]);
        }
        RealMatrix v = new Array2DRowRealMatrix(est.covariance());
        RealMatrix denominator = contrasts.transpose().multiply(inverseD).multiply(contrasts)
                .scalarMultiply(1.0 / total);
        RealMatrix numerator = contrasts.transpose().multiply(inverseD).multiply(v).multiply(inverseD)
                .multiply(contrasts);
        RealMatrix delta = new LUDecomposition(denominator).getSolver().solve(numerator);
        double trace = delta.getTrace();
        double trace2 = delta.multiply(delta).getTrace();
        double meanDeff = trace / df;
        double firstOrder = x2 / meanDeff;
        double d0 = trace * trace / trace2;
        double nu = design.degreesOfFreedom();
        double f = x2 / trace;
        return Optional.of(new IndependenceTests(chiSquare(x2, df), chiSquare(firstOrder, df),
                fTest(f, d0, d0 * nu), meanDeff, chiSquare(x2u, df)));
    }

    private static ChiSquareTest chiSquare(double statistic, int df) {
        double log = Tails.logUpperChiSquare(statistic, df);
        return new ChiSquareTest(statistic, df, Math.exp(log), log);
    }

    private static FTest fTest(double f, double d1, double d2) {
        double log = Tails.logUpperF(f, d1, d2);
        return new FTest(f, d1, d2, Math.exp(log), log);
    }

    /** Σ (O − E)² / E with E = row total × column total / grand total. */
    static double pearson(double[][] t) {
        int r = t.length;
        int c = t[0].length;
        double[] rs = new double[r];
        double[] cs = new double[c];
        double total = 0;
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < c; b++) {
                rs[a] += t[a][b];
                cs[b] += t[a][b];
                total += t[a][b];
            }
        }
        double x2 = 0;
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < c; b++) {
                double e = rs[a] * cs[b] / total;
                x2 += (t[a][b] - e) * (t[a][b] - e) / e;
            }
        }
        return x2;
    }

    /** For each category, its 1-based number among the observed ones, or 0 when no one chose it. */
    private static int[] observed(int[][] counts, int r, int c, boolean rows) {
        int size = rows ? r : c;
        int[] map = new int[size];
        int next = 1;
        for (int x = 0; x < size; x++) {
            int sum = 0;
            for (int y = 0; y < (rows ? c : r); y++) {
                sum += rows ? counts[x][y] : counts[y][x];
            }
            map[x] = sum > 0 ? next++ : 0;
        }
        return map;
    }

    private static int max(int[] map) {
        int m = 0;
        for (int x : map) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static int indexOf(List<String> options, String answer, int respondent) {
        int j = options.indexOf(answer);
        if (j < 0) {
            throw new IllegalArgumentException("respondent " + respondent + " chose an unknown option " + answer);
        }
        return j;
    }
}
