package kz.agyn.survey.estimation;

import java.util.OptionalDouble;

/**
 * The weighted mean of a numeric question over the respondents who answered it:
 * {@code ȳ = Σ w_i y_i / Σ w_i}, with SE by Taylor linearization exactly as for a
 * {@link ShareEstimate share} (a share is the mean of a 0/1 variable), R's {@code svymean}.
 *
 * @param n                    respondents who answered
 * @param weightedCount        the sum of their weights
 * @param mean                 ȳ
 * @param standardError        SE(ȳ)
 * @param wald                 {@code ȳ ± z · SE}, R's {@code confint(svymean(...))}
 * @param deff                 design effect against simple random sampling with replacement, as for shares
 * @param deffFinitePopulation design effect against sampling without replacement, as for shares
 * @param degreesOfFreedom     respondents who answered less the strata they fall in
 */
public record MeanEstimate(int n, double weightedCount, double mean, double standardError, Interval wald,
                           OptionalDouble deff, OptionalDouble deffFinitePopulation, int degreesOfFreedom) {
}
