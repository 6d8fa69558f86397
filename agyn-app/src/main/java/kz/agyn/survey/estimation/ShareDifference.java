package kz.agyn.survey.estimation;

/**
 * The change of a share between two independent waves of a survey.
 *
 * <p>{@code d = p₂ − p₁}, {@code SE(d) = √(SE₁² + SE₂²)} (the waves are independent samples, so there
 * is no covariance term), {@code z = d / SE(d)}, two-sided {@code p-value = 2 (1 − Φ(|z|))}, interval
 * {@code d ± Φ⁻¹((1 + level) / 2) · SE(d)}. Compared on its own, the change is significant when
 * {@code p-value < 1 − level}, i.e. when the interval excludes 0. Compared with the other options of its question
 * ({@link WaveComparison#compare(ShareTable, ShareTable, double)}), the p-value is Holm-adjusted over the options
 * ({@link Holm}) and the change is significant when the adjusted value is below {@code 1 − level}, so that the
 * chance of flagging any unchanged option of the question stays at most {@code 1 − level}.
 *
 * @param option        the option compared
 * @param first         p₁, the share in the earlier wave
 * @param second        p₂, the share in the later wave
 * @param difference    d = p₂ − p₁
 * @param standardError SE(d)
 * @param z             z; ±∞ when SE(d) = 0 and d ≠ 0, 0 when both are 0
 * @param pValue        the two-sided p-value
 * @param adjustedPValue the p-value adjusted for the other options compared with it (Holm); the p-value itself
 *                      when the option is compared on its own
 * @param interval      the Wald interval of d, not adjusted
 * @param significant   true when the (adjusted) change is significant at {@code level}
 * @param level         the confidence level used
 */
public record ShareDifference(String option, double first, double second, double difference, double standardError,
                              double z, double pValue, double adjustedPValue, Interval interval, boolean significant,
                              double level) {

    /** The same change with the p-value adjusted for a family of tests, and flagged by the adjusted value. */
    ShareDifference adjusted(double adjusted) {
        return new ShareDifference(option, first, second, difference, standardError, z, pValue, adjusted, interval,
                adjusted < 1 - level, level);
    }
}
