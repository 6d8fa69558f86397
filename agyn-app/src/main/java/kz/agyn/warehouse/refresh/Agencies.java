package kz.agyn.warehouse.refresh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import sdmxdl.provider.dialects.drivers.EstatDialectDriver;
import sdmxdl.provider.ri.drivers.Sdmx21RiDriver;
import sdmxdl.provider.web.DriverProperties;
import sdmxdl.web.WebSource;
import org.springframework.stereotype.Component;

/**
 * The services Agyn knows by name, so that an analyst chooses "ESTAT" rather than types an address. The SDMX ones are
 * sdmx-dl's own catalogue (its standard SDMX 2.1 driver and its Eurostat driver): it is kept up to date by people who
 * run those services daily, which a list of addresses in Agyn would not be. Two entries are Agyn's: the IMF, whose
 * address in the sdmx-dl served here (3.0.0-beta.14) is the retired {@code dataservices.imf.org} (later sdmx-dl
 * releases have the new one, used here), and the World Bank's Indicators API, which is not SDMX.
 */
@Component
public class Agencies {

    /** The World Bank's Indicators API, version 2. */
    public static final String WORLD_BANK_API = "WB_API";

    /** The agencies issue 13 names, first in every list: the UN, ILO, OECD, Eurostat, the IMF, the World Bank. */
    private static final List<String> FIRST = List.of("UNDATA", "ILO", "OECD", "ESTAT", "IMF", "WB", WORLD_BANK_API);

    private final Map<String, Agency> byId;

    public Agencies() {
        Map<String, Agency> all = new LinkedHashMap<>();
        for (Collection<WebSource> sources : List.of(new Sdmx21RiDriver().getDefaultSources(),
                new EstatDialectDriver().getDefaultSources())) {
            for (WebSource s : sources) {
                if (s.isAlias()) {
                    continue;
                }
                all.put(s.getId(), new Agency(s.getId(), name(s), SourceKind.SDMX_REST, s.getEndpoint().toString(),
                        DriverProperties.TRAILING_SLASH_PROPERTY.get(s.getProperties())));
            }
        }
        all.put("IMF", new Agency("IMF", "International Monetary Fund", SourceKind.SDMX_REST,
                "https://api.imf.org/external/sdmx/2.1", false));
        all.put(WORLD_BANK_API, new Agency(WORLD_BANK_API, "World Bank (Indicators API v2)", SourceKind.WORLD_BANK,
                "https://api.worldbank.org/v2", false));
        List<Agency> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparingInt((Agency a) -> FIRST.contains(a.id()) ? FIRST.indexOf(a.id()) : FIRST.size())
                .thenComparing(Agency::id));
        Map<String, Agency> ordered = new LinkedHashMap<>();
        sorted.forEach(a -> ordered.put(a.id(), a));
        this.byId = java.util.Collections.unmodifiableMap(ordered);
    }

    private static String name(WebSource s) {
        Map<String, String> names = s.getNames();
        String en = names.get("en");
        return en != null ? en : names.isEmpty() ? s.getId() : names.values().iterator().next();
    }

    /** Every known service, the six of issue 13 first. */
    public List<Agency> all() {
        return List.copyOf(byId.values());
    }

    /** The services of one kind. */
    public List<Agency> of(SourceKind kind) {
        return byId.values().stream().filter(a -> a.kind() == kind).toList();
    }

    public Optional<Agency> find(String id) {
        return id == null || id.isBlank() ? Optional.empty()
                : Optional.ofNullable(byId.get(id.trim().toUpperCase(Locale.ROOT)));
    }
}
