package kz.agyn.scenario.engine;

/**
 * One calibration target: what was observed, what the calibrated baseline gives, and the tolerance (two standard
 * errors of the observed value). code: EMIGRATION_RATE, RETURN_RATE, SCHOLAR_RETURN_RATE or REASON_SHARE;
 * dimension: "ISCO 2", "ISCED 7", "TOTAL" or a {@link Reason} name.
 */
public record TargetFit(String code, String dimension, double target, double simulated, double tolerance) {

    public boolean within() {
        return Math.abs(simulated - target) <= tolerance;
    }
}
