package kz.agyn.survey.estimation;

import java.util.Objects;

/**
 * How intervals are made.
 *
 * @param level  the confidence level, strictly between 0 and 1; 0.95 by default
 * @param method the interval shown for every share, {@link ShareEstimate#interval()}; logit by default, as R's
 *               {@code svyciprop}. The Wald interval stays available as {@link ShareEstimate#wald()} (unclipped,
 *               normal, R's {@code confint}) for those who compare with it.
 */
public record EstimationSettings(double level, IntervalMethod method) {

    /** 95% logit intervals with the design's degrees of freedom. */
    public static final EstimationSettings DEFAULT = new EstimationSettings(0.95, IntervalMethod.LOGIT);

    public EstimationSettings {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1: " + level);
        }
        Objects.requireNonNull(method, "method");
    }

    /** The default settings at another level. */
    public static EstimationSettings atLevel(double level) {
        return new EstimationSettings(level, DEFAULT.method());
    }

    /** The default level with another method. */
    public static EstimationSettings of(IntervalMethod method) {
        return new EstimationSettings(DEFAULT.level(), method);
    }
}
