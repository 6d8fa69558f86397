package kz.agyn.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.agyn.reference.internal.ReferenceRepository;
import org.springframework.stereotype.Service;

/**
 * Read access to the classifications. They change only by migration, so they are read once and kept.
 */
@Service
public class ReferenceData {

    private final ReferenceRepository repository;
    private volatile Snapshot snapshot;

    public ReferenceData(ReferenceRepository repository) {
        this.repository = repository;
    }

    /** Every version of every first-level unit, ordered by KATO then date. */
    public List<Region> regionHistory() {
        return snapshot().regions;
    }

    /** The units as they were on the date: twenty after 8 June 2022. */
    public List<Region> regionsOn(LocalDate date) {
        return snapshot().regions.stream().filter(r -> r.validOn(date)).toList();
    }

    public List<Region> currentRegions() {
        return snapshot().regions.stream().filter(Region::current).toList();
    }

    public Optional<Region> currentRegion(String kato) {
        return currentRegions().stream().filter(r -> r.kato().equals(kato)).findFirst();
    }

    public List<Occupation> occupations() {
        return snapshot().occupations;
    }

    public List<EducationLevel> educationLevels() {
        return snapshot().educationLevels;
    }

    public List<Country> countries() {
        return snapshot().countries;
    }

    public Optional<Country> country(String iso2) {
        return Optional.ofNullable(snapshot().countriesByIso2.get(iso2));
    }

    public List<CurrencyInfo> currencies() {
        return snapshot().currencies;
    }

    public List<ReferenceSource> sources() {
        return snapshot().sources;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            s = new Snapshot(repository.regions(), repository.occupations(), repository.educationLevels(),
                    repository.countries(), repository.currencies(), repository.sources());
            snapshot = s;
        }
        return s;
    }

    private record Snapshot(List<Region> regions, List<Occupation> occupations, List<EducationLevel> educationLevels,
                            List<Country> countries, List<CurrencyInfo> currencies, List<ReferenceSource> sources,
                            Map<String, Country> countriesByIso2) {
        Snapshot(List<Region> regions, List<Occupation> occupations, List<EducationLevel> educationLevels,
                 List<Country> countries, List<CurrencyInfo> currencies, List<ReferenceSource> sources) {
            this(regions, occupations, educationLevels, countries, currencies, sources,
                    countries.stream().collect(Collectors.toUnmodifiableMap(Country::iso2, Function.identity())));
        }
    }
}
