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
    /** A stock: tertiary-educated people born here living abroad. */
    EMIGRANTS_TERTIARY,
    /** Annual departures of the tertiary-educated, summed over a window: a flow, not a stock. */
    TERTIARY_OUTFLOWS,
    /** People born here living abroad, all education levels (UN DESA's emigrant stock). */
    EMIGRANT_STOCK,
    /** The resident population (mid-year where published). */
    RESIDENT_POPULATION,
    RESIDENTS_TERTIARY_25PLUS,
    IMMIGRANTS,
    EMIGRANTS,
    POPULATION_MID_YEAR,
    POPULATION_START,
    POPULATION_END,
    PAY_FOREIGN,
    PAY_DOMESTIC,
    EXCHANGE_RATE,
    /** The destination's currency per US dollar, to convert pay abroad that is not in tenge's reference currency. */
    EXCHANGE_RATE_FOREIGN,
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
