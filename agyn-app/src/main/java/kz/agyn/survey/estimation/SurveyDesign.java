package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sample design: weights, and optionally strata, clusters in one or two stages, finite-population corrections
 * and the calibration the weights came from. It is R's
 * {@code svydesign(ids = ~psu + ssu, strata = ~s, fpc = ~N1 + N2, weights = ~w, nest = TRUE)}, followed by
 * {@code calibrate(..., calfun = "raking")} when {@code calibration} is given.
 *
 * <p>Variance is by Taylor linearization, as R's {@code svyrecvar}: the respondents' influence values are first
 * made calibration residuals (see {@link Calibration}), then summed to first-stage clusters (PSUs) and their
 * spread within each stratum taken, {@code V = Σ_h f_h n_h / (n_h − 1) Σ_c (t_hc − t̄_h)(t_hc − t̄_h)ᵀ} with
 * {@code n_h} the stratum's sampled PSUs and {@code f_h = (N_h − n_h) / N_h} with a first-stage population
 * {@code N_h}, else 1 (sampling with replacement, R's default). Only when both stages have a population size
 * is the second stage added, as R does: for each PSU, {@code n_h / N_h} times the same sum over its sampled
 * second-stage units with their own {@code f}. Without clusters each respondent is its own PSU. Clusters are
 * taken as nested in strata (R's {@code nest = TRUE}).
 *
 * <p>Every stratum must hold at least two PSUs: with one, its variance cannot be estimated (R's default
 * {@code options(survey.lonely.psu = "fail")} refuses the same design).
 *
 * @param weights           the respondents' weights, each finite and non-negative (zero drops a respondent from
 *                          every estimate but keeps them in the design)
 * @param strata            the respondents' strata, aligned with {@code weights}; empty means no strata
 * @param clusters          the respondents' first-stage clusters (PSUs); empty means each respondent is one
 * @param subclusters       second-stage clusters within the PSUs; empty means one stage
 * @param stratumPopulation for each respondent, the number of PSUs in the population of its stratum (the
 *                          first-stage finite-population correction); empty means sampling with replacement
 * @param clusterPopulation for each respondent, the number of second-stage units in the population of its PSU;
 *                          used only with {@code subclusters} and {@code stratumPopulation}
 * @param calibration       how the weights were raked, or null when they were not
 * @param replicates        replicate weights, the alternative to strata and clusters (decision 0048): when given,
 *                          every variance is by the replicates ({@link ReplicateWeights}) and the design has no
 *                          strata, clusters or calibration residuals; a calibration is then carried by calibrating
 *                          each replicate ({@link #calibrated(List, List, CalibrationMethod, RakingOptions)})
 */
public record SurveyDesign(List<Double> weights, List<String> strata, List<String> clusters, List<String> subclusters,
                           List<Double> stratumPopulation, List<Double> clusterPopulation, Calibration calibration,
                           ReplicateWeights replicates) {

    public SurveyDesign {
        weights = List.copyOf(weights);
        strata = List.copyOf(strata);
        clusters = List.copyOf(clusters);
        subclusters = List.copyOf(subclusters);
        stratumPopulation = List.copyOf(stratumPopulation);
        clusterPopulation = List.copyOf(clusterPopulation);
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one respondent");
        }
        for (Double w : weights) {
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("a weight must be finite and non-negative: " + w);
            }
        }
        int n = weights.size();
        aligned(strata, n, "strata");
        aligned(clusters, n, "clusters");
        aligned(subclusters, n, "subclusters");
        aligned(stratumPopulation, n, "stratum populations");
        aligned(clusterPopulation, n, "cluster populations");
        if (!subclusters.isEmpty() && clusters.isEmpty()) {
            throw new IllegalArgumentException("second-stage clusters need first-stage clusters");
        }
        if (calibration != null && calibration.baseWeights().size() != n) {
            throw new IllegalArgumentException("the calibration has " + calibration.baseWeights().size()
                    + " base weights for " + n + " respondents");
        }
        if (replicates != null) {
            if (replicates.size() != n) {
                throw new IllegalArgumentException("replicate weights for " + replicates.size() + " respondents, "
                        + n + " weights");
            }
            if (!strata.isEmpty() || !clusters.isEmpty() || calibration != null) {
                throw new IllegalArgumentException("replicate weights replace strata, clusters and calibration residuals");
            }
        }
        if (strata.isEmpty() && clusters.isEmpty() && n < 2) {
            throw new IllegalArgumentException("a design needs at least two respondents");
        }
        Map<String, java.util.Set<String>> psus = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String h = strata.isEmpty() ? "" : Objects.requireNonNull(strata.get(i), "stratum");
            String c = clusters.isEmpty() ? Integer.toString(i) : Objects.requireNonNull(clusters.get(i), "cluster");
            psus.computeIfAbsent(h, k -> new java.util.HashSet<>()).add(c);
        }
        psus.forEach((h, set) -> {
            if (set.size() < 2) {
                throw new IllegalArgumentException("stratum " + h + " has a single primary sampling unit");
            }
        });
    }

    /** A design by linearization: no replicate weights. */
    public SurveyDesign(List<Double> weights, List<String> strata, List<String> clusters, List<String> subclusters,
                        List<Double> stratumPopulation, List<Double> clusterPopulation, Calibration calibration) {
        this(weights, strata, clusters, subclusters, stratumPopulation, clusterPopulation, calibration, null);
    }

    /** Full-sample weights with replicate weights: R's {@code svrepdesign(..., combined.weights = TRUE)}. */
    public static SurveyDesign replicated(List<Double> weights, ReplicateWeights replicates) {
        return new SurveyDesign(weights, List.of(), List.of(), List.of(), List.of(), List.of(), null,
                java.util.Objects.requireNonNull(replicates, "replicates"));
    }

    public boolean isReplicated() {
        return replicates != null;
    }

    /** Weights and strata, single stage with replacement. */
    public SurveyDesign(List<Double> weights, List<String> strata) {
        this(weights, strata, List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Weights only, no strata. */
    public static SurveyDesign weighted(List<Double> weights) {
        return new SurveyDesign(weights, List.of());
    }

    /** Weights and strata. */
    public static SurveyDesign stratified(List<Double> weights, List<String> strata) {
        return new SurveyDesign(weights, strata);
    }

    /** Equal weights of one: a simple random sample with replacement. */
    public static SurveyDesign unweighted(int respondents) {
        List<Double> ones = new ArrayList<>(respondents);
        for (int i = 0; i < respondents; i++) {
            ones.add(1.0);
        }
        return weighted(ones);
    }

    /**
     * This design with the weights raked from its own: the same strata, clusters and corrections, the raked
     * weights, and the calibration that made them, so that variances account for it.
     */
    public SurveyDesign calibrated(List<Double> rakedWeights, List<RakingVariable> variables) {
        if (replicates != null) {
            throw new IllegalStateException("a replicate design is calibrated with its method and options");
        }
        return new SurveyDesign(rakedWeights, strata, clusters, subclusters, stratumPopulation, clusterPopulation,
                Calibration.of(weights, variables));
    }

    /**
     * This design with its weights calibrated by {@code method}: by linearization as
     * {@link #calibrated(List, List)}; with replicate weights, each replicate calibrated to the same margins by the
     * same method and options, as R's {@code calibrate()} on a {@code svyrep.design} does, so that the replicates'
     * spread accounts for the calibration.
     *
     * @throws ReplicateCalibrationException when a replicate cannot meet the margins
     */
    public SurveyDesign calibrated(List<Double> calibratedWeights, List<RakingVariable> variables,
                                   CalibrationMethod method, RakingOptions options) {
        if (replicates == null) {
            return calibrated(calibratedWeights, variables);
        }
        return replicated(calibratedWeights, replicates.calibrated(variables, method, options));
    }

    /** The number of respondents, n. */
    public int size() {
        return weights.size();
    }

    public boolean isStratified() {
        return !strata.isEmpty();
    }

    public boolean isClustered() {
        return !clusters.isEmpty();
    }

    /** Primary sampling units less strata over the whole sample: R's {@code degf(design)}. */
    public int degreesOfFreedom() {
        return Linearization.degreesOfFreedom(this, null);
    }

    /**
     * Kish's design effect from unequal weights over all respondents:
     * {@code deff_K = n Σw² / (Σw)²}. It is the factor by which weighting alone inflates the variance
     * of a mean when the weights are unrelated to the answers; {@code n / deff_K} is the effective
     * sample size.
     */
    public double kishDesignEffect() {
        return Linearization.kish(weightsArray(), null);
    }

    /** n / deff_K: the size of a simple random sample that would be as precise. */
    public double effectiveSampleSize() {
        return size() / kishDesignEffect();
    }

    double[] weightsArray() {
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return w;
    }

    /** Each respondent's stratum as an index 0..H-1, in order of first appearance; all 0 without strata. */
    int[] strataIndex() {
        return strata.isEmpty() ? new int[size()] : index(strata, null);
    }

    /** Each respondent's PSU as an index, PSUs nested in strata; each respondent its own without clusters. */
    int[] clusterIndex() {
        if (clusters.isEmpty()) {
            int[] own = new int[size()];
            for (int i = 0; i < own.length; i++) {
                own[i] = i;
            }
            return own;
        }
        return index(clusters, strata.isEmpty() ? null : strata);
    }

    private int[] subclusterIndex() {
        List<String> within = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            within.add((strata.isEmpty() ? "" : strata.get(i)) + '\u0000' + clusters.get(i));
        }
        return index(subclusters, within);
    }

    private static int[] index(List<String> keys, List<String> within) {
        int n = keys.size();
        int[] h = new int[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String key = (within == null ? "" : within.get(i) + '\u0000') + Objects.requireNonNull(keys.get(i));
            h[i] = index.computeIfAbsent(key, k -> index.size());
        }
        return h;
    }

    /**
     * The linearized covariance of estimates whose influence values are {@code x} (n × k, zero for respondents
     * outside the domain); see the class comment.
     */
    double[][] covariance(double[][] x) {
        if (replicates != null) {
            throw new IllegalStateException("a replicate design's variance comes from its replicates");
        }
        int n = size();
        int k = x.length == 0 ? 0 : x[0].length;
        double[][] z = calibration == null ? x : calibration.residuals(x, weightsArray());
        int[] stratum = strataIndex();
        int[] psu = clusterIndex();
        double[] fpc1 = stratumPopulation.isEmpty() ? null : toArray(stratumPopulation);
        double[][] v = oneStage(z, all(n), stratum, psu, fpc1);
        if (!subclusters.isEmpty() && fpc1 != null && !clusterPopulation.isEmpty()) {
            int[] ssu = subclusterIndex();
            double[] fpc2 = toArray(clusterPopulation);
            Map<Integer, List<Integer>> byPsu = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                byPsu.computeIfAbsent(psu[i], p -> new ArrayList<>()).add(i);
            }
            int[] sampled = psuCounts(stratum, psu);
            for (List<Integer> members : byPsu.values()) {
                int first = members.get(0);
                double fraction = sampled[stratum[first]] / fpc1[first];
                int[] rows = members.stream().mapToInt(Integer::intValue).toArray();
                int[] one = new int[n];
                double[][] sub = oneStage(z, rows, one, ssu, fpc2);
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        v[a][b] += fraction * sub[a][b];
                    }
                }
            }
        }
        return v;
    }

    /** PSUs sampled in each stratum. */
    private static int[] psuCounts(int[] stratum, int[] psu) {
        Map<Integer, java.util.Set<Integer>> seen = new HashMap<>();
        int strata = 0;
        for (int i = 0; i < stratum.length; i++) {
            seen.computeIfAbsent(stratum[i], h -> new java.util.HashSet<>()).add(psu[i]);
            strata = Math.max(strata, stratum[i] + 1);
        }
        int[] counts = new int[strata];
        seen.forEach((h, s) -> counts[h] = s.size());
        return counts;
    }

    /** R's {@code onestage}: Σ_h f_h n_h/(n_h − 1) Σ_c (t_hc − t̄_h)(t_hc − t̄_h)ᵀ over the given rows. */
    private static double[][] oneStage(double[][] z, int[] rows, int[] stratum, int[] unit, double[] population) {
        int k = z.length == 0 ? 0 : z[0].length;
        Map<Integer, Map<Integer, double[]>> totals = new LinkedHashMap<>();
        Map<Integer, Double> populationOf = new HashMap<>();
        for (int i : rows) {
            double[] t = totals.computeIfAbsent(stratum[i], h -> new LinkedHashMap<>())
                    .computeIfAbsent(unit[i], c -> new double[k]);
            for (int j = 0; j < k; j++) {
                t[j] += z[i][j];
            }
            if (population != null) {
                populationOf.putIfAbsent(stratum[i], population[i]);
            }
        }
        double[][] v = new double[k][k];
        for (Map.Entry<Integer, Map<Integer, double[]>> e : totals.entrySet()) {
            int units = e.getValue().size();
            if (units < 2) {
                continue;
            }
            double f = 1;
            if (population != null) {
                double big = populationOf.get(e.getKey());
                f = Double.isInfinite(big) ? 1 : (big - units) / big;
            }
            double scale = f * units / (units - 1.0);
            double[] mean = new double[k];
            for (double[] t : e.getValue().values()) {
                for (int j = 0; j < k; j++) {
                    mean[j] += t[j] / units;
                }
            }
            for (double[] t : e.getValue().values()) {
                for (int a = 0; a < k; a++) {
                    double da = t[a] - mean[a];
                    for (int b = 0; b < k; b++) {
                        v[a][b] += scale * da * (t[b] - mean[b]);
                    }
                }
            }
        }
        return v;
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = Objects.requireNonNull(values.get(i), "population size");
        }
        return a;
    }

    private static void aligned(List<?> values, int n, String what) {
        if (!values.isEmpty() && values.size() != n) {
            throw new IllegalArgumentException(what + " (" + values.size() + ") and weights (" + n
                    + ") differ in length");
        }
    }

    void requireAligned(List<?> answers, String what) {
        if (answers.size() != size()) {
            throw new IllegalArgumentException(
                    what + " has " + answers.size() + " entries for " + size() + " respondents");
        }
    }
}
