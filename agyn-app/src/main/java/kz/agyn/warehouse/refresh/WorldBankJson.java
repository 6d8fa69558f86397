package kz.agyn.warehouse.refresh;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The World Bank's Indicators API (v2, {@code format=json}) into Agyn's observations CSV
 * (docs/formats/observations.md), which the import reads like any file. A page is
 * {@code [ {page, pages, per_page, total, …}, [ {indicator:{id,value}, country:{id,value}, countryiso3code, date,
 * value, unit, obs_status, decimal}, … ] ]}; an error is {@code [ {message:[{id, key, value}]} ]}, with status 200.
 *
 * <p>Values are passed on as the text the API wrote, never through a binary floating-point number: a value in
 * exponent notation ({@code 8.14013304708237E-9}) is written out in full by {@link BigDecimal}, the same number. A
 * year without a value ({@code null}) is left out, as the real data shipped with Agyn leave it out. Countries are
 * found by their ISO 3166-1 alpha-3 code ({@code countryiso3code}) in Agyn's country table and written by their
 * alpha-2 code in {@code country}, with {@code region} Kazakhstan (the observatory's country), as the shipped World
 * Bank data are; rows of regions and income groups (no ISO code, or one Agyn's table does not hold: {@code WLD},
 * {@code ECS}) are left out and counted. The indicator is the API's id, except for the World Bank series Agyn ships,
 * written as Agyn's indicators ({@link #AGYN_INDICATORS}); any other id is recoded by the source's template
 * ({@code values.INDICATOR}).
 */
final class WorldBankJson {

    /** The WDI series Agyn ships (src/main/resources/realdata/README.md), as Agyn's indicators. */
    static final Map<String, String> AGYN_INDICATORS = Map.of(
            "SP.POP.TOTL", "POPULATION_MIDYEAR",
            "NY.GDP.MKTP.CD", "GDP_USD",
            "PA.NUS.PPP", "PPP_FACTOR",
            "GB.XPD.RSDV.GD.ZS", "GERD_GDP",
            "SE.TER.ENRR", "TERTIARY_ENROLMENT_GROSS",
            "SM.POP.NETM", "COUNTRY_NET_MIGRATION");

    static final String HEADER = "indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status\n";

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})M(\\d{2})");

    /** A number as the API wrote it. */
    private record Num(String text) {
    }

    /** One page: where it stands among the pages, and its rows. */
    record Page(int page, int pages, List<Map<String, Object>> rows) {
    }

    /** The observations as CSV, and what was left out. */
    record Converted(byte[] csv, long rows, long withoutValue, long aggregateRows, List<String> aggregates) {
    }

    private final JsonMapper json;
    private final Map<String, String> iso2ByIso3;

    WorldBankJson(JsonMapper json, Map<String, String> iso2ByIso3) {
        this.json = json;
        this.iso2ByIso3 = iso2ByIso3;
    }

    /** Reads one page; an error message of the API, or anything that is not a page, is a {@link SourceException}. */
    Page page(byte[] body, String url) {
        Object doc;
        try (JsonParser p = json.createParser(body)) {
            JsonToken first = p.nextToken();
            doc = first == null ? null : value(p, first);
        } catch (JacksonException e) {
            throw MessageCheck.notData(url, head(body), ErrorText.of(body));
        }
        if (!(doc instanceof List<?> top) || top.isEmpty() || !(top.get(0) instanceof Map<?, ?> meta)) {
            throw MessageCheck.notData(url, head(body), null);
        }
        if (meta.get("message") != null) {
            String said = ErrorText.of(body);
            throw new SourceException(502, url, 200, said, "refresh.error.agency", url, said == null ? "" : said);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (top.size() > 1 && top.get(1) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = (Map<String, Object>) m;
                    rows.add(row);
                }
            }
        }
        return new Page(integer(meta.get("page"), 1), integer(meta.get("pages"), 1), rows);
    }

    /** The rows of every page, as Agyn's CSV. */
    Converted convert(List<Page> pages) {
        StringBuilder csv = new StringBuilder(HEADER);
        long rows = 0;
        long withoutValue = 0;
        long aggregateRows = 0;
        TreeSet<String> aggregates = new TreeSet<>();
        for (Page page : pages) {
            for (Map<String, Object> r : page.rows()) {
                String iso3 = text(r.get("countryiso3code")).toUpperCase(Locale.ROOT);
                String iso2 = iso2ByIso3.get(iso3);
                if (iso2 == null) {
                    aggregateRows++;
                    aggregates.add(name(r.get("country"), iso3));
                    continue;
                }
                Object v = r.get("value");
                if (v == null || (v instanceof String s && s.isBlank())) {
                    withoutValue++;
                    continue;
                }
                String id = id(r.get("indicator"));
                csv.append(csvCell(AGYN_INDICATORS.getOrDefault(id, id))).append(',')
                        .append(csvCell(period(text(r.get("date"))))).append(",KZ,,,").append(iso2).append(",,,,")
                        .append(csvCell(number(v))).append(",,").append(csvCell(text(r.get("obs_status"))))
                        .append('\n');
                rows++;
            }
        }
        return new Converted(csv.toString().getBytes(StandardCharsets.UTF_8), rows, withoutValue, aggregateRows,
                List.copyOf(aggregates));
    }

    /** "2022" → 2022, "2022Q3" → 2022-Q3, "2022M07" → 2022-07; anything else as it is, for the import to judge. */
    static String period(String date) {
        Matcher q = QUARTER.matcher(date);
        if (q.matches()) {
            return q.group(1) + "-Q" + q.group(2);
        }
        Matcher m = MONTH.matcher(date);
        if (m.matches()) {
            return m.group(1) + "-" + m.group(2);
        }
        return date;
    }

    /** The value's text; exponent notation written out in full (exactly: BigDecimal, not double). */
    private static String number(Object v) {
        String t = v instanceof Num n ? n.text() : String.valueOf(v).strip();
        if (t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
            try {
                return new BigDecimal(t).toPlainString();
            } catch (NumberFormatException e) {
                return t;
            }
        }
        return t;
    }

    private static String id(Object o) {
        return o instanceof Map<?, ?> m ? text(m.get("id")) : text(o);
    }

    private static String name(Object o, String iso3) {
        String n = o instanceof Map<?, ?> m ? text(m.get("value")) : "";
        return n.isEmpty() ? iso3 : n;
    }

    private static String text(Object o) {
        return o == null ? "" : o instanceof Num n ? n.text() : String.valueOf(o).strip();
    }

    private static int integer(Object o, int otherwise) {
        try {
            return Integer.parseInt(text(o));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Codes never need quoting; a name or status with a comma or quote would. */
    private static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String head(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8).strip();
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }

    /** A JSON value as maps, lists, strings, {@link Num numbers as written}, booleans and null. */
    private static Object value(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY && n != null) {
                    l.add(value(p, n));
                }
                return l;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Num(p.getString());
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }
}
