package kz.agyn.warehouse.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import kz.agyn.tabular.SdmxStructure;
import kz.agyn.tabular.SdmxStructure.Code;
import kz.agyn.tabular.SdmxStructure.Codelist;
import kz.agyn.tabular.SdmxStructure.Component;

/**
 * What a dataflow's structure tells the import about a message's codes: the names of the codes of each column (shown in
 * the report; the codes themselves are stored), which column holds areas and how its code list codes them, and which
 * holds the unit and what each unit code means.
 *
 * <p><b>Areas.</b> Whether a code list's codes are ISO 3166-1 alpha-2, alpha-3 or UN M49 numeric codes is not taken
 * from their shape alone: the IMF codes Afghanistan {@code 512}, which in M49 is Oman. Each code of the list is read
 * both ways — by its code and by its (English) name — and when the two agree for the countries of the list, the list is
 * one of those schemes; otherwise its codes are the agency's own and are read through their names. A code the scheme
 * does not know but whose name is a country (Eurostat's {@code EL} Greece and {@code UK} United Kingdom, AMECO's old
 * {@code ROM} Romania) is read through its name, and the report says so. A code that is neither (a group such as
 * {@code EA19}, {@code EU27_2020}, M49's {@code 001} World, or a historical area such as West Germany) is not a
 * country: the import leaves its rows out with a line naming them, or refuses them
 * ({@link kz.agyn.warehouse.ImportMapping.Aggregates}), and never stores them under a country.
 *
 * <p><b>Units.</b> An agency's unit list is read through the codes' names ("US Dollar", "Percentage of GDP at market
 * prices", "Persons"), then through the SDMX unit codes ({@link SdmxUnits}). A unit with a multiplier in its name
 * ("Thousand persons", "Million euro") is its unit with that power of ten, stored as the row's unit multiplier; one
 * Agyn does not store ("National currency": which one depends on the area) is not mapped, and the import says so at
 * each row.
 */
public final class StructureCodes {

    /** How an area code list codes its areas. */
    public enum AreaScheme {
        ISO_ALPHA2, ISO_ALPHA3, M49, NAMES
    }

    /** What one area code is: a country (ISO alpha-2), a group or other non-country (its label), or a conflict. */
    public record Area(String country, String group, String conflict, boolean byName) {
    }

    /** The areas of one code list, resolved once. */
    public record Areas(String column, Codelist list, AreaScheme scheme, Map<String, Area> byCode) {

        /** The resolution of a code of the data, or empty when the code list does not have it. */
        public Optional<Area> of(String code) {
            return Optional.ofNullable(byCode.get(code.trim()));
        }
    }

    private static final Pattern MULTIPLIER = Pattern.compile(
            "\\b(thousands?|millions?|billions?|hundreds?|mrd|mio|mn|bn|ths|tsd)\\b");
    private static final List<String> UNIT_IDS = List.of("UNIT_MEASURE", "UNIT", "UNIT_MEAS", "UNIT_MEASURE_TYPE");

    private final SdmxStructure structure;
    private final CodeBook codes;
    private final Map<String, Areas> areas = new HashMap<>();

    public StructureCodes(SdmxStructure structure, CodeBook codes) {
        this.structure = structure;
        this.codes = codes;
    }

    public SdmxStructure structure() {
        return structure;
    }

    /** The code list of a column of the data, if the structure codes it. */
    public Optional<Codelist> codelist(String column) {
        return structure.codelistOf(column);
    }

    /**
     * The area reading of a column's code list, when it is an area list: a list named or used as one (REF_AREA, GEO,
     * COUNTRY, CL_AREA …) or one where most codes are countries.
     */
    public Optional<Areas> areas(String column) {
        Optional<Codelist> list = codelist(column);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        Areas known = areas.get(list.get().ref().toString());
        if (known != null) {
            return Optional.of(new Areas(column, known.list(), known.scheme(), known.byCode()));
        }
        Areas made = resolve(column, list.get());
        if (made == null) {
            return Optional.empty();
        }
        areas.put(list.get().ref().toString(), made);
        return Optional.of(made);
    }

    private Areas resolve(String column, Codelist list) {
        int countries = 0;
        int agree = 0;
        int disagree = 0;
        int[] shapes = new int[3];
        Map<String, String> byCode = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (Code c : list.codes().values()) {
            String code = shaped(c.id()) ? codes.country(c.id()).filter(StructureCodes::isCountry).orElse(null) : null;
            String name = englishName(c);
            String named = name == null ? null : codes.country(name).filter(StructureCodes::isCountry).orElse(null);
            if (code != null) {
                byCode.put(c.id(), code);
            }
            if (named != null) {
                byName.put(c.id(), named);
            }
            if (code != null || named != null) {
                countries++;
            }
            if (code != null && named != null) {
                if (code.equals(named)) {
                    agree++;
                    shapes[shape(c.id())]++;
                } else {
                    disagree++;
                }
            }
        }
        Optional<Component> component = structure.component(column);
        String hint = (column + " " + component.map(Component::concept).orElse("") + " " + list.ref().id())
                .toUpperCase(Locale.ROOT);
        boolean named = hint.contains("AREA") || hint.contains("GEO") || hint.contains("COUNTRY");
        if (countries == 0 || (!named && countries * 2 < list.codes().size())) {
            return null;
        }
        AreaScheme scheme;
        if (agree > 0 && disagree * 10 <= agree) {
            scheme = shapes[0] >= shapes[1] && shapes[0] >= shapes[2] ? AreaScheme.ISO_ALPHA2
                    : shapes[1] >= shapes[2] ? AreaScheme.ISO_ALPHA3 : AreaScheme.M49;
        } else if (agree == 0 && disagree == 0 && byName.isEmpty()) {
            // No names to check the codes against: the codes' shape is all there is.
            int[] s = new int[3];
            byCode.keySet().forEach(k -> s[shape(k)]++);
            scheme = s[0] >= s[1] && s[0] >= s[2] ? AreaScheme.ISO_ALPHA2 : s[1] >= s[2] ? AreaScheme.ISO_ALPHA3
                    : AreaScheme.M49;
        } else {
            scheme = AreaScheme.NAMES;
        }
        Map<String, Area> out = new LinkedHashMap<>();
        for (Code c : list.codes().values()) {
            String code = scheme == AreaScheme.NAMES || !fits(scheme, c.id()) ? null : byCode.get(c.id());
            String name = byName.get(c.id());
            String label = label(c);
            if (code != null && name != null && !code.equals(name)) {
                out.put(c.id(), new Area(null, null, englishName(c) + " → " + name + ", " + c.id() + " → " + code,
                        false));
            } else if (code != null) {
                out.put(c.id(), new Area(code, null, null, false));
            } else if (name != null) {
                out.put(c.id(), new Area(name, null, null, true));
            } else {
                out.put(c.id(), new Area(null, label, null, false));
            }
        }
        return new Areas(column, list, scheme, Map.copyOf(out));
    }

    /** A country of Agyn's table, not the "total" or "unknown" codes that {@link CodeBook#country} also accepts. */
    private static boolean isCountry(String iso2) {
        return !"_T".equals(iso2) && !"_U".equals(iso2);
    }

    /** Whether a code has the shape of an ISO alpha-2, alpha-3 or M49 code at all. */
    private static boolean shaped(String id) {
        return id.matches("[A-Za-z]{2,3}|\\d{1,3}");
    }

    /** 0 alpha-2, 1 alpha-3, 2 numeric. */
    private static int shape(String id) {
        return Character.isDigit(id.charAt(0)) ? 2 : id.length() == 2 ? 0 : 1;
    }

    private static boolean fits(AreaScheme scheme, String id) {
        if (!shaped(id)) {
            return false;
        }
        return switch (scheme) {
            case ISO_ALPHA2 -> shape(id) == 0;
            case ISO_ALPHA3 -> shape(id) == 1;
            case M49 -> shape(id) == 2;
            case NAMES -> false;
        };
    }

    private static String englishName(Code c) {
        String n = c.names().get("en");
        return n != null ? n : c.names().isEmpty() ? null : c.names().values().iterator().next();
    }

    /** "Euro area (19 countries) (EA19)": a non-country as the report names it. */
    private static String label(Code c) {
        String n = englishName(c);
        return n == null ? c.id() : n + " (" + c.id() + ")";
    }

    // --- units -------------------------------------------------------------------------------------------------

    /**
     * The column of the data that holds the unit: by name (UNIT, UNIT_MEASURE), or a coded component whose id,
     * concept or code list names a unit (AMECO's AME_UNIT, coded by CL_AME_UNIT), never the unit multiplier.
     */
    public Optional<String> unitColumn(List<String> header) {
        for (String h : header) {
            if (UNIT_IDS.contains(h.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(h);
            }
        }
        for (String h : header) {
            Optional<Component> c = structure.component(h);
            if (c.isEmpty() || c.get().codelist() == null) {
                continue;
            }
            String hint = (h + " " + c.get().concept() + " " + c.get().codelist().id()).toUpperCase(Locale.ROOT);
            if (hint.contains("UNIT") && !hint.contains("MULT")) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** A unit Agyn stores under, and the power of ten a multiplier in the unit's name adds ("Million euro": EUR, 6). */
    public record ScaledUnit(String unit, int power) {
    }

    /**
     * Agyn's unit for a unit code of {@code column}, without a multiplier: through the code's name, then the SDMX unit
     * codes. A name with a multiplier ("Thousand persons") gives nothing here; {@link #scaledUnit} reads it.
     */
    public Optional<String> unit(String column, String code) {
        return scaledUnit(column, code).filter(u -> u.power() == 0).map(ScaledUnit::unit);
    }

    /**
     * Agyn's unit for a unit code of {@code column} and the power of ten its name's multiplier adds: "Million euro"
     * is euro × 10^6, "Persons (thousands)" persons × 10^3. The import stores the power as the row's unit multiplier,
     * as it does an SDMX UNIT_MULT, so the value is kept as written. A code without a name is read as an SDMX unit
     * code, whose codes with a multiplier built in (THS_PER) are not mapped.
     */
    public Optional<ScaledUnit> scaledUnit(String column, String code) {
        Optional<Code> c = codelist(column).map(l -> l.codes().get(code.trim()));
        if (c.isPresent()) {
            String name = englishName(c.get());
            if (name != null) {
                String n = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
                if (MULTIPLIER.matcher(n).find()) {
                    return scaledUnitNamed(n);
                }
                Optional<String> byName = unitNamed(n);
                if (byName.isPresent()) {
                    return Optional.of(new ScaledUnit(byName.get(), 0));
                }
            }
        }
        return SdmxUnits.agyn(code).map(u -> new ScaledUnit(u, 0));
    }

    /**
     * A lower-case unit name that may carry one multiplier word: the word's power of ten and the unit the rest names.
     * "Per thousand" is a rate (per 1,000 inhabitants), not a multiplier: not mapped.
     */
    static Optional<ScaledUnit> scaledUnitNamed(String n) {
        java.util.regex.Matcher m = MULTIPLIER.matcher(n);
        if (!m.find()) {
            return unitNamed(n).map(u -> new ScaledUnit(u, 0));
        }
        if (n.substring(0, m.start()).matches(".*\\bper\\s*$")) {
            return Optional.empty();
        }
        String word = m.group(1);
        int power = word.startsWith("hundred") ? 2 : word.startsWith("thousand") || word.equals("ths")
                || word.equals("tsd") ? 3 : word.startsWith("million") || word.equals("mio") || word.equals("mn") ? 6
                : 9;
        String rest = (n.substring(0, m.start()) + " " + n.substring(m.end()))
                .replaceAll("[(),]", " ").replaceAll("^\\s*of\\b|\\bof\\s*$", " ")
                .replaceAll("\\s+", " ").strip();
        if (rest.startsWith("of ")) {
            rest = rest.substring(3);
        }
        if (MULTIPLIER.matcher(rest).find()) {
            return Optional.empty();
        }
        return unitNamed(rest).map(u -> new ScaledUnit(u, power));
    }

    /** The name of a unit code in English, if the structure gives one. */
    public Optional<String> unitName(String column, String code) {
        return codelist(column).map(l -> l.codes().get(code.trim())).map(StructureCodes::englishName);
    }

    static Optional<String> unitNamed(String n) {
        if (n.matches("(number of )?(persons?|people|individuals|inhabitants|population)")) {
            return Optional.of("PERSONS");
        }
        if (n.matches("(percent(age)?|per cent|%|pc|pct)( of| in % of)? (gdp|gross domestic product)\\b.*")) {
            return Optional.of("PERCENT_GDP");
        }
        if (n.matches("(percent(age)?|per cent|%)\\b.*")) {
            return Optional.of("PERCENT");
        }
        if (n.matches("(national currency|domestic currency|lcu) per (us dollar|usd|u\\.s\\. dollar)")) {
            return Optional.of("LCU_PER_USD");
        }
        if (n.matches("(us|u\\.s\\.|united states) dollars?")) {
            return Optional.of("USD");
        }
        if (n.matches("euros?")) {
            return Optional.of("EUR");
        }
        if (n.matches("(kazakhstan(i)? )?tenge")) {
            return Optional.of("KZT");
        }
        if (n.matches("ratio|pure number")) {
            return Optional.of("RATIO");
        }
        if (n.matches("number|count|units?")) {
            return Optional.of("COUNT");
        }
        return Optional.empty();
    }

    // --- names ---------------------------------------------------------------------------------------------------

    /**
     * A code's names in Agyn's languages (kk, ru, en, as far as the agency gives them; else its first name under
     * "en"), for the report, which renders them in the reader's language.
     */
    public Optional<Map<String, String>> names(String column, String code) {
        Optional<Code> c = codelist(column).map(l -> l.codes().get(code));
        if (c.isEmpty() || c.get().names().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : List.of("kk", "ru", "en")) {
            String n = c.get().names().get(lang);
            if (n != null) {
                out.put(lang, n);
            }
        }
        if (out.isEmpty()) {
            out.put("en", c.get().names().values().iterator().next());
        }
        return Optional.of(out);
    }
}
