package kz.agyn.survey;

import java.util.List;

/**
 * Weighted estimates for one question of a survey, overall and optionally by a profile dimension.
 *
 * <p>For a ranking question the share is that of respondents who put the option first (their main answer),
 * which is what the note's Table 1 reports; for a multiple-choice question it is the share who chose the
 * option, and the shares need not sum to 1.
 *
 * @param respondents all respondents of the survey
 * @param answered    respondents who answered the question
 * @param basis       what a share is a share of: "FIRST_RANK", "CHOSEN" or "ANSWER"
 * @param options     one row per option in order of rank; empty for number and text questions
 * @param mean        the weighted mean for a number question, else null
 * @param groups      the breakdown when {@code by} was given, else empty
 */
public record Estimates(int surveyId, String survey, boolean synthetic, String question, QuestionType type,
                        String questionText, String basis, String by, int respondents, int answered,
                        Weighting weighting, List<OptionEstimate> options, MeanResult mean,
                        List<GroupEstimate> groups) {

    public Estimates {
        options = List.copyOf(options);
        groups = List.copyOf(groups);
    }

    /**
     * How the weights were made.
     *
     * @param raked            true when design weights were raked to population margins
     * @param variables        the variables raked on
     * @param iterations       raking cycles
     * @param kishDesignEffect n Σw² / (Σw)², the variance inflation from unequal weights
     * @param marginSource     where the margins come from, in words
     * @param warehouse        the indicator warehouse figures the margins were taken from; null when they are
     *                         the survey's own
     */
    public record Weighting(boolean raked, List<String> variables, int iterations, double kishDesignEffect,
                            String marginSource, WarehouseMargins warehouse) {
    }

    /**
     * Population margins taken from the indicator warehouse.
     *
     * @param dataset   the dataset's code
     * @param title     its title in kk, ru and en
     * @param publisher who publishes it
     * @param version   the version read (the dataset's current one)
     * @param period    the period of the population, e.g. "2024"
     * @param indicator the indicator read, e.g. POP_YOUNG_SPECIALISTS
     * @param indicatorName its name in kk, ru and en
     * @param synthetic true for generated demonstration data, which must never pass for official statistics
     * @param population the population the margins add up to: the warehouse cells within the survey's categories
     */
    public record WarehouseMargins(String dataset, kz.agyn.reference.Names title, String publisher, int version,
                                   String period, String indicator, kz.agyn.reference.Names indicatorName,
                                   boolean synthetic, double population) {
    }

    /**
     * One option overall. Intervals are 95%: logit near 0 or 1, Wald elsewhere.
     *
     * @param n               respondents (unweighted) who chose it (first, for a ranking question)
     * @param rank            1 for the largest share
     * @param rankProbability the probability that this rank is right, from draws of the shares' joint
     *                        sampling distribution
     */
    public record OptionEstimate(String option, String text, double share, double ciLow, double ciHigh, int n,
                                 int rank, double rankProbability) {
    }

    /** The weighted mean of a number question, with its 95% interval. */
    public record MeanResult(double mean, double ciLow, double ciHigh, int n) {
    }

    /**
     * One group of a breakdown; {@code suppressed} when it has fewer than 10 respondents, and then its cells hold
     * counts only.
     */
    public record GroupEstimate(String group, String label, int respondents, boolean suppressed,
                                List<Cell> cells) {

        public GroupEstimate {
            cells = List.copyOf(cells);
        }

        /** The cell of an option, or null; for the page, which lays cells out under the overall ranking. */
        public Cell cell(String option) {
            return cells.stream().filter(c -> c.option().equals(option)).findFirst().orElse(null);
        }
    }

    /** One option within a group; share and interval are null when the cell is suppressed (under 10). */
    public record Cell(String option, int n, Double share, Double ciLow, Double ciHigh, boolean suppressed) {
    }
}
