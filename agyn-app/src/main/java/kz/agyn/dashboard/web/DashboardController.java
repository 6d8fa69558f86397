package kz.agyn.dashboard.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.agyn.note.FigureFormatter;
import kz.agyn.platform.cache.Caches;
import kz.agyn.platform.cache.PerGeneration;
import kz.agyn.platform.cache.RenderedFragments;
import kz.agyn.platform.charts.Axis;
import kz.agyn.platform.charts.AxisLabel;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.Grid;
import kz.agyn.platform.charts.MarkArea;
import kz.agyn.platform.charts.Point;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.Tooltip;
import kz.agyn.platform.charts.VisualMap;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.note.NoteFigure;
import kz.agyn.note.NoteFigures;
import kz.agyn.note.SourceDocument;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** The home page. Every value on it is looked up by figure code, so it always shows what the data says. */
@Controller
class DashboardController {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final String[] REASONS = {"reason_pay", "reason_growth", "reason_sociopolitical",
        "reason_infrastructure", "reason_living"};

    private final NoteFigures figures;
    private final ReferenceData reference;
    private final FigureFormatter formatter;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Warehouse warehouse;
    /** The page's figures per language, computed once per change of the note's figures, the warehouse or the
     *  reference data (the page is the most visited and cost about 46 ms of CPU a view). */
    private final PerGeneration<Locale, Home> homes;
    private final RenderedFragments fragments;

    /** What the home page shows, in one language. */
    record Figures(List<Card> cards, List<Chart> charts, Chart map, int contradictionCount) {
        Map<String, Object> model() {
            return Map.of("cards", cards, "charts", charts, "map", map, "contradictionCount", contradictionCount);
        }
    }

    /** The figures and the page's content as rendered from them (home-main.html). */
    record Home(Figures figures, String html) {
    }

    DashboardController(NoteFigures figures, ReferenceData reference, FigureFormatter formatter,
                        MessageSource messages, JsonMapper json, Warehouse warehouse, Caches caches,
                        RenderedFragments fragments) {
        this.fragments = fragments;
        this.warehouse = warehouse;
        this.homes = caches.perGeneration(8, Caches.NOTE, Caches.WAREHOUSE, Caches.REFERENCE);
        this.figures = figures;
        this.reference = reference;
        this.formatter = formatter;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    String home(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Home home = homes.get(locale, () -> {
            Figures f = new Figures(List.copyOf(cards(locale)), List.copyOf(charts(locale)), map(locale),
                    figures.contradictions().size());
            // Rendered here, once: Thymeleaf was about 70% of the page's CPU once the figures were kept.
            String html = fragments.render("home-main :: main", f.model(), locale, request, response);
            return new Home(f, html);
        });
        model.addAllAttributes(home.figures().model());
        model.addAttribute("mainHtml", home.html());
        return "home";
    }

    private List<Card> cards(Locale locale) {
        List<Card> cards = new ArrayList<>();
        cards.add(card("emigrants", msg("dashboard.card.emigrants", locale), locale, null,
                "emigrants_2022", "specialists_left_2022"));
        cards.add(card("intellectual", msg("dashboard.card.intellectual", locale), locale, null,
                "intellectual_share_2022"));
        NoteFigure kz = figures.require("teacher_pay_kz_2022");
        NoteFigure us = figures.require("teacher_pay_us_kzt");
        BigDecimal ratio = us.value().divide(TWELVE, MathContext.DECIMAL64)
                .divide(kz.value(), 1, RoundingMode.HALF_UP);
        cards.add(card("pay", msg("dashboard.card.pay", locale), locale,
                msg("dashboard.card.pay.remark", locale, new Numbers(locale).number(ratio, Decimals.upTo(1))),
                "teacher_pay_kz_2022", "teacher_pay_us", "teacher_pay_us_kzt"));
        cards.add(card("rnd", msg("dashboard.card.rnd", locale), locale, null,
                "rnd_gdp_kz", "rnd_gdp_world", "rnd_gdp_kr", "rnd_gdp_jp"));
        cards.add(card("bolashak", msg("dashboard.card.bolashak", locale), locale,
                msg("dashboard.card.bolashak.remark", locale),
                first("bolashak_no_return_share"), "bolashak_returned_share_2022", "cip_deprived_share_2024"));
        cards.add(card("cost", msg("dashboard.card.cost", locale), locale, null, "outflow_cost_per_year"));
        return cards;
    }

    private Card card(String id, String title, Locale locale, String remark, String... codes) {
        List<Card.CardValue> values = new ArrayList<>();
        boolean contradicted = false;
        for (String code : codes) {
            NoteFigure f = figures.require(code);
            contradicted |= f.contradicted();
            values.add(new Card.CardValue(f.label().in(locale), formatter.format(f, locale), f.code(),
                    citation(f, locale)));
        }
        return new Card(id, title, values, remark, contradicted);
    }

    private List<Chart> charts(Locale locale) {
        List<Chart> charts = new ArrayList<>();

        List<String> names = new ArrayList<>();
        List<Object> shares = new ArrayList<>();
        LinkedHashSet<String> reasonSources = new LinkedHashSet<>();
        for (String code : REASONS) {
            NoteFigure f = figures.require(code);
            names.add(f.label().in(locale));
            shares.add(f.value());
            reasonSources.add(citation(f, locale));
        }
        charts.add(new Chart("reasons", msg("dashboard.chart.reasons", locale),
                toJson(barOption(names, shares, "%", true)), List.copyOf(reasonSources), null));

        List<String> countries = new ArrayList<>();
        List<Object> gerd = new ArrayList<>();
        LinkedHashSet<String> gerdSources = new LinkedHashSet<>();
        for (String code : new String[] {"rnd_gdp_kz", "rnd_gdp_jp", "rnd_gdp_kr"}) {
            NoteFigure f = figures.require(code);
            countries.add(country(f, locale));
            gerd.add(f.value());
            gerdSources.add(citation(f, locale));
        }
        NoteFigure world = figures.require("rnd_gdp_world");
        gerdSources.add(citation(world, locale));
        // The world's share, a range in the source, as a band across the bars.
        ChartOption gerdOption = barOption(countries, gerd, "%", false);
        gerdOption.series().get(0).markArea(MarkArea.horizontalBand("rgba(255, 173, 177, 0.25)",
                msg("dashboard.chart.rnd.world", locale, formatter.format(world, locale)), world.value(),
                world.valueHigh() == null ? world.value() : world.valueHigh()).namedAt("insideTopLeft"));
        charts.add(new Chart("rnd", msg("dashboard.chart.rnd", locale), toJson(gerdOption),
                List.copyOf(gerdSources), null));

        List<String> payNames = new ArrayList<>();
        List<Object> pay = new ArrayList<>();
        LinkedHashSet<String> paySources = new LinkedHashSet<>();
        NoteFigure kzPay = figures.require("teacher_pay_kz_2022");
        payNames.add(country(kzPay, locale));
        pay.add(kzPay.value());
        paySources.add(citation(kzPay, locale));
        for (String code : new String[] {"teacher_pay_europe_kzt", "teacher_pay_us_kzt"}) {
            NoteFigure f = figures.require(code);
            payNames.add(f.countryIso2() == null ? msg("dashboard.chart.pay.europe", locale) : country(f, locale));
            BigDecimal monthly = f.isRange()
                    ? f.value().add(f.valueHigh()).divide(BigDecimal.valueOf(24), 0, RoundingMode.HALF_UP)
                    : f.value().divide(TWELVE, 0, RoundingMode.HALF_UP);
            pay.add(monthly);
            paySources.add(citation(f, locale));
        }
        charts.add(new Chart("pay", msg("dashboard.chart.pay", locale), toJson(barOption(payNames, pay, "₸", false)),
                List.copyOf(paySources), msg("dashboard.chart.pay.remark", locale)));

        List<String> returnNames = new ArrayList<>();
        List<Object> notReturned = new ArrayList<>();
        LinkedHashSet<String> returnSources = new LinkedHashSet<>();
        NoteFigure tenPercent = figures.require(first("bolashak_no_return_share"));
        returnNames.add(msg("dashboard.chart.return.note", locale));
        notReturned.add(tenPercent.value());
        returnSources.add(citation(tenPercent, locale));
        NoteFigure returned = figures.require("bolashak_returned_share_2022");
        returnNames.add(msg("dashboard.chart.return.rec2", locale));
        notReturned.add(BigDecimal.valueOf(100).subtract(returned.value()));
        returnSources.add(citation(returned, locale));
        NoteFigure published = figures.require("cip_deprived_share_2024");
        returnNames.add(msg("dashboard.chart.return.cip", locale));
        notReturned.add(published.value());
        returnSources.add(citation(published, locale));
        charts.add(new Chart("return", msg("dashboard.chart.return", locale),
                toJson(barOption(returnNames, notReturned, "%", false)), List.copyOf(returnSources),
                msg("dashboard.chart.return.remark", locale)));
        return charts;
    }

    /**
     * The map: regions named in the reader's language, shaded by the warehouse's emigrants by region in the latest
     * year most regions have. The note's own regional figures (one: the IT incubator in Almaty, a city a few pixels
     * wide) shaded a single dot; they are the map only when the warehouse holds no regional series.
     */
    private Chart map(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Region r : reference.currentRegions()) {
            names.put(r.kato(), r.names().in(locale));
        }
        Optional<Chart> regional = regionalSeries(names, locale);
        return regional.isPresent() ? regional.get() : noteMap(names, locale);
    }

    /** The indicator the map shows when the warehouse has it by region. */
    static final String MAP_INDICATOR = "EMIGRANTS";

    private Optional<Chart> regionalSeries(Map<String, String> names, Locale locale) {
        Indicator indicator = warehouse.indicator(MAP_INDICATOR).orElse(null);
        if (indicator == null) {
            return Optional.empty();
        }
        Map<Dimension, String> totals = new EnumMap<>(Dimension.class);
        for (Dimension d : List.of(Dimension.OCCUPATION, Dimension.EDUCATION, Dimension.COUNTRY, Dimension.SEX,
                Dimension.AGE)) {
            totals.put(d, "_T");
        }
        List<Observation> all = warehouse.observations(new ObservationQuery(MAP_INDICATOR, totals, null, null, null,
                null, null, 0, ObservationQuery.MAX_PAGE_SIZE)).stream()
                .filter(o -> names.containsKey(o.region())).toList();
        // The dataset and year with the most regions; an official source before a synthetic one.
        Map<String, DatasetInfo> datasets = new LinkedHashMap<>();
        warehouse.datasets().forEach(d -> datasets.put(d.code(), d));
        Map<String, Map<String, Observation>> byDatasetYear = new LinkedHashMap<>();
        for (Observation o : all) {
            byDatasetYear.computeIfAbsent(o.dataset() + "|" + o.period(), k -> new LinkedHashMap<>())
                    .putIfAbsent(o.region(), o);
        }
        Optional<Map.Entry<String, Map<String, Observation>>> best = byDatasetYear.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .max(java.util.Comparator
                        .comparing((Map.Entry<String, Map<String, Observation>> e) -> !synthetic(datasets, e))
                        .thenComparing(e -> e.getValue().size())
                        .thenComparing(e -> kz.agyn.kernel.Period.parse(e.getKey().substring(e.getKey().indexOf('|') + 1))));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        String key = best.get().getKey();
        String dataset = key.substring(0, key.indexOf('|'));
        String period = key.substring(key.indexOf('|') + 1);
        String indicatorName = indicator.names().in(locale);
        String unit = messages.getMessage("unit." + indicator.unit(), null, "", locale);
        List<Point> data = new ArrayList<>();
        BigDecimal max = BigDecimal.ONE;
        for (Observation o : best.get().getValue().values()) {
            data.add(Point.named(o.region(), o.scaledValue()).labelled(indicatorName + ", " + period));
            max = max.max(o.scaledValue());
        }
        DatasetInfo info = datasets.get(dataset);
        ChartOption option = new ChartOption().tooltip(Tooltip.item())
                .visualMap(VisualMap.shading(max, unit.isEmpty() ? indicatorName : indicatorName + ", " + unit))
                .series(Series.regions(data).unit(unit).fixed().namesOnHover()).regionNames(names);
        List<String> sources = new ArrayList<>();
        // The dataset's title and publisher say when it is synthetic, as everywhere else its source is cited.
        sources.add(info == null ? dataset : info.title().in(locale) + " (" + info.publisher() + ")");
        sources.add(msg("dashboard.map.attribution", locale));
        return Optional.of(new Chart("map", msg("dashboard.map.title.series", locale, indicatorName, period),
                toJson(option), sources, msg("dashboard.map.remark.series", locale)));
    }

    private static boolean synthetic(Map<String, DatasetInfo> datasets, Map.Entry<String, ?> e) {
        DatasetInfo d = datasets.get(e.getKey().substring(0, e.getKey().indexOf('|')));
        return d != null && d.synthetic();
    }

    /** The note's regional figures, when the warehouse has no regional series to shade the map with. */
    private Chart noteMap(Map<String, String> names, Locale locale) {
        List<Point> data = new ArrayList<>();
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        String unitLabel = "";
        BigDecimal max = BigDecimal.ONE;
        for (NoteFigure f : figures.all()) {
            if (f.regionKato() == null) {
                continue;
            }
            Optional<Region> region = reference.currentRegion(f.regionKato());
            if (region.isEmpty()) {
                continue;
            }
            data.add(Point.named(region.get().kato(), f.value()).labelled(f.label().in(locale)));
            sources.add(citation(f, locale));
            unitLabel = f.label().in(locale);
            max = max.max(f.value());
        }
        ChartOption option = new ChartOption().tooltip(Tooltip.item()).visualMap(VisualMap.shading(max, unitLabel))
                .series(Series.regions(data).fixed().namesOnHover()).regionNames(names);
        sources.add(msg("dashboard.map.attribution", locale));
        return new Chart("map", msg("dashboard.map.title", locale), toJson(option), List.copyOf(sources),
                msg("dashboard.map.remark", locale));
    }

    private static ChartOption barOption(List<String> categories, List<Object> values, String unit,
                                         boolean horizontal) {
        Axis category = Axis.category(categories)
                .labels(AxisLabel.everyWrappedAt(horizontal ? 190 : 140).font(11, 13));
        Axis value = Axis.value().named(unit);
        return new ChartOption().tooltip(Tooltip.axis()).grid(Grid.margins(horizontal ? 200 : 70, 40, 30, 60))
                .xAxis(horizontal ? value : category).yAxis(horizontal ? category.inverse() : value)
                .series(Series.bar(null, values).valueLabels(horizontal ? "right" : "top").color(Series.TEAL));
    }

    private String country(NoteFigure f, Locale locale) {
        if (f.countryIso2() == null) {
            return f.label().in(locale);
        }
        return reference.country(f.countryIso2()).map(c -> c.names().in(locale)).orElse(f.countryIso2());
    }

    /** The code of the first figure whose code is {@code base} or starts with it (a figure stated several times). */
    private String first(String base) {
        return figures.all().stream().map(NoteFigure::code)
                .filter(c -> c.equals(base) || c.startsWith(base + "_"))
                .findFirst().orElse(base);
    }

    /** "[1] Nasimova et al., 2022": the note's own numbering and a short author-year citation. */
    private String citation(NoteFigure f, Locale locale) {
        SourceDocument doc = figures.source(f.sourceCode()).orElse(null);
        if (doc == null) {
            return f.sourceCode();
        }
        String author = doc.authors() == null ? doc.citation() : doc.authors().split(",")[0].trim();
        String shortForm = author + (doc.authors() != null && doc.authors().contains("&") ? " et al." : "")
                + (doc.year() == null ? "" : ", " + doc.year());
        return (f.citedAs() == null ? "" : f.citedAs() + " ") + shortForm;
    }

    private String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
