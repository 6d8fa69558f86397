package kz.agyn.warehouse;

import java.util.List;

import kz.agyn.reference.Names;

/**
 * A statistic the warehouse holds: its code, names, unit, what it measures ({@link IndicatorKind}), the period a
 * flow or an amount is counted over ({@code per}: MONTH, YEAR, or none), definition and source.
 */
public record Indicator(String code, Names names, String unit, String per, Names definition, IndicatorKind kind,
                        String source) {

    /** The units the warehouse knows (the database checks the same list). */
    public static final List<String> UNITS = List.of("PERSONS", "PERCENT", "PERCENT_GDP", "KZT", "USD", "EUR",
            "LCU", "LCU_PER_USD", "LCU_PER_INTL_DOLLAR", "RATIO", "COUNT");

    /** The periods a flow or an amount is counted over. */
    public static final List<String> PERIODS = List.of("MONTH", "YEAR");

    /** An indicator as defined before kinds and sources: the kind is inferred as the V19 migration did. */
    public Indicator(String code, Names names, String unit, String per, Names definition) {
        this(code, names, unit, per, definition, IndicatorKind.infer(code, unit, per), null);
    }
}
