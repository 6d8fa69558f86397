/**
 * The estimator: calibration of the registers' weights by logistic regression on persons of known status, a
 * residency index per person and month from the weighted signs with exponential decay, the UN rule from border
 * crossings, the status of each person ({@link kz.agyn.residency.estimator.Status}) and aggregates with intervals,
 * with precision and recall against the truth when it is known. The per-person function
 * ({@link kz.agyn.residency.estimator.PersonClassifier}) is plain and stateless so another engine can call it.
 * Method: docs/decisions/0044-residency-index.md.
 */
package kz.agyn.residency.estimator;
