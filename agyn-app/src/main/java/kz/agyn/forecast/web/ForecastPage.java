package kz.agyn.forecast.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import kz.agyn.forecast.ForecastResult;
import kz.agyn.forecast.ModelWords;
import kz.agyn.forecast.SeriesChoice;
import kz.agyn.forecast.engine.Accuracy;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.platform.charts.Axis;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.Grid;
import kz.agyn.platform.charts.Legend;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.Tooltip;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.DatasetPeriod;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds what the forecast page shows: the form's choices, the fan chart, the table of forecasts, the backtest. */
@Component
class ForecastPage {

    private final Warehouse warehouse;
    private final SeriesLabels labels;
    private final MessageSource messages;
    private final ModelWords words;

    ForecastPage(Warehouse warehouse, SeriesLabels labels, MessageSource messages, ModelWords words) {
        this.warehouse = warehouse;
        this.labels = labels;
        this.messages = messages;
        this.words = words;
    }

    record Choice(String value, String text, boolean selected) {
    }

    /** A dimension of the form and the codes the indicator holds in it. */
    record Filter(Dimension dimension, String param, List<Choice> choices) {
    }

    /** A row of the backtest table; NaN measures are shown as a dash. */
    record BacktestRow(String method, String code, boolean chosen, int forecasts, String mase, String smape,
                       String relativeMase, String relativeSmape, String coverage80, String coverage95,
                       boolean underCovers) {
    }

    /** A row of the table of forecasts. */
    record ForecastRow(String period, String mean, String lo80, String hi80, String lo95, String hi95) {
    }

    List<Choice> indicators(String chosen, Locale locale) {
        return warehouse.indicators().stream().map(i -> new Choice(i.code(), i.names().in(locale) + " (" + i.code()
                + ")", i.code().equals(chosen))).toList();
    }

    /**
     * The datasets that hold the indicator, first "the longest series" (none named), each by its title, code and,
     * when synthetic, a word saying so.
     */
    List<Choice> datasets(String indicator, String chosen, Locale locale) {
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", messages.getMessage("forecast.dataset.auto", null, locale), chosen == null));
        if (indicator == null) {
            return out;
        }
        Map<String, DatasetInfo> all = new java.util.HashMap<>();
        warehouse.datasets().forEach(d -> all.put(d.code(), d));
        warehouse.periods(indicator).stream().map(DatasetPeriod::dataset).distinct().sorted().forEach(code -> {
            DatasetInfo d = all.get(code);
            String text = d == null ? code : d.title().in(locale) + " (" + code + ")"
                    + (d.synthetic() ? " — " + messages.getMessage("forecast.dataset.synthetic", null, locale) : "");
            out.add(new Choice(code, text, code.equals(chosen)));
        });
        return out;
    }

    /**
     * The dimensions in which the indicator holds more than one code in the dataset (null: in any), each with its
     * codes named.
     */
    List<Filter> filters(String indicator, SeriesChoice choice, String dataset, Locale locale) {
        List<Filter> out = new ArrayList<>();
        if (indicator == null || warehouse.indicator(indicator).isEmpty()) {
            return out;
        }
        for (Dimension d : SeriesChoice.DIMENSIONS) {
            // Only the codes of the dataset read, when one is named: a code another dataset holds (the flow "_Z" of
            // an import that gave none) would be selected by default and find nothing in this one.
            List<String> codes = warehouse.codes(indicator, d, dataset);
            if (codes.size() < 2) {
                continue;
            }
            Map<String, String> names = labels.labels(d, locale);
            String stored = choice.stored().get(d);
            // Without the total among the codes (flows are emigration or immigration) the first is chosen, and said
            // so in the page rather than left to the browser.
            String selected = codes.contains(stored) ? stored : codes.get(0);
            List<Choice> choices = new ArrayList<>();
            for (String c : codes) {
                String shown = d == Dimension.REGION && "000000000".equals(c) ? SeriesChoice.WHOLE_COUNTRY : c;
                String name = labels.name(c, names);
                choices.add(new Choice(shown, name.equals(shown) ? shown : name + " (" + shown + ")",
                        c.equals(selected)));
            }
            out.add(new Filter(d, d.name().toLowerCase(Locale.ROOT), choices));
        }
        return out;
    }

    /** The fan chart: observed values, the forecast dashed, and the 95% and 80% intervals as shaded bands. */
    ChartOption fan(ForecastResult r, String unit, Locale locale) {
        List<String> categories = new ArrayList<>(r.series().periods());
        categories.addAll(r.periods());
        int n = r.series().periods().size();
        int h = r.periods().size();
        Prediction p = r.outcome().prediction();
        List<Double> observed = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> lo95 = new ArrayList<>();
        List<Double> w95 = new ArrayList<>();
        List<Double> hi95 = new ArrayList<>();
        List<Double> lo80 = new ArrayList<>();
        List<Double> w80 = new ArrayList<>();
        List<Double> hi80 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            observed.add(r.series().values()[i]);
            // The forecast line starts at the last observed value so that it joins the observed line.
            mean.add(i == n - 1 ? r.series().values()[i] : null);
            for (List<Double> l : List.of(lo95, w95, hi95, lo80, w80, hi80)) {
                l.add(null);
            }
        }
        for (int i = 0; i < h; i++) {
            observed.add(null);
            mean.add(round(p.mean()[i]));
            lo95.add(round(p.lo95()[i]));
            hi95.add(round(p.hi95()[i]));
            w95.add(round(p.hi95()[i] - p.lo95()[i]));
            lo80.add(round(p.lo80()[i]));
            hi80.add(round(p.hi80()[i]));
            w80.add(round(p.hi80()[i] - p.lo80()[i]));
        }
        String obs = msg(locale, "forecast.chart.observed");
        String fc = msg(locale, "forecast.chart.forecast");
        String b95 = msg(locale, "forecast.chart.band95");
        String b80 = msg(locale, "forecast.chart.band80");
        List<Series> series = List.of(
                Series.bandBase(msg(locale, "forecast.chart.lo95"), "b95", lo95),
                Series.bandWidth(b95, "b95", w95, hi95, Series.ORANGE, 0.18),
                Series.bandBase(msg(locale, "forecast.chart.lo80"), "b80", lo80),
                Series.bandWidth(b80, "b80", w80, hi80, Series.ORANGE, 0.35),
                Series.line(obs, observed).color(Series.TEAL).lineWidth(2),
                Series.line(fc, mean).color(Series.ORANGE).dashed());
        return new ChartOption().tooltip(Tooltip.axis()).legend(Legend.atTop(List.of(obs, fc, b80, b95)))
                .grid(Grid.margins(70, 30, 50, 40)).xAxis(Axis.category(categories))
                .yAxis(unit.isEmpty() ? Axis.value() : Axis.value().named(unit)).series(series);
    }

    List<ForecastRow> rows(ForecastResult r, Locale locale) {
        Prediction p = r.outcome().prediction();
        List<ForecastRow> out = new ArrayList<>();
        int places = decimals(r.series().indicator());
        for (int i = 0; i < r.periods().size(); i++) {
            out.add(new ForecastRow(r.periods().get(i), ModelWords.fmt(locale, p.mean()[i], places),
                    ModelWords.fmt(locale, p.lo80()[i], places), ModelWords.fmt(locale, p.hi80()[i], places),
                    ModelWords.fmt(locale, p.lo95()[i], places), ModelWords.fmt(locale, p.hi95()[i], places)));
        }
        return out;
    }

    List<BacktestRow> backtest(ForecastResult r, Locale locale) {
        List<BacktestRow> out = new ArrayList<>();
        Method chosen = r.outcome().method();
        for (Accuracy a : r.outcome().backtest()) {
            out.add(row(a, a.method() == chosen, words.method(a.method(), locale), locale));
        }
        Accuracy n2 = r.outcome().naive2();
        if (n2.scored()) {
            out.add(row(new Accuracy(n2.method(), n2.forecasts(), n2.mase(), n2.smape(), 1, 1, n2.coverage80(),
                    n2.coverage95()), false, msg(locale, "forecast.method.NAIVE2"), locale));
        }
        return out;
    }

    private static BacktestRow row(Accuracy a, boolean chosen, String name, Locale locale) {
        return new BacktestRow(name, a.method().name(), chosen, a.forecasts(), ModelWords.fmt(locale, a.mase(), 3),
                ModelWords.fmt(locale, a.smape(), 2), ModelWords.fmt(locale, a.relativeMase(), 3),
                ModelWords.fmt(locale, a.relativeSmape(), 3), ModelWords.percent(locale, a.coverage80()),
                ModelWords.percent(locale, a.coverage95()), a.underCovers());
    }

    /** Counts of people are shown whole; rates and amounts with one decimal. */
    static int decimals(Indicator i) {
        return "PERSONS".equals(i.unit()) || "COUNT".equals(i.unit()) ? 0 : 2;
    }

    private static Double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The dimension codes that pick the series, as readers write them, in words. */
    String selection(ForecastResult r, Locale locale) {
        return SeriesChoice.DIMENSIONS.stream().map(d -> {
            String code = r.series().choice().shown(d);
            String name = labels.name(d == Dimension.REGION && "KZ".equals(code) ? "000000000" : code,
                    labels.labels(d, locale));
            return msg(locale, "dimension." + d.name()) + ": " + (name.equals(code) ? code : name + " (" + code + ")");
        }).collect(Collectors.joining("; "));
    }

    /** An indicator's name in the reader's language, its code when the warehouse no longer has it. */
    String indicatorName(String code, Locale locale) {
        return warehouse.indicator(code).map(i -> i.names().in(locale)).orElse(code);
    }

    /** A stored batch series' codes (dimension name → code), in words, as {@link #selection} writes them. */
    String filters(java.util.Map<String, Object> filters, Locale locale) {
        return filters.entrySet().stream().map(e -> {
            Dimension d;
            try {
                d = Dimension.valueOf(e.getKey());
            } catch (IllegalArgumentException unknown) {
                return e.getKey() + ": " + e.getValue();
            }
            String code = String.valueOf(e.getValue());
            String name = labels.name(code, labels.labels(d, locale));
            return msg(locale, "dimension." + d.name()) + ": " + (name.equals(code) ? code : name + " (" + code + ")");
        }).collect(Collectors.joining("; "));
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
