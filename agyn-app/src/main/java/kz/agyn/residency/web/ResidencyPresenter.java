package kz.agyn.residency.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.platform.charts.ChartOption;
import kz.agyn.platform.charts.Point;
import kz.agyn.platform.charts.Series;
import kz.agyn.platform.charts.VisualMap;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.residency.MirrorStatistics;
import kz.agyn.residency.StoredCell;
import kz.agyn.residency.StoredFit;
import kz.agyn.residency.engine.Register;
import org.springframework.context.MessageSource;

/**
 * A run's stored aggregates as the page shows them: labelled in the reader's language, numbers in the reader's
 * style, counts of 1–4 persons written "<5" for those who may not see small cells (the interval of such a cell
 * too, since it would give the count away).
 */
final class ResidencyPresenter {

    /** The breakdowns in the order the page shows them. */
    static final List<String> DIMENSIONS = List.of("REGION", "AGE_GROUP", "SEX", "ISCED", "ISCO");

    private final MessageSource messages;
    private final Locale locale;
    private final Numbers numbers;
    private final ReferenceData reference;
    private final boolean smallCells;

    ResidencyPresenter(MessageSource messages, Locale locale, ReferenceData reference, boolean smallCells) {
        this.messages = messages;
        this.locale = locale;
        this.numbers = new Numbers(locale);
        this.reference = reference;
        this.smallCells = smallCells;
    }

    /**
     * One line of a breakdown: its label, the persons in it, the estimate of those who emigrated with its 95%
     * interval, those who deregistered, the hidden rest (estimate less deregistered), the uncertain, the rate per
     * 1,000 persons, and the truth where the country is synthetic.
     */
    record Row(String code, String label, String persons, String emigrated, String interval, String official,
               String hidden, String uncertain, String perThousand, String truth) {
    }

    /** A breakdown's table. */
    record Table(String dimension, String title, List<Row> rows) {
    }

    List<Table> tables(List<StoredCell> cells) {
        List<Table> tables = new ArrayList<>();
        for (String d : DIMENSIONS) {
            List<Row> rows = cells.stream().filter(c -> c.dimension().equals(d)).map(this::row).toList();
            if (!rows.isEmpty()) {
                tables.add(new Table(d, msg("residency.page.by." + d), rows));
            }
        }
        return tables;
    }

    Row total(List<StoredCell> cells) {
        return cells.stream().filter(c -> c.dimension().equals("TOTAL")).findFirst().map(this::row).orElse(null);
    }

    Row row(StoredCell c) {
        boolean hideEstimate = small(c.emigrated());
        long hidden = c.hidden();
        return new Row(c.code(), label(c.dimension(), c.code()), count(c.persons()), count(c.emigrated()),
                hideEstimate ? "" : numbers.range(Math.max(0, c.low()), c.high(), Decimals.exactly(0)),
                count(c.official()), count(hidden), count(c.uncertain()),
                c.persons() == 0 || hideEstimate ? "—"
                        : numbers.number(1000.0 * c.emigrated() / c.persons(), Decimals.exactly(1)),
                c.truth() == null ? "" : count(c.truth()));
    }

    /** The calibration's register weights with their standard errors, in register order. */
    record Weight(String register, String weight, String standardError) {
    }

    List<Weight> weights(StoredFit fit) {
        List<Weight> rows = new ArrayList<>();
        double[] w = fit.weights();
        double[] se = fit.standardErrors();
        Register[] registers = Register.values();
        for (int i = 0; i < w.length && i < registers.length; i++) {
            rows.add(new Weight(msg("residency.register." + registers[i].name()),
                    numbers.number(w[i], Decimals.exactly(3)),
                    i + 1 < se.length ? numbers.number(se[i + 1], Decimals.exactly(3)) : ""));
        }
        return rows;
    }

    String fitLine(StoredFit fit) {
        return messages.getMessage("residency.page.fitLine", new Object[] {numbers.number(fit.present(),
                Decimals.exactly(0)), numbers.number(fit.abroad(), Decimals.exactly(0)),
                numbers.number(fit.logLikelihood(), Decimals.exactly(1)),
                numbers.number(fit.pseudoR2(), Decimals.exactly(3)),
                numbers.number(fit.auc(), Decimals.exactly(4))}, locale);
    }

    String share(Double value) {
        return value == null ? "—" : numbers.percent(100 * value, Decimals.exactly(1));
    }

    /**
     * The estimate of emigrants per 1,000 persons by region on the map of Kazakhstan; a region whose count is
     * hidden from the reader has no value. Null when the run has no regional figures.
     */
    ChartOption map(List<StoredCell> cells) {
        List<Point> data = new ArrayList<>();
        double max = 0;
        for (StoredCell c : cells) {
            if (c.dimension().equals("REGION") && !c.code().equals("?") && c.persons() > 0 && !small(c.emigrated())) {
                double rate = Math.round(10_000.0 * c.emigrated() / c.persons()) / 10.0;
                data.add(Point.named(c.code() + "0000000", rate));
                max = Math.max(max, rate);
            }
        }
        if (data.isEmpty()) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Region r : reference.currentRegions()) {
            names.put(r.kato(), r.names().in(locale));
        }
        String unit = msg("residency.page.perThousand");
        return new ChartOption().visualMap(VisualMap.shading(max > 0 ? max : 1, unit))
                .series(Series.regions(data).unit(unit)).regionNames(names);
    }

    /** A destination in a year: its recorded arrivals from Kazakhstan beside the official emigration to it. */
    record MirrorRow(String country, String period, String inflow, String inflowStatus, boolean inflowNotChecked,
                     String official, boolean officialSynthetic, String gap) {
    }

    List<MirrorRow> mirror(List<MirrorStatistics.Row> rows) {
        return rows.stream().map(r -> new MirrorRow(countryName(r.country()), r.period(),
                count(r.inflow().persons()), "A".equals(r.inflow().status()) ? "" : r.inflow().status(),
                r.inflow().notChecked(), r.official() == null ? "—" : count(r.official().persons()),
                r.official() != null && r.official().synthetic(),
                r.gap().map(g -> small(Math.abs(g)) ? "<5" : numbers.number(g, Decimals.exactly(0))).orElse("—")))
                .toList();
    }

    String split(MirrorStatistics.Split s) {
        return messages.getMessage("residency.mirror.split", new Object[] {s.period(), s.countries(),
                count(s.inflow()), count(s.official()), numbers.number(s.gap(), Decimals.exactly(0)),
                numbers.number(s.hiddenPerOfficial(), Decimals.exactly(2)), numbers.number(s.missed(),
                Decimals.exactly(0)), numbers.number(s.unexplained(), Decimals.exactly(0))}, locale);
    }

    /** A source line: title, publisher, licence, and whether it is synthetic or not checked. */
    String source(DatasetInfo d) {
        String line = (d.title() == null ? d.code() : d.title().in(locale)) + " — " + (d.publisher() == null ? ""
                : d.publisher()) + ", " + msg("explore.licence") + ": " + (d.licence() == null
                ? msg("explore.licenceUnknown") : d.licence());
        return d.synthetic() ? line + " (" + msg("residency.mirror.synthetic") + ")" : line;
    }

    private String countryName(String iso2) {
        return reference.country(iso2).map(c -> c.names().in(locale)).orElse(iso2);
    }

    private String label(String dimension, String code) {
        if (code.equals("?")) {
            return msg("residency.page.unknown");
        }
        return switch (dimension) {
            case "TOTAL" -> msg("residency.page.total");
            case "REGION" -> reference.currentRegions().stream().filter(r -> r.kato().startsWith(code))
                    .filter(r -> r.kato().endsWith("0000000")).findFirst().map(r -> r.names().in(locale))
                    .orElse(code);
            case "AGE_GROUP" -> code.replace("-", Numbers.DASH);
            case "SEX" -> msg("residency.page.sex." + code);
            case "ISCED" -> reference.educationLevels().stream().filter(l -> l.code().equals(code)).findFirst()
                    .map(l -> code + " " + l.names().in(locale)).orElse("ISCED " + code);
            case "ISCO" -> reference.occupations().stream().filter(o -> o.code().equals(code)).findFirst()
                    .map(o -> code + " " + o.names().in(locale)).orElse("ISCO " + code);
            default -> code;
        };
    }

    private String count(long n) {
        return small(n) ? "<5" : numbers.number(n, Decimals.exactly(0));
    }

    private boolean small(long n) {
        return !smallCells && n >= 1 && n <= 4;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
