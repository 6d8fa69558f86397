/**
 * Hidden emigration's pages and API: the runs of the residency estimate, forms that generate a synthetic country or
 * upload register extracts and estimate them as a job, and a run's results — the calibration's fit, the accuracy
 * against the truth (synthetic countries), the estimate by region on a map and by age, sex, education and
 * occupation with intervals, the mirror statistics — or a refused upload's located problems. The API
 * ({@code /api/v1/residency/...}) answers the same. Counts of 1–4 persons are hidden from viewers, as everywhere else.
 */
package kz.agyn.residency.web;
