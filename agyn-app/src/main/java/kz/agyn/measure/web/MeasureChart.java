package kz.agyn.measure.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import kz.agyn.measure.KpiPoint;
import kz.agyn.measure.KpiReport;
import kz.agyn.measure.KpiUnit;
import kz.agyn.measure.Measure;
import kz.agyn.measure.Projection;
import kz.agyn.platform.charts.Axis;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.Grid;
import kz.agyn.platform.charts.Legend;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.Tooltip;
import org.springframework.context.MessageSource;

/**
 * A measure's history as a chart: the actual values, the baseline and the target as level lines, and the
 * projection with its interval to the deadline's year, on one axis of years.
 */
final class MeasureChart {

    private static final String GREY = "#8a96a3";
    private static final String LIGHT = "#9ec9d6";

    private MeasureChart() {
    }

    static ChartOption of(KpiReport report, MessageSource messages, Locale locale) {
        Measure m = report.measure();
        int from = m.baseline().year();
        for (KpiPoint p : report.actual()) {
            from = Math.min(from, p.year());
        }
        int to = Math.max(m.deadline().getYear(), m.target().year());
        if (!report.actual().isEmpty()) {
            to = Math.max(to, report.actual().get(report.actual().size() - 1).year());
        }
        List<String> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            years.add(Integer.toString(y));
        }
        int n = years.size();
        List<Object> actual = new ArrayList<>(Collections.nCopies(n, null));
        for (KpiPoint p : report.actual()) {
            actual.set(p.year() - from, round(p.value(), m.unit()));
        }
        List<Object> baseline = new ArrayList<>(Collections.nCopies(n, round(m.baseline().value().doubleValue(),
                m.unit())));
        List<Object> target = new ArrayList<>(Collections.nCopies(n, round(m.target().value().doubleValue(),
                m.unit())));
        List<Series> series = new ArrayList<>();
        String actualName = messages.getMessage("measure.chart.actual", null, locale);
        String baselineName = messages.getMessage("measure.chart.baseline", null, locale);
        String targetName = messages.getMessage("measure.chart.target", null, locale);
        series.add(Series.line(actualName, actual).color(Series.TEAL).lineWidth(3));
        series.add(Series.line(baselineName, baseline).color(GREY).lineWidth(1));
        series.add(Series.line(targetName, target).color(Series.ORANGE).lineWidth(2));
        List<String> names = new ArrayList<>(List.of(actualName, baselineName, targetName));
        Projection p = report.projection();
        if (p != null && !report.actual().isEmpty()) {
            KpiPoint last = report.actual().get(report.actual().size() - 1);
            List<Object> value = new ArrayList<>(Collections.nCopies(n, null));
            List<Object> lower = new ArrayList<>(Collections.nCopies(n, null));
            List<Object> upper = new ArrayList<>(Collections.nCopies(n, null));
            // The projection starts from the last actual value, so the two lines join.
            value.set(last.year() - from, round(last.value(), m.unit()));
            lower.set(last.year() - from, round(last.value(), m.unit()));
            upper.set(last.year() - from, round(last.value(), m.unit()));
            boolean interval = false;
            for (Projection.Point q : p.points()) {
                if (q.year() - from >= n) {
                    break;
                }
                value.set(q.year() - from, round(q.value(), m.unit()));
                if (q.hasInterval()) {
                    interval = true;
                    lower.set(q.year() - from, round(q.lower(), m.unit()));
                    upper.set(q.year() - from, round(q.upper(), m.unit()));
                }
            }
            String projected = messages.getMessage("measure.chart.projection." + p.method(), null, locale);
            series.add(Series.line(projected, value).color(LIGHT).lineWidth(2));
            names.add(projected);
            if (interval) {
                String bounds = messages.getMessage("measure.chart.interval",
                        new Object[] {Math.round(p.level() * 100)}, locale);
                series.add(Series.line(bounds, lower).color(LIGHT).lineWidth(1));
                series.add(Series.line(bounds, upper).color(LIGHT).lineWidth(1));
                names.add(bounds);
            }
        }
        String unit = messages.getMessage("measure.unit." + m.unit(), null, locale);
        return new ChartOption().tooltip(Tooltip.axis()).legend(Legend.atTop(names))
                .grid(Grid.margins(60, 20, 60, 30).containingLabels())
                .xAxis(Axis.category(years)).yAxis(Axis.value().named(unit)).series(series);
    }

    private static Object round(double v, KpiUnit unit) {
        return unit == KpiUnit.PERCENT ? Math.round(v * 10) / 10.0 : (Object) Math.round(v);
    }
}
