package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A share computed over the people whose attribute is known, together with how many were unknown.
 *
 * <p>Unknowns are left out of the denominator rather than counted as "not in the group": counting
 * them there would make the share fall whenever recording gets worse, which reads as a change in
 * migration when it is only a change in paperwork. The unknown share is kept beside the result so
 * a reader can judge how far the known part can be trusted.
 *
 * @param part    people in the group of interest (e.g. emigrants with ISCED 5–8)
 * @param known   people whose attribute is recorded, the group included
 * @param unknown people whose attribute is not recorded
 */
public record KnownShare(long part, long known, long unknown) {

    /** @throws IllegalArgumentException if a count is negative or the part exceeds the known */
    public KnownShare {
        Decimals.requireNonNegative(part, "part");
        Decimals.requireNonNegative(known, "known");
        Decimals.requireNonNegative(unknown, "unknown");
        if (part > known) {
            throw new IllegalArgumentException("part " + part + " exceeds the known total " + known);
        }
    }

    /** known + unknown: everyone counted, whether or not the attribute is recorded. */
    public long total() {
        return known + unknown;
    }

    /** share = part / known; empty when nobody's attribute is known. */
    public Optional<BigDecimal> share() {
        return Decimals.divide(BigDecimal.valueOf(part), BigDecimal.valueOf(known));
    }

    /** unknown share = unknown / (known + unknown); empty when nobody was counted. */
    public Optional<BigDecimal> unknownShare() {
        return Decimals.divide(BigDecimal.valueOf(unknown), BigDecimal.valueOf(total()));
    }
}
