package kz.agyn.survey;

import java.util.List;

/**
 * How the shares of a question's options changed from one wave of a questionnaire ({@code with}) to another
 * ({@code survey}).
 *
 * <p>The waves are independent samples: the difference {@code d = share − withShare} has
 * {@code SE(d) = √(SE₁² + SE₂²)}, each SE by linearization over that wave's own (raked) weights; the 95% interval
 * is {@code d ± 1.96 SE(d)} and the two-sided p-value that of {@code z = d / SE(d)}. The options of the question
 * are tested together: the p-values are Holm-adjusted over them, and a change is flagged significant at 5% when
 * its adjusted p-value is below 0.05, so the chance that any unchanged option is flagged stays at most 5%.
 *
 * @param survey the later (or the asked-about) wave
 * @param with   the wave it is compared with
 * @param basis  what a share is a share of, as in {@link Estimates#basis()}
 * @param level  the confidence level of the intervals
 * @param intervalMethod    how the intervals of the changes are made: {@value #INTERVAL_METHOD}, the difference
 *                          ± the normal quantile × its SE (the waves are independent; each wave's own intervals
 *                          are on its survey's page)
 * @param intervalStatement that, in the reader's language, as the page states it
 */
public record WaveChanges(Side survey, Side with, String question, QuestionType type, String questionText,
                          String basis, double level, List<Change> options, String intervalMethod,
                          String intervalStatement) {

    public static final double LEVEL = 0.95;
    public static final String INTERVAL_METHOD = "WALD_DIFFERENCE";

    public WaveChanges {
        options = List.copyOf(options);
    }

    /** One wave. */
    public record Side(int id, String code, String title, String wave, boolean synthetic, int respondents,
                       int answered, Estimates.Weighting weighting) {
    }

    /**
     * One option.
     *
     * @param share      its share in {@code survey}
     * @param n          respondents (unweighted) in {@code survey} who chose it
     * @param withShare  its share in {@code with}
     * @param withN      respondents in {@code with} who chose it
     * @param difference {@code share − withShare}
     * @param ciLow      the 95% interval of the difference, not adjusted
     * @param pValue     the option's own two-sided p-value
     * @param adjustedPValue the p-value adjusted (Holm) for the other options of the question; it sets
     *                   {@code significant}
     */
    public record Change(String option, String text, double share, int n, double withShare, int withN,
                         double difference, double ciLow, double ciHigh, double pValue, double adjustedPValue,
                         boolean significant) {
    }
}
