package kz.agyn.warehouse.metrics;

/**
 * The period a pay figure covers. Sources mix them (Kazakhstan's statistics publish monthly pay,
 * American and European sources annual salaries), and a ratio of a monthly to an annual figure is off
 * by a factor of twelve without looking wrong.
 *
 * <p>Weekly and hourly pay are left out on purpose: turning them into a year needs weeks worked and
 * hours per week, assumptions that belong with the data, not in a constant here.
 */
public enum PayPeriod {
    MONTHLY(12),
    QUARTERLY(4),
    ANNUAL(1);

    private final int periodsPerYear;

    PayPeriod(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    /** How many such periods make a year. */
    public int periodsPerYear() {
        return periodsPerYear;
    }
}
