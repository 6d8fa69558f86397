package kz.agyn.warehouse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a file's columns become observations: which column holds each dimension, or a constant for all rows
 * (e.g. the indicator when the file holds one), and how to read the file (CSV dialect, XLSX block).
 * {@code wide} files have one value column per period ("2022", "2023", or "2022 / Men" under a two-row
 * header); their period, and sex or age group when the header names them, come from the column header.
 * {@code values} recodes what a file says into Agyn's codes, per dimension ("Channel Islands" → "XC");
 * {@code aggregates} says what becomes of rows for world regions and country groups.
 * {@code slice} cuts a dataset with more dimensions than Agyn holds to the part the analyst wants: column → code
 * (e.g. FREQ → A, UNIT_MEASURE → PS); rows with another code there are left out, and counted in the report.
 * Every option is described in docs/formats/import-mapping.md (the slice in docs/formats/sdmx.md). The dimension
 * keys are the names a user types: {@code PERIOD}, {@code VALUE}, {@code COUNTRY} (the SDMX column names
 * {@code TIME_PERIOD}, {@code OBS_VALUE}, {@code COUNTERPART_AREA} are accepted too).
 */
public record ImportMapping(Map<Dimension, String> columns, Map<Dimension, String> constants, boolean wide,
                            Character delimiter, String charset, Boolean decimalComma, String sheet,
                            Integer headerFirstRow, Integer headerRowCount, Integer firstDataRow,
                            Integer lastDataRow, Map<Dimension, Map<String, String>> values, Aggregates aggregates,
                            Map<String, String> slice) {

    /** Rows that stand for a group of countries (WORLD, Central Asia, High-income countries). */
    public enum Aggregates {
        /** Left out, and counted in a line of the report: the default, since country tables all have them. */
        SKIP,
        /** Each such row is a problem: for files that should hold countries only. */
        REFUSE
    }

    public ImportMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        constants = constants == null ? Map.of() : Map.copyOf(constants);
        Map<Dimension, Map<String, String>> v = new EnumMap<>(Dimension.class);
        if (values != null) {
            values.forEach((d, m) -> {
                if (d != null && m != null && !m.isEmpty()) {
                    Map<String, String> keyed = new LinkedHashMap<>();
                    m.forEach((from, to) -> {
                        if (from != null && to != null) {
                            keyed.put(key(from), to.trim());
                        }
                    });
                    v.put(d, Map.copyOf(keyed));
                }
            });
        }
        values = Map.copyOf(v);
        aggregates = aggregates == null ? Aggregates.SKIP : aggregates;
        // Insertion order kept: the first column of the slice that puts a row outside it is the one counted.
        Map<String, String> s = new LinkedHashMap<>();
        if (slice != null) {
            slice.forEach((column, code) -> {
                if (column != null && !column.isBlank() && code != null) {
                    s.put(column.trim(), code.trim());
                }
            });
        }
        slice = java.util.Collections.unmodifiableMap(s);
    }

    /** The mapping as it was before values, aggregates and the slice existed (every row of the file is wanted). */
    public ImportMapping(Map<Dimension, String> columns, Map<Dimension, String> constants, boolean wide,
                         Character delimiter, String charset, Boolean decimalComma, String sheet,
                         Integer headerFirstRow, Integer headerRowCount, Integer firstDataRow, Integer lastDataRow) {
        this(columns, constants, wide, delimiter, charset, decimalComma, sheet, headerFirstRow, headerRowCount,
                firstDataRow, lastDataRow, null, null, null);
    }

    /**
     * From JSON: every property may be left out. {@code wide} is boxed here because a mapping sent without it was
     * refused as "not valid JSON" (a record's primitive component cannot be absent).
     */
    @JsonCreator
    static ImportMapping fromJson(@JsonProperty("columns") Map<Dimension, String> columns,
                                  @JsonProperty("constants") Map<Dimension, String> constants,
                                  @JsonProperty("wide") Boolean wide,
                                  @JsonProperty("delimiter") Character delimiter,
                                  @JsonProperty("charset") String charset,
                                  @JsonProperty("decimalComma") Boolean decimalComma,
                                  @JsonProperty("sheet") String sheet,
                                  @JsonProperty("headerFirstRow") Integer headerFirstRow,
                                  @JsonProperty("headerRowCount") Integer headerRowCount,
                                  @JsonProperty("firstDataRow") Integer firstDataRow,
                                  @JsonProperty("lastDataRow") Integer lastDataRow,
                                  @JsonProperty("values") Map<Dimension, Map<String, String>> values,
                                  @JsonProperty("aggregates") Aggregates aggregates,
                                  @JsonProperty("slice") Map<String, String> slice) {
        return new ImportMapping(columns, constants, Boolean.TRUE.equals(wide), delimiter, charset, decimalComma,
                sheet, headerFirstRow, headerRowCount, firstDataRow, lastDataRow, values, aggregates, slice);
    }

    public static ImportMapping empty() {
        return new ImportMapping(Map.of(), Map.of(), false, null, null, null, null, null, null, null, null);
    }

    /** How a file's text is looked up in {@link #values}: trimmed, case-insensitive. */
    public static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    public ImportMapping withColumns(Map<Dimension, String> newColumns) {
        return new ImportMapping(newColumns, constants, wide, delimiter, charset, decimalComma, sheet,
                headerFirstRow, headerRowCount, firstDataRow, lastDataRow, values, aggregates, slice);
    }

    public ImportMapping withConstant(Dimension d, String value) {
        Map<Dimension, String> c = new EnumMap<>(Dimension.class);
        c.putAll(constants);
        if (value == null || value.isBlank()) {
            c.remove(d);
        } else {
            c.put(d, value.trim());
        }
        return new ImportMapping(columns, c, wide, delimiter, charset, decimalComma, sheet, headerFirstRow,
                headerRowCount, firstDataRow, lastDataRow, values, aggregates, slice);
    }

    public ImportMapping withSheet(String newSheet) {
        return new ImportMapping(columns, constants, wide, delimiter, charset, decimalComma, newSheet,
                headerFirstRow, headerRowCount, firstDataRow, lastDataRow, values, aggregates, slice);
    }

    public ImportMapping withValues(Map<Dimension, Map<String, String>> newValues, Aggregates newAggregates) {
        return new ImportMapping(columns, constants, wide, delimiter, charset, decimalComma, sheet, headerFirstRow,
                headerRowCount, firstDataRow, lastDataRow, newValues, newAggregates, slice);
    }

    /** The same mapping cut to a slice: column name → the one code wanted there. */
    public ImportMapping withSlice(Map<String, String> newSlice) {
        return new ImportMapping(columns, constants, wide, delimiter, charset, decimalComma, sheet, headerFirstRow,
                headerRowCount, firstDataRow, lastDataRow, values, aggregates, newSlice);
    }
}
