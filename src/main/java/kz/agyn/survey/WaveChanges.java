package kz.agyn.survey;

import java.util.List;

/**
 * How the shares of a question's options changed from one wave of a questionnaire ({@code with}) to another
 * ({@code survey}).
 *
 * <p>The waves are independent samples: the difference {@code d = share − withShare} has
 * {@code SE(d) = √(SE₁² + SE₂²)}, each SE by linearization over that wave's own (raked) weights; the 95% interval
 * is {@code d ± 1.96 SE(d)} and the two-sided p-value that of {@code z = d / SE(d)}. A change is flagged
 * significant at 5% when the interval excludes 0. Each option is tested on its own: with many options, one
 * in twenty unchanged options is expected to be flagged by chance.
 *
 * @param survey the later (or the asked-about) wave
 * @param with   the wave it is compared with
 * @param basis  what a share is a share of, as in {@link Estimates#basis()}
 * @param level  the confidence level of the intervals
 */
public record WaveChanges(Side survey, Side with, String question, QuestionType type, String questionText,
                          String basis, double level, List<Change> options) {

    public static final double LEVEL = 0.95;

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
     * @param ciLow      the 95% interval of the difference
     */
    public record Change(String option, String text, double share, int n, double withShare, int withN,
                         double difference, double ciLow, double ciHigh, double pValue, boolean significant) {
    }
}
