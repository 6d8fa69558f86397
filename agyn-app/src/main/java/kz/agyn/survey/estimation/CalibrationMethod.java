package kz.agyn.survey.estimation;

import java.util.List;

/**
 * How design weights are calibrated to population margins: both make the weighted totals of every margin's
 * categories equal the margins, and the variance of both is that of the calibration residuals ({@link Calibration});
 * they differ in how far each respondent's weight moves and whether it can become negative.
 */
public enum CalibrationMethod {
    /** Iterative proportional fitting, R's {@code calibrate(..., calfun = "raking")}: weights stay positive. */
    RAKING,
    /**
     * Linear (GREG) calibration, R's {@code calibrate(..., calfun = "linear")}: {@code w_i = d_i (1 + x_iᵀλ)}, the
     * least change in the chi-square distance; without bounds a weight may become zero or negative, which is
     * refused ({@link RakingProblem#WEIGHT_NOT_POSITIVE}).
     */
    LINEAR;

    /** The weights under this method. */
    public RakingResult calibrate(List<Double> baseWeights, List<RakingVariable> variables, RakingOptions options) {
        return switch (this) {
            case RAKING -> Raking.rake(baseWeights, variables, options);
            case LINEAR -> LinearCalibration.calibrate(baseWeights, variables, options);
        };
    }

    /** R's name of the calibration function, for the generated script. */
    public String calfun() {
        return this == RAKING ? "raking" : "linear";
    }
}
