package kz.agyn.platform.format;

/**
 * How many decimals a number is written with: exactly {@code places} (a column of shares that should line up,
 * "12,0 %") or at most {@code places}, trailing zeros dropped (a figure in a sentence, "40 %" but "37,5 %").
 */
public record Decimals(int places, boolean exact) {

    public Decimals {
        if (places < 0) {
            throw new IllegalArgumentException("decimal places must not be negative, got " + places);
        }
    }

    /** At most {@code places} decimals, trailing zeros dropped. */
    public static Decimals upTo(int places) {
        return new Decimals(places, false);
    }

    /** Exactly {@code places} decimals. */
    public static Decimals exactly(int places) {
        return new Decimals(places, true);
    }
}
