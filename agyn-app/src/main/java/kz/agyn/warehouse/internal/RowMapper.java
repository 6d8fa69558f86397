package kz.agyn.warehouse.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.kernel.Period;
import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.tabular.Location;
import kz.agyn.tabular.Numbers;
import kz.agyn.tabular.Row;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.IndicatorKind;

/**
 * Turns a file's rows into checked observations. Every problem is reported with its row and column, and a
 * row with any problem yields nothing, so that a file is either wholly clean or not written at all.
 */
public final class RowMapper {

    /** Ten times the world's population: a count of persons above it is a mistake in the file, not a figure. */
    private static final BigDecimal MAX_PERSONS = new BigDecimal("1e11");


    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]\\d\\d|2[01]\\d\\d)(?:-(Q[1-4]|\\d{2}))?(?!\\d)");

    private final List<String> header;
    private final Map<Dimension, Integer> columnOf = new EnumMap<>(Dimension.class);
    private final Map<Dimension, String> constants;
    private final List<WideColumn> wideColumns = new ArrayList<>();
    private final CodeBook codes;
    private final boolean decimalComma;
    /** Agyn's own CSV names the indicator's unit per row; a file that disagrees with the indicator is wrong. */
    private int unitColumn = -1;
    private final LongLongMap seen = new LongLongMap(1 << 16);

    private final Memo<Indicator> indicators;
    private final Memo<PeriodText> periods = new Memo<>(RowMapper::period);
    private final Memo<String> regions;
    private final Map<Period, Map<String, Boolean>> regionInPeriod = new HashMap<>();
    private int regionInPeriodSize;
    private Memo<String> countries;
    private final Memo<String> sexes = new Memo<>(CodeBook::sex);
    private final Memo<String> ages = new Memo<>(CodeBook::ageCode);
    private final Memo<String> flows = new Memo<>(CodeBook::flow);
    private final Memo<String> statuses = new Memo<>(CodeBook::status);
    /** What CodeBook.aggregate says of a country cell (a group of countries or not), by the text. */
    private final Memo<String> groups;
    /**
     * SDMX messages: an observation without a value (empty, NaN) is a missing observation, kept with its status,
     * and a UNIT/UNIT_MEASURE column holds SDMX unit codes (PS, PC …), read through {@link SdmxUnits}.
     */
    private boolean sdmx;
    /** The slice the analyst chose (column index → code); rows outside it are left out and counted. */
    private final Map<Integer, String> slice = new java.util.LinkedHashMap<>();
    private final Map<String, Long> leftOut = new java.util.TreeMap<>();

    private record PeriodText(Period period, String text) {
    }

    /**
     * What checking a cell's text found, by the text. A file repeats a few hundred codes a million times, and a
     * hash lookup costs far less than trimming, case-folding and matching every cell again (measured: the
     * per-cell checks were half of validation). Optional.empty() remembers that the text is not a valid code.
     */
    private static final class Memo<T> {
        /** More than every code list Agyn knows; past it a file of unique junk is simply checked cell by cell. */
        static final int MAX = 10_000;
        private final Map<String, Optional<T>> known = new HashMap<>();
        private final Function<String, Optional<T>> check;

        Memo(Function<String, Optional<T>> check) {
            this.check = check;
        }

        Optional<T> get(String text) {
            Optional<T> result = known.get(text);
            if (result == null) {
                result = check.apply(text);
                if (known.size() < MAX) {
                    known.put(text, result);
                }
            }
            return result;
        }
    }

    /** A value column of a wide table, with what its header says; null where the header says nothing. */
    private record WideColumn(int index, Period period, String sex, String age) {
    }

    /**
     * The dataflow's structure, when one came with the message: code names for the report, the area code list of the
     * country column, the unit code list. Null without one.
     */
    private StructureCodes structure;
    private StructureCodes.Areas countryAreas;
    /** Columns coded by a code list of the structure: column index → the codes met, in order (bounded). */
    private final Map<Integer, java.util.LinkedHashSet<String>> codesSeen = new java.util.LinkedHashMap<>();
    /** Area codes read through their names (EL → GR): code → "EL (Greece) → GR", in the order met. */
    private final Map<String, String> areasByName = new java.util.LinkedHashMap<>();
    /** Lines for the report's notes: a message key and its arguments. */
    private final List<Note> notes = new ArrayList<>();
    /** The unit codes read with a multiplier in their names, each said once in the report. */
    private final java.util.Set<String> scaledUnits = new java.util.HashSet<>();

    /** A line of the report that is not a problem: a message key and its arguments. */
    public record Note(String code, Object... args) {
    }

    /** The mapping's {@code values} by the dimension's ordinal, null where it recodes nothing: asked of every cell. */
    @SuppressWarnings("unchecked")
    private final Map<String, String>[] valuesOf = new Map[Dimension.values().length];
    private final ImportMapping.Aggregates aggregates;
    /** Rows left out as groups of countries: label → rows, in the order met, for the report's line. */
    private final Map<String, Integer> skippedAggregates = new java.util.LinkedHashMap<>();
    private long skippedRows;

    private RowMapper(List<String> header, ImportMapping mapping, CodeBook codes, boolean decimalComma) {
        this.header = header;
        // An enum map and an array: lookups a cell, and an immutable map's probing was a tenth of a million-row check.
        this.constants = enumMap(mapping.constants());
        for (Map.Entry<Dimension, Map<String, String>> e : mapping.values().entrySet()) {
            valuesOf[e.getKey().ordinal()] = e.getValue().isEmpty() ? null : e.getValue();
        }
        this.aggregates = mapping.aggregates();
        this.codes = codes;
        this.decimalComma = decimalComma;
        this.indicators = new Memo<>(codes::indicator);
        this.regions = new Memo<>(codes::region);
        this.countries = new Memo<>(codes::country);
        // Asked of every row's country: normalising a name by regular expressions was a quarter of a check.
        this.groups = new Memo<>(CodeBook::aggregate);
    }

    private static <V> Map<Dimension, V> enumMap(Map<Dimension, V> map) {
        return map.isEmpty() ? new EnumMap<>(Dimension.class) : new EnumMap<>(map);
    }

    /**
     * Prepares the mapping for a file with these column headers. Returns empty (having reported why) when the
     * mapping cannot work: a named column is missing, or a required dimension has neither column nor constant.
     */
    public static Optional<RowMapper> create(List<String> header, ImportMapping mapping, CodeBook codes,
                                             boolean decimalComma, Location fileLocation, ProblemCollector problems) {
        return create(header, mapping, codes, decimalComma, false, fileLocation, problems);
    }

    /** As above; {@code sdmx} for SDMX-ML and SDMX-CSV files (missing observations, SDMX unit codes). */
    public static Optional<RowMapper> create(List<String> header, ImportMapping mapping, CodeBook codes,
                                             boolean decimalComma, boolean sdmx, Location fileLocation,
                                             ProblemCollector problems) {
        return create(header, mapping, codes, decimalComma, sdmx, null, fileLocation, problems);
    }

    /**
     * As above, with the dataflow's structure (null when none came with the message): its code lists name the codes,
     * read the country column's areas and the unit column's units ({@link StructureCodes}).
     */
    public static Optional<RowMapper> create(List<String> header, ImportMapping mapping, CodeBook codes,
                                             boolean decimalComma, boolean sdmx, StructureCodes structure,
                                             Location fileLocation, ProblemCollector problems) {
        RowMapper m = new RowMapper(header, mapping, codes, decimalComma);
        m.sdmx = sdmx;
        m.structure = structure;
        boolean ok = true;
        for (Map.Entry<String, String> e : mapping.slice().entrySet()) {
            int index = indexOf(header, e.getKey());
            if (index < 0) {
                problems.report(fileLocation, e.getKey(), "warehouse.import.sliceColumnMissing", e.getKey(),
                        String.join(", ", header));
                ok = false;
            } else {
                m.slice.put(index, e.getValue().trim());
            }
        }
        Map<Dimension, String> columns = mapping.columns().isEmpty() ? autoMap(header) : mapping.columns();
        if (structure != null && mapping.columns().isEmpty()) {
            columns = m.areaColumn(columns, mapping);
        }
        for (Map.Entry<Dimension, String> e : columns.entrySet()) {
            int index = indexOf(header, e.getValue());
            if (index < 0) {
                problems.report(fileLocation, e.getValue(), "warehouse.import.columnMissing", e.getValue(),
                        e.getKey().name());
                ok = false;
            } else {
                m.columnOf.put(e.getKey(), index);
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim();
            if (!m.columnOf.containsValue(i) && (h.equalsIgnoreCase("unit") || h.equalsIgnoreCase("UNIT_MEASURE"))) {
                m.unitColumn = i;
            }
        }
        if (structure != null) {
            m.useStructure();
        }
        if (mapping.wide()) {
            // With a period column, the value columns are those whose header names a sex or an age group (a
            // table by age, one row per year); without one, those whose header names a period.
            boolean periodInRows = m.columnOf.containsKey(Dimension.PERIOD)
                    || mapping.constants().containsKey(Dimension.PERIOD);
            for (int i = 0; i < header.size(); i++) {
                if (m.columnOf.containsValue(i)) {
                    continue;
                }
                String h = header.get(i);
                Period period = periodInRows ? null : periodIn(h).orElse(null);
                String sex = CodeBook.sexIn(h);
                String age = CodeBook.ageIn(h);
                if (period != null || (periodInRows && (sex != null || age != null))) {
                    m.wideColumns.add(new WideColumn(i, period, sex, age));
                }
            }
            if (m.wideColumns.isEmpty()) {
                problems.report(fileLocation, null, "warehouse.import.noPeriodColumns");
                ok = false;
            }
        }
        for (Dimension d : new Dimension[] {Dimension.INDICATOR, Dimension.PERIOD, Dimension.VALUE}) {
            boolean wideCovers = mapping.wide() && d != Dimension.INDICATOR;
            if (!wideCovers && !m.columnOf.containsKey(d) && !mapping.constants().containsKey(d)) {
                problems.report(fileLocation, null, "warehouse.import.dimensionUnmapped", d.name());
                ok = false;
            }
        }
        return ok ? Optional.of(m) : Optional.empty();
    }

    /** Columns whose header names a dimension, by the dimension's SDMX name or a common alias. */
    public static Map<Dimension, String> autoMap(List<String> header) {
        Map<Dimension, String> map = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            for (String h : header) {
                if (d.matches(h) && !map.containsValue(h)) {
                    map.put(d, h);
                    break;
                }
            }
        }
        return map;
    }

    /**
     * How many rows the slice left out, by the first column that put each outside it ("FREQ=M" → 120), in
     * the order of the column's name and value.
     */
    public Map<String, Long> leftOut() {
        return java.util.Collections.unmodifiableMap(leftOut);
    }

    /** Maps one row; observations go to {@code out}, problems to {@code problems}. */
    public void map(Row row, Consumer<Obs> out, ProblemCollector problems) {
        if (row.blank()) {
            return;
        }
        for (Map.Entry<Integer, java.util.LinkedHashSet<String>> e : codesSeen.entrySet()) {
            if (e.getValue().size() < MAX_NAMED_CODES) {
                e.getValue().add(row.cell(e.getKey()).trim());
            }
        }
        // The slice first: a row outside it is not wanted at all, so it is neither a group of countries to count
        // nor a problem to report.
        for (Map.Entry<Integer, String> s : slice.entrySet()) {
            String cell = row.cell(s.getKey()).trim();
            if (!cell.equals(s.getValue())) {
                String key = header.get(s.getKey()).trim() + "=" + shorten(cell);
                // A column of unique junk would otherwise grow the report without end.
                if (leftOut.size() < Memo.MAX || leftOut.containsKey(key)) {
                    leftOut.merge(key, 1L, Long::sum);
                }
                return;
            }
        }
        if (aggregateRow(row, problems)) {
            return;
        }
        if (wideColumns.isEmpty()) {
            // A row whose mapping added any problem yields no observation.
            long before = problems.count();
            Obs obs = observation(row, cell(row, Dimension.PERIOD), null, null, cell(row, Dimension.VALUE),
                    columnOf.getOrDefault(Dimension.VALUE, -1), problems);
            emit(obs, row, columnOf.getOrDefault(Dimension.VALUE, -1), out, problems, before);
        } else {
            for (WideColumn w : wideColumns) {
                String value = row.cell(w.index());
                if (isMissingMark(value)) {
                    continue;
                }
                long beforeColumn = problems.count();
                Obs obs = observation(row, w.period() != null ? w.period().toString() : cell(row, Dimension.PERIOD),
                        w.sex(), w.age(), value, w.index(), problems);
                emit(obs, row, w.index(), out, problems, beforeColumn);
            }
        }
    }

    private void emit(Obs obs, Row row, int valueColumn, Consumer<Obs> out, ProblemCollector problems,
                      long problemsBefore) {
        if (obs == null || problems.count() != problemsBefore) {
            return;
        }
        // The row's place in its file: the line of a CSV record, the sheet row, the XML line of an SDMX-ML Obs
        // (whose row number only counts observations).
        long earlier = seen.putIfAbsent(obs.keyHash(), row.location().row() > 0 ? row.location().row() : row.number());
        if (earlier >= 0) {
            // Said with the key that repeats and the column it came from: "repeats row 99" alone hid that three
            // blocks of a wide table (by sex) had been read as one.
            String column = valueColumn >= 0 && valueColumn < header.size() ? header.get(valueColumn) : null;
            problems.report(at(row, valueColumn), column, "warehouse.import.duplicate", earlier, describe(obs));
            return;
        }
        out.accept(obs);
    }

    /**
     * A row whose country is a group of countries (WORLD, Central Asia, M49 954): left out and counted, or a
     * problem when the mapping says so. A name that is both a group and a country ("Micronesia") is a problem
     * either way: taking it for one of them silently is how the region became the country.
     */
    private boolean aggregateRow(Row row, ProblemCollector problems) {
        if (!columnOf.containsKey(Dimension.COUNTRY)) {
            return false;
        }
        String text = cell(row, Dimension.COUNTRY);
        if (countryAreas != null) {
            Optional<StructureCodes.Area> area = countryAreas.of(text);
            if (area.isPresent()) {
                return structuredArea(row, text, area.get(), problems);
            }
        }
        Optional<String> group = groups.get(text);
        if (group.isEmpty()) {
            return false;
        }
        Optional<String> country = countries.get(text);
        if (country.isPresent()) {
            problems.report(at(row, Dimension.COUNTRY), name(Dimension.COUNTRY), "warehouse.import.ambiguousCountry",
                    shorten(text), group.get(), country.get());
            return true;
        }
        if (aggregates == ImportMapping.Aggregates.REFUSE) {
            problems.report(at(row, Dimension.COUNTRY), name(Dimension.COUNTRY), "warehouse.import.aggregate",
                    group.get());
            return true;
        }
        skippedRows++;
        if (skippedAggregates.size() < 200) {
            skippedAggregates.merge(group.get(), 1, Integer::sum);
        }
        return true;
    }

    /** Codes named in the report per column: a file of unique junk must not grow it without end. */
    private static final int MAX_NAMED_CODES = 200;

    /**
     * With a structure and columns found automatically: the column whose code list is an area list holds the
     * country, REF_AREA first. Agyn's REF_AREA is a region of Kazakhstan (KATO); an agency's REF_AREA is a country
     * (ISO, M49), so taking it for a region would refuse every row. Left alone when a column already holds the country.
     */
    private Map<Dimension, String> areaColumn(Map<Dimension, String> columns, ImportMapping mapping) {
        if (columns.containsKey(Dimension.COUNTRY) || mapping.constants().containsKey(Dimension.COUNTRY)) {
            return columns;
        }
        List<String> candidates = new ArrayList<>();
        for (String h : header) {
            if (h.trim().equalsIgnoreCase("REF_AREA")) {
                candidates.add(0, h);
            } else if (!columns.containsValue(h)) {
                candidates.add(h);
            }
        }
        for (String h : candidates) {
            if (structure.areas(h).isPresent()) {
                Map<Dimension, String> out = new java.util.EnumMap<>(Dimension.class);
                out.putAll(columns);
                out.values().remove(h);
                out.put(Dimension.COUNTRY, h);
                return out;
            }
        }
        return columns;
    }

    /** Reads the structure for the columns mapped: the country column's areas, the unit column, code names. */
    private void useStructure() {
        notes.add(new Note("warehouse.import.structureRead", structure.structure().dsd().toString(),
                structure.structure().codelists().size()));
        Integer country = columnOf.get(Dimension.COUNTRY);
        if (country != null) {
            countryAreas = structure.areas(header.get(country)).orElse(null);
            if (countryAreas != null) {
                StructureCodes.Areas areas = countryAreas;
                boolean names = areas.scheme() == StructureCodes.AreaScheme.NAMES;
                // Codes of the list are read as the list says; a code the list lacks, as any file's code would be
                // (never by its shape in a list of the agency's own codes: 512 is Afghanistan to the IMF, Oman in M49).
                countries = new Memo<>(t -> {
                    Optional<StructureCodes.Area> a = areas.of(t);
                    if (a.isPresent()) {
                        return Optional.ofNullable(a.get().country());
                    }
                    return names ? Optional.empty() : codes.country(t);
                });
                notes.add(new Note("warehouse.import.areasRead." + areas.scheme().name(), header.get(country),
                        areas.list().ref().toString()));
            }
        }
        if (unitColumn < 0) {
            structure.unitColumn(header).ifPresent(h -> {
                int i = indexOf(header, h);
                if (i >= 0 && !columnOf.containsValue(i)) {
                    unitColumn = i;
                }
            });
        }
        for (int i = 0; i < header.size(); i++) {
            if (structure.codelist(header.get(i)).isPresent()) {
                codesSeen.put(i, new java.util.LinkedHashSet<>());
            }
        }
    }

    /** A row whose country code is in the structure's area list: a country, a group, or a code read two ways. */
    private boolean structuredArea(Row row, String text, StructureCodes.Area area, ProblemCollector problems) {
        if (area.conflict() != null) {
            problems.report(at(row, Dimension.COUNTRY), name(Dimension.COUNTRY), "warehouse.import.areaConflict",
                    shorten(text), countryAreas.list().ref().toString(), area.conflict());
            return true;
        }
        if (area.group() != null) {
            if (aggregates == ImportMapping.Aggregates.REFUSE) {
                    problems.report(at(row, Dimension.COUNTRY), name(Dimension.COUNTRY), "warehouse.import.aggregate",
                        area.group());
                return true;
            }
            skippedRows++;
            if (skippedAggregates.size() < 200) {
                skippedAggregates.merge(area.group(), 1, Integer::sum);
            }
            return true;
        }
        if (area.byName() && areasByName.size() < MAX_NAMED_CODES) {
            String name = structure.names(header.get(columnOf.get(Dimension.COUNTRY)), text.trim())
                    .map(n -> n.getOrDefault("en", n.values().iterator().next())).orElse("?");
            areasByName.putIfAbsent(text.trim(), text.trim() + " (" + name + ") → " + area.country());
        }
        return false;
    }

    /**
     * The unit of a row, read through the structure's unit code list: the power of ten its name's multiplier adds
     * ("Million euro": 6), which the row's unit multiplier takes, or 0.
     */
    private int structuredUnit(Row row, Indicator indicator, ProblemCollector problems) {
        String unit = row.cell(unitColumn).trim();
        if (unit.isEmpty() || unit.equalsIgnoreCase(indicator.unit())) {
            return 0;
        }
        String column = header.get(unitColumn);
        Optional<StructureCodes.ScaledUnit> agyn = structure.scaledUnit(column, unit);
        String named = structure.unitName(column, unit).map(n -> shorten(unit) + " (" + n + ")")
                .orElse(shorten(unit));
        if (agyn.isEmpty()) {
            problems.report(at(row, unitColumn), column, "warehouse.import.unitUnmapped", named,
                    structure.codelist(column).map(l -> l.ref().toString()).orElse("—"),
                    String.join(", ", Indicator.UNITS));
        } else if (!agyn.get().unit().equals(indicator.unit())) {
            problems.report(at(row, unitColumn), column, "warehouse.import.unitMismatch", named, indicator.code(),
                    indicator.unit());
        } else if (agyn.get().power() != 0) {
            if (scaledUnits.add(unit) && scaledUnits.size() <= 50) {
                notes.add(new Note("warehouse.import.unitScaled", column, named,
                        agyn.get().unit() + " × 10^" + agyn.get().power()));
            }
            return agyn.get().power();
        }
        return 0;
    }

    /** Lines for the report about how the structure was used; the area codes read through their names last. */
    public List<Note> notes() {
        List<Note> out = new ArrayList<>(notes);
        if (!areasByName.isEmpty()) {
            out.add(new Note("warehouse.import.areasByName", header.get(columnOf.get(Dimension.COUNTRY)),
                    String.join("; ", areasByName.values())));
        }
        return out;
    }

    /**
     * The names of the codes met in each coded column (column → code → language → name), for the report: the data
     * keep the codes, the reader sees what they stand for.
     */
    public Map<String, Map<String, Map<String, String>>> codeNames() {
        Map<String, Map<String, Map<String, String>>> out = new java.util.LinkedHashMap<>();
        codesSeen.forEach((i, seen) -> {
            Map<String, Map<String, String>> named = new java.util.LinkedHashMap<>();
            for (String code : seen) {
                structure.names(header.get(i), code).ifPresent(n -> named.put(code, n));
            }
            if (!named.isEmpty()) {
                out.put(header.get(i), named);
            }
        });
        return out;
    }

    /** An observation's key as the user reads it: the dimensions that are not at their defaults. */
    private static String describe(Obs o) {
        StringBuilder sb = new StringBuilder();
        sb.append("INDICATOR=").append(o.indicator()).append(", PERIOD=").append(o.periodText());
        if (!CodeBook.KAZAKHSTAN.equals(o.region())) {
            sb.append(", REGION=").append(o.region());
        }
        String[][] rest = {{"OCCUPATION", o.occupation()}, {"EDUCATION", o.education()}, {"COUNTRY", o.country()},
            {"SEX", o.sex()}, {"AGE", o.age()}};
        for (String[] r : rest) {
            if (!"_T".equals(r[1])) {
                sb.append(", ").append(r[0]).append('=').append(r[1]);
            }
        }
        if (!"_Z".equals(o.flow())) {
            sb.append(", FLOW=").append(o.flow());
        }
        return sb.toString();
    }

    /** The columns the mapper reads each field from, by header (as given, or as found automatically). */
    public Map<Dimension, String> columns() {
        Map<Dimension, String> out = new EnumMap<>(Dimension.class);
        columnOf.forEach((d, i) -> out.put(d, header.get(i)));
        return out;
    }

    /** How many rows were left out as groups of countries. */
    public long skippedAggregateRows() {
        return skippedRows;
    }

    /** The groups of countries left out, by label, in the order met. */
    public List<String> skippedAggregates() {
        return List.copyOf(skippedAggregates.keySet());
    }

    private Obs observation(Row row, String periodText, String wideSex, String wideAge, String valueText,
                            int valueColumn, ProblemCollector problems) {
        String indicatorCode = cell(row, Dimension.INDICATOR).trim();
        Indicator indicator = null;
        if (indicatorCode.isEmpty()) {
            problems.report(at(row, Dimension.INDICATOR), name(Dimension.INDICATOR), "warehouse.import.missing",
                    Dimension.INDICATOR.name());
        } else {
            indicator = indicators.get(indicatorCode).orElse(null);
            if (indicator == null) {
                problems.report(at(row, Dimension.INDICATOR), name(Dimension.INDICATOR),
                        "warehouse.import.unknownIndicator", indicatorCode);
            }
        }
        int unitPower = 0;
        if (unitColumn >= 0 && indicator != null && structure != null) {
            unitPower = structuredUnit(row, indicator, problems);
        } else if (unitColumn >= 0 && indicator != null) {
            String unit = row.cell(unitColumn).trim();
            if (!unit.isEmpty() && !unit.equalsIgnoreCase(indicator.unit())
                    && !(sdmx && indicator.unit().equals(SdmxUnits.agyn(unit).orElse(null)))) {
                problems.report(at(row, unitColumn), header.get(unitColumn), "warehouse.import.unitMismatch",
                        shorten(unit), indicator.code(), indicator.unit());
            }
        }
        PeriodText parsed = periods.get(periodText).orElse(null);
        Period period = parsed == null ? null : parsed.period();
        if (parsed == null) {
            problems.report(at(row, Dimension.PERIOD), name(Dimension.PERIOD), "warehouse.import.badPeriod",
                    shorten(periodText));
        }
        String regionText = cell(row, Dimension.REGION);
        String region = regions.get(regionText).orElse(null);
        if (region == null) {
            problems.report(at(row, Dimension.REGION), name(Dimension.REGION), "warehouse.import.unknownRegion",
                    shorten(regionText));
        } else if (period != null && !regionExistsIn(region, period)) {
            problems.report(at(row, Dimension.REGION), name(Dimension.REGION), "warehouse.import.regionNotInPeriod",
                    region, period.toString());
        }
        String occupation = cell(row, Dimension.OCCUPATION).trim();
        if (!codes.occupation(occupation)) {
            problems.report(at(row, Dimension.OCCUPATION), name(Dimension.OCCUPATION),
                    "warehouse.import.unknownOccupation", shorten(occupation));
        }
        String education = cell(row, Dimension.EDUCATION).trim();
        if (!CodeBook.education(education)) {
            problems.report(at(row, Dimension.EDUCATION), name(Dimension.EDUCATION),
                    "warehouse.import.unknownEducation", shorten(education));
        }
        String countryText = cell(row, Dimension.COUNTRY);
        String country = countries.get(countryText).orElse(null);
        if (country == null) {
            problems.report(at(row, Dimension.COUNTRY), name(Dimension.COUNTRY), "warehouse.import.unknownCountry",
                    shorten(countryText));
        }
        String sexText = wideSex != null ? wideSex : cell(row, Dimension.SEX);
        String sex = sexes.get(sexText).orElse(null);
        if (sex == null) {
            problems.report(at(row, Dimension.SEX), name(Dimension.SEX), "warehouse.import.badSex", shorten(sexText));
        }
        String ageText = wideAge != null ? wideAge : cell(row, Dimension.AGE).trim();
        String age = ages.get(ageText).orElse(null);
        if (age == null) {
            problems.report(at(row, Dimension.AGE), name(Dimension.AGE), "warehouse.import.badAge", shorten(ageText));
        }
        String flowText = cell(row, Dimension.FLOW);
        String flow = flows.get(flowText).orElse(null);
        if (flow == null) {
            problems.report(at(row, Dimension.FLOW), name(Dimension.FLOW), "warehouse.import.badFlow",
                    shorten(flowText));
        }
        String statusText = cell(row, Dimension.STATUS);
        String status = statuses.get(statusText).orElse(null);
        if (status == null) {
            problems.report(at(row, Dimension.STATUS), name(Dimension.STATUS), "warehouse.import.badStatus",
                    shorten(statusText));
        }
        // A unit named with a multiplier ("Million euro") adds its power to the message's own UNIT_MULT, if any.
        int unitMult = unitPower;
        String multText = cell(row, Dimension.UNIT_MULT).trim();
        if (!multText.isEmpty()) {
            try {
                unitMult = Integer.parseInt(multText) + unitPower;
                if (unitMult < -9 || unitMult > 12) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.report(at(row, Dimension.UNIT_MULT), name(Dimension.UNIT_MULT),
                        "warehouse.import.badUnitMult", shorten(multText));
            }
        }
        BigDecimal value = null;
        String header = valueColumn >= 0 && valueColumn < this.header.size() ? this.header.get(valueColumn) : null;
        Location valueAt = at(row, valueColumn);
        boolean missing = sdmx && (valueText.isBlank() || valueText.trim().equalsIgnoreCase("NaN"));
        if (missing) {
            // A missing observation: kept without a value, its status saying why (O, SDMX's "missing value",
            // when the message gives none).
            if (cell(row, Dimension.STATUS).isBlank()) {
                status = "O";
            }
        } else if (valueText.isBlank()) {
            problems.report(valueAt, header, "warehouse.import.missingValue");
        } else {
            String normalized = Numbers.normalizeNumberOrExponent(valueText, decimalComma);
            if (normalized == null) {
                problems.report(valueAt, header, "warehouse.import.notANumber", shorten(valueText));
            } else {
                value = new BigDecimal(normalized);
                BigDecimal scaled = value.scaleByPowerOfTen(unitMult);
                // Whether a value may be below zero is a matter of what the indicator measures (its kind), or of
                // a row that is itself a net flow; never of how the indicator happens to be named.
                boolean netAllowed = "NET".equals(flow) || (indicator != null && indicator.kind().allowsNegative());
                String unit = indicator == null ? "" : indicator.unit();
                // The message names what the unit allows: a conversion factor must be above zero (a factor of 0
                // would divide by zero in every pay gap), a count of persons or an amount of money not below it.
                if (unit.startsWith("LCU_PER") && scaled.signum() <= 0) {
                    problems.report(valueAt, header, "warehouse.import.notPositiveFactor", shorten(valueText),
                            indicator.code());
                } else if (scaled.signum() < 0 && !netAllowed) {
                    problems.report(valueAt, header, "PERSONS".equals(unit) || "COUNT".equals(unit)
                                    ? "warehouse.import.negativePersons"
                                    : List.of("KZT", "USD", "EUR", "LCU").contains(unit)
                                    ? "warehouse.import.negativeAmount" : "warehouse.import.negative",
                            shorten(valueText), indicator == null ? "?" : indicator.code());
                } else if ("PERSONS".equals(unit) && scaled.abs().compareTo(MAX_PERSONS) > 0) {
                    problems.report(valueAt, header, "warehouse.import.tooManyPersons", shorten(valueText));
                } else if (indicator != null && indicator.kind() != IndicatorKind.CHANGE
                        && ("PERCENT".equals(indicator.unit()) || "PERCENT_GDP".equals(indicator.unit()))
                        && scaled.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.report(valueAt, header, "warehouse.import.shareAbove100", shorten(valueText));
                } else if (indicator != null && "PERSONS".equals(indicator.unit()) && !netAllowed
                        && scaled.scale() > 0 && scaled.stripTrailingZeros().scale() > 0) {
                    problems.report(valueAt, header, "warehouse.import.notWhole", shorten(valueText));
                }
            }
        }
        if (indicator == null || period == null || region == null || country == null || sex == null || age == null
                || flow == null || status == null || (value == null && !missing)) {
            return null;
        }
        return new Obs(indicator.code(), period, parsed.text(), region, occupation, education, country, sex, age,
                flow, value, unitMult, status, row.number());
    }

    private static Optional<PeriodText> period(String text) {
        try {
            Period p = Period.parse(text.trim());
            return Optional.of(new PeriodText(p, p.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean regionExistsIn(String region, Period period) {
        Map<String, Boolean> known = regionInPeriod.get(period);
        Boolean exists = known == null ? null : known.get(region);
        if (exists == null) {
            exists = codes.regionExistsIn(region, period);
            if (regionInPeriodSize < Memo.MAX) {
                regionInPeriod.computeIfAbsent(period, p -> new HashMap<>()).put(region, exists);
                regionInPeriodSize++;
            }
        }
        return exists;
    }

    private String cell(Row row, Dimension d) {
        Integer index = columnOf.get(d);
        if (index != null) {
            String value = recode(d, row.cell(index));
            // An empty code means the dimension does not apply (docs/formats/observations.md): the default stands.
            if (!value.isBlank() || d.defaultCode() == null) {
                return value;
            }
        }
        String constant = constants.get(d);
        if (constant != null) {
            return constant;
        }
        return d.defaultCode() == null ? "" : d.defaultCode();
    }

    /** What the mapping's {@code values} say the file's text stands for, or the text itself. */
    private String recode(Dimension d, String text) {
        Map<String, String> v = valuesOf[d.ordinal()];
        if (v == null) {
            return text;
        }
        String to = v.get(ImportMapping.key(text));
        return to != null ? to : text;
    }

    private String name(Dimension d) {
        Integer index = columnOf.get(d);
        return index == null ? d.column() : header.get(index);
    }

    private Location at(Row row, Dimension d) {
        return at(row, columnOf.getOrDefault(d, -1));
    }

    private static Location at(Row row, int column) {
        Location l = row.location();
        return new Location(l.file(), l.sheet(), l.row(), column < 0 ? 0 : column + 1);
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        return -1;
    }

    static Optional<Period> periodIn(String header) {
        Matcher m = YEAR.matcher(header);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Period.parse(m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A cell of a wide table that says "no figure": empty, a dash, an ellipsis, or the ".." of UN and World Bank
     * tables (UN DESA's Migrant Stock has it where an estimate is not available).
     */
    private static boolean isMissingMark(String value) {
        String t = value.strip();
        return t.isEmpty() || t.equals("-") || t.equals("\u2013") || t.equals("\u2014") || t.equals("…")
                || t.equals("...") || t.equals("..");
    }

    /** Cell text quoted back to the user, cut so a huge cell cannot flood the report. */
    static String shorten(String text) {
        String t = text.strip();
        return t.length() <= 40 ? t : t.substring(0, 37) + "…";
    }
}
