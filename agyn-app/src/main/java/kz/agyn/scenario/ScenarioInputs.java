package kz.agyn.scenario;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import kz.agyn.costmodel.CostModel;
import kz.agyn.costmodel.CostResult;
import kz.agyn.costmodel.EducationLevel;
import kz.agyn.costmodel.OccupationMix;
import kz.agyn.costmodel.inputs.WarehouseInputs;
import kz.agyn.scenario.internal.ScholarCounts;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * What a run feeds the engine, from Agyn's data: the synthetic population (every tertiary-educated worker as an
 * agent, one agent for {@code scale} persons), the context of the start year and the calibration targets. Where
 * the warehouse, the registry or the cost model hold a figure it is used; where they do not, a documented default
 * (decision 0036) is, and every input is returned as an {@link Assumption} that says which, for the results page.
 *
 * <p>Kept free of the engine's classes: the population is handed to an {@link AgentSink} one agent at a time, so
 * the engine's columnar builder fills without a second copy, and the context and targets are plain figures.
 */
@Service
public class ScenarioInputs {

    /** Tertiary-educated workers in Kazakhstan (issue 17's "about 2.5 million"); the warehouse has no count. */
    static final double SPECIALISTS = 2_500_000;
    /** ISCO-08 major groups 0..9: shares of tertiary-educated workers (default, decision 0036). */
    static final double[] ISCO_SHARES = {0.00, 0.10, 0.45, 0.20, 0.08, 0.10, 0.01, 0.03, 0.02, 0.01};
    /** ISCED 5..8 among them (default). */
    static final double[] ISCED_SHARES = {0.15, 0.65, 0.17, 0.03};
    /** Sectors of professionals (ISCO 2) and of the others, in {@link ScenarioLevers#SECTORS} order (default). */
    static final double[] SECTOR_PROFESSIONALS = {0.35, 0.40, 0.05, 0.20};
    static final double[] SECTOR_OTHERS = {0.35, 0.65, 0.0, 0.0};
    static final double FEMALE_SHARE = 0.55;
    static final double STUDIED_ABROAD = 0.05;
    /** The note's researchers' pay, KZT a month, which its first recommendation raises to 260,000. */
    static final double RESEARCHER_PAY = 200_000;
    static final double DEFAULT_PAY = 400_000;
    /** Pay relative to a bachelor's, by ISCED 5..8 (default). */
    static final double[] PAY_BY_ISCED = {0.85, 1.0, 1.15, 1.3};
    /** Pay abroad at PPP relative to the pay at home, where the warehouse has no pay abroad (default). */
    static final double ABROAD_RATIO = 2.5;
    static final double PPP_KZT_PER_DOLLAR = 200;
    static final double RESEARCH_BUDGET_KZT = 5e9;
    static final int RESEARCH_JOBS = 22_000;
    static final int PARTNERSHIPS = 10;
    static final double FAIRNESS = 0.5;
    static final double INCOME_TAX = 0.10;
    static final double GDP_KZT = 1.2e14;
    /** Emigrants with tertiary education a year, the note's 31,287, where the warehouse has none by level. */
    static final double EMIGRANTS = 31_287;
    /** Share of emigrants who come back within a year (default). */
    static final double RETURN_RATE = 0.05;
    /** Scholars who come back to work off their obligation: the note's 40%. */
    static final double SCHOLAR_RETURN_RATE = 0.40;
    /** Sampling errors of the targets (defaults): relative for the rates, absolute for the reasons' shares. */
    static final double RATE_RELATIVE_ERROR = 0.10;
    static final double REASON_SHARE_ERROR = 0.03;
    /** Table 1 of the note: why specialists leave. */
    static final Map<String, Double> REASONS = reasons();

    /** Obligation states in the engine's order. */
    public static final List<String> OBLIGATIONS = List.of("NONE", "STUDYING", "WORKING_OFF", "FULFILLED", "BREACH");

    /** Receives the agents one by one; indices as in {@link ScenarioLevers#SECTORS} and {@link #OBLIGATIONS}. */
    @FunctionalInterface
    public interface AgentSink {
        void add(int region, int age, char sex, int isced, int isco, int sector, double monthlyPayKzt,
                 boolean studiedAbroad, boolean abroad, int obligation, int workOffYearsLeft);
    }

    /** The context of the start year (the engine's Context, field by field). */
    public record ContextFigures(int startYear, double[] destinationPayPppByIsco, double researchBudgetKzt,
                                 double gdpKzt, int researchJobs, int partnerships, double fairnessIndex,
                                 double incomeTaxRate, double[] brainDrainCostPerEmigrantKzt) {
    }

    /**
     * The calibration targets: emigration a year as a share of the stock, by ISCO major group (0..9) and by ISCED
     * 5..8; the return rate; the reasons' shares (Table 1).
     */
    public record TargetFigures(double[] emigrationRateByIsco, double[] emigrationRateByIsced, double returnRate,
                                double scholarReturnRate, Map<String, Double> reasonShares,
                                double rateRelativeStandardError, double reasonShareStandardError) {
    }

    /** Everything read once for a run; {@link #generate} makes the agents from it. */
    public record Prepared(List<String> regions, double[] regionShares, double[] payByIsco,
                           List<ScholarCounts.Count> scholars, ContextFigures context, TargetFigures targets,
                           List<Assumption> assumptions) {
    }

    private final Warehouse warehouse;
    private final WarehouseInputs costInputs;
    private final ScholarCounts scholarCounts;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public ScenarioInputs(Warehouse warehouse, WarehouseInputs costInputs, ScholarCounts scholarCounts) {
        this(warehouse, costInputs, scholarCounts, Clock.systemUTC());
    }

    ScenarioInputs(Warehouse warehouse, WarehouseInputs costInputs, ScholarCounts scholarCounts, Clock clock) {
        this.warehouse = warehouse;
        this.costInputs = costInputs;
        this.scholarCounts = scholarCounts;
        this.clock = clock;
    }

    /** Reads the warehouse, the registry and the cost model. */
    public Prepared prepare() {
        List<Assumption> a = new ArrayList<>();
        Map<String, DatasetInfo> datasets = new LinkedHashMap<>();
        warehouse.datasets().forEach(d -> datasets.put(d.code(), d));

        // Regions: the population's shares of the latest period, published data before synthetic.
        Map<String, Double> population = latestByRegion("POPULATION", datasets, a);
        List<String> regions = new ArrayList<>(population.keySet());
        double[] regionShares;
        if (regions.isEmpty()) {
            regions = List.of("000000000");
            regionShares = new double[] {1};
            a.add(new Assumption("regionShares", Assumption.DEFAULT, null, false, null));
        } else {
            double sum = population.values().stream().mapToDouble(Double::doubleValue).sum();
            regionShares = population.values().stream().mapToDouble(v -> v / sum).toArray();
        }
        a.add(new Assumption("specialists", Assumption.DEFAULT, null, false, SPECIALISTS));
        a.add(new Assumption("iscoShares", Assumption.DEFAULT, null, false, null));
        a.add(new Assumption("iscedShares", Assumption.DEFAULT, null, false, null));
        a.add(new Assumption("sectorShares", Assumption.DEFAULT, null, false, null));
        a.add(new Assumption("ageSex", Assumption.DEFAULT, null, false, null));

        // Pay by occupation and the emigrants' occupations, as the cost model reads them.
        WarehouseInputs.Inputs cost = costInputs.defaults();
        double[] payByIsco = new double[10];
        Arrays.fill(payByIsco, DEFAULT_PAY);
        boolean anyPay = false;
        for (OccupationMix m : cost.occupations().mix()) {
            if (m.code().matches("\\d") && m.monthlyPay() != null) {
                payByIsco[Integer.parseInt(m.code())] = m.monthlyPay();
                anyPay = true;
            }
        }
        if (anyPay) {
            var f = cost.occupations().pay().values().iterator().next();
            a.add(new Assumption("payByIsco", Assumption.WAREHOUSE, f.dataset() + " v" + f.version(), f.synthetic(),
                    payByIsco[2]));
        } else {
            a.add(new Assumption("payByIsco", Assumption.DEFAULT, null, false, DEFAULT_PAY));
        }
        a.add(new Assumption("researcherPay", Assumption.NOTE, null, false, RESEARCHER_PAY));

        List<ScholarCounts.Count> scholars = scholarCounts.counts();
        long scholarCount = scholars.stream().mapToLong(ScholarCounts.Count::scholars).sum();
        a.add(new Assumption("scholars", Assumption.REGISTRY, null,
                !scholars.isEmpty() && scholars.stream().allMatch(ScholarCounts.Count::synthetic),
                (double) scholarCount));

        ContextFigures context = context(cost, payByIsco, datasets, a);
        TargetFigures targets = targets(cost, a);
        return new Prepared(List.copyOf(regions), regionShares, payByIsco, scholars, context, targets, List.copyOf(a));
    }

    private ContextFigures context(WarehouseInputs.Inputs cost, double[] payByIsco, Map<String, DatasetInfo> datasets,
                                   List<Assumption> a) {
        int startYear = LocalDate.now(clock).getYear();
        // Pay abroad: the note's US pay of university teachers (USD a year) at Kazakhstan's PPP, for
        // professionals; the other groups in proportion to their pay at home.
        Latest abroad = latest("WAGE_ABROAD", datasets, o -> true);
        Latest ppp = latest("PPP_FACTOR", datasets, o -> "KZ".equals(o.country()) || "KZ".equals(o.region()));
        double pppRate = ppp == null ? PPP_KZT_PER_DOLLAR : ppp.value;
        a.add(ppp == null ? new Assumption("pppKztPerDollar", Assumption.DEFAULT, null, false, PPP_KZT_PER_DOLLAR)
                : new Assumption("pppKztPerDollar", Assumption.WAREHOUSE, ppp.dataset, ppp.synthetic, pppRate));
        double[] dest = new double[10];
        if (abroad != null) {
            double professionalsAbroad = abroad.value * pppRate / 12;
            for (int g = 0; g < 10; g++) {
                dest[g] = professionalsAbroad * payByIsco[g] / payByIsco[2];
            }
            a.add(new Assumption("destinationPay", Assumption.WAREHOUSE, abroad.dataset, abroad.synthetic, dest[2]));
        } else {
            for (int g = 0; g < 10; g++) {
                dest[g] = payByIsco[g] * ABROAD_RATIO;
            }
            a.add(new Assumption("destinationPay", Assumption.DEFAULT, null, false, dest[2]));
        }
        Latest gdpUsd = latest("GDP_USD", datasets, o -> "KZ".equals(o.country()) || "KZ".equals(o.region())
                || "000000000".equals(o.region()));
        Latest rate = latest("EXCHANGE_RATE", datasets, o -> true);
        double gdp = GDP_KZT;
        if (gdpUsd != null && rate != null) {
            gdp = gdpUsd.value * rate.value;
            a.add(new Assumption("gdpKzt", Assumption.WAREHOUSE, gdpUsd.dataset + ", " + rate.dataset,
                    gdpUsd.synthetic || rate.synthetic, gdp));
        } else {
            a.add(new Assumption("gdpKzt", Assumption.DEFAULT, null, false, gdp));
        }
        a.add(new Assumption("researchBudgetKzt", Assumption.NOTE, null, false, RESEARCH_BUDGET_KZT));
        a.add(new Assumption("researchJobs", Assumption.DEFAULT, null, false, (double) RESEARCH_JOBS));
        a.add(new Assumption("partnerships", Assumption.NOTE, null, false, (double) PARTNERSHIPS));
        a.add(new Assumption("fairnessIndex", Assumption.DEFAULT, null, false, FAIRNESS));
        a.add(new Assumption("incomeTaxRate", Assumption.DEFAULT, null, false, INCOME_TAX));
        // The cost model's cost to the country of one emigrant by level; it has no short-cycle level (ISCED 5),
        // which is priced as a bachelor's.
        CostResult priced = CostModel.evaluate(cost.parameters());
        double bachelor = priced.level(EducationLevel.BACHELOR).perEmigrant().net();
        double[] perEmigrant = {bachelor, bachelor, priced.level(EducationLevel.MASTER).perEmigrant().net(),
                priced.level(EducationLevel.PHD).perEmigrant().net()};
        a.add(new Assumption("costPerEmigrant", Assumption.COST_MODEL, null, false, bachelor));
        return new ContextFigures(startYear, dest, RESEARCH_BUDGET_KZT, gdp, RESEARCH_JOBS, PARTNERSHIPS, FAIRNESS,
                INCOME_TAX, perEmigrant);
    }

    private TargetFigures targets(WarehouseInputs.Inputs cost, List<Assumption> a) {
        // Emigrants by level: the cost model's (the warehouse's published counts, else the note's defaults).
        double[] byLevel = {0, cost.parameters().value("emigrants_bachelor"),
                cost.parameters().value("emigrants_master"), cost.parameters().value("emigrants_phd")};
        double known = byLevel[1] + byLevel[2] + byLevel[3];
        if (!(known > 0)) {
            byLevel = new double[] {0, EMIGRANTS * 0.8, EMIGRANTS * 0.17, EMIGRANTS * 0.03};
            known = EMIGRANTS;
        }
        // Short-cycle tertiary (ISCED 5) leaves at the bachelor's rate (default: no count by that level).
        double[] isced = new double[4];
        for (int l = 1; l < 4; l++) {
            isced[l] = byLevel[l] / (SPECIALISTS * ISCED_SHARES[l]);
        }
        isced[0] = isced[1];
        a.add(new Assumption("emigrationByIsced", cost.figure("emigrants_bachelor") == null ? Assumption.NOTE
                : Assumption.WAREHOUSE, figureDataset(cost, "emigrants_bachelor"), false, known));
        double total = known + isced[0] * SPECIALISTS * ISCED_SHARES[0];
        double[] isco = new double[10];
        WarehouseInputs.CrossTable cross = cost.occupations().cross();
        if (cross != null) {
            double sum = 0;
            for (int g = 0; g < 10; g++) {
                sum += cross.byOccupation().getOrDefault(String.valueOf(g), 0.0);
            }
            for (int g = 0; g < 10; g++) {
                double stock = SPECIALISTS * ISCO_SHARES[g];
                isco[g] = stock > 0 && sum > 0
                        ? total * cross.byOccupation().getOrDefault(String.valueOf(g), 0.0) / sum / stock : 0;
            }
            a.add(new Assumption("emigrationByIsco", Assumption.WAREHOUSE, cross.dataset() + " v" + cross.version(),
                    cross.synthetic(), null));
        } else {
            Arrays.fill(isco, total / SPECIALISTS);
            a.add(new Assumption("emigrationByIsco", Assumption.DEFAULT, null, false, null));
        }
        a.add(new Assumption("returnRate", Assumption.DEFAULT, null, false, RETURN_RATE));
        a.add(new Assumption("scholarReturnRate", Assumption.NOTE, null, false, SCHOLAR_RETURN_RATE));
        a.add(new Assumption("reasonShares", Assumption.NOTE, null, false, null));
        // A rate the data do not give (no stock, no emigrants) is no target: NaN, as the engine takes it.
        for (int g = 0; g < isco.length; g++) {
            if (!(isco[g] > 0 && isco[g] < 1)) {
                isco[g] = Double.NaN;
            }
        }
        for (int l = 0; l < isced.length; l++) {
            if (!(isced[l] > 0 && isced[l] < 1)) {
                isced[l] = Double.NaN;
            }
        }
        return new TargetFigures(isco, isced, RETURN_RATE, SCHOLAR_RETURN_RATE, REASONS, RATE_RELATIVE_ERROR,
                REASON_SHARE_ERROR);
    }

    private static String figureDataset(WarehouseInputs.Inputs cost, String code) {
        var f = cost.figure(code);
        return f == null ? null : f.dataset() + " v" + f.version();
    }

    /**
     * Makes the agents: {@code SPECIALISTS / scale} workers in Kazakhstan drawn from the mixes, then the registry's
     * scholars, each count divided by the scale and rounded at random (so that 1:100 keeps the registry's mix on
     * average). The same seed makes the same population. Returns how many agents were made.
     */
    public static int generate(Prepared p, int scale, long seed, AgentSink sink) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5CE7A210L);
        int workers = (int) Math.round(SPECIALISTS / scale);
        double[] regionCdf = cdf(p.regionShares());
        double[] iscoCdf = cdf(ISCO_SHARES);
        double[] iscedCdf = cdf(ISCED_SHARES);
        double[] professionals = cdf(SECTOR_PROFESSIONALS);
        double[] others = cdf(SECTOR_OTHERS);
        for (int i = 0; i < workers; i++) {
            int region = pick(regionCdf, random.nextDouble());
            int isco = pick(iscoCdf, random.nextDouble());
            int isced = pick(iscedCdf, random.nextDouble());
            int sector = pick(isco == 2 ? professionals : others, random.nextDouble());
            // Ages 22 to 64, fewer at the ends (a triangle at 38).
            int age = 22 + (int) Math.round((random.nextDouble() + random.nextDouble()) * 21);
            char sex = random.nextDouble() < FEMALE_SHARE ? 'F' : 'M';
            double pay = sector >= 2 ? RESEARCHER_PAY * PAY_BY_ISCED[isced] / PAY_BY_ISCED[2]
                    : p.payByIsco()[isco] * PAY_BY_ISCED[isced];
            sink.add(region, age, sex, isced + 5, isco, sector, pay, random.nextDouble() < STUDIED_ABROAD, false,
                    0, 0);
        }
        int made = workers;
        for (ScholarCounts.Count c : p.scholars()) {
            double expected = (double) c.scholars() / scale;
            int n = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
            int isced = switch (c.degree()) {
                case "MASTER" -> 7;
                case "PHD" -> 8;
                default -> 6;
            };
            int obligation;
            boolean abroad;
            switch (c.state()) {
                // Abroad with the obligation ahead: the engine's STUDYING (work-off owed after return).
                case "STUDYING", "GRADUATED", "ABROAD_PERMITTED", "OVERDUE" -> { obligation = 1; abroad = true; }
                case "RETURNED", "WORKING_OFF" -> { obligation = 2; abroad = false; }
                case "FULFILLED" -> { obligation = 3; abroad = false; }
                case "IN_BREACH", "REPAYING" -> { obligation = 4; abroad = true; }
                default -> { obligation = 0; abroad = false; }
            }
            // 0 years owed is the engine's default term (the rules' years) for a scholar still abroad.
            int years = obligation == 2 ? Math.max(1, c.yearsLeft()) : obligation == 1 ? c.yearsLeft() : 0;
            for (int k = 0; k < n; k++) {
                int region = pick(regionCdf, random.nextDouble());
                int sector = pick(professionals, random.nextDouble());
                int age = 24 + random.nextInt(10);
                char sex = random.nextDouble() < FEMALE_SHARE ? 'F' : 'M';
                double pay = sector >= 2 ? RESEARCHER_PAY : p.payByIsco()[2] * PAY_BY_ISCED[isced - 5];
                sink.add(region, age, sex, isced, 2, sector, pay, true, abroad, obligation, years);
                made++;
            }
        }
        return made;
    }

    private static double[] cdf(double[] shares) {
        double[] c = new double[shares.length];
        double sum = Arrays.stream(shares).sum();
        double run = 0;
        for (int i = 0; i < shares.length; i++) {
            run += shares[i] / sum;
            c[i] = run;
        }
        c[c.length - 1] = 1;
        return c;
    }

    private static int pick(double[] cdf, double u) {
        for (int i = 0; i < cdf.length; i++) {
            if (u < cdf[i] && (i == 0 || cdf[i] > cdf[i - 1])) {
                return i;
            }
        }
        return cdf.length - 1;
    }

    private record Latest(double value, String dataset, boolean synthetic) {
    }

    /** The latest national figure of an indicator, published data first. */
    private Latest latest(String indicator, Map<String, DatasetInfo> datasets,
                          java.util.function.Predicate<Observation> which) {
        List<Observation> rows = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            List<Observation> got = warehouse.observations(new ObservationQuery(indicator,
                    new EnumMap<>(Dimension.class), null, null, null, null, null, page, ObservationQuery.MAX_PAGE_SIZE));
            rows.addAll(got);
            if (got.size() < ObservationQuery.MAX_PAGE_SIZE) {
                break;
            }
        }
        return rows.stream().filter(which).filter(o -> datasets.containsKey(o.dataset()))
                .min(Comparator.comparing((Observation o) -> datasets.get(o.dataset()).synthetic())
                        .thenComparing(Observation::period, Comparator.reverseOrder()))
                .map(o -> new Latest(o.scaledValue().doubleValue(), o.dataset() + " v" + o.version(),
                        datasets.get(o.dataset()).synthetic()))
                .orElse(null);
    }

    /** Each region's figure of the latest period of the chosen dataset (published before synthetic). */
    private Map<String, Double> latestByRegion(String indicator, Map<String, DatasetInfo> datasets,
                                               List<Assumption> a) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Dimension d : List.of(Dimension.OCCUPATION, Dimension.EDUCATION, Dimension.COUNTRY, Dimension.SEX,
                Dimension.AGE)) {
            filters.put(d, "_T");
        }
        List<Observation> rows = warehouse.observations(new ObservationQuery(indicator, filters, null, null, null,
                null, null, 0, ObservationQuery.MAX_PAGE_SIZE));
        Observation best = rows.stream()
                .filter(o -> datasets.containsKey(o.dataset()) && o.region() != null
                        && o.region().matches("\\d{9}") && !o.region().equals("000000000"))
                .min(Comparator.comparing((Observation o) -> datasets.get(o.dataset()).synthetic())
                        .thenComparing(Observation::period, Comparator.reverseOrder()))
                .orElse(null);
        Map<String, Double> out = new LinkedHashMap<>();
        if (best == null) {
            return out;
        }
        rows.stream().filter(o -> o.dataset().equals(best.dataset()) && o.period().equals(best.period())
                        && o.region().matches("\\d{9}") && !o.region().equals("000000000"))
                .sorted(Comparator.comparing(Observation::region))
                .forEach(o -> out.put(o.region(), o.scaledValue().doubleValue()));
        a.add(new Assumption("regionShares", Assumption.WAREHOUSE, best.dataset() + " v" + best.version() + ", "
                + best.period(), datasets.get(best.dataset()).synthetic(), null));
        return out;
    }

    private static Map<String, Double> reasons() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("PAY", 0.45);
        m.put("GROWTH", 0.25);
        m.put("SOCIO_POLITICAL", 0.15);
        m.put("RESEARCH", 0.10);
        m.put("LIVING", 0.05);
        return m;
    }
}
