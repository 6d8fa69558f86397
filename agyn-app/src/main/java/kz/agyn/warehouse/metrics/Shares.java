package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shares of a whole, and the two shares brain-drain statistics report most: the highly skilled among
 * emigrants (by education) and the intellectual professions among them (by occupation).
 *
 * <p>Breakdowns are passed as maps from the canonical codes of Agyn's long CSV format to person
 * counts: ISCED 2011 levels {@code "0"}–{@code "8"} and ISCO-08 major groups {@code "1"}–{@code "9"},
 * {@code "0"}, each with {@code "_U"} for unknown. A {@code "_T"} entry is ignored, since it is the sum
 * of the others and adding it would count everyone twice; so a whole cube slice can be passed as is.
 * A code that is absent counts as zero people; a code present with a {@code null} count is rejected.
 */
public final class Shares {

    private static final Set<String> ISCED_LEVELS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8");
    private static final Set<String> ISCED_TERTIARY = Set.of("5", "6", "7", "8");
    private static final Set<String> ISCO_MAJOR_GROUPS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final Set<String> ISCO_INTELLECTUAL = Set.of("1", "2", "3");
    private static final String UNKNOWN = "_U";
    private static final String TOTAL = "_T";

    private Shares() {
    }

    /**
     * A part of a whole, as a fraction.
     *
     * <pre>share = part / total</pre>
     *
     * <p>Empty when a value is missing or the total is zero.
     *
     * @throws IllegalArgumentException if a value is negative or the part exceeds the total
     */
    public static Optional<BigDecimal> share(BigDecimal part, BigDecimal total) {
        if (Decimals.anyNull(part, total)) {
            return Optional.empty();
        }
        Decimals.requireNonNegative(part, "part");
        Decimals.requireNonNegative(total, "total");
        if (part.compareTo(total) > 0) {
            throw new IllegalArgumentException(
                    "part " + part.toPlainString() + " exceeds the total " + total.toPlainString());
        }
        return Decimals.divide(part, total);
    }

    /**
     * Share of the highly skilled among emigrants: tertiary education, ISCED 2011 levels 5 to 8.
     *
     * <pre>share = E(ISCED 5–8) / E(ISCED 0–8)        unknown share = E(_U) / (E(ISCED 0–8) + E(_U))</pre>
     *
     * <p>Emigrants whose education is unknown are excluded from the denominator and reported
     * separately (see {@link KnownShare}). "Highly skilled" as tertiary-educated follows Docquier &amp;
     * Marfouk (2006); the levels are those of UNESCO Institute for Statistics, <i>International
     * Standard Classification of Education: ISCED 2011</i> (2012).
     *
     * @param emigrantsByIsced persons by ISCED level code, {@code "_U"} for unknown
     * @throws IllegalArgumentException for a code other than 0–8, _U, _T, or a negative or null count
     */
    public static KnownShare highlySkilled(Map<String, Long> emigrantsByIsced) {
        return knownShare(emigrantsByIsced, ISCED_LEVELS, ISCED_TERTIARY, "ISCED 2011 level");
    }

    /**
     * Share of intellectual professions among emigrants: ISCO-08 major groups 1 (managers),
     * 2 (professionals) and 3 (technicians and associate professionals).
     *
     * <pre>share = E(ISCO 1–3) / E(ISCO 0–9)        unknown share = E(_U) / (E(ISCO 0–9) + E(_U))</pre>
     *
     * <p>Group 0 (armed forces occupations) is a known occupation and stays in the denominator;
     * unknown occupation is excluded and reported separately (see {@link KnownShare}). In
     * emigration statistics "unknown" also absorbs people with no occupation (children, pensioners),
     * so the unknown share is large and the known share describes the economically active. The
     * grouping follows ILO, <i>International Standard Classification of Occupations: ISCO-08</i>
     * (2012), skill levels 3–4, as used for highly skilled migration by Lowell, B. L. &amp; Findlay,
     * A. (2001), <i>Migration of highly skilled persons from developing countries</i>, ILO.
     *
     * @param emigrantsByIsco persons by ISCO-08 major group code, {@code "_U"} for unknown
     * @throws IllegalArgumentException for a code other than 0–9, _U, _T, or a negative or null count
     */
    public static KnownShare intellectualProfessions(Map<String, Long> emigrantsByIsco) {
        return knownShare(emigrantsByIsco, ISCO_MAJOR_GROUPS, ISCO_INTELLECTUAL, "ISCO-08 major group");
    }

    private static KnownShare knownShare(Map<String, Long> counts, Set<String> knownCodes, Set<String> partCodes,
                                         String classification) {
        long part = 0;
        long known = 0;
        long unknown = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            String code = entry.getKey();
            if (TOTAL.equals(code)) {
                continue;
            }
            if (entry.getValue() == null) {
                // A suppressed or missing cell read as zero would quietly shift the share.
                throw new IllegalArgumentException("no count for " + classification + " '" + code
                        + "': leave the code out only if it truly has no people");
            }
            long count = entry.getValue();
            Decimals.requireNonNegative(count, "count for " + code);
            if (UNKNOWN.equals(code)) {
                unknown = Math.addExact(unknown, count);
            } else if (knownCodes.contains(code)) {
                known = Math.addExact(known, count);
                if (partCodes.contains(code)) {
                    part = Math.addExact(part, count);
                }
            } else {
                throw new IllegalArgumentException("not a " + classification + " code: '" + code + "'");
            }
        }
        return new KnownShare(part, known, unknown);
    }
}
