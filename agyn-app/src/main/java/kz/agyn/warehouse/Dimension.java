package kz.agyn.warehouse;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;

/**
 * The fields of an observation that a file's columns map to. The canonical column names are SDMX's, so an
 * SDMX-CSV file maps itself; the aliases let common statistics-bureau headers in three languages map too.
 */
public enum Dimension {
    INDICATOR("INDICATOR", "_T", "indicator", "indicator_code", "показатель", "көрсеткіш"),
    PERIOD("TIME_PERIOD", null, "time_period", "period", "year", "time", "год", "период", "жыл", "кезең"),
    REGION("REF_AREA", "000000000", "ref_area", "region", "kato", "регион", "область", "өңір", "облыс", "като"),
    OCCUPATION("OCCUPATION", "_T", "occupation", "isco", "isco08", "занятие", "профессия", "кәсіп", "мамандық"),
    EDUCATION("EDUCATION", "_T", "education", "isced", "isced11", "образование", "білім", "education_lev"),
    COUNTRY("COUNTERPART_AREA", "_T", "counterpart_area", "country", "destination", "citizenship", "страна",
            "ел", "страна назначения"),
    SEX("SEX", "_T", "sex", "gender", "пол", "жыныс"),
    AGE("AGE", "_T", "age", "age_group", "возраст", "жас"),
    FLOW("FLOW", "_Z", "flow", "direction", "направление", "бағыт"),
    VALUE("OBS_VALUE", null, "obs_value", "value", "значение", "мәні", "мән", "count"),
    UNIT_MULT("UNIT_MULT", "0", "unit_mult", "unit_multiplier"),
    STATUS("OBS_STATUS", "A", "obs_status", "status", "flag");

    private final String column;
    private final String defaultCode;
    private final List<String> aliases;

    Dimension(String column, String defaultCode, String... aliases) {
        this.column = column;
        this.defaultCode = defaultCode;
        this.aliases = List.of(aliases);
    }

    /**
     * A dimension by the name a user types in a mapping: {@code PERIOD}, or its SDMX column name
     * {@code TIME_PERIOD}, in any case. Both spellings were in use (the mapping took the first, messages spoke the
     * second), so both are taken and messages now use the first.
     */
    @JsonCreator
    public static Dimension of(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (Dimension d : values()) {
            if (d.name().equals(n) || d.column.equals(n)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a mapping field: " + name);
    }

    /** The canonical (SDMX) column name. */
    public String column() {
        return column;
    }

    /** The code an observation takes when the file says nothing about this dimension, or null if required. */
    public String defaultCode() {
        return defaultCode;
    }

    /** Whether a header names this dimension. */
    public boolean matches(String header) {
        String h = header.trim().toLowerCase(Locale.ROOT);
        int colon = h.indexOf(':');
        if (colon > 0) {
            h = h.substring(0, colon).trim();
        }
        return h.equals(column.toLowerCase(Locale.ROOT)) || aliases.contains(h);
    }
}
