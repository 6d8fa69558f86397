package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raking (iterative proportional fitting) of design weights to known population margins of several
 * categorical variables, as R's {@code rake()} or {@code calibrate(..., calfun = "raking")}.
 *
 * <p>Starting from the base weights {@code w_i = d_i}, one cycle adjusts the weights to each variable in
 * turn: for variable v and each of its categories c, {@code w_i ← w_i · T_vc / Σ_{j∈c} w_j} for the
 * respondents i in c, where {@code T_vc} is the category's population margin. After a variable's step
 * its margins hold exactly; later steps disturb them, and cycles repeat until every margin holds to the
 * relative tolerance, {@code max_vc |Σ_{i∈c} w_i − T_vc| / T_vc ≤ tolerance}.
 *
 * <p>With {@link WeightBounds trimming bounds} each step keeps every weight within
 * {@code [lower · d_i, upper · d_i]}: the factor λ of a category is the one for which
 * {@code Σ_{i∈c} clip(λ w_i, lower · d_i, upper · d_i) = T_vc}, found exactly (the sum is piecewise
 * linear in λ), so weights that reach a bound stay there and the others make up the margin. Clipping
 * only after a plain step instead would undo the margin each cycle and can stall short of margins
 * that bounded weights do meet.
 *
 * <p>IPF converges whenever weights meeting all margins exist; it cannot when the margins of different
 * variables add up to different totals, when a category with a positive margin has no respondents, or
 * when trimming forbids the needed weights. The first two are refused before iterating, the last ends
 * with {@code converged = false}; each names the variable and category at fault (see
 * {@link RakingProblem}).
 */
public final class Raking {

    private Raking() {
    }

    /**
     * @param baseWeights positive design weights {@code d_i}
     * @param variables   the variables to rake on, with their respondents' categories and margins
     * @throws RakingException when the margins cannot be met by any weights
     */
    public static RakingResult rake(List<Double> baseWeights, List<RakingVariable> variables, RakingOptions options) {
        Margins prepared = Margins.of(baseWeights, variables, options);
        int n = prepared.d().length;
        int k = variables.size();
        double[] d = prepared.d();
        int[][] category = prepared.category();
        double[][] target = prepared.target();
        String[][] names = prepared.names();

        int[][][] members = new int[k][][];
        for (int v = 0; v < k; v++) {
            members[v] = members(category[v], target[v].length);
        }
        double[] w = d.clone();
        Optional<WeightBounds> bounds = options.bounds();
        Worst worst = null;
        int iteration = 0;
        while (iteration < options.maxIterations()) {
            iteration++;
            for (int v = 0; v < k; v++) {
                if (bounds.isPresent()) {
                    for (int c = 0; c < target[v].length; c++) {
                        boundedStep(w, d, members[v][c], target[v][c], bounds.get());
                    }
                } else {
                    double[] sums = sums(w, category[v], target[v].length);
                    for (int i = 0; i < n; i++) {
                        int c = category[v][i];
                        w[i] *= target[v][c] / sums[c];
                    }
                }
            }
            worst = worst(w, category, target, names, variables);
            if (worst.error() <= options.tolerance()) {
                break;
            }
        }
        List<Double> weights = new ArrayList<>(n);
        for (double x : w) {
            weights.add(x);
        }
        return new RakingResult(weights, iteration, worst.error(), worst.error() <= options.tolerance(),
                worst.variable(), worst.category());
    }

    /**
     * The margins checked and indexed, shared by raking and linear calibration: the base weights, each
     * respondent's category index per variable, and each variable's category names and targets.
     */
    record Margins(double[] d, int[][] category, double[][] target, String[][] names) {

        /**
         * @throws RakingException when the margins cannot be met by any weights: a margin not positive, a
         *                         respondent without a category or in one without a margin, a category without
         *                         respondents, or variables whose margins add up to different totals
         */
        static Margins of(List<Double> baseWeights, List<RakingVariable> variables, RakingOptions options) {
            int n = baseWeights.size();
            if (variables.isEmpty()) {
                throw new IllegalArgumentException("calibration needs at least one variable");
            }
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = baseWeights.get(i);
                if (!(d[i] > 0 && Double.isFinite(d[i]))) {
                    throw new IllegalArgumentException("base weight of respondent " + i + " is not positive: " + d[i]);
                }
            }
            int k = variables.size();
            int[][] category = new int[k][];
            double[][] target = new double[k][];
            String[][] names = new String[k][];
            for (int v = 0; v < k; v++) {
                RakingVariable variable = variables.get(v);
                if (variable.categories().size() != n) {
                    throw new IllegalArgumentException("variable " + variable.name() + " has "
                            + variable.categories().size() + " categories for " + n + " respondents");
                }
                names[v] = variable.margins().keySet().toArray(new String[0]);
                target[v] = new double[names[v].length];
                Map<String, Integer> index = new HashMap<>();
                for (int c = 0; c < names[v].length; c++) {
                    index.put(names[v][c], c);
                    target[v][c] = variable.margins().get(names[v][c]);
                    if (!(target[v][c] > 0 && Double.isFinite(target[v][c]))) {
                        throw new RakingException(RakingProblem.MARGIN_NOT_POSITIVE, variable.name(), names[v][c],
                                target[v][c]);
                    }
                }
                category[v] = new int[n];
                int[] respondents = new int[names[v].length];
                for (int i = 0; i < n; i++) {
                    String c = variable.categories().get(i);
                    if (c == null) {
                        throw new RakingException(RakingProblem.CATEGORY_MISSING, variable.name(),
                                String.valueOf(i));
                    }
                    Integer at = index.get(c);
                    if (at == null) {
                        throw new RakingException(RakingProblem.CATEGORY_WITHOUT_MARGIN, variable.name(), c);
                    }
                    category[v][i] = at;
                    respondents[at]++;
                }
                for (int c = 0; c < respondents.length; c++) {
                    if (respondents[c] == 0) {
                        throw new RakingException(RakingProblem.CATEGORY_WITHOUT_RESPONDENTS, variable.name(),
                                names[v][c]);
                    }
                }
            }
            double first = variables.get(0).total();
            for (int v = 1; v < k; v++) {
                double total = variables.get(v).total();
                if (Math.abs(total - first) / first > options.totalsTolerance()) {
                    throw new RakingException(RakingProblem.MARGINS_INCONSISTENT, variables.get(v).name(), null,
                            total, variables.get(0).name(), first);
                }
            }
            return new Margins(d, category, target, names);
        }
    }

    record Worst(double error, String variable, String category) {
    }

    static Worst worst(double[] w, int[][] category, double[][] target, String[][] names,
                       List<RakingVariable> variables) {
        Worst worst = new Worst(-1, null, null);
        for (int v = 0; v < category.length; v++) {
            double[] sums = sums(w, category[v], target[v].length);
            for (int c = 0; c < sums.length; c++) {
                double error = Math.abs(sums[c] - target[v][c]) / target[v][c];
                if (error > worst.error()) {
                    worst = new Worst(error, variables.get(v).name(), names[v][c]);
                }
            }
        }
        return worst;
    }

    private static int[][] members(int[] category, int categories) {
        int[] count = new int[categories];
        for (int c : category) {
            count[c]++;
        }
        int[][] members = new int[categories][];
        for (int c = 0; c < categories; c++) {
            members[c] = new int[count[c]];
        }
        int[] filled = new int[categories];
        for (int i = 0; i < category.length; i++) {
            members[category[i]][filled[category[i]]++] = i;
        }
        return members;
    }

    /**
     * Sets the weights of one category to clip(λ w_i, lower d_i, upper d_i) with the λ that meets the
     * margin, or to the nearer bound for all when even that cannot meet it.
     */
    static void boundedStep(double[] w, double[] d, int[] members, double target, WeightBounds b) {
        int m = members.length;
        double[] lo = new double[m];
        double[] hi = new double[m];
        double sumLo = 0;
        double sumHi = 0;
        for (int x = 0; x < m; x++) {
            lo[x] = b.lower() * d[members[x]];
            hi[x] = b.upper() * d[members[x]];
            sumLo += lo[x];
            sumHi += hi[x];
        }
        if (sumHi <= target || sumLo >= target) {
            double[] bound = sumHi <= target ? hi : lo;
            for (int x = 0; x < m; x++) {
                w[members[x]] = bound[x];
            }
            return;
        }
        double[] breaks = new double[2 * m];
        for (int x = 0; x < m; x++) {
            breaks[2 * x] = lo[x] / w[members[x]];
            breaks[2 * x + 1] = hi[x] / w[members[x]];
        }
        java.util.Arrays.sort(breaks);
        // f(λ) = Σ clip(λ w, lo, hi) rises from Σlo at the first break to Σhi at the last.
        int left = 0;
        int right = breaks.length - 1;
        while (right - left > 1) {
            int mid = (left + right) >>> 1;
            if (clippedSum(w, members, lo, hi, breaks[mid]) <= target) {
                left = mid;
            } else {
                right = mid;
            }
        }
        double inside = (breaks[left] + breaks[right]) / 2;
        double fixed = 0;
        double free = 0;
        for (int x = 0; x < m; x++) {
            double scaled = inside * w[members[x]];
            if (scaled <= lo[x]) {
                fixed += lo[x];
            } else if (scaled >= hi[x]) {
                fixed += hi[x];
            } else {
                free += w[members[x]];
            }
        }
        double lambda = free > 0 ? (target - fixed) / free : breaks[left];
        for (int x = 0; x < m; x++) {
            w[members[x]] = Math.min(Math.max(lambda * w[members[x]], lo[x]), hi[x]);
        }
    }

    private static double clippedSum(double[] w, int[] members, double[] lo, double[] hi, double lambda) {
        double sum = 0;
        for (int x = 0; x < members.length; x++) {
            sum += Math.min(Math.max(lambda * w[members[x]], lo[x]), hi[x]);
        }
        return sum;
    }

    private static double[] sums(double[] w, int[] category, int categories) {
        double[] sums = new double[categories];
        for (int i = 0; i < w.length; i++) {
            sums[category[i]] += w[i];
        }
        return sums;
    }
}
