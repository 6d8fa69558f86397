package kz.agyn.survey.estimation;

/**
 * The change of a share between two independent waves of a survey.
 *
 * <p>{@code d = p₂ − p₁}, {@code SE(d) = √(SE₁² + SE₂²)} (the waves are independent samples, so there
 * is no covariance term), {@code z = d / SE(d)}, two-sided {@code p-value = 2 (1 − Φ(|z|))}, interval
 * {@code d ± Φ⁻¹((1 + level) / 2) · SE(d)}; the change is significant when {@code p-value < 1 − level},
 * i.e. when the interval excludes 0.
 *
 * @param option        the option compared
 * @param first         p₁, the share in the earlier wave
 * @param second        p₂, the share in the later wave
 * @param difference    d = p₂ − p₁
 * @param standardError SE(d)
 * @param z             z; ±∞ when SE(d) = 0 and d ≠ 0, 0 when both are 0
 * @param pValue        the two-sided p-value
 * @param interval      the Wald interval of d
 * @param significant   true when the change is significant at {@code level}
 * @param level         the confidence level used
 */
public record ShareDifference(String option, double first, double second, double difference, double standardError,
                              double z, double pValue, Interval interval, boolean significant, double level) {
}
