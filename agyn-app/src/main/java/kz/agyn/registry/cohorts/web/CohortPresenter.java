package kz.agyn.registry.cohorts.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import kz.agyn.platform.charts.Axis;
import kz.agyn.platform.charts.AxisLabel;
import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.DataZoom;
import kz.agyn.platform.charts.Grid;
import kz.agyn.platform.charts.Legend;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.Tooltip;
import kz.agyn.reference.ReferenceData;
import kz.agyn.registry.cohorts.Breakdown;
import kz.agyn.registry.cohorts.CohortReport;
import kz.agyn.registry.cohorts.CohortRow;
import kz.agyn.registry.cohorts.CohortTable;
import kz.agyn.registry.cohorts.KmCurve;
import kz.agyn.registry.cohorts.KmStep;
import kz.agyn.registry.cohorts.NoteFigures;
import kz.agyn.registry.cohorts.SectorGroup;
import kz.agyn.registry.cohorts.Share;
import kz.agyn.registry.cohorts.Suppression;
import kz.agyn.registry.cohorts.Table3;
import kz.agyn.registry.obligation.ObligationState;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a {@link CohortReport} into the {@link CohortView} one reader may see, and into chart options. */
@Component
class CohortPresenter {

    /** Months after the end of study at which the page reads the share not yet back off each curve. */
    static final List<Integer> MILESTONES = List.of(6, 12, 24, 36, 60);

    /**
     * Plotted steps closer than this (a fraction) to the last plotted one are merged into the next: a census
     * curve has a step on almost every day, and thousands of points per curve would make the page heavy while
     * changing the drawn line by less than a pixel.
     */
    private static final double PLOT_RESOLUTION = 0.002;
    /** The months the survival chart opens on: the first five years after study, where most returns fall. */
    private static final int KM_OPENING_MONTHS = 60;

    private record ShareColumn(String code, String labelKey, String hintKey, Function<CohortRow, Share> share) {
    }

    private static final List<ShareColumn> SHARE_COLUMNS = List.of(
            new ShareColumn("abroad", "cohort.column.abroad", "cohort.definition.abroad", CohortRow::abroad),
            new ShareColumn("return_rate", "cohort.column.returnRate", "cohort.definition.returnRate",
                    CohortRow::returnRate),
            new ShareColumn("working_off", "cohort.column.workingOff", null, CohortRow::workingOff),
            new ShareColumn("fulfilled", "cohort.column.fulfilled", null, CohortRow::fulfilled),
            new ShareColumn("debt", "cohort.column.debt", null, CohortRow::debt),
            new ShareColumn("fulfilment_rate", "cohort.column.fulfilmentRate", "cohort.definition.fulfilmentRate",
                    CohortRow::fulfilmentRate),
            new ShareColumn("sector_public", "registry.sectorGroup.PUBLIC", "cohort.definition.sectors",
                    r -> r.sector(SectorGroup.PUBLIC)),
            new ShareColumn("sector_private", "registry.sectorGroup.PRIVATE", "cohort.definition.sectors",
                    r -> r.sector(SectorGroup.PRIVATE)),
            new ShareColumn("sector_research", "registry.sectorGroup.RESEARCH", "cohort.definition.sectors",
                    r -> r.sector(SectorGroup.RESEARCH)));

    private final MessageSource messages;
    private final ReferenceData reference;
    private final JsonMapper json;

    CohortPresenter(MessageSource messages, ReferenceData reference, JsonMapper json) {
        this.messages = messages;
        this.reference = reference;
        this.json = json;
    }

    CohortView view(CohortReport report, boolean maySeeSmallCells, Locale locale) {
        CohortTable table = report.table();
        int minCell = table.minCell();
        boolean synthetic = report.synthetic() > 0;
        String registrySource = msg(locale, synthetic ? "registry.cohorts.source.synthetic"
                : "registry.cohorts.source.registry");
        List<CohortView.Column> columns = SHARE_COLUMNS.stream()
                .map(c -> new CohortView.Column(c.code(), msg(locale, c.labelKey()),
                        c.hintKey() == null ? null : msg(locale, c.hintKey())))
                .toList();
        List<CohortView.Line> lines = table.rows().stream()
                .map(r -> line(r, label(report.breakdown(), r.key(), locale), minCell, locale)).toList();
        CohortView.Line total = line(table.total(), msg(locale, "cohort.total"), minCell, locale);
        boolean anySuppressed = lines.stream().anyMatch(CohortView.Line::flagged) || total.flagged();
        List<CohortView.Survival> survival = new ArrayList<>();
        survival.add(survival(report.overall(), msg(locale, "registry.cohorts.km.all"), true, maySeeSmallCells,
                minCell));
        for (KmCurve c : report.curves()) {
            survival.add(survival(c, label(report.breakdown(), c.key(), locale), false, maySeeSmallCells,
                    minCell));
        }
        return new CohortView(report, registrySource, synthetic, report.noteSource(),
                table3(report, maySeeSmallCells, minCell, locale),
                msg(locale, "registry.breakdown." + report.breakdown().name()), columns, lines, total,
                table.blanked(), anySuppressed, minCell, MILESTONES, survival);
    }

    /**
     * The note's figures and the registry's. The domain's Table 3 is never blanked, because the programme as a
     * whole is large; a programme with few awards is not, so for a reader who may not see small numbers a
     * registry figure resting on fewer than the minimum cell is hidden like a small group.
     */
    private List<CohortView.Table3Line> table3(CohortReport report, boolean maySeeSmallCells, int minCell,
                                              Locale locale) {
        Table3 t = report.table3();
        boolean fewAwards = !maySeeSmallCells && report.awards() < minCell;
        boolean fewGraduates = !maySeeSmallCells && t.graduates() < minCell;
        List<CohortView.Table3Line> out = new ArrayList<>();
        out.add(new CohortView.Table3Line(NoteFigures.SCHOLARS, msg(locale, "registry.cohorts.table3.scholars"),
                false, toDouble(t.noteScholars()), fewAwards ? null : (double) report.awards(), null, null, null,
                fewAwards));
        out.add(new CohortView.Table3Line(NoteFigures.GRADUATES_PER_YEAR,
                msg(locale, "cohort.table3.graduatesPerYear"), false, toDouble(t.noteGraduatesPerYear()),
                fewGraduates ? null : (Double) t.graduatesPerYear(), null, null, null, fewGraduates));
        Map<String, String> labels = Map.of(NoteFigures.ABROAD, "cohort.table3.abroad", NoteFigures.PUBLIC,
                "cohort.table3.public", NoteFigures.PRIVATE, "cohort.table3.private", NoteFigures.RESEARCH,
                "cohort.table3.research");
        for (Table3.Figure f : t.figures()) {
            Share s = f.computed();
            boolean small = !maySeeSmallCells && s.base() != null && s.base() > 0 && s.base() < minCell;
            boolean show = s.defined() && !small;
            out.add(new CohortView.Table3Line(f.code(), msg(locale, labels.get(f.code())), true, f.note(),
                    show ? s.value() : null, show ? s.lower() : null, show ? s.upper() : null,
                    show ? f.withinSamplingError() : null, small));
        }
        return out;
    }

    private CohortView.Line line(CohortRow r, String label, int minCell, Locale locale) {
        List<Share> shares = SHARE_COLUMNS.stream().map(c -> c.share().apply(r)).toList();
        String reason = switch (r.suppression()) {
            case NONE -> null;
            case PRIMARY -> msg(locale, "cohort.suppression.PRIMARY", minCell);
            case SECONDARY -> msg(locale, "cohort.suppression.SECONDARY");
        };
        return new CohortView.Line(r.key(), label, r.graduates(), shares, r.suppression(), reason);
    }

    private CohortView.Survival survival(KmCurve c, String label, boolean overall, boolean maySeeSmallCells,
                                         int minCell) {
        // The overall curve is never marked by the domain; a small programme's curve is a small cell all the same.
        boolean hidden = c.subjects() == null || !maySeeSmallCells && c.subjects() < minCell;
        if (hidden) {
            List<Double> none = MILESTONES.stream().map(m -> (Double) null).toList();
            return new CohortView.Survival(c.key(), label, overall, null, null, null, null, null, none,
                    overall && c.suppression() == Suppression.NONE ? Suppression.PRIMARY : c.suppression());
        }
        List<Double> notBack = new ArrayList<>();
        long lastDay = c.steps().isEmpty() ? 0 : c.steps().get(c.steps().size() - 1).days();
        for (int m : MILESTONES) {
            long days = Math.round(m * KmStep.DAYS_PER_MONTH);
            boolean observed = days <= lastDay;
            boolean enough = maySeeSmallCells || atRiskAfter(c, days) >= minCell;
            notBack.add(observed && enough ? c.survivalAt(days) : null);
        }
        return new CohortView.Survival(c.key(), label, overall, c.subjects(), c.returns(), months(c.median()),
                months(c.medianLower()), months(c.medianUpper()), notBack, c.suppression());
    }

    /** Graduates still observed and not back just after {@code days}. */
    static long atRiskAfter(KmCurve c, long days) {
        long left = c.subjects();
        for (KmStep s : c.steps()) {
            if (s.days() > days) {
                break;
            }
            left = s.atRisk() - s.events() - s.censored();
        }
        return left;
    }

    private static Double months(Double days) {
        return days == null ? null : days / KmStep.DAYS_PER_MONTH;
    }

    private static Double toDouble(Long n) {
        return n == null ? null : n.doubleValue();
    }

    /** A group's name: countries, fields, degrees and sexes by name, years as they are. */
    String label(Breakdown breakdown, String key, Locale locale) {
        if (key == null) {
            return msg(locale, "cohort.group.unknown");
        }
        return switch (breakdown) {
            case GRADUATION_YEAR, CALL_YEAR -> key;
            case HOST_COUNTRY -> reference.country(key).map(c -> c.names().in(locale) + " (" + key + ")")
                    .orElse(key);
            case FIELD -> key + " " + messages.getMessage("registry.cohorts.field." + key, null, "", locale);
            case DEGREE -> messages.getMessage("registry.degree." + key, null, key, locale);
            case SEX -> messages.getMessage("registry.cohorts.sex." + key, null, key, locale);
        };
    }

    // ---- charts: ECharts options, drawn by agyn.js from the data-option attribute -------------------------------

    /** Graduates per group, a bar each; a blanked group keeps its place on the axis with no bar. */
    String graduatesChart(CohortView v, Locale locale) {
        List<String> names = v.lines().stream().map(CohortView.Line::label).toList();
        List<Long> values = v.lines().stream().map(CohortView.Line::graduates).toList();
        ChartOption option = base(names, msg(locale, "cohort.column.graduates"), null)
                .series(Series.bar(msg(locale, "cohort.column.graduates"), values).color(Series.TEAL));
        return json.writeValueAsString(option);
    }

    /** Shares of graduates in each obligation state, stacked to 100% per group; states nobody is in are left out. */
    String statesChart(CohortView v, CohortReport report, Locale locale) {
        List<String> names = v.lines().stream().map(CohortView.Line::label).toList();
        List<Series> series = new ArrayList<>();
        for (ObligationState s : ObligationState.values()) {
            Share all = report.table().total().state(s);
            if (all == null || all.count() == null || all.count() == 0) {
                continue;
            }
            List<Double> data = report.table().rows().stream().map(r -> percent(r.state(s))).toList();
            series.add(Series.bar(msg(locale, "obligation.state." + s.name()), data).stacked("states"));
        }
        return json.writeValueAsString(base(names, "%", 100).series(series));
    }

    /** Returnees with a job by sector group, stacked to 100% per group. */
    String sectorsChart(CohortView v, CohortReport report, Locale locale) {
        List<String> names = v.lines().stream().map(CohortView.Line::label).toList();
        List<Series> series = new ArrayList<>();
        for (SectorGroup g : SectorGroup.values()) {
            List<Double> data = report.table().rows().stream().map(r -> percent(r.sector(g))).toList();
            series.add(Series.bar(msg(locale, "registry.sectorGroup." + g.name()), data).stacked("sectors"));
        }
        return json.writeValueAsString(base(names, "%", 100).series(series));
    }

    /**
     * The Kaplan–Meier curves as step lines of the percentage not yet back against months since the end of study:
     * all graduates, and each group that may be shown. With many groups only the overall curve starts switched
     * on. For a reader who may not see small numbers each curve stops where fewer than the minimum cell are
     * still at risk, because the last steps of a curve are single people.
     */
    String survivalChart(CohortReport report, boolean maySeeSmallCells, Locale locale) {
        int minCell = report.table().minCell();
        List<Series> series = new ArrayList<>();
        Map<String, Boolean> selected = new LinkedHashMap<>();
        List<String> legend = new ArrayList<>();
        String allName = msg(locale, "registry.cohorts.km.all");
        boolean overallShown = maySeeSmallCells || report.overall().subjects() >= minCell;
        if (overallShown) {
            series.add(curve(allName, report.overall(), maySeeSmallCells, minCell, 3));
            legend.add(allName);
            selected.put(allName, true);
        }
        List<KmCurve> groups = report.curves().stream().filter(c -> c.subjects() != null
                && (maySeeSmallCells || c.subjects() >= minCell)).toList();
        for (KmCurve c : groups) {
            String name = label(report.breakdown(), c.key(), locale);
            series.add(curve(name, c, maySeeSmallCells, minCell, 1.5));
            legend.add(name);
            selected.put(name, groups.size() <= 6);
        }
        // The axis runs to the last return (some 350 months), but most come back in the first two years: the chart
        // opens on the first five years, the whole range a drag of the slider away. The y axis's name runs along
        // it, since written at its top it was cut at the chart's left edge.
        ChartOption option = new ChartOption().tooltip(Tooltip.axis())
                .legend(Legend.wrappedAtTop().listing(legend).selecting(selected))
                .grid(Grid.margins(30, 30, 40, 62).containingLabels())
                .xAxis(Axis.value().min(0).named(msg(locale, "cohort.km.months")).nameInMiddle(24))
                .yAxis(Axis.value().min(0).max(100).named(msg(locale, "cohort.km.survival") + ", %")
                        .nameInMiddle(40))
                .dataZoom(DataZoom.slider(0, KM_OPENING_MONTHS), DataZoom.inside(0, KM_OPENING_MONTHS))
                .series(series);
        return json.writeValueAsString(option);
    }

    private static Series curve(String name, KmCurve c, boolean maySeeSmallCells, int minCell,
                                             double width) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 100});
        double plotted = 1;
        List<KmStep> steps = c.steps();
        for (int i = 0; i < steps.size(); i++) {
            KmStep s = steps.get(i);
            if (!maySeeSmallCells && s.atRisk() < minCell) {
                break;
            }
            boolean last = i == steps.size() - 1 || !maySeeSmallCells && steps.get(i + 1).atRisk() < minCell;
            if (Math.abs(s.survival() - plotted) >= PLOT_RESOLUTION || last) {
                points.add(new double[] {round(s.months(), 2), round(s.survival() * 100, 2)});
                plotted = s.survival();
            }
        }
        return Series.line(name, points).steps().lineWidth(width);
    }

    private static ChartOption base(List<String> categories, String axisName, Integer max) {
        Axis y = Axis.value().named(axisName).min(0);
        return new ChartOption().tooltip(Tooltip.axisShaded()).legend(Legend.wrappedAtTop())
                .grid(Grid.margins(10, 20, 40, 10).containingLabels())
                .xAxis(Axis.category(categories).labels(AxisLabel.rotated(categories.size() > 12 ? 45 : 0)))
                .yAxis(max == null ? y : y.max(max));
    }

    private static Double percent(Share s) {
        return s == null || !s.defined() ? null : round(s.value() * 100, 2);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
