package kz.agyn.survey.estimation;

import kz.agyn.kernel.UserException;

/**
 * A replicate's weights could not be calibrated to the margins the full sample meets (a jackknife replicate that
 * drops every respondent of a category, say): R's {@code calibrate()} fails on such a design too. Names the
 * replicate, counted from 1 as the columns {@code repw_1…repw_R} are, and keeps the calibration's own reason.
 */
public final class ReplicateCalibrationException extends UserException {

    private final int replicate;
    private final RakingException reason;

    public ReplicateCalibrationException(int replicate, RakingException reason) {
        super(Kind.INVALID, "survey.replicates.calibrationFailed", replicate);
        this.replicate = replicate;
        this.reason = reason;
    }

    public int replicate() {
        return replicate;
    }

    public RakingException reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return "replicate " + replicate + ": " + reason.getMessage();
    }
}
