package kz.agyn.kernel;

/**
 * A territorial unit by its KATO code (классификатор административно-территориальных объектов):
 * nine digits whose first two name the oblast or city of republican significance and whose
 * later digits narrow it down to district and settlement.
 *
 * @param kato the nine ASCII digits
 */
public record RegionCode(String kato) {

    /** The whole country; statistics publish national totals under this code. */
    public static final RegionCode KAZAKHSTAN = new RegionCode("000000000");

    private static final String LOWER_LEVELS_ZERO = "0000000";

    /** @throws IllegalArgumentException unless {@code kato} is exactly nine ASCII digits */
    public RegionCode {
        if (kato == null || kato.length() != 9 || !kato.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "KATO code must be exactly 9 ASCII digits, got " + (kato == null ? "null" : "'" + kato + "'"));
        }
    }

    /** Parses a code, ignoring surrounding whitespace. */
    public static RegionCode parse(String text) {
        return new RegionCode(text == null ? null : text.strip());
    }

    /** Whether this is the whole country. */
    public boolean isCountry() {
        return equals(KAZAKHSTAN);
    }

    /**
     * Whether this is an oblast or a city of republican significance (digits 3–9 zero). The
     * country code also has zeros there but is not a first-level unit: counting it as one would
     * add the national total to a sum over oblasts.
     */
    public boolean isFirstLevel() {
        return kato.endsWith(LOWER_LEVELS_ZERO) && !isCountry();
    }

    /** The oblast (or city of republican significance) containing this unit; the country stays the country. */
    public RegionCode firstLevel() {
        return kato.endsWith(LOWER_LEVELS_ZERO) ? this : new RegionCode(oblastPrefix() + LOWER_LEVELS_ZERO);
    }

    /** The first two digits, which identify the oblast. */
    public String oblastPrefix() {
        return kato.substring(0, 2);
    }

    @Override
    public String toString() {
        return kato;
    }
}
