/**
 * Hidden emigration's pages: the runs of the residency estimate, a form that generates a synthetic country and
 * estimates it as a job, and a run's results — the calibration's fit, the accuracy against the truth, the estimate
 * by region on a map and by age, sex, education and occupation with intervals. Counts of 1–4 persons are hidden
 * from viewers, as everywhere else.
 */
package kz.agyn.residency.web;
