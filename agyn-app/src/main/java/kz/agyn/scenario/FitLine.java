package kz.agyn.scenario;

/**
 * One calibration target as the run's fit report shows it: what was observed, what the calibrated baseline
 * simulates, the tolerance and whether it is met.
 */
public record FitLine(String code, String dimension, double target, double simulated, double tolerance,
                      boolean within) {
}
