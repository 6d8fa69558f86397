package kz.agyn.survey.estimation;

/**
 * A chi-square statistic with its degrees of freedom and upper-tail p-value.
 *
 * @param statistic        the statistic
 * @param degreesOfFreedom its degrees of freedom
 * @param logPValue          the natural logarithm of the p-value, which keeps its digits where the p-value
 *                           itself underflows to 0 (below about 1e-308)
 * @param pValue           {@code P(χ²_df ≥ statistic)}
 */
public record ChiSquareTest(double statistic, double degreesOfFreedom, double pValue, double logPValue) {
}
