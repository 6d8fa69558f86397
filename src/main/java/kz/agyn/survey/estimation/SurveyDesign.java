package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-stage sample drawn with replacement: one weight per respondent and, optionally, the stratum
 * each respondent was drawn in. It is R's {@code svydesign(ids = ~1, weights = ~w)}, or with strata
 * {@code svydesign(ids = ~1, strata = ~s, weights = ~w)}.
 *
 * <p>Every stratum must hold at least two respondents: with one, its variance cannot be estimated
 * (R's default {@code options(survey.lonely.psu = "fail")} refuses the same design).
 *
 * @param weights the respondents' weights, each finite and non-negative (zero drops a respondent
 *                from every estimate but keeps them in the stratum sizes)
 * @param strata  the respondents' strata, aligned with {@code weights}; an empty list means no strata
 */
public record SurveyDesign(List<Double> weights, List<String> strata) {

    public SurveyDesign {
        weights = List.copyOf(weights);
        strata = List.copyOf(strata);
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one respondent");
        }
        for (Double w : weights) {
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("a weight must be finite and non-negative: " + w);
            }
        }
        if (!strata.isEmpty() && strata.size() != weights.size()) {
            throw new IllegalArgumentException(
                    "strata (" + strata.size() + ") and weights (" + weights.size() + ") differ in length");
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String s : strata) {
            sizes.merge(s, 1, Integer::sum);
        }
        if (strata.isEmpty() && weights.size() < 2) {
            throw new IllegalArgumentException("a design needs at least two respondents");
        }
        sizes.forEach((s, n) -> {
            if (n < 2) {
                throw new IllegalArgumentException("stratum " + s + " has a single respondent");
            }
        });
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

    /** The number of respondents, n. */
    public int size() {
        return weights.size();
    }

    public boolean isStratified() {
        return !strata.isEmpty();
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
        int[] h = new int[weights.size()];
        if (strata.isEmpty()) {
            return h;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < h.length; i++) {
            h[i] = index.computeIfAbsent(Objects.requireNonNull(strata.get(i), "stratum"), k -> index.size());
        }
        return h;
    }

    void requireAligned(List<?> answers, String what) {
        if (answers.size() != size()) {
            throw new IllegalArgumentException(
                    what + " has " + answers.size() + " entries for " + size() + " respondents");
        }
    }
}
