package kz.agyn.warehouse.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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

import kz.agyn.platform.charts.Axis;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.Grid;
import kz.agyn.platform.charts.Legend;
import kz.agyn.platform.charts.Point;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.Tooltip;
import kz.agyn.platform.charts.VisualMap;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.DatasetPeriod;
import kz.agyn.warehouse.DatasetVersion;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Disclosure;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * Builds the explorer's view: one indicator over time, alone or broken down by one dimension, the other dimensions
 * held at the chosen code (the total by default, so that breakdowns are never summed twice: Kazakhstan as a whole
 * for the region), from one source and one version of it.
 */
@Component
class Explorer {

    /** What the explorer can break an indicator down by: time alone, or one dimension over time. */
    static final List<Dimension> BREAKDOWNS = List.of(Dimension.PERIOD, Dimension.REGION, Dimension.OCCUPATION,
            Dimension.EDUCATION, Dimension.COUNTRY, Dimension.SEX, Dimension.AGE, Dimension.FLOW);
    /** The dimensions held at a chosen code while another is broken down. */
    static final List<Dimension> FILTERS = BREAKDOWNS.subList(1, BREAKDOWNS.size());
    static final String ANY = "*";
    private static final int MAX_SERIES = 12;

    private final Warehouse warehouse;
    private final CodeLabels labels;

    Explorer(Warehouse warehouse, CodeLabels labels) {
        this.warehouse = warehouse;
        this.labels = labels;
    }

    /**
     * The explorer's choices, as they arrive from the form or a link. Filters hold codes as readers write them
     * (the whole country is {@code KZ}); {@code asOf} is the text given, a date or a date and time.
     */
    record Selection(String indicator, Dimension by, Map<Dimension, String> filters, String from, String to,
                     String dataset, Integer version, String asOf) {
    }

    record Cell(String text, BigDecimal value, boolean suppressed) {
    }

    record PivotRow(String code, String label, List<Cell> cells) {
    }

    /**
     * A dataset version the view can be read from, with what the reader needs to cite it and to know whether it
     * may reuse it: publisher, licence, link, and whether the data are synthetic. {@code current} is false when an
     * earlier or a later version than the current one is shown.
     */
    record Source(String code, String title, String publisher, String citation, String url, String licence,
                  int version, boolean synthetic, boolean current, Integer currentVersion) {
    }

    record View(Selection selection, Indicator indicator, List<String> periods, List<PivotRow> rows,
                List<Source> sources, Source source, Map<Dimension, List<String>> filterCodes,
                Map<Dimension, Map<String, String>> filterLabels, boolean truncated, int suppressedCells,
                List<Observation> observations, List<DatasetVersion> versions) {

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    Selection selection(String indicator, String by, Map<String, String> params, String from, String to,
                        String dataset, Integer version, String asOf) {
        String ds = Params.blank(dataset);
        String ind = indicator;
        if (ind == null || warehouse.indicator(ind).isEmpty()) {
            // A link to a dataset (after an import) opens one of its own indicators, not a default it lacks.
            List<String> held = ds == null || warehouse.dataset(ds).isEmpty() ? List.of()
                    : warehouse.indicatorsOf(ds, version);
            ind = !held.isEmpty() ? (held.contains("EMIGRANTS") ? "EMIGRANTS" : held.get(0))
                    : warehouse.indicator("EMIGRANTS").isPresent() ? "EMIGRANTS"
                    : warehouse.indicators().stream().findFirst().map(Indicator::code).orElse(null);
        }
        Dimension byDim = BREAKDOWNS.stream().filter(d -> d.name().equalsIgnoreCase(by)).findFirst()
                .orElse(Dimension.REGION);
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Dimension d : FILTERS) {
            if (d == byDim) {
                continue;
            }
            String v = Params.blank(params.get(d.name().toLowerCase(Locale.ROOT)));
            String total = d == Dimension.FLOW ? ANY : d == Dimension.REGION ? WholeCountry.CODE : "_T";
            filters.put(d, v == null ? total : d == Dimension.REGION && !ANY.equals(v)
                    ? WholeCountry.shown(WholeCountry.stored(v)) : v);
        }
        return new Selection(ind, byDim, filters, Params.blank(from), Params.blank(to), ds, version,
                Params.blank(asOf));
    }

    View view(Selection s, Set<String> roles, Locale locale) {
        Indicator indicator = s.indicator() == null ? null : warehouse.indicator(s.indicator()).orElse(null);
        Map<Dimension, List<String>> filterCodes = new EnumMap<>(Dimension.class);
        Map<Dimension, Map<String, String>> filterLabels = new EnumMap<>(Dimension.class);
        for (Dimension d : FILTERS) {
            filterLabels.put(d, labels.labels(d, locale));
            if (indicator != null) {
                filterCodes.put(d, d == Dimension.REGION ? warehouse.codes(indicator.code(), d).stream()
                        .map(WholeCountry::shown).toList() : warehouse.codes(indicator.code(), d));
            }
        }
        List<DatasetVersion> versions = s.dataset() == null || warehouse.dataset(s.dataset()).isEmpty() ? List.of()
                : warehouse.versions(s.dataset());
        if (indicator == null) {
            return new View(s, null, List.of(), List.of(), List.of(), null, filterCodes, filterLabels, false, 0,
                    List.of(), versions);
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        s.filters().forEach((d, v) -> {
            if (!ANY.equals(v)) {
                filters.put(d, d == Dimension.REGION ? WholeCountry.stored(v) : v);
            }
        });
        OffsetDateTime asOf = AsOf.parse(s.asOf());
        // A chosen source is read on its own, so that other datasets can never crowd it out of the page.
        ObservationQuery query = new ObservationQuery(indicator.code(), filters, s.from(), s.to(), s.dataset(),
                s.version(), asOf, 0, ObservationQuery.MAX_PAGE_SIZE);
        List<Observation> all = warehouse.observations(query);
        Map<String, DatasetInfo> datasets = warehouse.datasets().stream()
                .collect(Collectors.toMap(DatasetInfo::code, d -> d));
        LinkedHashMap<String, Source> sources = new LinkedHashMap<>();
        all.stream().map(o -> o.dataset() + "#" + o.version()).distinct().sorted().forEach(key -> {
            String code = key.substring(0, key.indexOf('#'));
            sources.put(code, source(code, Integer.parseInt(key.substring(key.indexOf('#') + 1)), datasets.get(code),
                    locale));
        });
        if (s.dataset() != null) {
            // The other datasets holding the indicator, to switch to.
            warehouse.periods(indicator.code()).stream().map(DatasetPeriod::dataset).distinct()
                    .filter(c -> !sources.containsKey(c) && datasets.containsKey(c))
                    .forEach(c -> sources.put(c, source(c, datasets.get(c).currentVersion(), datasets.get(c),
                            locale)));
        }
        // Without a chosen source: one that actually breaks the indicator down as asked (a single national total
        // is no breakdown by sex), official before synthetic, then the fullest.
        Map<String, Long> breadth = new LinkedHashMap<>();
        Map<String, Long> size = new LinkedHashMap<>();
        all.stream().collect(Collectors.groupingBy(Observation::dataset)).forEach((code, list) -> {
            breadth.put(code, list.stream().map(o -> s.by() == Dimension.PERIOD ? o.period() : code(o, s.by()))
                    .distinct().count());
            size.put(code, (long) list.size());
        });
        Source source = s.dataset() != null && sources.containsKey(s.dataset()) ? sources.get(s.dataset())
                : s.dataset() != null ? null
                : sources.values().stream().sorted(Comparator
                        .comparing((Source x) -> breadth.getOrDefault(x.code(), 0L) > 1 ? 0 : 1)
                        .thenComparing(Source::synthetic)
                        .thenComparing(x -> -size.getOrDefault(x.code(), 0L))).findFirst().orElse(null);
        List<Observation> chosen = source == null ? List.of()
                : all.stream().filter(o -> o.dataset().equals(source.code())).toList();

        boolean full = Disclosure.seesSmallCells(roles);
        // A dimension left at "any" that takes several codes in the data splits the rows too: two figures never
        // share a cell, so none is hidden behind another.
        List<Dimension> varying = new ArrayList<>();
        for (Dimension d : FILTERS) {
            if (d != s.by() && ANY.equals(s.filters().get(d))
                    && chosen.stream().map(o -> code(o, d)).distinct().count() > 1) {
                varying.add(d);
            }
        }
        TreeSet<String> periods = new TreeSet<>(Comparator.comparing(kz.agyn.kernel.Period::parse));
        chosen.forEach(o -> periods.add(o.period()));
        List<String> periodList = new ArrayList<>(periods);
        Map<String, Map<String, Observation>> grid = new LinkedHashMap<>();
        Map<String, String> rowLabels = new LinkedHashMap<>();
        for (Observation o : chosen) {
            List<String> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (s.by() != Dimension.PERIOD) {
                String c = shownCode(o, s.by());
                keys.add(c);
                names.add(filterLabels.get(s.by()).getOrDefault(code(o, s.by()), c));
            }
            for (Dimension d : varying) {
                keys.add(shownCode(o, d));
                names.add(filterLabels.get(d).getOrDefault(code(o, d), code(o, d)));
            }
            String key = String.join(" ", keys);
            rowLabels.putIfAbsent(key, names.isEmpty() ? indicator.names().in(locale) : String.join(" · ", names));
            grid.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(o.period(), o);
        }
        List<PivotRow> rows = new ArrayList<>();
        Numbers numbers = new Numbers(locale);
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
                    cells.add(new Cell(numbers.number(o.scaledValue(), Decimals.upTo(2)), o.scaledValue(), false));
                }
            }
            rows.add(new PivotRow(code.isEmpty() ? "_T" : code, rowLabels.get(code), cells));
        }
        boolean truncated = all.size() >= ObservationQuery.MAX_PAGE_SIZE;
        List<Observation> visible = full ? chosen : chosen.stream()
                .filter(o -> !Disclosure.suppressed(indicator.unit(), o.scaledValue())).toList();
        if (s.dataset() == null && source != null) {
            versions = warehouse.versions(source.code());
        }
        return new View(s, indicator, periodList, rows, List.copyOf(sources.values()), source, filterCodes,
                filterLabels, truncated, suppressed, visible, versions);
    }

    private static Source source(String code, Integer version, DatasetInfo d, Locale locale) {
        int v = version == null ? 0 : version;
        return d == null ? new Source(code, code, "", null, null, null, v, false, false, null)
                : new Source(code, d.title().in(locale), d.publisher(), d.citation(), d.url(), d.licence(), v,
                d.synthetic(), d.currentVersion() != null && d.currentVersion() == v, d.currentVersion());
    }

    private static String shownCode(Observation o, Dimension d) {
        return d == Dimension.REGION ? WholeCountry.shown(o.region()) : code(o, d);
    }

    /** Line chart: one series per breakdown code (the largest, when there are many). */
    ChartOption lineOption(View v) {
        List<PivotRow> rows = new ArrayList<>(v.rows());
        rows.sort(Comparator.comparing((PivotRow r) -> last(r).negate()));
        boolean truncated = rows.size() > MAX_SERIES;
        List<PivotRow> shown = rows.subList(0, Math.min(MAX_SERIES, rows.size()));
        List<Series> series = new ArrayList<>();
        for (PivotRow r : shown) {
            List<Object> data = new ArrayList<>();
            r.cells().forEach(c -> data.add(c.value()));
            // A single period is a bar: a line through one point would not show.
            series.add((v.periods().size() == 1 ? Series.bar(r.label(), data) : Series.line(r.label(), data))
                    .gapsAtNulls());
        }
        return new ChartOption().tooltip(Tooltip.axis()).legend(Legend.scrollingAtBottom())
                .grid(Grid.margins(70, 30, 30, 60)).xAxis(Axis.category(v.periods())).yAxis(Axis.value())
                .series(series).truncated(truncated);
    }

    /**
     * Map of the latest period when the breakdown is by region; {@code unit} (the indicator's, in the reader's
     * language) is written in the scale's caption and after each region's value in its tooltip.
     */
    ChartOption mapOption(View v, Map<String, String> regionNames, String unit) {
        if (v.selection().by() != Dimension.REGION || v.periods().isEmpty()) {
            return null;
        }
        int last = v.periods().size() - 1;
        List<Point> data = new ArrayList<>();
        BigDecimal max = BigDecimal.ONE;
        for (PivotRow r : v.rows()) {
            Cell c = r.cells().get(last);
            if (r.code().equals(WholeCountry.CODE) || c.value() == null) {
                continue;
            }
            data.add(Point.named(WholeCountry.stored(r.code()), c.value()));
            max = max.max(c.value());
        }
        String period = v.periods().get(last);
        return new ChartOption().visualMap(VisualMap.shading(max, unit.isEmpty() ? period : period + ", " + unit))
                .series(Series.regions(data).unit(unit)).regionNames(regionNames);
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
