package kz.agyn.survey.estimation;

/**
 * The interval a survey shows for its shares, chosen per survey; each is one of R's
 * {@code svyciprop(method = ...)} with the design's degrees of freedom. See {@link Interval.Method} for the
 * formulas.
 */
public enum IntervalMethod {
    /** {@link Interval.Method#WALD_CLIPPED}: symmetric, cut to [0, 1]. */
    WALD,
    /** {@link Interval.Method#LOGIT}: the default, as R's {@code svyciprop}. */
    LOGIT,
    /** {@link Interval.Method#KORN_GRAUBARD}: the survey analogue of Clopper–Pearson. */
    BETA;

    /** The interval of a share by this method. */
    Interval.Method construction() {
        return switch (this) {
            case WALD -> Interval.Method.WALD_CLIPPED;
            case LOGIT -> Interval.Method.LOGIT;
            case BETA -> Interval.Method.KORN_GRAUBARD;
        };
    }
}
