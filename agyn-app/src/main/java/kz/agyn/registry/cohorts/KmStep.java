package kz.agyn.registry.cohorts;

/**
 * The Kaplan–Meier curve at one distinct observed time: the numbers as R's {@code survfit} reports them.
 *
 * @param days     days since the end of study
 * @param atRisk   graduates not back and still observed just before {@code days} (those censored at
 *                 {@code days} included)
 * @param events   returns on {@code days}
 * @param censored observations ending on {@code days} without a return
 * @param survival S(days), the estimated share not yet back
 * @param stdErr   Greenwood standard error of S, {@code S·√Σ d/(n(n−d))}; null once S is 0
 * @param lower    95% log-log lower bound of S, null where S is 0 or 1
 * @param upper    95% log-log upper bound of S, null where S is 0 or 1
 */
public record KmStep(long days, long atRisk, long events, long censored, double survival, Double stdErr,
                     Double lower, Double upper) {

    /** The mean length of a Gregorian month in days, for plotting in months. */
    public static final double DAYS_PER_MONTH = 365.2425 / 12;

    /** {@link #days} in mean Gregorian months. */
    public double months() {
        return days / DAYS_PER_MONTH;
    }
}
