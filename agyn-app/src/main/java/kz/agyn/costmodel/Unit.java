package kz.agyn.costmodel;

/**
 * What a parameter's value measures, and therefore which values are admissible. The bounds catch slips such as a
 * rate typed as 10 instead of 0.10, or a negative amount; they are not estimates of the plausible range, which each
 * parameter carries itself, nor the bounds an override must keep to, which each parameter carries too. Every
 * ceiling is finite, far above any real value (a count above five times Kazakhstan's population, an amount above a
 * thousand times the state budget), so that no value a unit admits can overflow the model to Infinity.
 */
public enum Unit {
    /** An amount in tenge, once. */
    KZT(0, 1e15),
    /** Tenge per month. */
    KZT_PER_MONTH(0, 1e12),
    /** Tenge per year. */
    KZT_PER_YEAR(0, 1e13),
    /** A yearly rate (tax rate, discount rate) as a fraction; above 50% is taken for a typing slip. */
    RATE(0, 0.5),
    /** A share or probability, 0 to 1. */
    SHARE(0, 1),
    /** A multiple of something else (e.g. of pay), 0 to 10. */
    RATIO(0, 10),
    /** Years, 0 to 60. */
    YEARS(0, 60),
    /** Months, 0 to 120. */
    MONTHS(0, 120),
    /** A number of persons (per year for flows). */
    COUNT(0, 1e8);

    private final double min;
    private final double max;

    Unit(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /** The smallest admissible value. */
    public double min() {
        return min;
    }

    /** The largest admissible value. */
    public double max() {
        return max;
    }

    /** Whether {@code value} is finite and within {@link #min()}..{@link #max()}. */
    public boolean admits(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }
}
