package kz.agyn.reference;

import java.time.LocalDate;

/**
 * One version of a first-level unit: the same KATO code appears twice when its territory changed (Almaty,
 * East Kazakhstan and Karaganda oblasts before and after 8 June 2022), so figures before and after the
 * change are never summed as if they covered the same land.
 */
public record Region(String kato, String iso3166_2, String kind, Names names, LocalDate validFrom, LocalDate validTo,
                     String parentKato, Names change) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public boolean current() {
        return validTo == null;
    }
}
