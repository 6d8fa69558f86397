package kz.agyn.survey.estimation;

import java.util.OptionalDouble;

/**
 * The weighted share of respondents who chose one option.
 *
 * <p>With weights {@code w_i} and {@code y_i = 1} when respondent {@code i} chose the option (else 0),
 * over the respondents who answered the question: {@code p = Σ w_i y_i / Σ w_i}.
 *
 * <p>Its variance by Taylor linearization, for a with-replacement single-stage design with strata
 * {@code h}: the influence of respondent {@code i} is {@code z_i = w_i (y_i − p) / Σw} (zero for those
 * who did not answer), and {@code V(p) = Σ_h n_h / (n_h − 1) · Σ_{i∈h} (z_i − z̄_h)²}, where
 * {@code n_h} counts every respondent of stratum {@code h}, answering or not, and {@code z̄_h} is the
 * mean of {@code z_i} over them. Without strata the whole sample is one stratum. SE = √V. This is R's
 * {@code svymean} on {@code svydesign(ids = ~1, strata = ~s, weights = ~w)}.
 *
 * @param option              the option's code
 * @param n                   respondents (unweighted) who chose it
 * @param weightedCount       the sum of their weights: the estimated number of people in the population
 *                            when weights are calibrated to population totals
 * @param share               p
 * @param standardError       SE(p)
 * @param interval            the interval to show, by the survey's {@link EstimationSettings#method() method};
 *                            always within [0, 1]
 * @param wald                the Wald interval with the normal quantile, unclipped: R's {@code confint}
 * @param logit               the logit interval
 * @param deff                the design effect against simple random sampling with replacement:
 *                            {@code V(p) / (s² / m)}, where {@code m} is the number of respondents in the
 *                            domain and {@code s² = m / (m − 1) · Σ w_i (y_i − p)² / Σ w_i} is the
 *                            weighted population variance estimate: R's {@code svymean(..., deff = "replace")}.
 *                            Empty when {@code s² = 0}.
 * @param deffFinitePopulation the same against simple random sampling without replacement from a
 *                            population of {@code N̂ = Σ w_i}: {@code V(p) / (s² (N̂ − m) / (N̂ m))}, R's
 *                            default {@code svymean(..., deff = TRUE)}. Empty when {@code N̂ ≤ m}, i.e.
 *                            when the weights are not scaled to a population, or when {@code s² = 0}.
 * @param degreesOfFreedom    the design's degrees of freedom in the domain: PSUs less strata (R's {@code degf})
 * @param effectiveSampleSize {@code p (1 − p) / V(p)}: the size of a simple random sample as precise as this
 *                            estimate; empty when V(p) = 0
 */
public record ShareEstimate(String option, int n, double weightedCount, double share, double standardError,
                            Interval interval, Interval wald, Interval logit, OptionalDouble deff,
                            OptionalDouble deffFinitePopulation, int degreesOfFreedom,
                            OptionalDouble effectiveSampleSize) {
}
