package kz.agyn.scenario;

/**
 * One stored result: scenario {@code position} (0 the baseline, then the compared scenarios in order) × year ×
 * measure × dimension × value of the dimension ({@code codeIndex} into the run's codes of that dimension, 0 for
 * TOTAL): the mean over the draws and the 95% (2.5–97.5) and 80% (10–90) bands with the median.
 * {@code measure} and {@code dimension} are the engine's names (EMIGRANTS, REGION, ...).
 */
public record ResultBand(int position, int yearOffset, String measure, String dimension, int codeIndex,
                         double mean, double p2_5, double p10, double p50, double p90, double p97_5) {
}
