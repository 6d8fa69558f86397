package kz.agyn.survey.estimation;

/**
 * How intervals are made.
 *
 * @param level      the confidence level, strictly between 0 and 1; 0.95 by default
 * @param logitBelow a share whose distance from 0 or 1, {@code min(p, 1 − p)}, is below this value is
 *                   given the logit interval as its {@link ShareEstimate#interval() interval}; others
 *                   the Wald interval. The symmetric Wald interval can cross 0 or 1 near the
 *                   boundary, the logit one cannot. 0.1 by default; 0.5 always picks logit, 0 never.
 */
public record EstimationSettings(double level, double logitBelow) {

    /** 95% intervals; logit for shares below 10% or above 90%. */
    public static final EstimationSettings DEFAULT = new EstimationSettings(0.95, 0.1);

    public EstimationSettings {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1: " + level);
        }
        if (!(logitBelow >= 0 && logitBelow <= 0.5)) {
            throw new IllegalArgumentException("logitBelow must lie in [0, 0.5]: " + logitBelow);
        }
    }

    /** The default settings at another level. */
    public static EstimationSettings atLevel(double level) {
        return new EstimationSettings(level, DEFAULT.logitBelow());
    }
}
