package kz.agyn.warehouse;

import java.util.Optional;

/**
 * What an indicator measures, which decides the values it can take. Negative numbers belong to a balance (net
 * migration) or a change (a growth rate), never to a count of people present (a stock) or of moves (a flow),
 * nor to a level such as a wage or a price; the indicator's code plays no part in that.
 */
public enum IndicatorKind {
    /** People (or things) present at a date: population, a migrant stock. */
    STOCK(false),
    /** Events over a period (its {@code per}): emigrants in a year. */
    FLOW(false),
    /** A difference of two flows: net migration. */
    BALANCE(true),
    /** A level at or over a time: a wage, a price, a share, a ratio. */
    LEVEL(false),
    /** A change between two times: a growth rate, a difference. */
    CHANGE(true);

    private final boolean negative;

    IndicatorKind(boolean negative) {
        this.negative = negative;
    }

    /** Whether a value below zero can be true for an indicator of this kind. */
    public boolean allowsNegative() {
        return negative;
    }

    /** Whether the kind counts over a period, so that {@code per} (MONTH, YEAR) applies. */
    public boolean takesPeriod() {
        return this != STOCK && this != CHANGE;
    }

    /** The kind an indicator defined before kinds existed most likely has; what the V19 migration assigned. */
    public static IndicatorKind infer(String code, String unit, String per) {
        if (code != null && code.contains("NET")) {
            return BALANCE;
        }
        if ("PERSONS".equals(unit) || "COUNT".equals(unit)) {
            return per == null ? STOCK : FLOW;
        }
        return LEVEL;
    }

    /** The kind named by {@code text} (case ignored), if any. */
    public static Optional<IndicatorKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (IndicatorKind k : values()) {
            if (k.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
