package kz.agyn.warehouse.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SDMX unit codes, as agencies put them in a UNIT or UNIT_MEASURE column, read as Agyn's units
 * ({@link kz.agyn.warehouse.Indicator#UNITS}). The codes are those of the SDMX cross-domain list CL_UNIT_MEASURE
 * and of the agencies' own lists that Agyn's sources use (Eurostat's CL_UNIT, the OECD's, the IMF's, the ECB's
 * CL_UNIT). Only codes that mean exactly one of Agyn's units are here: a code with a multiplier built in
 * (Eurostat's THS_PER, MIO_EUR) or a currency Agyn does not hold would store a figure under the wrong unit, so it
 * stays a mismatch that the report names.
 */
final class SdmxUnits {

    private static final Map<String, String> UNITS = Map.ofEntries(
            // Persons: SDMX and the OECD PS, Eurostat PER (CL_UNIT "Person"), some agencies PERS.
            Map.entry("PS", "PERSONS"), Map.entry("PER", "PERSONS"), Map.entry("PERS", "PERSONS"),
            Map.entry("PERSONS", "PERSONS"),
            // Percent: SDMX PC and PCT, Eurostat PC, the OECD PT; PA is the OECD's "percent per annum".
            Map.entry("PC", "PERCENT"), Map.entry("PCT", "PERCENT"), Map.entry("PT", "PERCENT"),
            Map.entry("PA", "PERCENT"), Map.entry("PERCENT", "PERCENT"),
            // Percent of GDP: SDMX PC_GDP, Eurostat PC_GDP, the OECD PT_B1GQ, the IMF's PCT_GDP.
            Map.entry("PC_GDP", "PERCENT_GDP"), Map.entry("PCT_GDP", "PERCENT_GDP"),
            Map.entry("PT_B1GQ", "PERCENT_GDP"), Map.entry("GDP_PT", "PERCENT_GDP"),
            // Currencies by their ISO 4217 codes, as every SDMX currency list writes them.
            Map.entry("KZT", "KZT"), Map.entry("USD", "USD"), Map.entry("EUR", "EUR"),
            // National currency per US dollar (the IMF's XDC_USD) and per international dollar (PPP).
            Map.entry("XDC_USD", "LCU_PER_USD"), Map.entry("KZT_USD", "LCU_PER_USD"),
            Map.entry("XDC_PPP", "LCU_PER_INTL_DOLLAR"),
            // Pure numbers: SDMX RT (ratio), NR/NUM/NO (number, count).
            Map.entry("RT", "RATIO"), Map.entry("RATIO", "RATIO"), Map.entry("NR", "COUNT"),
            Map.entry("NUM", "COUNT"), Map.entry("NO", "COUNT"), Map.entry("COUNT", "COUNT"));

    private SdmxUnits() {
    }

    /** Agyn's unit for an SDMX unit code, or empty when the code is not one Agyn can store under. */
    static Optional<String> agyn(String sdmxCode) {
        return Optional.ofNullable(UNITS.get(sdmxCode.trim().toUpperCase(Locale.ROOT)));
    }
}
