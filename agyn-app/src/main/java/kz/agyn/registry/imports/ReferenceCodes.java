package kz.agyn.registry.imports;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kz.agyn.reference.Country;
import kz.agyn.reference.Occupation;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;

/**
 * The reference codes rows are checked against, gathered once per import: per row they meant a linear scan of
 * the ISCO list and of the region history for each of some 60,000 jobs, and a query per non-Bolashak award.
 * {@code countries} are ISO 3166 alpha-2 codes, upper case; {@code regionsFrom} is when the region history begins.
 */
record ReferenceCodes(Set<String> programmes, Set<String> isco, List<Region> regions, LocalDate regionsFrom,
                      Set<String> countries) {

    static ReferenceCodes of(ReferenceData reference, Set<String> programmes) {
        List<Region> regions = reference.regionHistory();
        LocalDate from = regions.stream().map(Region::validFrom).min(LocalDate::compareTo).orElse(LocalDate.MIN);
        Set<String> isco = new HashSet<>();
        for (Occupation o : reference.occupations()) {
            isco.add(o.code());
        }
        Set<String> countries = new HashSet<>();
        for (Country c : reference.countries()) {
            countries.add(c.iso2().toUpperCase(Locale.ROOT));
        }
        return new ReferenceCodes(Set.copyOf(programmes), isco, regions, from, countries);
    }

    /** Whether {@code kato} is a region on {@code on}; before the history begins (1997) its first units stand in. */
    boolean regionOn(String kato, LocalDate on) {
        LocalDate day = on.isBefore(regionsFrom) ? regionsFrom : on;
        for (Region r : regions) {
            if (r.kato().equals(kato) && r.validOn(day)) {
                return true;
            }
        }
        return false;
    }
}
