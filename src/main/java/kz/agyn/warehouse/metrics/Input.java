package kz.agyn.warehouse.metrics;

import java.util.Locale;

/**
 * A quantity a metric is computed from, so a page can ask for exactly the data a metric needs and
 * label it in the reader's language ({@code metric.input.<name>} in {@code i18n/metrics*.properties}).
 */
public enum Input {
    VALUE_CURRENT,
    VALUE_PREVIOUS,
    /** The step of a series, in periods of its frequency (5 for a series published every five years). */
    STEP,
    VALUE_START,
    VALUE_END,
    YEARS,
    PART,
    TOTAL,
    EMIGRANTS_BY_EDUCATION,
    EMIGRANTS_BY_OCCUPATION,
    EMIGRANTS_TERTIARY,
    RESIDENTS_TERTIARY_25PLUS,
    IMMIGRANTS,
    EMIGRANTS,
    POPULATION_MID_YEAR,
    POPULATION_START,
    POPULATION_END,
    PAY_FOREIGN,
    PAY_DOMESTIC,
    EXCHANGE_RATE,
    PPP_FOREIGN,
    PPP_DOMESTIC,
    GERD,
    GDP,
    RD_INTENSITY_OWN,
    RD_INTENSITY_PEERS,
    GDP_PEERS;

    /** Message key of the input's label, e.g. {@code metric.input.exchange_rate}. */
    public String labelKey() {
        return "metric.input." + name().toLowerCase(Locale.ROOT);
    }
}
