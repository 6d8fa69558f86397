package kz.agyn.scenario.web;

import kz.agyn.scenario.engine.Assumptions;
import kz.agyn.scenario.engine.LeverKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import kz.agyn.platform.format.Shortening;
import kz.agyn.scenario.ResultBand;
import kz.agyn.scenario.Scenario;
import org.springframework.context.MessageSource;

/**
 * A finished run's results as the page shows them: the fan chart of one measure (every scenario's mean with its
 * 80% and 95% bands, year by year), the table of what each scenario keeps and costs against the baseline, and the
 * region map of one scenario's measure in one year.
 */
final class ResultsPresenter {

    /** Measures in the order the page offers them; the engine's names. */
    static final List<String> MEASURES = List.of("KEPT_VS_BASELINE", "COST_PER_SPECIALIST_KEPT_KZT", "EMIGRANTS",
            "RETURNEES", "STOCK_IN_KAZAKHSTAN", "STOCK_ABROAD", "SCHOLARS_FULFILLED", "SCHOLARS_IN_BREACH",
            "BUDGET_COST_KZT", "BRAIN_DRAIN_COST_AVOIDED_KZT");
    /** Measures that compare a scenario with the baseline, which has none of its own. */
    static final List<String> AGAINST_BASELINE = List.of("KEPT_VS_BASELINE", "COST_PER_SPECIALIST_KEPT_KZT",
            "BRAIN_DRAIN_COST_AVOIDED_KZT");
    static final String[] COLOURS = {"#555555", Series.TEAL, Series.ORANGE, "#6a3d9a", "#2e7d32"};

    private final MessageSource messages;
    private final Locale locale;
    private final Numbers numbers;
    private final Shortening money = ScenarioTexts.MONEY;

    ResultsPresenter(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.numbers = new Numbers(locale, messages);
    }

    static boolean money(String measure) {
        return measure.endsWith("_KZT");
    }

    String unit(String measure) {
        return msg(money(measure) ? "scenario.unit.kzt" : "scenario.unit.persons");
    }

    /** The bands of TOTAL by position, measure and year. */
    static Map<String, ResultBand> index(List<ResultBand> bands) {
        Map<String, ResultBand> m = new HashMap<>();
        for (ResultBand b : bands) {
            m.put(key(b.position(), b.measure(), b.dimension(), b.codeIndex(), b.yearOffset()), b);
        }
        return m;
    }

    static String key(int position, String measure, String dimension, int code, int year) {
        return position + "|" + measure + "|" + dimension + "|" + code + "|" + year;
    }

    /** The fan chart of {@code measure} for the baseline (where it has one) and each scenario. */
    ChartOption fan(Map<String, ResultBand> bands, List<String> names, int startYear, int horizon, String measure) {
        return fan(bands, names, startYear, horizon, measure, null, null);
    }

    /**
     * As {@link #fan(Map, List, int, int, String)}, with the warehouse's forecast beside the baseline (a dashed line
     * named {@code besideName}, its 80% interval in the tooltip) where there is one.
     */
    ChartOption fan(Map<String, ResultBand> bands, List<String> names, int startYear, int horizon, String measure,
                    kz.agyn.scenario.ForecastBeside.Forecast beside, String besideName) {
        List<String> years = new ArrayList<>();
        for (int y = 0; y < horizon; y++) {
            years.add(String.valueOf(startYear + y));
        }
        List<Series> series = new ArrayList<>();
        int first = AGAINST_BASELINE.contains(measure) ? 1 : 0;
        for (int p = first; p < names.size(); p++) {
            List<Double> low95 = new ArrayList<>();
            List<Double> width95 = new ArrayList<>();
            List<Double> low80 = new ArrayList<>();
            List<Double> width80 = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            List<List<Double>> ranges = new ArrayList<>();
            for (int y = 0; y < horizon; y++) {
                ResultBand b = bands.get(key(p, measure, "TOTAL", 0, y));
                if (b == null || !Double.isFinite(b.mean())) {
                    low95.add(null);
                    width95.add(null);
                    low80.add(null);
                    width80.add(null);
                    mean.add(null);
                    ranges.add(null);
                    continue;
                }
                low95.add(round(b.p2_5()));
                width95.add(round(b.p97_5() - b.p2_5()));
                low80.add(round(b.p10()));
                width80.add(round(b.p90() - b.p10()));
                mean.add(round(b.mean()));
                ranges.add(List.of(round(b.p2_5()), round(b.p97_5())));
            }
            String colour = COLOURS[p % COLOURS.length];
            series.add(Series.line(null, low95).stacked("b95-" + p).band(0).color(colour));
            series.add(Series.line(null, width95).stacked("b95-" + p).band(0.12).color(colour));
            series.add(Series.line(null, low80).stacked("b80-" + p).band(0).color(colour));
            series.add(Series.line(null, width80).stacked("b80-" + p).band(0.22).color(colour));
            series.add(Series.line(names.get(p), mean).color(colour).lineWidth(2).ranges(ranges));
        }
        List<String> legend = new ArrayList<>(names.subList(first, names.size()));
        if (beside != null) {
            List<Double> values = new ArrayList<>();
            List<List<Double>> ranges = new ArrayList<>();
            for (int y = 0; y < horizon; y++) {
                Double v = beside.at(startYear + y);
                double[] r = beside.range80(startYear + y);
                values.add(v == null ? null : round(v));
                ranges.add(r == null ? null : List.of(round(r[0]), round(r[1])));
            }
            series.add(Series.line(besideName, values).color("#6b7280").dashed().ranges(ranges));
            legend.add(besideName);
        }
        return new ChartOption().tooltip(Tooltip.axis()).legend(Legend.wrappedAtTop().listing(legend))
                .grid(Grid.margins(110, 30, 50, 40)).xAxis(Axis.category(years))
                .yAxis(Axis.value().named(unit(measure))).series(series);
    }

    /** One scenario's measure by region in one year; null when the run has no figures by region. */
    ChartOption map(List<ResultBand> regional, List<String> regions, Map<String, String> regionNames, int position,
                    String measure, int year, String caption) {
        List<Point> data = new ArrayList<>();
        double max = 0;
        for (ResultBand b : regional) {
            if (b.position() == position && b.measure().equals(measure) && b.yearOffset() == year
                    && b.dimension().equals("REGION") && b.codeIndex() < regions.size()
                    && Double.isFinite(b.mean())) {
                data.add(Point.named(regions.get(b.codeIndex()), round(b.mean())));
                max = Math.max(max, b.mean());
            }
        }
        if (data.isEmpty()) {
            return null;
        }
        return new ChartOption().visualMap(VisualMap.shading(max > 0 ? round(max) : 1, caption + ", " + unit(measure)))
                .series(Series.regions(data).unit(unit(measure))).regionNames(regionNames);
    }

    /** A row of the comparison table: one scenario against the baseline in one year. */
    record TableRow(String name, Cell kept, Cell costPerKept, Cell budgetCost, Cell costAvoided) {
    }

    /** A figure and its band, apart so that the band can go under the figure (the four columns fit a laptop). */
    record Cell(String value, String band) {
    }

    List<TableRow> table(Map<String, ResultBand> bands, List<Scenario> scenarios, int year) {
        List<TableRow> rows = new ArrayList<>();
        for (int p = 1; p <= scenarios.size(); p++) {
            rows.add(new TableRow(scenarios.get(p - 1).name(), cell(bands.get(key(p, "KEPT_VS_BASELINE", "TOTAL", 0,
                    year)), false), cell(bands.get(key(p, "COST_PER_SPECIALIST_KEPT_KZT", "TOTAL", 0, year)), true),
                    cell(bands.get(key(p, "BUDGET_COST_KZT", "TOTAL", 0, year)), true),
                    cell(bands.get(key(p, "BRAIN_DRAIN_COST_AVOIDED_KZT", "TOTAL", 0, year)), true)));
        }
        return rows;
    }

    /** A lever's budget cost in one scenario and year; the last row of a scenario is the repayments recovered. */
    record LeverRow(String scenario, String lever, Cell cost) {
    }

    /**
     * What each lever of each scenario costs the budget in one year, and the scholars' repayments recovered beyond
     * the baseline's, which the total nets off: the rows' means add up to the table's budget cost (the bands of
     * the parts do not add up, so the recovered row has none).
     */
    List<LeverRow> leverTable(List<ResultBand> leverBands, Map<String, ResultBand> total, List<String> names,
                              int year) {
        List<LeverRow> rows = new ArrayList<>();
        for (int p = 1; p < names.size(); p++) {
            double levers = 0;
            int shown = 0;
            for (ResultBand b : leverBands) {
                if (b.position() == p && b.yearOffset() == year && b.dimension().equals("LEVER")
                        && b.codeIndex() < LeverKind.values().length) {
                    rows.add(new LeverRow(names.get(p), msg("scenario.leverKind." + LeverKind.values()[b.codeIndex()]
                            .name()), cell(b, true)));
                    levers += b.mean();
                    shown++;
                }
            }
            ResultBand budget = total.get(key(p, "BUDGET_COST_KZT", "TOTAL", 0, year));
            if (shown > 0 && budget != null && Double.isFinite(budget.mean())
                    && Math.abs(levers - budget.mean()) >= 0.5) {
                rows.add(new LeverRow(names.get(p), msg("scenario.leverKind.RECOVERED"),
                        new Cell(numbers.money(budget.mean() - levers, "KZT", money), null)));
            }
        }
        return rows;
    }

    /** "1 234" over "(95%: 900–1 500)", money shortened; a dash where the measure has no finite value (nobody kept). */
    Cell cell(ResultBand b, boolean isMoney) {
        if (b == null || !Double.isFinite(b.mean())) {
            return new Cell(Numbers.DASH, null);
        }
        String mean = isMoney ? numbers.money(b.mean(), "KZT", money) : numbers.number(b.mean(), Decimals.upTo(0));
        if (!Double.isFinite(b.p2_5()) || !Double.isFinite(b.p97_5())) {
            return new Cell(mean, null);
        }
        String range = isMoney ? numbers.moneyRange(b.p2_5(), b.p97_5(), "KZT", money)
                : numbers.range(b.p2_5(), b.p97_5(), Decimals.upTo(0));
        return new Cell(mean, msg("scenario.results.band", range));
    }

    /** The engine's fixed constants, each as the page's numbers are written (whole numbers without decimals). */
    Map<String, String> constants() {
        Map<String, String> m = new LinkedHashMap<>();
        Assumptions.shown().forEach((k, v) -> m.put(k, numbers.number(v, Decimals.upTo(2))));
        return m;
    }

    /** The measures offered, each with its name. */
    Map<String, String> measureNames() {
        Map<String, String> m = new LinkedHashMap<>();
        MEASURES.forEach(code -> m.put(code, msg("scenario.measure." + code)));
        return m;
    }

    private static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
