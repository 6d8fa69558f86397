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
 * @param base        what every share is a share of, in numbers and in words
 * @param intervals   how every interval was made, in numbers and in words
 * @param design      the sample design the survey declares
 */
public record Estimates(int surveyId, String survey, boolean synthetic, String question, QuestionType type,
                        String questionText, String basis, String by, int respondents, int answered,
                        Weighting weighting, List<OptionEstimate> options, MeanResult mean,
                        List<GroupEstimate> groups, Base base, Intervals intervals, SurveyDesignDeclaration design) {

    /**
     * The base of the estimates: all respondents, those who answered (the base), and those who skipped the question
     * (outside the base). For a multiple-choice question, {@code chosenNone} counts those who answered by choosing
     * none of the options (the "none of these" option, or an explicit empty answer): they are in the base.
     *
     * @param statement "Base: 182 of 200 respondents who answered; 18 skipped" in the reader's language
     */
    public record Base(int respondents, int answered, int skipped, Integer chosenNone, String statement) {
    }

    /**
     * How the intervals were made.
     *
     * @param method           WALD (clipped to [0, 1]), LOGIT or BETA (Korn–Graubard)
     * @param level            the confidence level, e.g. 0.95
     * @param degreesOfFreedom the design's degrees of freedom: PSUs less strata of those who answered, or with
     *                         replicate weights the rank of those respondents' replicate weights less one (R's degf)
     * @param variance         how standard errors are made: LINEARIZATION (Taylor, under the declared strata and
     *                         clusters) or the replicate type (JK1, JKN, BOOTSTRAP, BRR, FAY) whose weights they come
     *                         from (decision 0048)
     * @param statement        "95% logit interval, 187 degrees of freedom" in the reader's language, naming the
     *                         replicate weights when they are used
     */
    public record Intervals(String method, double level, int degreesOfFreedom, String variance, String statement) {
    }

    /** {@link Intervals#variance()} of a design without replicate weights. */
    public static final String LINEARIZATION = "LINEARIZATION";

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
     * @param method           how the weights were calibrated to the margins: RAKING or LINEAR (GREG)
     */
    public record Weighting(boolean raked, List<String> variables, int iterations, double kishDesignEffect,
                            String marginSource, WarehouseMargins warehouse,
                            kz.agyn.survey.estimation.CalibrationMethod method) {
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
     * One option overall, with its interval by the survey's method ({@link Estimates#intervals()}), always
     * within [0, 1].
     *
     * @param n                   respondents (unweighted) who chose it (first, for a ranking question)
     * @param rank                1 for the largest share
     * @param rankProbability     the probability that this rank is right, from draws of the shares' joint
     *                            sampling distribution
     * @param standardError       the linearized standard error of the share under the declared design and raking
     * @param designEffect        its variance over that of a simple random sample with replacement of the same
     *                            size (R's {@code deff = "replace"}); null when the share has no variance
     * @param effectiveSampleSize {@code p (1 − p) / SE²}; null when SE = 0
     * @param degreesOfFreedom    the design's degrees of freedom the interval used
     * @param weightedTotal       the sum of the weights of those who chose it: the estimated number of people
     */
    public record OptionEstimate(String option, String text, double share, double ciLow, double ciHigh, int n,
                                 int rank, double rankProbability, double standardError, Double designEffect,
                                 Double effectiveSampleSize, int degreesOfFreedom, double weightedTotal) {
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
