package kz.agyn.residency;

/**
 * A finished run's calibration as stored ({@code kz.agyn.residency.estimator.Fit} read back): the intercept, one
 * weight per register in {@code Register} order, the standard errors (index 0 the intercept's, then the weights'),
 * the log-likelihoods of the fit and of the intercept alone, the AUC and the person-months of known status.
 */
public record StoredFit(double intercept, double[] weights, double[] standardErrors, double logLikelihood,
                        double nullLogLikelihood, double auc, long present, long abroad) {

    public StoredFit {
        weights = weights.clone();
        standardErrors = standardErrors.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** McFadden's pseudo-R²: one less the ratio of the log-likelihoods. */
    public double pseudoR2() {
        return nullLogLikelihood == 0 ? 0 : 1 - logLikelihood / nullLogLikelihood;
    }
}
