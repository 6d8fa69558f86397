package kz.agyn.residency.estimator;

import kz.agyn.residency.engine.Register;

/**
 * Logistic regression by iteratively reweighted least squares (Newton's method) over counts of sign patterns.
 * Twelve binary signs make at most 4,096 patterns, so a country's calibration sample, however large, is first
 * reduced to a count of presences and absences per pattern and the fit then costs nothing.
 */
public final class Calibration {

    /** Number of distinct sign patterns of one month. */
    public static final int PATTERNS = 1 << Register.COUNT;
    private static final int MAX_ITERATIONS = 100;

    private Calibration() {
    }

    /**
     * Fits presence on the signs.
     *
     * @param present counts of person-months labelled present, by pattern (bit r = register r active)
     * @param abroad  counts labelled abroad, by pattern
     * @throws IllegalArgumentException when either label has no month (nothing to calibrate on)
     */
    public static Fit fit(long[] present, long[] abroad) {
        long n1 = 0;
        long n0 = 0;
        for (int i = 0; i < PATTERNS; i++) {
            n1 += present[i];
            n0 += abroad[i];
        }
        if (n1 == 0 || n0 == 0) {
            throw new IllegalArgumentException("calibration needs persons of both known statuses");
        }
        int k = Register.COUNT + 1;
        double[] beta = new double[k];
        double[][] info = new double[k][k];
        int iteration = 0;
        for (; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[k];
            info = new double[k][k];
            for (int pattern = 0; pattern < PATTERNS; pattern++) {
                long n = present[pattern] + abroad[pattern];
                if (n == 0) {
                    continue;
                }
                double mu = sigmoid(eta(beta, pattern));
                double residual = present[pattern] - n * mu;
                double w = n * mu * (1 - mu);
                for (int a = 0; a < k; a++) {
                    if (!on(pattern, a)) {
                        continue;
                    }
                    gradient[a] += residual;
                    for (int b = 0; b < k; b++) {
                        if (on(pattern, b)) {
                            info[a][b] += w;
                        }
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                // A register never active in the sample would make the information singular; a whisker of ridge
                // keeps its weight at 0 instead.
                info[a][a] += 1e-9;
            }
            double[] step = solve(info, gradient);
            double largest = 0;
            for (int a = 0; a < k; a++) {
                // Half steps at most 5 on the log-odds scale: near separation Newton overshoots.
                double s = Math.max(-5, Math.min(5, step[a]));
                beta[a] += s;
                largest = Math.max(largest, Math.abs(s));
            }
            if (largest < 1e-9) {
                iteration++;
                break;
            }
        }
        double[][] covariance = invert(information(beta, present, abroad));
        double[] se = new double[k];
        for (int a = 0; a < k; a++) {
            se[a] = Math.sqrt(covariance[a][a]);
        }
        double logL = 0;
        for (int pattern = 0; pattern < PATTERNS; pattern++) {
            if (present[pattern] + abroad[pattern] == 0) {
                continue;
            }
            double eta = eta(beta, pattern);
            logL += -present[pattern] * softplus(-eta) - abroad[pattern] * softplus(eta);
        }
        double share = (double) n1 / (n1 + n0);
        double nullLogL = n1 * Math.log(share) + n0 * Math.log(1 - share);
        double[] weights = new double[Register.COUNT];
        System.arraycopy(beta, 1, weights, 0, Register.COUNT);
        return new Fit(beta[0], weights, se, logL, nullLogL, auc(beta, present, abroad, n1, n0), n1, n0, iteration);
    }

    private static double[][] information(double[] beta, long[] present, long[] abroad) {
        int k = beta.length;
        double[][] info = new double[k][k];
        for (int pattern = 0; pattern < PATTERNS; pattern++) {
            long n = present[pattern] + abroad[pattern];
            if (n == 0) {
                continue;
            }
            double mu = sigmoid(eta(beta, pattern));
            double w = n * mu * (1 - mu);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k && on(pattern, a); b++) {
                    if (on(pattern, b)) {
                        info[a][b] += w;
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            info[a][a] += 1e-9;
        }
        return info;
    }

    /** Mann–Whitney: the chance a present month scores above an abroad one, ties counting half. */
    private static double auc(double[] beta, long[] present, long[] abroad, long n1, long n0) {
        Integer[] order = new Integer[PATTERNS];
        double[] score = new double[PATTERNS];
        for (int i = 0; i < PATTERNS; i++) {
            order[i] = i;
            score[i] = eta(beta, i);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double wins = 0;
        long abroadBelow = 0;
        int i = 0;
        while (i < PATTERNS) {
            int j = i;
            long tiedPresent = 0;
            long tiedAbroad = 0;
            while (j < PATTERNS && score[order[j]] == score[order[i]]) {
                tiedPresent += present[order[j]];
                tiedAbroad += abroad[order[j]];
                j++;
            }
            wins += tiedPresent * (abroadBelow + 0.5 * tiedAbroad);
            abroadBelow += tiedAbroad;
            i = j;
        }
        return wins / ((double) n1 * n0);
    }

    /** Column a of the design: 0 the intercept (always 1), a ≥ 1 register a − 1's sign. */
    private static boolean on(int pattern, int a) {
        return a == 0 || (pattern >>> (a - 1) & 1) == 1;
    }

    static double eta(double[] beta, int pattern) {
        double eta = beta[0];
        for (int r = 0; r < Register.COUNT; r++) {
            if ((pattern >>> r & 1) == 1) {
                eta += beta[r + 1];
            }
        }
        return eta;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    /** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int j = c; j <= n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            double[] col = solve(a, e);
            for (int r = 0; r < n; r++) {
                out[r][c] = col[r];
            }
        }
        return out;
    }
}
