package kz.agyn.survey.estimation;

/**
 * An F statistic with its (possibly fractional) degrees of freedom and upper-tail p-value.
 *
 * @param statistic          the statistic
 * @param numeratorDf        numerator degrees of freedom
 * @param denominatorDf      denominator degrees of freedom
 * @param logPValue          the natural logarithm of the p-value, which keeps its digits where the p-value
 *                           itself underflows to 0 (below about 1e-308)
 * @param pValue             {@code P(F ≥ statistic)}
 */
public record FTest(double statistic, double numeratorDf, double denominatorDf, double pValue, double logPValue) {
}
