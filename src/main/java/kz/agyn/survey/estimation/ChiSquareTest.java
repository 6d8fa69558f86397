package kz.agyn.survey.estimation;

/**
 * A chi-square statistic with its degrees of freedom and upper-tail p-value.
 *
 * @param statistic        the statistic
 * @param degreesOfFreedom its degrees of freedom
 * @param pValue           {@code P(χ²_df ≥ statistic)}
 */
public record ChiSquareTest(double statistic, double degreesOfFreedom, double pValue) {
}
