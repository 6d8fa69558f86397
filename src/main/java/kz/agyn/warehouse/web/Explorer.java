package kz.agyn.warehouse.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import kz.agyn.note.FigureFormatter;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Disclosure;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * Builds the explorer's view: one indicator broken down by one dimension over time, the other dimensions held
 * at the chosen code (the total by default, so that breakdowns are never summed twice), from one source.
 */
@Component
class Explorer {

    static final List<Dimension> BREAKDOWNS = List.of(Dimension.REGION, Dimension.OCCUPATION, Dimension.EDUCATION,
            Dimension.COUNTRY, Dimension.SEX, Dimension.AGE, Dimension.FLOW);
    static final String ANY = "*";
    private static final int MAX_SERIES = 12;

    private final Warehouse warehouse;
    private final CodeLabels labels;

    Explorer(Warehouse warehouse, CodeLabels labels) {
        this.warehouse = warehouse;
        this.labels = labels;
    }

    /** The explorer's choices, as they arrive from the form or a link. */
    record Selection(String indicator, Dimension by, Map<Dimension, String> filters, String from, String to,
                     String dataset, LocalDate asOf) {
    }

    record Cell(String text, BigDecimal value, boolean suppressed) {
    }

    record PivotRow(String code, String label, List<Cell> cells) {
    }

    record Source(String code, String title, String publisher, String citation, int version, boolean synthetic) {
    }

    record View(Selection selection, Indicator indicator, List<String> periods, List<PivotRow> rows,
                List<Source> sources, Source source, Map<Dimension, List<String>> filterCodes,
                Map<Dimension, Map<String, String>> filterLabels, boolean truncated, int suppressedCells,
                List<Observation> observations) {

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    Selection selection(String indicator, String by, Map<String, String> params, String from, String to,
                        String dataset, LocalDate asOf) {
        String ind = indicator;
        if (ind == null || warehouse.indicator(ind).isEmpty()) {
            ind = warehouse.indicator("EMIGRANTS").isPresent() ? "EMIGRANTS"
                    : warehouse.indicators().stream().findFirst().map(Indicator::code).orElse(null);
        }
        Dimension byDim = BREAKDOWNS.stream().filter(d -> d.name().equalsIgnoreCase(by)).findFirst()
                .orElse(Dimension.REGION);
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Dimension d : BREAKDOWNS) {
            if (d == byDim) {
                continue;
            }
            String v = params.get(d.name().toLowerCase(Locale.ROOT));
            filters.put(d, v == null || v.isBlank() ? (d == Dimension.FLOW ? ANY : "_T") : v);
        }
        return new Selection(ind, byDim, filters, Params.blank(from), Params.blank(to), Params.blank(dataset), asOf);
    }

    View view(Selection s, Set<String> roles, Locale locale) {
        Indicator indicator = s.indicator() == null ? null : warehouse.indicator(s.indicator()).orElse(null);
        Map<Dimension, List<String>> filterCodes = new EnumMap<>(Dimension.class);
        Map<Dimension, Map<String, String>> filterLabels = new EnumMap<>(Dimension.class);
        for (Dimension d : BREAKDOWNS) {
            filterLabels.put(d, labels.labels(d, locale));
            if (indicator != null) {
                filterCodes.put(d, warehouse.codes(indicator.code(), d));
            }
        }
        if (indicator == null) {
            return new View(s, null, List.of(), List.of(), List.of(), null, filterCodes, filterLabels, false, 0,
                    List.of());
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        s.filters().forEach((d, v) -> {
            if (!ANY.equals(v)) {
                filters.put(d, v);
            }
        });
        ObservationQuery query = new ObservationQuery(indicator.code(), filters, s.from(), s.to(), null, s.asOf(),
                0, ObservationQuery.MAX_PAGE_SIZE);
        List<Observation> all = warehouse.observations(query);
        Map<String, DatasetInfo> datasets = warehouse.datasets().stream()
                .collect(Collectors.toMap(DatasetInfo::code, d -> d));
        LinkedHashMap<String, Source> sources = new LinkedHashMap<>();
        all.stream().map(o -> o.dataset() + "#" + o.version()).distinct().sorted().forEach(key -> {
            String code = key.substring(0, key.indexOf('#'));
            int version = Integer.parseInt(key.substring(key.indexOf('#') + 1));
            DatasetInfo d = datasets.get(code);
            sources.put(code, new Source(code, d == null ? code : d.title().in(locale), d == null ? "" : d.publisher(),
                    d == null ? null : d.citation(), version, d != null && d.synthetic()));
        });
        Source source = s.dataset() != null && sources.containsKey(s.dataset()) ? sources.get(s.dataset())
                : sources.values().stream().sorted(Comparator.comparing(Source::synthetic)).findFirst().orElse(null);
        List<Observation> chosen = source == null ? List.of()
                : all.stream().filter(o -> o.dataset().equals(source.code())).toList();

        boolean full = Disclosure.seesSmallCells(roles);
        Map<String, String> byLabels = filterLabels.get(s.by());
        TreeSet<String> periods = new TreeSet<>(Comparator.comparing(kz.agyn.kernel.Period::parse));
        chosen.forEach(o -> periods.add(o.period()));
        List<String> periodList = new ArrayList<>(periods);
        Map<String, Map<String, Observation>> grid = new LinkedHashMap<>();
        for (Observation o : chosen) {
            grid.computeIfAbsent(code(o, s.by()), k -> new LinkedHashMap<>()).put(o.period(), o);
        }
        List<PivotRow> rows = new ArrayList<>();
        int suppressed = 0;
        for (String code : new TreeSet<>(grid.keySet())) {
            List<Cell> cells = new ArrayList<>();
            for (String p : periodList) {
                Observation o = grid.get(code).get(p);
                if (o == null) {
                    cells.add(new Cell("", null, false));
                } else if (!full && Disclosure.suppressed(indicator.unit(), o.scaledValue())) {
                    cells.add(new Cell("<5", null, true));
                    suppressed++;
                } else {
                    cells.add(new Cell(FigureFormatter.number(o.scaledValue(), 2, locale), o.scaledValue(), false));
                }
            }
            rows.add(new PivotRow(code, byLabels.getOrDefault(code, code), cells));
        }
        boolean truncated = all.size() >= ObservationQuery.MAX_PAGE_SIZE;
        List<Observation> visible = full ? chosen : chosen.stream()
                .filter(o -> !Disclosure.suppressed(indicator.unit(), o.scaledValue())).toList();
        return new View(s, indicator, periodList, rows, List.copyOf(sources.values()), source, filterCodes,
                filterLabels, truncated, suppressed, visible);
    }

    /** Line chart: one series per breakdown code (the largest, when there are many). */
    Map<String, Object> lineOption(View v) {
        List<PivotRow> rows = new ArrayList<>(v.rows());
        rows.sort(Comparator.comparing((PivotRow r) -> last(r).negate()));
        boolean truncated = rows.size() > MAX_SERIES;
        List<PivotRow> shown = rows.subList(0, Math.min(MAX_SERIES, rows.size()));
        List<Map<String, Object>> series = new ArrayList<>();
        for (PivotRow r : shown) {
            List<Object> data = new ArrayList<>();
            r.cells().forEach(c -> data.add(c.value()));
            series.add(Map.of("name", r.label(), "type", v.periods().size() == 1 ? "bar" : "line", "data", data,
                    "connectNulls", false));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 70, "right", 30, "top", 30, "bottom", 60));
        option.put("xAxis", Map.of("type", "category", "data", v.periods()));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series);
        option.put("truncated", truncated);
        return option;
    }

    /** Map of the latest period when the breakdown is by region. */
    Map<String, Object> mapOption(View v, Map<String, String> regionNames) {
        if (v.selection().by() != Dimension.REGION || v.periods().isEmpty()) {
            return null;
        }
        int last = v.periods().size() - 1;
        List<Map<String, Object>> data = new ArrayList<>();
        BigDecimal max = BigDecimal.ONE;
        for (PivotRow r : v.rows()) {
            Cell c = r.cells().get(last);
            if (r.code().equals("000000000") || c.value() == null) {
                continue;
            }
            data.add(Map.of("name", r.code(), "value", c.value()));
            max = max.max(c.value());
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("visualMap", Map.of("min", 0, "max", max, "left", "left", "bottom", 10, "calculable", true,
                "text", List.of(v.periods().get(last), ""), "inRange", Map.of("color", List.of("#e0f3f8", "#08589e"))));
        option.put("series", List.of(Map.of("type", "map", "map", "kz", "nameProperty", "KATO", "data", data,
                "itemStyle", Map.of("areaColor", "#f2f2f2", "borderColor", "#888"))));
        option.put("regionNames", regionNames);
        return option;
    }

    private static BigDecimal last(PivotRow r) {
        for (int i = r.cells().size() - 1; i >= 0; i--) {
            if (r.cells().get(i).value() != null) {
                return r.cells().get(i).value();
            }
        }
        return BigDecimal.ZERO;
    }

    static String code(Observation o, Dimension d) {
        return switch (d) {
            case REGION -> o.region();
            case OCCUPATION -> o.occupation();
            case EDUCATION -> o.education();
            case COUNTRY -> o.country();
            case SEX -> o.sex();
            case AGE -> o.age();
            case FLOW -> o.flow();
            default -> "";
        };
    }
}
