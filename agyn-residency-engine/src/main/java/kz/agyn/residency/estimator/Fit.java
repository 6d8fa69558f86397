package kz.agyn.residency.estimator;

import java.util.Arrays;

/**
 * The calibration's result: a logistic regression of "present in Kazakhstan" on one month's twelve register signs,
 * over the person-months of known status ({@code present} confirmed presences, {@code abroad} months after an
 * official deregistration).
 *
 * @param intercept      the fitted intercept (it holds the sample's share of presences)
 * @param weights        one weight per register, in {@code Register} order
 * @param standardErrors of the intercept (index 0) then of each weight, from the inverse Fisher information
 * @param logLikelihood  at the fit
 * @param nullLogLikelihood with the intercept alone
 * @param auc            area under the ROC curve on the calibration sample
 * @param present        person-months labelled present
 * @param abroad         person-months labelled abroad
 * @param iterations     IRLS iterations to converge
 */
public record Fit(double intercept, double[] weights, double[] standardErrors, double logLikelihood,
                  double nullLogLikelihood, double auc, long present, long abroad, int iterations) {

    public Fit {
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

    /**
     * The evidence of a month with no sign at all, as a log-likelihood ratio: the intercept less the log of the
     * sample's odds of presence, which the calibration sample's make-up (not the population) set.
     */
    public double base() {
        return intercept - Math.log((double) present / abroad);
    }

    /** McFadden's pseudo-R²: 1 − logL / logL₀. */
    public double pseudoR2() {
        return 1 - logLikelihood / nullLogLikelihood;
    }

    @Override
    public String toString() {
        return "Fit[intercept " + intercept + ", weights " + Arrays.toString(weights) + ", logL " + logLikelihood
                + ", AUC " + auc + ", n " + present + "/" + abroad + "]";
    }
}
