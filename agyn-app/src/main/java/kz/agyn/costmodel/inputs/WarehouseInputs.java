package kz.agyn.costmodel.inputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.agyn.costmodel.Distribution;
import kz.agyn.costmodel.EducationLevel;
import kz.agyn.costmodel.OccupationMix;
import kz.agyn.costmodel.Parameter;
import kz.agyn.costmodel.ParameterSet;
import kz.agyn.costmodel.Source;
import kz.agyn.kernel.Period;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * The model's default parameters with the figures the indicator warehouse holds put in place of the documented
 * defaults of {@code costmodel/defaults.properties}:
 * <ul>
 *   <li>{@code emigrants_bachelor}, {@code emigrants_master}, {@code emigrants_phd}: national EMIGRANTS at ISCED
 *       6, 7 and 8 (every other dimension at its total), all three from one published (not synthetic) dataset and
 *       period that hold all three, the latest period. Synthetic counts are never taken (issue 15): the headline
 *       once priced the invented 2024 demonstration series, and invented emigrants must not stand in for the
 *       documented defaults, which rest on the note's published 31,287. The synthetic counts survive only in the
 *       named scenario {@code note_25bn}, labelled as such. The range runs from the figure to the figure with the emigrants of unknown education
 *       (ISCED {@code _U}) shared out like those whose education is known, {@code figure × total / known}: the
 *       registered figure is a floor, and the unknown are the one gap the data show. Without an unknown count
 *       the figure is fixed.</li>
 *   <li>{@code pay_highly_skilled}: national WAGE_AVG, KZT a month, of ISCO-08 major group 2 (professionals), or
 *       failing that of sub-major group 23 (teaching professionals, the note's university teachers, on which the
 *       documented default already rests), latest period; a published figure of either before a synthetic one.
 *       Its range is the documented one, widened to take in the figure if it falls outside.</li>
 *   <li>The occupations of the breakdown by occupation ({@link Occupations}): the pay of every ISCO-08 major
 *       group and each group's share of each level's emigrants, from a cross-table of emigrants by occupation
 *       and education.</li>
 * </ul>
 * Published (non-synthetic) data come before synthetic wherever both hold an input, whatever their periods; then
 * the latest period; then the dataset code, so the choice never depends on the order of rows.
 *
 * <p>Not replaced: {@code emigrants_school} stays 0 by its documented assumption (brain drain counts the
 * tertiary educated), and the model has no level for short-cycle tertiary (ISCED 5), so those emigrants are not
 * priced; {@code pay_school} waits for pay by education level, which the warehouse does not hold.
 */
@Component
public class WarehouseInputs {

    static final String EMIGRANTS = "EMIGRANTS";
    static final String WAGE = "WAGE_AVG";
    static final String COUNTRY = "000000000";
    static final String TOTAL = "_T";
    static final String UNKNOWN = "_U";
    /** ISCO-08 codes for the highly skilled's pay, in order of preference; see the class comment. */
    static final List<String> PAY_OCCUPATIONS = List.of("2", "23");
    static final String PAY_HIGHLY_SKILLED = "pay_highly_skilled";

    private final Warehouse warehouse;

    public WarehouseInputs(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * The parameters, and for each code taken from the warehouse the figure it came from; and the occupations the
     * breakdown by occupation prices (see {@link #occupations}).
     */
    public record Inputs(ParameterSet parameters, Map<String, WarehouseFigure> figures, Occupations occupations) {

        public Inputs {
            figures = Map.copyOf(figures);
        }

        /** The warehouse figure behind a parameter, or null when it is the documented default. */
        public WarehouseFigure figure(String code) {
            return figures.get(code);
        }
    }

    /** The documented defaults with every figure the warehouse holds in place; see the class comment. */
    public Inputs defaults() {
        ParameterSet defaults = ParameterSet.defaults();
        Map<String, DatasetInfo> datasets = new HashMap<>();
        warehouse.datasets().forEach(d -> datasets.put(d.code(), d));
        Map<String, WarehouseFigure> figures = new LinkedHashMap<>();
        emigrants(datasets).forEach((level, figure) -> figures.put("emigrants_" + level.key(), figure));
        Map<String, WarehouseFigure> wages = wages(datasets);
        pay(wages).ifPresent(figure -> figures.put(PAY_HIGHLY_SKILLED, figure));

        List<Parameter> parameters = new ArrayList<>();
        for (Parameter p : defaults.parameters()) {
            WarehouseFigure f = figures.get(p.code());
            parameters.add(f == null ? p : replaced(p, f));
        }
        WarehouseFigure levels = figures.get("emigrants_" + EducationLevel.BACHELOR.key());
        return new Inputs(ParameterSet.of(parameters), figures, occupations(datasets, wages, levels));
    }

    /**
     * What the breakdown by occupation needs: for each ISCO-08 major group and the unknown, its pay and its share
     * of each education level's emigrants.
     *
     * @param mix   one entry per occupation in {@link #OCCUPATIONS} order; pay null where the warehouse has none
     * @param pay   for each occupation code with a pay figure, that figure
     * @param cross where the shares come from: the cross-table of emigrants by occupation and education, or null
     *              when the warehouse holds none and the mix carries no shares
     */
    public record Occupations(List<OccupationMix> mix, Map<String, WarehouseFigure> pay, CrossTable cross) {

        public Occupations {
            mix = List.copyOf(mix);
            pay = Map.copyOf(pay);
        }
    }

    /**
     * The cross-table of emigrants by occupation and education the shares come from.
     *
     * @param byOccupation the table's persons by occupation code, over every education level
     */
    public record CrossTable(Names indicatorName, String period, String dataset, Names title, String publisher,
                             int version, boolean synthetic, Map<String, Double> byOccupation) {

        public CrossTable {
            byOccupation = Map.copyOf(byOccupation);
        }
    }

    /** ISCO-08 major groups in the order of the classification, then the unknown. */
    public static final List<String> OCCUPATIONS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", UNKNOWN);

    /**
     * The occupations' pay and mix. Pay: national WAGE_AVG of the major group (every other dimension total);
     * published figures first, then the latest period. Shares: national EMIGRANTS by major group × ISCED level,
     * from the period and dataset of the emigrants by level where the warehouse has the cross-table there, else
     * from the latest; the share of occupation j in level L is n(j, L) / Σ_j n(j, L), the unknown occupation
     * included, so that every level's emigrants are shared out in full. A level the table has no one at goes
     * wholly to the unknown occupation, which is what it is.
     */
    private Occupations occupations(Map<String, DatasetInfo> datasets, Map<String, WarehouseFigure> wages,
                                    WarehouseFigure levels) {
        Map<String, WarehouseFigure> pay = new LinkedHashMap<>();
        for (String code : OCCUPATIONS) {
            if (wages.containsKey(code)) {
                pay.put(code, wages.get(code));
            }
        }
        Map<Dimension, String> filters = national(Dimension.COUNTRY, Dimension.SEX, Dimension.AGE);
        filters.put(Dimension.FLOW, "EMI");
        // (dataset, period) → occupation → ISCED → persons
        Map<List<String>, Map<String, Map<String, Double>>> tables = new LinkedHashMap<>();
        for (Observation o : all(EMIGRANTS, filters)) {
            if (o.occupation().equals(TOTAL) || o.education().equals(TOTAL) || !datasets.containsKey(o.dataset())) {
                continue;
            }
            tables.computeIfAbsent(List.of(o.dataset(), o.period()), k -> new HashMap<>())
                    .computeIfAbsent(o.occupation(), k -> new HashMap<>())
                    .merge(o.education(), o.scaledValue().doubleValue(), Double::sum);
        }
        Comparator<List<String>> order = publishedThenLatest(datasets);
        Optional<List<String>> chosen = tables.keySet().stream()
                .min(Comparator.comparing((List<String> k) -> levels == null || !k.get(1).equals(levels.period()))
                        .thenComparing(order));
        List<OccupationMix> mix = new ArrayList<>();
        if (chosen.isEmpty()) {
            OCCUPATIONS.forEach(code -> mix.add(new OccupationMix(code, value(pay.get(code)), List.of())));
            return new Occupations(mix, pay, null);
        }
        Map<String, Map<String, Double>> table = tables.get(chosen.get());
        double[] levelSums = new double[EducationLevel.values().length];
        for (EducationLevel l : EducationLevel.values()) {
            for (String code : OCCUPATIONS) {
                levelSums[l.ordinal()] += table.getOrDefault(code, Map.of()).getOrDefault(l.isced(), 0.0);
            }
        }
        Map<String, Double> byOccupation = new LinkedHashMap<>();
        for (String code : OCCUPATIONS) {
            Map<String, Double> row = table.getOrDefault(code, Map.of());
            byOccupation.put(code, row.values().stream().mapToDouble(Double::doubleValue).sum());
            List<Double> shares = new ArrayList<>();
            for (EducationLevel l : EducationLevel.values()) {
                double sum = levelSums[l.ordinal()];
                shares.add(sum > 0 ? row.getOrDefault(l.isced(), 0.0) / sum : code.equals(UNKNOWN) ? 1.0 : 0.0);
            }
            mix.add(new OccupationMix(code, value(pay.get(code)), shares));
        }
        String dataset = chosen.get().get(0);
        DatasetInfo info = datasets.get(dataset);
        return new Occupations(mix, pay, new CrossTable(name(EMIGRANTS), chosen.get().get(1), dataset, info.title(),
                info.publisher(), info.currentVersion() == null ? 0 : info.currentVersion(), info.synthetic(),
                byOccupation));
    }

    private static Double value(WarehouseFigure f) {
        return f == null ? null : f.value();
    }

    private static Parameter replaced(Parameter p, WarehouseFigure f) {
        double v = f.value();
        double low;
        double high;
        if (f.indicator().equals(EMIGRANTS)) {
            low = v;
            high = Math.round(f.withUnknownShared());
        } else {
            low = Math.min(p.low(), v);
            high = Math.max(p.high(), v);
        }
        Distribution distribution = high > low ? Distribution.TRIANGULAR : Distribution.FIXED;
        // Synthetic figures are not published by anyone, so they are flagged like any other guess. The bounds of an
        // override widen to take in a figure beyond them: the data outrank the guess that set the bounds.
        return new Parameter(p.code(), p.unit(), v, low, high, distribution, new Source(citation(f), null),
                f.synthetic(), Math.min(p.min(), low), Math.max(p.max(), high));
    }

    /** The citation in English, as the defaults file has it; the page words it in the reader's language. */
    static String citation(WarehouseFigure f) {
        String code = f.dimension().equals("ISCED") ? "ISCED " + f.code() : "ISCO-08 " + f.code();
        return "Indicator warehouse: " + f.indicator() + ", " + code + ", Kazakhstan, " + f.period() + "; dataset "
                + f.dataset() + " (" + f.title().en() + "), " + f.publisher() + ", version " + f.version()
                + (f.synthetic() ? "; SYNTHETIC, not official statistics" : "") + ".";
    }

    /**
     * Emigrants at ISCED 6, 7 and 8 from the latest period and dataset that hold all three, each with the total
     * and the unknown of that period and dataset where it holds them.
     */
    private Map<EducationLevel, WarehouseFigure> emigrants(Map<String, DatasetInfo> datasets) {
        Map<Dimension, String> filters = national(Dimension.OCCUPATION, Dimension.COUNTRY, Dimension.SEX,
                Dimension.AGE);
        filters.put(Dimension.FLOW, "EMI");
        List<Observation> rows = all(EMIGRANTS, filters);
        // (dataset, period) → education code → persons
        Map<List<String>, Map<String, Double>> byGroup = new LinkedHashMap<>();
        for (Observation o : rows) {
            byGroup.computeIfAbsent(List.of(o.dataset(), o.period()), k -> new HashMap<>())
                    .put(o.education(), o.scaledValue().doubleValue());
        }
        List<EducationLevel> levels = List.of(EducationLevel.BACHELOR, EducationLevel.MASTER, EducationLevel.PHD);
        Optional<List<String>> chosen = byGroup.entrySet().stream()
                .filter(e -> levels.stream().allMatch(l -> e.getValue().containsKey(l.isced())))
                .map(Map.Entry::getKey).filter(k -> datasets.containsKey(k.get(0)))
                .filter(k -> !datasets.get(k.get(0)).synthetic())
                .min(publishedThenLatest(datasets));
        Map<EducationLevel, WarehouseFigure> out = new EnumMap<>(EducationLevel.class);
        if (chosen.isEmpty()) {
            return out;
        }
        String dataset = chosen.get().get(0);
        String period = chosen.get().get(1);
        Map<String, Double> counts = byGroup.get(chosen.get());
        Double total = counts.get(TOTAL);
        Double unknown = counts.get(UNKNOWN);
        int version = version(rows, dataset);
        Names indicatorName = name(EMIGRANTS);
        DatasetInfo info = datasets.get(dataset);
        for (EducationLevel l : levels) {
            out.put(l, new WarehouseFigure(EMIGRANTS, indicatorName, "ISCED", l.isced(), period, dataset,
                    info.title(), info.publisher(), version, info.synthetic(), counts.get(l.isced()), unknown, total));
        }
        return out;
    }

    /**
     * The highly skilled's pay: the first of {@link #PAY_OCCUPATIONS} with a published figure, else the first with
     * a synthetic one. Published before synthetic comes first, so that the note's real pay of university teachers
     * is not displaced by an invented figure for all professionals.
     */
    private static Optional<WarehouseFigure> pay(Map<String, WarehouseFigure> wages) {
        List<WarehouseFigure> found = PAY_OCCUPATIONS.stream().map(wages::get).filter(f -> f != null).toList();
        return found.stream().filter(f -> !f.synthetic()).findFirst().or(() -> found.stream().findFirst());
    }

    /**
     * National WAGE_AVG of every occupation code the warehouse holds, every other dimension total, read in one
     * query; for each code, published figures first, then the latest.
     */
    private Map<String, WarehouseFigure> wages(Map<String, DatasetInfo> datasets) {
        Map<Dimension, String> filters = national(Dimension.EDUCATION, Dimension.COUNTRY, Dimension.SEX,
                Dimension.AGE);
        Comparator<List<String>> order = publishedThenLatest(datasets);
        Map<String, Observation> best = new HashMap<>();
        for (Observation o : all(WAGE, filters)) {
            if (!datasets.containsKey(o.dataset()) || o.occupation().equals(TOTAL)) {
                continue;
            }
            best.merge(o.occupation(), o, (a, b) -> order.compare(List.of(a.dataset(), a.period()),
                    List.of(b.dataset(), b.period())) <= 0 ? a : b);
        }
        Map<String, WarehouseFigure> wages = new HashMap<>();
        best.forEach((code, o) -> {
            DatasetInfo info = datasets.get(o.dataset());
            wages.put(code, new WarehouseFigure(WAGE, name(WAGE), "ISCO", code, o.period(), o.dataset(),
                    info.title(), info.publisher(), o.version(), info.synthetic(), o.scaledValue().doubleValue(),
                    null, null));
        });
        return wages;
    }

    /** Latest period first; then published before synthetic data; then by dataset code. */
    /**
     * (dataset, period) keys ordered published data first, then latest period: a synthetic series must never
     * displace a published figure by reaching a later year, since the model would then price invented emigrants.
     */
    private static Comparator<List<String>> publishedThenLatest(Map<String, DatasetInfo> datasets) {
        return Comparator.comparing((List<String> k) -> datasets.get(k.get(0)).synthetic())
                .thenComparing(latestFirst(datasets));
    }

    private static Comparator<List<String>> latestFirst(Map<String, DatasetInfo> datasets) {
        Comparator<List<String>> byPeriod = Comparator.comparing(k -> Period.parse(k.get(1)).start());
        return byPeriod.reversed()
                .thenComparing(k -> datasets.get(k.get(0)).synthetic())
                .thenComparing(k -> k.get(0));
    }

    /** Filters for national figures with each of {@code totals} at its total; the caller adds the rest. */
    private static Map<Dimension, String> national(Dimension... totals) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        filters.put(Dimension.REGION, COUNTRY);
        for (Dimension d : totals) {
            filters.put(d, TOTAL);
        }
        return filters;
    }

    private List<Observation> all(String indicator, Map<Dimension, String> filters) {
        List<Observation> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Observation> batch = warehouse.observations(new ObservationQuery(indicator, filters, null, null,
                    null, null, page, ObservationQuery.MAX_PAGE_SIZE));
            rows.addAll(batch);
            if (batch.size() < ObservationQuery.MAX_PAGE_SIZE) {
                return rows;
            }
        }
    }

    private static int version(List<Observation> rows, String dataset) {
        return rows.stream().filter(o -> o.dataset().equals(dataset)).mapToInt(Observation::version).findFirst()
                .orElseThrow();
    }

    private Names name(String indicator) {
        return warehouse.indicator(indicator).map(i -> i.names()).orElse(new Names(indicator, indicator, indicator));
    }
}
