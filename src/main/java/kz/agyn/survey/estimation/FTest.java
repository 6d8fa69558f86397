package kz.agyn.survey.estimation;

/**
 * An F statistic with its (possibly fractional) degrees of freedom and upper-tail p-value.
 *
 * @param statistic          the statistic
 * @param numeratorDf        numerator degrees of freedom
 * @param denominatorDf      denominator degrees of freedom
 * @param pValue             {@code P(F ≥ statistic)}
 */
public record FTest(double statistic, double numeratorDf, double denominatorDf, double pValue) {
}
