package kz.agyn.warehouse.metrics;

import java.util.Locale;

/**
 * What a metric's number means, so a page formats 0.25 as "25%" and 3.37 as "3.37 p.p." without
 * guessing ({@code metric.unit.<name>} in {@code i18n/metrics*.properties}).
 */
public enum Unit {
    /** A fraction of one; shown as a percentage. */
    FRACTION,
    /** Already in percent (R&amp;D intensity is conventionally published as % of GDP). */
    PERCENT_OF_GDP,
    /** A difference of two percentages. */
    PERCENTAGE_POINTS,
    /** Per 1,000 population. */
    PER_THOUSAND,
    /** A number of people. */
    PERSONS,
    /** "Times as much". */
    RATIO;

    /** Message key of the unit's label, e.g. {@code metric.unit.per_thousand}. */
    public String labelKey() {
        return "metric.unit." + name().toLowerCase(Locale.ROOT);
    }
}
