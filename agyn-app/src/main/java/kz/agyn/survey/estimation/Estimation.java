package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Weighted shares and means with linearized standard errors, confidence intervals and design effects;
 * see {@link ShareEstimate} and {@link MeanEstimate} for the formulas and {@link Interval.Method} for
 * the intervals.
 *
 * <p>A {@code null} answer is item non-response: the estimate is made over those who answered, as a
 * domain of the full design (R's {@code svymean(..., na.rm = TRUE)}).
 */
public final class Estimation {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Estimation() {
    }

    /** Shares of the options of a single-choice question; answers are option codes or {@code null}. */
    public static ShareTable singleChoice(SurveyDesign design, List<String> answers, List<String> options,
                                          EstimationSettings settings) {
        return singleChoice(design, answers, options, settings, null);
    }

    /**
     * Shares of the options of a multiple-choice question, each option a 0/1 variable; an answer is the
     * set of options chosen (empty when none), or {@code null} when the respondent skipped the question.
     */
    public static ShareTable multipleChoice(SurveyDesign design, List<? extends Set<String>> answers,
                                            List<String> options, EstimationSettings settings) {
        return multipleChoice(design, answers, options, settings, null);
    }

    /** The weighted mean of a numeric question; {@code null} when the respondent did not answer. */
    public static MeanEstimate mean(SurveyDesign design, List<Double> values, EstimationSettings settings) {
        return mean(design, values, settings, null);
    }

    static ShareTable singleChoice(SurveyDesign design, List<String> answers, List<String> options,
                                   EstimationSettings settings, boolean[] group) {
        design.requireAligned(answers, "answers");
        Map<String, Integer> index = optionIndex(options);
        int n = design.size();
        boolean[] domain = new boolean[n];
        double[][] y = new double[n][options.size()];
        for (int i = 0; i < n; i++) {
            String a = answers.get(i);
            if (a == null || (group != null && !group[i])) {
                continue;
            }
            Integer j = index.get(a);
            if (j == null) {
                throw new IllegalArgumentException("respondent " + i + " chose an unknown option " + a);
            }
            domain[i] = true;
            y[i][j] = 1;
        }
        return table(design, options, domain, y, settings);
    }

    static ShareTable multipleChoice(SurveyDesign design, List<? extends Set<String>> answers, List<String> options,
                                     EstimationSettings settings, boolean[] group) {
        design.requireAligned(answers, "answers");
        Map<String, Integer> index = optionIndex(options);
        int n = design.size();
        boolean[] domain = new boolean[n];
        double[][] y = new double[n][options.size()];
        for (int i = 0; i < n; i++) {
            Set<String> chosen = answers.get(i);
            if (chosen == null || (group != null && !group[i])) {
                continue;
            }
            domain[i] = true;
            for (String a : chosen) {
                Integer j = index.get(a);
                if (j == null) {
                    throw new IllegalArgumentException("respondent " + i + " chose an unknown option " + a);
                }
                y[i][j] = 1;
            }
        }
        return table(design, options, domain, y, settings);
    }

    static MeanEstimate mean(SurveyDesign design, List<Double> values, EstimationSettings settings, boolean[] group) {
        design.requireAligned(values, "values");
        int n = design.size();
        boolean[] domain = new boolean[n];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            if (v == null || (group != null && !group[i])) {
                continue;
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("respondent " + i + " has a non-finite value " + v);
            }
            domain[i] = true;
            y[i][0] = v;
        }
        Linearization.Result r = Linearization.estimate(design, domain, y);
        double se = Math.sqrt(r.covariance()[0][0]);
        return new MeanEstimate(r.answered(), r.weightSum(), r.mean()[0], se,
                wald(r.mean()[0], se, settings.level()), deff(r, 0), deffFinite(r, 0), r.degreesOfFreedom());
    }

    private static ShareTable table(SurveyDesign design, List<String> options, boolean[] domain, double[][] y,
                                    EstimationSettings settings) {
        double[] w = design.weightsArray();
        Linearization.Result r = Linearization.estimate(design, domain, y);
        List<ShareEstimate> shares = new ArrayList<>();
        List<List<Double>> covariance = new ArrayList<>();
        for (int j = 0; j < options.size(); j++) {
            int count = 0;
            double weighted = 0;
            for (int i = 0; i < w.length; i++) {
                if (domain[i] && y[i][j] == 1) {
                    count++;
                    weighted += w[i];
                }
            }
            double p = r.mean()[j];
            double se = Math.sqrt(r.covariance()[j][j]);
            Interval wald = wald(p, se, settings.level());
            Interval logit = r.replicateMeans() != null
                    ? replicateLogit(design.replicates(), r.replicateMeans(), j, p, se, settings.level(),
                    r.degreesOfFreedom())
                    : logit(p, se, settings.level(), r.degreesOfFreedom());
            Interval shown = switch (settings.method()) {
                case LOGIT -> logit;
                case WALD -> waldClipped(p, se, settings.level(), r.degreesOfFreedom());
                case BETA -> kornGraubard(p, se, settings.level(), r.degreesOfFreedom(), r.answered());
            };
            double variance = r.covariance()[j][j];
            shares.add(new ShareEstimate(options.get(j), count, weighted, p, se, shown, wald, logit,
                    deff(r, j), deffFinite(r, j), r.degreesOfFreedom(),
                    variance > 0 ? OptionalDouble.of(p * (1 - p) / variance) : OptionalDouble.empty()));
            List<Double> row = new ArrayList<>();
            for (double v : r.covariance()[j]) {
                row.add(v);
            }
            covariance.add(row);
        }
        return new ShareTable(shares, r.answered(), r.weightSum(), r.degreesOfFreedom(),
                Linearization.kish(w, positive(domain, w)), covariance);
    }

    /** {@code estimate ± Φ⁻¹((1 + level) / 2) · se}. */
    static Interval wald(double estimate, double se, double level) {
        double z = NORMAL.inverseCumulativeProbability((1 + level) / 2);
        return new Interval(estimate - z * se, estimate + z * se, Interval.Method.WALD);
    }

    /** See {@link Interval.Method#LOGIT}. */
    static Interval logit(double p, double se, double level, int degreesOfFreedom) {
        if (p <= 0 || p >= 1) {
            return new Interval(p, p, Interval.Method.LOGIT);
        }
        if (degreesOfFreedom < 1) {
            return new Interval(0, 1, Interval.Method.LOGIT);
        }
        double t = new TDistribution(degreesOfFreedom).inverseCumulativeProbability((1 + level) / 2);
        double centre = Math.log(p / (1 - p));
        double half = t * se / (p * (1 - p));
        return new Interval(expit(centre - half), expit(centre + half), Interval.Method.LOGIT);
    }

    /**
     * The logit interval on a replicate design, as R's {@code svyciprop(method = "logit")} makes it there: the
     * standard error of logit(p) is the replicates' spread of their own logit(p_r) ({@code svyglm} refits the
     * log-odds under each replicate), not the delta method's {@code SE / (p (1 − p))}. Where a replicate's share is 0
     * or 1 its log-odds are infinite (R's refit does not converge) and the delta method is used instead.
     */
    static Interval replicateLogit(ReplicateWeights replicates, double[][] means, int j, double p, double se,
                                   double level, int degreesOfFreedom) {
        if (p <= 0 || p >= 1 || degreesOfFreedom < 1) {
            return logit(p, se, level, degreesOfFreedom);
        }
        double[][] logits = new double[means.length][];
        for (int r = 0; r < means.length; r++) {
            if (means[r] == null) {
                continue;
            }
            double pr = means[r][j];
            if (pr <= 0 || pr >= 1) {
                return logit(p, se, level, degreesOfFreedom);
            }
            logits[r] = new double[] {Math.log(pr / (1 - pr))};
        }
        double centre = Math.log(p / (1 - p));
        double half = new TDistribution(degreesOfFreedom).inverseCumulativeProbability((1 + level) / 2)
                * Math.sqrt(replicates.variance(logits, new double[] {centre})[0][0]);
        return new Interval(expit(centre - half), expit(centre + half), Interval.Method.LOGIT);
    }

    /** See {@link Interval.Method#WALD_CLIPPED}. */
    static Interval waldClipped(double p, double se, double level, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            return new Interval(0, 1, Interval.Method.WALD_CLIPPED);
        }
        double t = new TDistribution(degreesOfFreedom).inverseCumulativeProbability((1 + level) / 2);
        // Both bounds into [0, 1]: a share summed in floating point can exceed 1 by an ulp, and its low bound with it.
        return new Interval(Math.min(1, Math.max(0, p - t * se)), Math.max(0, Math.min(1, p + t * se)),
                Interval.Method.WALD_CLIPPED);
    }

    /** See {@link Interval.Method#KORN_GRAUBARD}. */
    static Interval kornGraubard(double p, double se, double level, int degreesOfFreedom, int answered) {
        if (degreesOfFreedom < 1 || answered < 2) {
            return new Interval(0, 1, Interval.Method.KORN_GRAUBARD);
        }
        double alpha = 1 - level;
        double variance = se * se;
        double effective = variance > 0 ? p * (1 - p) / variance : answered;
        double ratio = new TDistribution(answered - 1).inverseCumulativeProbability(alpha / 2)
                / new TDistribution(degreesOfFreedom).inverseCumulativeProbability(alpha / 2);
        effective *= ratio * ratio;
        double low = p <= 0 ? 0 : new org.hipparchus.distribution.continuous.BetaDistribution(effective * p,
                effective * (1 - p) + 1, 1e-14).inverseCumulativeProbability(alpha / 2);
        double high = p >= 1 ? 1 : new org.hipparchus.distribution.continuous.BetaDistribution(effective * p + 1,
                effective * (1 - p), 1e-14).inverseCumulativeProbability(1 - alpha / 2);
        // Where V(p) is nearly 0, n* is huge and the quantiles' own error can exceed the interval's width.
        return new Interval(Math.min(low, p), Math.max(high, p), Interval.Method.KORN_GRAUBARD);
    }

    static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static OptionalDouble deff(Linearization.Result r, int j) {
        double srs = r.svyvar()[j] / r.answered();
        return srs > 0 ? OptionalDouble.of(r.covariance()[j][j] / srs) : OptionalDouble.empty();
    }

    private static OptionalDouble deffFinite(Linearization.Result r, int j) {
        double population = r.weightSum();
        int m = r.answered();
        double srs = r.svyvar()[j] * (population - m) / (population * m);
        return population > m && srs > 0 ? OptionalDouble.of(r.covariance()[j][j] / srs) : OptionalDouble.empty();
    }

    private static boolean[] positive(boolean[] domain, double[] w) {
        boolean[] in = new boolean[w.length];
        for (int i = 0; i < w.length; i++) {
            in[i] = domain[i] && w[i] > 0;
        }
        return in;
    }

    private static Map<String, Integer> optionIndex(List<String> options) {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < options.size(); j++) {
            if (index.put(options.get(j), j) != null) {
                throw new IllegalArgumentException("option " + options.get(j) + " is listed twice");
            }
        }
        return index;
    }
}
