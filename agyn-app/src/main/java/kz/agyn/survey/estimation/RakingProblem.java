package kz.agyn.survey.estimation;

/**
 * Why margins cannot be met. The message arguments of a {@link RakingException} always begin with the
 * variable and the category (null where the problem concerns the variable as a whole); the further
 * arguments of each problem are listed below.
 */
public enum RakingProblem {
    /**
     * The margins of a variable sum to a different population total than those of the first variable.
     * Further arguments: its total, the first variable, its total.
     */
    MARGINS_INCONSISTENT("survey.raking.marginsInconsistent"),
    /** A category has a positive margin but no respondent (with a positive weight). */
    CATEGORY_WITHOUT_RESPONDENTS("survey.raking.categoryWithoutRespondents"),
    /** A respondent is in a category that has no margin. */
    CATEGORY_WITHOUT_MARGIN("survey.raking.categoryWithoutMargin"),
    /** A respondent has no category for the variable. The category argument is the respondent's position. */
    CATEGORY_MISSING("survey.raking.categoryMissing"),
    /** A margin is zero, negative or not a number. Further argument: the margin. */
    MARGIN_NOT_POSITIVE("survey.raking.marginNotPositive"),
    /**
     * The margins were not met within the iterations allowed, usually because trimming bounds are too
     * tight or a category is nearly empty. The category is the worst margin's; further arguments:
     * iterations, the remaining relative error.
     */
    NOT_CONVERGED("survey.raking.notConverged"),
    /**
     * Linear calibration without bounds made a weight zero or negative. The category is the respondent's
     * position (1-based); further argument: the weight.
     */
    WEIGHT_NOT_POSITIVE("survey.raking.weightNotPositive");

    private final String code;

    RakingProblem(String code) {
        this.code = code;
    }

    /** The message key. */
    public String code() {
        return code;
    }
}
