package kz.agyn.warehouse.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import kz.agyn.kernel.Period;
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
import kz.agyn.warehouse.ImportException;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.warehouse.internal.RealDataChecks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the explorer's view: one indicator over time, alone or broken down by one dimension, the other dimensions
 * held at one code each (the total where the data have one, so that breakdowns are never summed twice: Kazakhstan as
 * a whole for the region), from one source and one version of it.
 *
 * <p>The explorer leads to data rather than to "no data": with nothing chosen it opens on the source holding the
 * longest series of the indicator, over time; a filter left unset takes the total when the data have it, else the
 * code most figures have; the form offers only breakdowns, codes and periods that hold figures under the other
 * choices, with their counts; a choice that the new breakdown or indicator leaves without figures is set back and
 * said so; and an empty view lists, as links, the nearest selections that have figures. The whole state is one
 * query string ({@link View#query()}) that reopens the view.
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
    private final MessageSource messages;

    Explorer(Warehouse warehouse, CodeLabels labels, MessageSource messages) {
        this.warehouse = warehouse;
        this.labels = labels;
        this.messages = messages;
    }

    /**
     * The explorer's choices, as they arrive from the form or a link: only what was given (a filter absent is
     * left to the data). Filters hold codes as readers write them (the whole country is {@code KZ}); {@code asOf}
     * is the text given, a date or a date and time. {@code shown} is what the form was showing when it was sent
     * ("indicator:breakdown:dataset"), so that a change of indicator or of breakdown can be told from a link.
     */
    record Selection(String indicator, Dimension by, Map<Dimension, String> filters, String from, String to,
                     String dataset, Integer version, String asOf, String shown) {
    }

    record Cell(String text, BigDecimal value, boolean suppressed) {
    }

    /** A row of the table: its code as readers write it, its name, and whether the code is worth showing. */
    record PivotRow(String code, String label, List<Cell> cells) {

        /** The code beside the name, for analysts; not for totals and whole-country rows, nor when they agree. */
        public boolean showsCode() {
            return !code.equals(label) && !code.equals("_T") && !code.equals(WholeCountry.CODE) && !code.isEmpty()
                    && !code.contains(" ");
        }
    }

    /**
     * A dataset version the view can be read from, with what the reader needs to cite it and to know whether it
     * may reuse it: publisher, licence, link, and whether the data are synthetic. {@code current} is false when an
     * earlier or a later version than the current one is shown; {@code figures} is how many figures of the
     * indicator its current version holds; {@code notChecked} is true for a shipped real series that could not be
     * checked against a figure its publisher states (see {@link RealDataChecks}).
     */
    record Source(String code, String title, String publisher, String citation, String url, String licence,
                  int version, boolean synthetic, boolean current, Integer currentVersion, long figures,
                  boolean notChecked) {
    }

    /**
     * One entry of a list in the form: the value sent, the text shown (name, code, count), how many figures (or,
     * for a breakdown, rows besides the total) it leads to, and whether it is chosen.
     */
    record Choice(String value, String text, long count, boolean selected) {
    }

    /** A filter of the form: a dimension and the codes that hold figures under the other choices. */
    record Filter(Dimension dimension, List<Choice> choices) {
    }

    /** A selection that has figures, offered when the one asked for has none: what it changes, and its link. */
    record Hint(String text, String query) {
    }

    record View(Selection selection, Indicator indicator, List<String> periods, List<PivotRow> rows,
                List<Source> sources, Source source, List<Choice> breakdowns, List<Filter> filters,
                List<String> allPeriods, boolean truncated, int suppressedCells, List<Observation> observations,
                List<DatasetVersion> versions, List<Hint> hints, List<String> reset, String query) {

        public boolean empty() {
            return rows.isEmpty();
        }

        /** What the next request tells the server the form was showing: indicator, breakdown and source. */
        public String shown() {
            return (indicator == null ? "" : indicator.code()) + ":" + selection.by().name() + ":"
                    + Objects.toString(selection.dataset(), "");
        }
    }

    Selection selection(String indicator, String by, Map<String, String> params, String from, String to,
                        String dataset, Integer version, String asOf, String shown) {
        Dimension byDim = BREAKDOWNS.stream().filter(d -> d.name().equalsIgnoreCase(Params.blank(by))).findFirst()
                .orElse(null);
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Dimension d : FILTERS) {
            String v = Params.blank(params.get(d.name().toLowerCase(Locale.ROOT)));
            if (v != null && d != byDim) {
                filters.put(d, d == Dimension.REGION && !ANY.equals(v) ? WholeCountry.stored(v) : v);
            }
        }
        return new Selection(Params.blank(indicator), byDim, filters, Params.blank(from), Params.blank(to),
                Params.blank(dataset), version, Params.blank(asOf), Params.blank(shown));
    }

    View view(Selection asked, Set<String> roles, Locale locale) {
        Map<String, DatasetInfo> datasets = warehouse.datasets().stream()
                .collect(Collectors.toMap(DatasetInfo::code, d -> d, (a, b) -> a, LinkedHashMap::new));
        String askedDataset = asked.dataset() != null && datasets.containsKey(asked.dataset()) ? asked.dataset()
                : null;
        String code = asked.indicator();
        if (code == null || warehouse.indicator(code).isEmpty()) {
            // A link to a dataset (after an import) opens one of its own indicators, not a default it lacks.
            List<String> held = askedDataset == null ? List.of() : warehouse.indicatorsOf(askedDataset,
                    asked.version());
            code = !held.isEmpty() ? (held.contains("EMIGRANTS") ? "EMIGRANTS" : held.get(0))
                    : warehouse.indicator("EMIGRANTS").isPresent() ? "EMIGRANTS"
                    : warehouse.indicators().stream().findFirst().map(Indicator::code).orElse(null);
        }
        Indicator indicator = code == null ? null : warehouse.indicator(code).orElse(null);
        Map<Dimension, Map<String, String>> names = new EnumMap<>(Dimension.class);
        FILTERS.forEach(d -> names.put(d, labels.labels(d, locale)));
        Numbers numbers = new Numbers(locale);
        Dimension askedBy = asked.by() == null ? Dimension.PERIOD : asked.by();
        if (indicator == null) {
            Selection none = new Selection(null, askedBy, Map.of(), null, null, askedDataset, null, null, null);
            return new View(none, null, List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of(),
                    false, 0, List.of(), List.of(), List.of(), List.of(), "");
        }

        // A new indicator: the filters, periods and version chosen were the old one's.
        String[] was = asked.shown() == null ? new String[0] : asked.shown().split(":", -1);
        boolean newIndicator = was.length == 3 && !was[0].equals(indicator.code());
        boolean newSource = !newIndicator && was.length == 3 && !was[2].equals(Objects.toString(askedDataset, ""));
        // A new breakdown or source keeps the filters that still hold figures and sets back the others.
        boolean relax = !newIndicator && was.length == 3 && (!was[1].equals(askedBy.name()) || newSource);
        Map<Dimension, String> explicit = newIndicator ? Map.of() : asked.filters();
        String from = newIndicator ? null : asked.from();
        String to = newIndicator ? null : asked.to();
        // Version numbers belong to a dataset: the one chosen for another does not follow to a new source.
        Integer version = newIndicator || newSource ? null : asked.version();
        for (String p : new String[] {from, to}) {
            if (p != null) {
                try {
                    Period.parse(p);
                } catch (IllegalArgumentException e) {
                    throw new ImportException("warehouse.query.badPeriod", p);
                }
            }
        }
        OffsetDateTime asOf = AsOf.parse(asked.asOf());

        // The sources holding the indicator now, with how many periods and figures each.
        Map<String, Long> figures = new LinkedHashMap<>();
        Map<String, Long> periodsHeld = new LinkedHashMap<>();
        for (DatasetPeriod p : warehouse.periods(indicator.code())) {
            figures.merge(p.dataset(), p.observations(), Long::sum);
            periodsHeld.merge(p.dataset(), 1L, Long::sum);
        }
        String dataset = askedDataset;
        if (dataset != null && newIndicator && !figures.containsKey(dataset)) {
            dataset = null;
        }
        if (dataset == null) {
            // The richest series: the most periods, then the most figures, then a published source before a
            // synthetic one (the sources select lists the others with their counts).
            dataset = figures.keySet().stream().filter(datasets::containsKey).min(Comparator
                    .comparing((String c) -> -periodsHeld.get(c))
                    .thenComparing(c -> -figures.get(c))
                    .thenComparing(c -> datasets.get(c).synthetic())
                    .thenComparing(c -> c)).orElse(null);
            version = null;
        }
        List<Observation> held = dataset == null ? List.of() : warehouse.observations(new ObservationQuery(
                indicator.code(), Map.of(), null, null, dataset, version, asOf, 0, ObservationQuery.MAX_PAGE_SIZE));
        boolean truncated = held.size() >= ObservationQuery.MAX_PAGE_SIZE;
        List<Observation> inRange = held.stream().filter(o -> within(o.period(), from, to)).toList();

        Dimension by = askedBy;
        if (asked.by() == null || newIndicator && by != Dimension.PERIOD && breadth(held, by, Map.of()) == 0) {
            by = richest(inRange);
        }
        Plan plan = plan(inRange, by, explicit, relax);
        Map<Dimension, String> chosenFilters = plan.filters();
        List<Observation> chosen = inRange.stream().filter(o -> matches(o, chosenFilters, null)).toList();

        // The form: breakdowns, filters and periods that hold figures, each with its count.
        Dimension byNow = by;
        List<Dimension> shownFilters = FILTERS.stream().filter(d -> d != byNow)
                .filter(d -> held.stream().map(o -> code(o, d)).distinct().count() > 1
                        || explicit.containsKey(d) && !ANY.equals(explicit.get(d))
                        && held.stream().noneMatch(o -> code(o, d).equals(explicit.get(d))))
                .toList();
        List<Choice> breakdowns = new ArrayList<>();
        for (Dimension b : BREAKDOWNS) {
            if (b != Dimension.PERIOD && b != by && held.stream().map(o -> code(o, b)).noneMatch(c -> !total(b, c))) {
                continue;
            }
            Map<Dimension, String> kept = new EnumMap<>(Dimension.class);
            shownFilters.forEach(d -> kept.put(d, chosenFilters.get(d)));
            kept.remove(b);
            Plan p = b == by ? plan : plan(inRange, b, kept, true);
            long n = b == Dimension.PERIOD ? inRange.stream().filter(o -> matches(o, p.filters(), null))
                    .map(Observation::period).distinct().count() : p.breadth();
            breakdowns.add(new Choice(b.name(), text(message("explore.by." + b.name(), locale), null, n, numbers), n,
                    b == by));
        }
        List<Filter> filters = new ArrayList<>();
        for (Dimension d : shownFilters) {
            Map<String, Long> counts = new LinkedHashMap<>();
            inRange.stream().filter(o -> matches(o, chosenFilters, d))
                    .forEach(o -> counts.merge(code(o, d), 1L, Long::sum));
            String value = chosenFilters.get(d);
            List<Choice> choices = new ArrayList<>();
            long all = counts.values().stream().mapToLong(Long::longValue).sum();
            choices.add(new Choice(ANY, text(message("explore.any", locale), null, all, numbers), all,
                    ANY.equals(value)));
            List<String> codes = new ArrayList<>(counts.keySet());
            if (!ANY.equals(value) && !counts.containsKey(value)) {
                codes.add(value);
            }
            codes.sort(order(d, names.get(d), locale));
            for (String c : codes) {
                String name = labels.name(d, c, names.get(d), locale);
                long n = counts.getOrDefault(c, 0L);
                choices.add(new Choice(shown(d, c), text(name, codeBeside(d, c, name), n, numbers), n,
                        c.equals(value)));
            }
            filters.add(new Filter(d, choices));
        }
        List<String> allPeriods = held.stream().map(Observation::period).distinct()
                .sorted(Comparator.comparing(Period::parse)).toList();

        Selection resolved = new Selection(indicator.code(), by, chosenFilters, from, to, dataset, version,
                asked.asOf(), null);
        String query = query(resolved, shownFilters);

        // Sources: those holding the indicator, and the one read even when it does not.
        LinkedHashMap<String, Source> sources = new LinkedHashMap<>();
        figures.keySet().stream().filter(datasets::containsKey).sorted().forEach(c -> sources.put(c,
                source(c, indicator.code(), datasets.get(c).currentVersion(), datasets.get(c), figures.get(c),
                        locale)));
        Source source = null;
        if (dataset != null) {
            int v = held.isEmpty() ? (version != null ? version
                    : datasets.get(dataset).currentVersion() == null ? 0 : datasets.get(dataset).currentVersion())
                    : held.get(0).version();
            source = source(dataset, indicator.code(), v, datasets.get(dataset), figures.getOrDefault(dataset, 0L),
                    locale);
            sources.put(dataset, source);
        }

        // The table: a row per code of the breakdown (and of any filter left at "any" that takes several codes,
        // so that two figures never share a cell).
        boolean full = Disclosure.seesSmallCells(roles);
        List<Dimension> varying = new ArrayList<>();
        for (Dimension d : FILTERS) {
            if (d != by && ANY.equals(chosenFilters.get(d))
                    && chosen.stream().map(o -> code(o, d)).distinct().count() > 1) {
                varying.add(d);
            }
        }
        TreeSet<String> periods = new TreeSet<>(Comparator.comparing(Period::parse));
        chosen.forEach(o -> periods.add(o.period()));
        List<String> periodList = new ArrayList<>(periods);
        Map<String, Map<String, Observation>> grid = new LinkedHashMap<>();
        Map<String, String> rowLabels = new LinkedHashMap<>();
        Map<String, String> rowOrder = new LinkedHashMap<>();
        for (Observation o : chosen) {
            List<String> keys = new ArrayList<>();
            List<String> rowNames = new ArrayList<>();
            List<Dimension> split = new ArrayList<>();
            if (by != Dimension.PERIOD) {
                split.add(by);
            }
            split.addAll(varying);
            StringBuilder sortKey = new StringBuilder();
            for (Dimension d : split) {
                keys.add(shownCode(o, d));
                rowNames.add(labels.name(d, code(o, d), names.get(d), locale));
                sortKey.append(String.format(Locale.ROOT, "%011d", rank(d, code(o, d), names.get(d), locale)))
                        .append(shownCode(o, d)).append('|');
            }
            String key = String.join(" ", keys);
            rowLabels.putIfAbsent(key, rowNames.isEmpty() ? indicator.names().in(locale)
                    : String.join(" · ", rowNames));
            rowOrder.putIfAbsent(key, sortKey.toString());
            grid.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(o.period(), o);
        }
        List<PivotRow> rows = new ArrayList<>();
        int suppressed = 0;
        List<String> keys = new ArrayList<>(grid.keySet());
        keys.sort(Comparator.comparing(rowOrder::get));
        for (String key : keys) {
            List<Cell> cells = new ArrayList<>();
            for (String p : periodList) {
                Observation o = grid.get(key).get(p);
                if (o == null) {
                    cells.add(new Cell("", null, false));
                } else if (!full && Disclosure.suppressed(indicator.unit(), o.scaledValue())) {
                    cells.add(new Cell("<5", null, true));
                    suppressed++;
                } else {
                    cells.add(new Cell(numbers.number(o.scaledValue(), Decimals.upTo(2)), o.scaledValue(), false));
                }
            }
            rows.add(new PivotRow(key.isEmpty() ? "_T" : key, rowLabels.get(key), cells));
        }
        List<Observation> visible = full ? chosen : chosen.stream()
                .filter(o -> !Disclosure.suppressed(indicator.unit(), o.scaledValue())).toList();
        List<DatasetVersion> versions = dataset == null ? List.of() : warehouse.versions(dataset);

        // No figures, or a breakdown that gives only the total: say where the figures are.
        List<Hint> hints = rows.isEmpty() || by != Dimension.PERIOD && plan.breadth() == 0
                ? hints(resolved, held, inRange, explicit, shownFilters, sources, names, locale) : List.of();
        List<String> reset = plan.dropped().stream().map(d -> message("dimension." + d.name(), locale) + ": "
                + labels.name(d, explicit.get(d), names.get(d), locale)).toList();
        return new View(resolved, indicator, periodList, rows, List.copyOf(sources.values()), source, breakdowns,
                filters, allPeriods, truncated, suppressed, visible, versions, hints, reset, query);
    }

    /**
     * The breakdown a view opens on: over time when the series has several periods (a line), else the breakdown
     * with the most codes (one period of 20 regions is a map, not one bar).
     */
    private static Dimension richest(List<Observation> obs) {
        if (breadth(obs, Dimension.PERIOD, resolve(obs, Dimension.PERIOD, Map.of())) > 1) {
            return Dimension.PERIOD;
        }
        Dimension best = Dimension.PERIOD;
        long most = 1;
        for (Dimension b : FILTERS) {
            long n = breadth(obs, b, resolve(obs, b, Map.of()));
            if (n > most) {
                best = b;
                most = n;
            }
        }
        return best;
    }

    /**
     * The filters a view holds: those given, and for each other dimension the total when the figures have it, the
     * only code when there is one, else the code the most figures have. With {@code relax} (a new breakdown), a
     * given filter under which the breakdown has no codes is set back, so that choosing a breakdown never lands
     * on an empty page.
     */
    private static Plan plan(List<Observation> obs, Dimension by, Map<Dimension, String> given, boolean relax) {
        Map<Dimension, String> filters = resolve(obs, by, given);
        long breadth = breadth(obs, by, filters);
        if (!relax || breadth > 0 || given.isEmpty()) {
            return new Plan(filters, breadth, List.of());
        }
        Map<Dimension, String> kept = new EnumMap<>(Dimension.class);
        List<Dimension> dropped = new ArrayList<>();
        for (Map.Entry<Dimension, String> e : given.entrySet()) {
            Map<Dimension, String> trial = new EnumMap<>(Dimension.class);
            trial.putAll(kept);
            trial.put(e.getKey(), e.getValue());
            if (breadth(obs, by, resolve(obs, by, trial)) > 0) {
                kept = trial;
            } else if (!e.getValue().equals(resolve(obs, by, kept).get(e.getKey()))) {
                dropped.add(e.getKey());
            }
        }
        filters = resolve(obs, by, kept);
        return new Plan(filters, breadth(obs, by, filters), dropped);
    }

    private record Plan(Map<Dimension, String> filters, long breadth, List<Dimension> dropped) {
    }

    private static Map<Dimension, String> resolve(List<Observation> obs, Dimension by, Map<Dimension, String> given) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        given.forEach((d, v) -> {
            if (d != by) {
                filters.put(d, v);
            }
        });
        for (Dimension d : FILTERS) {
            if (d == by || filters.containsKey(d)) {
                continue;
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            obs.stream().filter(o -> matches(o, filters, d)).forEach(o -> counts.merge(code(o, d), 1L, Long::sum));
            String total = d == Dimension.REGION ? WholeCountry.STORED : "_T";
            filters.put(d, counts.containsKey(total) || counts.isEmpty() ? (d == Dimension.FLOW && counts.isEmpty()
                    ? ANY : total) : counts.entrySet().stream()
                    .max(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey());
        }
        return filters;
    }

    /** How many rows a breakdown gives: its codes other than the total, or the periods for time alone. */
    private static long breadth(List<Observation> obs, Dimension by, Map<Dimension, String> filters) {
        return obs.stream().filter(o -> matches(o, filters, null))
                .map(o -> by == Dimension.PERIOD ? o.period() : code(o, by))
                .filter(c -> by == Dimension.PERIOD || !total(by, c)).distinct().count();
    }

    private static boolean matches(Observation o, Map<Dimension, String> filters, Dimension except) {
        for (Map.Entry<Dimension, String> f : filters.entrySet()) {
            if (f.getKey() != except && !ANY.equals(f.getValue()) && !f.getValue().equals(code(o, f.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean total(Dimension d, String code) {
        return code.equals("_T") || code.equals("_Z") || d == Dimension.REGION && code.equals(WholeCountry.STORED);
    }

    private static boolean within(String period, String from, String to) {
        if (from == null && to == null) {
            return true;
        }
        LocalDate start = Period.parse(period).start();
        return (from == null || !start.isBefore(Period.parse(from).start()))
                && (to == null || !start.isAfter(Period.parse(to).start()));
    }

    /**
     * The nearest selections that have figures (for a breakdown, codes besides the total) when the one asked for
     * has none: each given filter set back alone, all periods, the filters all set back, and the other sources of
     * the indicator.
     */
    private List<Hint> hints(Selection s, List<Observation> held, List<Observation> inRange,
                             Map<Dimension, String> explicit, List<Dimension> shownFilters,
                             Map<String, Source> sources, Map<Dimension, Map<String, String>> names, Locale locale) {
        List<Hint> hints = new ArrayList<>();
        for (Dimension d : explicit.keySet()) {
            Map<Dimension, String> without = new EnumMap<>(Dimension.class);
            without.putAll(explicit);
            without.remove(d);
            Map<Dimension, String> filters = resolve(inRange, s.by(), without);
            if (breadth(inRange, s.by(), filters) > 0) {
                hints.add(new Hint(message("dimension." + d.name(), locale) + ": "
                        + (ANY.equals(filters.get(d)) ? message("explore.any", locale)
                        : labels.name(d, filters.get(d), names.get(d), locale)),
                        query(new Selection(s.indicator(), s.by(), filters, s.from(), s.to(), s.dataset(),
                                s.version(), s.asOf(), null), shownFilters)));
            }
        }
        if ((s.from() != null || s.to() != null)) {
            Map<Dimension, String> filters = resolve(held, s.by(), explicit);
            if (breadth(held, s.by(), filters) > 0) {
                hints.add(new Hint(message("explore.hint.allPeriods", locale), query(new Selection(s.indicator(),
                        s.by(), filters, null, null, s.dataset(), s.version(), s.asOf(), null), shownFilters)));
            }
        }
        if (hints.isEmpty() && !held.isEmpty()) {
            Map<Dimension, String> filters = resolve(held, s.by(), Map.of());
            hints.add(new Hint(message("explore.hint.defaults", locale), query(new Selection(s.indicator(), s.by(),
                    filters, null, null, s.dataset(), s.version(), s.asOf(), null), shownFilters)));
        }
        for (Source other : sources.values()) {
            // Another source, where it breaks the indicator down as asked.
            List<Observation> its = other.code().equals(s.dataset()) ? List.of() : warehouse.observations(
                    new ObservationQuery(s.indicator(), Map.of(), null, null, other.code(), null, null, 0,
                            ObservationQuery.MAX_PAGE_SIZE));
            if (!its.isEmpty() && breadth(its, s.by(), resolve(its, s.by(), Map.of())) > 0) {
                hints.add(new Hint(message("explore.hint.source", locale, other.title()),
                        "indicator=" + enc(s.indicator()) + "&dataset=" + enc(other.code()) + "&by=" + s.by().name()));
            }
        }
        return hints;
    }

    /**
     * The view as a query string, the same for the address bar, the exports and a link: indicator, source (and its
     * version when one is chosen), breakdown, the filters the form shows, the periods and the moment.
     */
    static String query(Selection s, List<Dimension> shownFilters) {
        StringBuilder q = new StringBuilder("indicator=").append(enc(s.indicator()));
        if (s.dataset() != null) {
            q.append("&dataset=").append(enc(s.dataset()));
        }
        if (s.version() != null) {
            q.append("&version=").append(s.version());
        }
        q.append("&by=").append(s.by().name());
        for (Dimension d : shownFilters) {
            String v = s.filters().get(d);
            if (v != null) {
                q.append('&').append(d.name().toLowerCase(Locale.ROOT)).append('=').append(enc(shown(d, v)));
            }
        }
        if (s.from() != null) {
            q.append("&from=").append(enc(s.from()));
        }
        if (s.to() != null) {
            q.append("&to=").append(enc(s.to()));
        }
        if (s.asOf() != null) {
            q.append("&asOf=").append(enc(s.asOf()));
        }
        return q.toString();
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A code as readers write it: the whole country is KZ. */
    private static String shown(Dimension d, String code) {
        return d == Dimension.REGION ? WholeCountry.shown(code) : code;
    }

    /** The code beside a name where analysts work with codes; regions are known by their names. */
    private static String codeBeside(Dimension d, String code, String name) {
        return d == Dimension.REGION || d == Dimension.SEX || d == Dimension.FLOW || code.startsWith("_")
                || code.equals(name) ? null : code;
    }

    private static String text(String name, String code, long count, Numbers numbers) {
        return name + (code == null ? "" : " · " + code) + " (" + numbers.number(count, Decimals.upTo(0)) + ")";
    }

    /** Totals first and unknowns last; age groups youngest first; others by code (KATO, ISCO, ISCED, ISO). */
    private Comparator<String> order(Dimension d, Map<String, String> known, Locale locale) {
        return Comparator.comparing((String c) -> rank(d, c, known, locale)).thenComparing(c -> c);
    }

    private long rank(Dimension d, String code, Map<String, String> known, Locale locale) {
        if (total(d, code)) {
            return 0;
        }
        if (code.equals("_U")) {
            return 9_999_999_999L;
        }
        if (d == Dimension.AGE) {
            return 1_000_000_000L + CodeLabels.ageFrom(code);
        }
        return 1;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static Source source(String code, String indicator, Integer version, DatasetInfo d, long figures,
                                 Locale locale) {
        int v = version == null ? 0 : version;
        boolean notChecked = RealDataChecks.notChecked(code, indicator);
        return d == null ? new Source(code, code, "", null, null, null, v, false, false, null, figures, notChecked)
                : new Source(code, d.title().in(locale), d.publisher(), d.citation(), d.url(), d.licence(), v,
                d.synthetic(), d.currentVersion() != null && d.currentVersion() == v, d.currentVersion(), figures,
                notChecked);
    }

    private static String shownCode(Observation o, Dimension d) {
        return d == Dimension.REGION ? WholeCountry.shown(o.region()) : code(o, d);
    }

    /**
     * Line chart: one series per breakdown code (the largest, when there are many), every name on a wrapped legend
     * (a scrolling one hid most regions behind page numbers) and the value axis named by {@code unit}.
     */
    ChartOption lineOption(View v, String unit) {
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
        return new ChartOption().tooltip(Tooltip.axis()).legend(Legend.wrappedAtTop())
                .grid(Grid.margins(70, 30, 50, 40)).xAxis(Axis.category(v.periods()))
                .yAxis(unit.isEmpty() ? Axis.value() : Axis.value().named(unit))
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
            // The whole country is no region of the map: shading it would squash every region into one colour.
            if (r.code().equals(WholeCountry.CODE) || c.value() == null) {
                continue;
            }
            data.add(Point.named(WholeCountry.stored(r.code()), c.value()));
            max = max.max(c.value());
        }
        if (data.isEmpty()) {
            // No region to shade (the country alone, or every cell hidden): no empty map with a 0–1 legend.
            return null;
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
