package kz.agyn.warehouse;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import kz.agyn.kernel.Period;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.cache.Caches;
import kz.agyn.platform.cache.PerGeneration;
import kz.agyn.warehouse.metrics.DocquierMarfouk;
import kz.agyn.warehouse.metrics.Growth;
import kz.agyn.warehouse.metrics.KnownShare;
import kz.agyn.warehouse.metrics.Metric;
import kz.agyn.warehouse.metrics.NetMigration;
import kz.agyn.warehouse.metrics.Pay;
import kz.agyn.warehouse.metrics.PayGap;
import kz.agyn.warehouse.metrics.PayPeriod;
import kz.agyn.warehouse.metrics.Peer;
import kz.agyn.warehouse.metrics.RdIntensity;
import kz.agyn.warehouse.metrics.Shares;
import kz.agyn.warehouse.metrics.Weighting;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Computes the brain-drain metrics of {@link Metric} from the observations in the warehouse. The arithmetic
 * lives in {@code kz.agyn.warehouse.metrics}, where each formula is documented and tested; this class finds the
 * inputs and says where each came from (docs/decisions/0025-metric-inputs-one-explicit-selection.md):
 * <ul>
 *   <li>one <em>preference order</em> of datasets per input, fixed from the whole series and never from the years
 *       asked for, so that a year's value does not change with the window: the user's list when given, otherwise
 *       published before synthetic, then the dataset with more periods, then the code;</li>
 *   <li>each value takes its inputs from the first dataset in that order that holds them, one dataset for inputs
 *       that must agree (a series and its earlier value, immigrants and emigrants), and names the dataset of every
 *       input with the value ({@link MetricResult.Point#sources()});</li>
 *   <li>every period with data but no value is listed in {@code missing} with the reason, in the user's
 *       language;</li>
 *   <li>an input outside its domain (a PPP factor of 0, a negative count) is the user's data to correct: a 400 that
 *       names it, never a 500.</li>
 * </ul>
 */
@Service
public class MetricsService {

    /** The comparison group of the R&amp;D metrics: the countries listed, or those of nearest income. */
    public static final String PEERS_LISTED = "listed";
    public static final String PEERS_INCOME = "income";

    private static final List<String> DEFAULT_PEERS = List.of("KR", "JP", "DE", "US");
    private static final String WHOLE_COUNTRY = "000000000";
    private static final int MAX_WINDOW = 50;

    /**
     * What to compute a metric over. {@code dataset}: one dataset code, or several separated by commas, the order of
     * preference (only those are read). {@code occupation} (ISCO-08) narrows the pay gap to one profession, as the
     * note compares university teachers; absent, the all-occupation averages are compared. {@code peerGroup}:
     * {@link #PEERS_LISTED} (default) or {@link #PEERS_INCOME}.
     */
    public record Selection(String region, String from, String to, String dataset, String indicator,
                            String country, String occupation, List<String> peers, int window, String peerGroup) {

        public Selection(String region, String from, String to, String dataset, String indicator, String country,
                         String occupation, List<String> peers, int window) {
            this(region, from, to, dataset, indicator, country, occupation, peers, window, null);
        }
    }

    private final Warehouse warehouse;
    private final MessageSource messages;
    /** Results kept per change of the warehouse and reference data (decision 0042); a refusal is never kept. */
    private final PerGeneration<Computed, MetricResult> results;

    private record Computed(Metric metric, Selection selection, Locale locale, boolean seesSmallCells) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    public MetricsService(Warehouse warehouse, MessageSource messages, Caches caches) {
        this.warehouse = warehouse;
        this.messages = messages;
        this.results = caches.perGeneration(2_000, Caches.WAREHOUSE, Caches.REFERENCE);
    }

    /** Computing every time, over a warehouse whose changes no data generation records (a test's rows in memory). */
    public MetricsService(Warehouse warehouse, MessageSource messages) {
        this.warehouse = warehouse;
        this.messages = messages;
        this.results = null;
    }

    public Optional<Metric> metric(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Metric m : Metric.values()) {
            if (m.key().equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The metric over the selection. {@code seesSmallCells} false (a viewer, see {@link Disclosure}) applies the
     * small-cell rule of the published aggregates: every input that counts persons and is 1–4 is withheld (null),
     * and so is the value computed from it, since the value with the other inputs would give the count back; the
     * point says {@code suppressed}. Balances and ratios computed only from larger counts are shown.
     *
     * @throws UserException (a 400) for a selection that cannot be read, or an input outside its domain
     */
    public MetricResult compute(Metric metric, Selection s, Locale locale, boolean seesSmallCells) {
        return results == null ? computeNow(metric, s, locale, seesSmallCells)
                : results.get(new Computed(metric, s, locale, seesSmallCells),
                        () -> computeNow(metric, s, locale, seesSmallCells));
    }

    private MetricResult computeNow(Metric metric, Selection s, Locale locale, boolean seesSmallCells) {
        Run run = new Run(s, locale);
        List<MetricResult.Point> all;
        try {
            all = points(metric, run);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // The formulas refuse values no correct data can hold; the reading above names most of them by unit,
            // and this catches the rest so that the user reads what to correct instead of an error page.
            throw new UserException(UserException.Kind.INVALID, "metric.badData",
                    messages.getMessage(metric.nameKey(), null, metric.key(), locale), e.getMessage());
        }
        // Computed over the whole series, shown for the years asked for: a value never depends on the window.
        List<MetricResult.Point> points = all.stream().filter(p -> run.within(Period.parse(p.period()))).toList();
        List<String> missing = run.missing.entrySet().stream().filter(e -> e.getKey() == null || run.within(e.getKey()))
                .flatMap(e -> e.getValue().stream()).distinct().toList();
        Set<String> counts = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Set<String> datasets = new LinkedHashSet<>();
        for (MetricResult.Point p : points) {
            counts.addAll(run.counts.getOrDefault(p.period(), Set.of()));
            p.sources().values().forEach(v -> {
                sources.add(v.split(" · ")[0]);
                datasets.add(v.split(" ")[0]);
            });
        }
        List<MetricResult.Point> shown = seesSmallCells ? points
                : points.stream().map(p -> suppress(p, counts)).toList();
        int suppressed = (int) shown.stream().filter(MetricResult.Point::suppressed).count();
        // An input still read from synthetic demonstration data is named, so the page can say so beside the figure.
        Map<String, Boolean> synthetic = synthetic();
        List<String> syntheticSources = datasets.stream().filter(d -> synthetic.getOrDefault(d, false)).toList();
        return new MetricResult(metric.key(), messages.getMessage(metric.nameKey(), null, metric.key(), locale),
                metric.formula().expression(), messages.getMessage(metric.formulaKey(), null, "", locale),
                metric.unit().name(), metric.reference(), run.region, shown, List.copyOf(sources),
                missing, List.copyOf(counts), suppressed, syntheticSources, run.preference(),
                List.copyOf(run.notes));
    }

    private List<MetricResult.Point> points(Metric metric, Run run) {
        return switch (metric) {
            case GROWTH_RATE -> growth(run);
            case COMPOUND_ANNUAL_GROWTH_RATE -> cagr(run);
            case HIGHLY_SKILLED_SHARE, UNKNOWN_EDUCATION_SHARE -> known(run, Dimension.EDUCATION,
                    metric == Metric.HIGHLY_SKILLED_SHARE);
            case INTELLECTUAL_PROFESSIONS_SHARE, UNKNOWN_OCCUPATION_SHARE -> known(run, Dimension.OCCUPATION,
                    metric == Metric.INTELLECTUAL_PROFESSIONS_SHARE);
            case DOCQUIER_MARFOUK_RATE -> docquierMarfouk(run);
            case EMIGRATION_STOCK_RATE -> emigrationStockRate(run);
            case SKILLED_OUTFLOW_RATE -> skilledOutflow(run);
            case NET_MIGRATION, NET_MIGRATION_RATE, NET_MIGRATION_RATE_AVERAGE_POPULATION -> net(metric, run);
            case PAY_GAP_NOMINAL, PAY_GAP_PPP -> payGap(metric, run);
            case RD_GAP, RD_RATIO, RD_GAP_GDP_WEIGHTED, RD_RATIO_GDP_WEIGHTED -> rd(metric, run);
            case SHARE, RD_INTENSITY -> {
                run.missingAll("metric.notFromData");
                yield List.of();
            }
        };
    }

    /** The point with its small counts and its value withheld, or as it is when it has none. */
    private static MetricResult.Point suppress(MetricResult.Point p, Set<String> counts) {
        Map<String, BigDecimal> inputs = new LinkedHashMap<>(p.inputs());
        boolean hide = false;
        for (Map.Entry<String, BigDecimal> e : inputs.entrySet()) {
            if (counts.contains(e.getKey()) && Disclosure.suppressed("PERSONS", e.getValue())) {
                e.setValue(null);
                hide = true;
            }
        }
        return hide ? new MetricResult.Point(p.period(), null, inputs, true, p.sources()) : p;
    }

    // --- the metrics ----------------------------------------------------------------------------------------

    private List<MetricResult.Point> growth(Run run) {
        String indicator = run.s.indicator() == null ? "EMIGRANTS" : run.s.indicator().trim();
        if (warehouse.indicator(indicator).isEmpty()) {
            throw new UserException(UserException.Kind.INVALID, "metric.unknownIndicator", indicator);
        }
        Input in = run.read(indicator, run.region, Map.of());
        if (in.isEmpty()) {
            run.missingAll("metric.missing.noData", indicator);
        }
        Map<Period, MetricResult.Point> out = new TreeMap<>();
        Map<Period, String[]> why = new TreeMap<>();
        for (String ds : run.order(in)) {
            TreeMap<Period, Val> series = in.series(ds);
            // A series has one frequency: a quarter stored among years would make a growth over three months look
            // like a year's; it is left out, and said so.
            Period.Frequency main = mainFrequency(series.keySet());
            List<Period> periods = new ArrayList<>();
            for (Period p : series.keySet()) {
                if (p.frequency() == main) {
                    periods.add(p);
                } else if (!out.containsKey(p)) {
                    why.putIfAbsent(p, new String[] {"metric.missing.otherFrequency", ds});
                }
            }
            List<Integer> gaps = new ArrayList<>();
            for (int i = 1; i < periods.size(); i++) {
                gaps.add(gap(periods.get(i - 1), periods.get(i)));
            }
            int step = Growth.step(gaps);
            for (int i = 1; i < periods.size(); i++) {
                Period at = periods.get(i);
                if (out.containsKey(at)) {
                    continue;
                }
                if (gaps.get(i - 1) != step) {
                    why.putIfAbsent(at, new String[] {"metric.missing.gap", ds, periods.get(i - 1).toString(),
                        String.valueOf(step)});
                    continue;
                }
                Val prev = series.get(periods.get(i - 1));
                Val current = series.get(at);
                Optional<BigDecimal> v = Growth.rate(current.value, prev.value);
                if (v.isEmpty()) {
                    why.putIfAbsent(at, new String[] {"metric.missing.zeroBase", ds, periods.get(i - 1).toString()});
                    continue;
                }
                out.put(at, run.point(at, v.get()).in("x_t", new Pick(current, ds, indicator))
                        .in("x_t-s", new Pick(prev, ds, indicator))
                        .param("s", BigDecimal.valueOf(step)).build());
                why.remove(at);
            }
        }
        why.forEach((p, w) -> {
            if (!out.containsKey(p)) {
                run.missing(p, w[0], (Object[]) java.util.Arrays.copyOfRange(w, 1, w.length));
            }
        });
        return List.copyOf(out.values());
    }

    private static Period.Frequency mainFrequency(Set<Period> periods) {
        Map<Period.Frequency, Integer> n = new EnumMap<>(Period.Frequency.class);
        periods.forEach(p -> n.merge(p.frequency(), 1, Integer::sum));
        return n.entrySet().stream().max(Map.Entry.<Period.Frequency, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse(Period.Frequency.values()[0]);
    }

    /** How many periods of their frequency lie from {@code a} to {@code b}, a before b (a mixed series counts months). */
    private static int gap(Period a, Period b) {
        if (a.frequency() != b.frequency()) {
            return (int) java.time.temporal.ChronoUnit.MONTHS.between(a.start(), b.start());
        }
        int n = 0;
        for (Period p = a; p.compareTo(b) < 0 && n < 10_000; p = p.next()) {
            n++;
        }
        return n;
    }

    /** The compound rate from the first to the last value within the years asked for: the window is the question. */
    private List<MetricResult.Point> cagr(Run run) {
        String indicator = run.s.indicator() == null ? "EMIGRANTS" : run.s.indicator().trim();
        Input in = run.read(indicator, run.region, Map.of());
        for (String ds : run.order(in)) {
            TreeMap<Period, Val> series = new TreeMap<>();
            in.series(ds).forEach((p, v) -> {
                if (run.within(p)) {
                    series.put(p, v);
                }
            });
            if (series.size() < 2 || series.lastKey().year() == series.firstKey().year()) {
                continue;
            }
            Period first = series.firstKey();
            Period last = series.lastKey();
            int years = last.year() - first.year();
            Optional<BigDecimal> v = Growth.compoundAnnualRate(series.get(first).value, series.get(last).value, years);
            if (v.isEmpty()) {
                run.missing(last, "metric.missing.zeroBase", ds, first.toString());
                return List.of();
            }
            return List.of(run.point(last, v.get()).in("x_start", new Pick(series.get(first), ds, indicator))
                    .in("x_end", new Pick(series.get(last), ds, indicator)).param("n", BigDecimal.valueOf(years)).build());
        }
        run.missingAll("metric.missing.twoYears", indicator);
        return List.of();
    }

    private List<MetricResult.Point> known(Run run, Dimension by, boolean share) {
        Breakdown b = run.breakdown("EMIGRANTS", run.region, by, Map.of());
        if (b.isEmpty()) {
            run.missingAll("metric.missing.noData", "EMIGRANTS × " + by.name());
        }
        List<MetricResult.Point> points = new ArrayList<>();
        for (Period p : b.periods()) {
            Optional<String> ds = run.order(b.input).stream().filter(d -> b.at(d, p) != null).findFirst();
            if (ds.isEmpty()) {
                continue;
            }
            Map<String, Long> counts = wholeCounts(majorGroups(b.at(ds.get(), p)));
            for (String code : counts.keySet()) {
                if (!code.matches("[0-9]|_U|_T")) {
                    throw new UserException(UserException.Kind.INVALID, "metric.badCode", code,
                            by == Dimension.EDUCATION ? "ISCED 2011" : "ISCO-08", p.toString(), ds.get());
                }
            }
            KnownShare k = by == Dimension.EDUCATION ? Shares.highlySkilled(counts)
                    : Shares.intellectualProfessions(counts);
            Optional<BigDecimal> v = share ? k.share() : k.unknownShare();
            if (v.isEmpty()) {
                run.missing(p, "metric.missing.zero", ds.get(), share ? "known" : "known + unknown");
                continue;
            }
            String src = b.source(ds.get(), p);
            points.add(run.point(p, v.get()).count("part", BigDecimal.valueOf(k.part()), src)
                    .count("known", BigDecimal.valueOf(k.known()), src)
                    .count("unknown", BigDecimal.valueOf(k.unknown()), src).build());
        }
        return points;
    }

    /**
     * Codes of a classification rolled up to the groups the shares count: an ISCO-08 sub-major group ("23") or an
     * ISCED detailed level ("64") belongs to the group of its first digit. Where a period stores both a group and
     * codes below it (the import takes both levels), the group's own published figure is read and its sub-groups
     * left aside, as everywhere in the metrics a published total wins over a sum of its parts.
     */
    private static Map<String, BigDecimal> majorGroups(Map<String, BigDecimal> byCode) {
        Map<String, BigDecimal> whole = new TreeMap<>();
        Map<String, BigDecimal> parts = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> e : byCode.entrySet()) {
            String code = e.getKey();
            boolean sub = code.length() > 1 && code.chars().allMatch(Character::isDigit);
            (sub ? parts : whole).merge(sub ? code.substring(0, 1) : code, e.getValue(), BigDecimal::add);
        }
        parts.forEach(whole::putIfAbsent);
        return whole;
    }

    /** Counts as whole numbers for the share formulas; a count beyond any population is the data's mistake. */
    private static Map<String, Long> wholeCounts(Map<String, BigDecimal> counts) {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((k, v) -> {
            if (v.abs().compareTo(MAX_PERSONS) > 0) {
                throw new UserException(UserException.Kind.INVALID, "metric.tooLarge", k, v.toPlainString());
            }
            out.put(k, v.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        });
        return out;
    }

    /** Ten times the world's population: more persons than that in one cell is a mistake in the data. */
    private static final BigDecimal MAX_PERSONS = new BigDecimal("1e11");

    /** Docquier–Marfouk proper: the stock of tertiary-educated emigrants living abroad (e.g. DIOC). */
    private List<MetricResult.Point> docquierMarfouk(Run run) {
        Breakdown stock = run.emigrantStock(true);
        Input residents = run.read("POP_TERTIARY_25PLUS", run.region, Map.of());
        if (stock.isEmpty()) {
            run.missingAll("metric.missing.noStockByEducation");
        }
        if (residents.isEmpty()) {
            run.missingAll("metric.missing.noData", "POP_TERTIARY_25PLUS");
        }
        List<MetricResult.Point> points = new ArrayList<>();
        for (Period p : stock.periods()) {
            Optional<String> ds = run.order(stock.input).stream().filter(d -> stock.at(d, p) != null).findFirst();
            if (ds.isEmpty()) {
                continue;
            }
            Map<String, BigDecimal> levels = majorGroups(stock.at(ds.get(), p));
            BigDecimal eh = BigDecimal.ZERO;
            for (String level : new String[] {"5", "6", "7", "8"}) {
                eh = eh.add(levels.getOrDefault(level, BigDecimal.ZERO));
            }
            Optional<Pick> n = run.pick(residents, p, ds.get());
            if (n.isEmpty()) {
                run.missing(p, "metric.missing.noValue", "N_h", "POP_TERTIARY_25PLUS");
                continue;
            }
            BigDecimal e = eh;
            Optional<BigDecimal> v = DocquierMarfouk.rate(e, n.get().val.value);
            if (v.isEmpty()) {
                run.missing(p, "metric.missing.zero", ds.get(), "N_h + E_h");
                continue;
            }
            points.add(run.point(p, v.get()).count("E_h", e, stock.source(ds.get(), p)).in("N_h", n.get()).build());
        }
        return points;
    }

    /** Docquier–Marfouk's rate for all emigrants, from UN DESA's stock of people born here living abroad. */
    private List<MetricResult.Point> emigrationStockRate(Run run) {
        Breakdown stock = run.emigrantStock(false);
        Input residents = run.population(true);
        if (stock.isEmpty()) {
            run.missingAll("metric.missing.noData", "MIGRANT_STOCK (EMI)");
        }
        List<MetricResult.Point> points = new ArrayList<>();
        for (Period p : stock.periods()) {
            Optional<String> ds = run.order(stock.input).stream().filter(d -> stock.at(d, p) != null).findFirst();
            if (ds.isEmpty()) {
                continue;
            }
            BigDecimal e = stock.at(ds.get(), p).getOrDefault("_T", BigDecimal.ZERO);
            Optional<Pick> n = run.pick(residents, p, ds.get());
            if (n.isEmpty()) {
                run.missing(p, "metric.missing.noValue", "N", "POPULATION_MIDYEAR");
                continue;
            }
            Optional<BigDecimal> v = DocquierMarfouk.rate(e, n.get().val.value);
            if (v.isEmpty()) {
                run.missing(p, "metric.missing.zero", ds.get(), "N + E");
                continue;
            }
            points.add(run.point(p, v.get()).count("E", e, stock.source(ds.get(), p)).in("N", n.get()).build());
        }
        return points;
    }

    /** The annual outflow rate of the highly skilled: departures over a window, never called a stock. */
    private List<MetricResult.Point> skilledOutflow(Run run) {
        Breakdown flows = run.breakdown("EMIGRANTS", run.region, Dimension.EDUCATION, Map.of());
        Input residents = run.read("POP_TERTIARY_25PLUS", run.region, Map.of());
        if (flows.isEmpty()) {
            run.missingAll("metric.missing.noData", "EMIGRANTS × EDUCATION");
        }
        if (residents.isEmpty()) {
            run.missingAll("metric.missing.noData", "POP_TERTIARY_25PLUS");
        }
        int window = run.s.window();
        List<MetricResult.Point> points = new ArrayList<>();
        for (Period p : flows.periods()) {
            if (!residents.periods().contains(p)) {
                run.missing(p, "metric.missing.noValue", "N_h", "POP_TERTIARY_25PLUS");
            }
        }
        for (Period p : residents.periods()) {
            // The window's flows from one dataset: summing two datasets' counts of the same departures would not
            // be a count of anything.
            String chosen = null;
            BigDecimal sum = BigDecimal.ZERO;
            Period lacking = null;
            for (String ds : run.order(flows.input)) {
                BigDecimal total = BigDecimal.ZERO;
                Period q = p;
                Period gap = null;
                for (int i = 0; i < window; i++, q = q.previous()) {
                    Map<String, BigDecimal> at = flows.at(ds, q);
                    if (at == null) {
                        gap = q;
                        break;
                    }
                    Map<String, BigDecimal> levels = majorGroups(at);
                    for (String level : new String[] {"5", "6", "7", "8"}) {
                        total = total.add(levels.getOrDefault(level, BigDecimal.ZERO));
                    }
                }
                if (gap == null) {
                    chosen = ds;
                    sum = total;
                    break;
                }
                if (lacking == null && flows.at(ds, p) != null) {
                    lacking = gap;
                }
            }
            if (chosen == null) {
                if (lacking != null) {
                    run.missing(p, "metric.missing.window", String.valueOf(window), lacking.toString());
                } else if (!flows.isEmpty()) {
                    run.missing(p, "metric.missing.noValue", "F_h", "EMIGRANTS × EDUCATION");
                }
                continue;
            }
            BigDecimal f = sum;
            Optional<Pick> n = run.pick(residents, p, chosen);
            Optional<BigDecimal> v = DocquierMarfouk.rate(f, n.get().val.value);
            if (v.isEmpty()) {
                run.missing(p, "metric.missing.zero", chosen, "N_h + F_h");
                continue;
            }
            points.add(run.point(p, v.get()).count("F_h", f, chosen + " v" + flows.version(chosen))
                    .in("N_h", n.get()).param("window", BigDecimal.valueOf(window)).build());
        }
        return points;
    }

    private List<MetricResult.Point> net(Metric metric, Run run) {
        Input imm = run.read("IMMIGRANTS", run.region, Map.of());
        Input emi = run.read("EMIGRANTS", run.region, Map.of());
        if (imm.isEmpty()) {
            run.missingAll("metric.missing.noData", "IMMIGRANTS");
        }
        if (emi.isEmpty()) {
            run.missingAll("metric.missing.noData", "EMIGRANTS");
        }
        Input midYear = metric == Metric.NET_MIGRATION_RATE ? run.population(false) : Input.NONE;
        Input january = metric == Metric.NET_MIGRATION ? Input.NONE : run.read("POPULATION", run.region, Map.of());
        if (metric != Metric.NET_MIGRATION && midYear.isEmpty() && january.isEmpty()) {
            run.missingAll("metric.missing.noData", metric == Metric.NET_MIGRATION_RATE
                    ? "POPULATION_MIDYEAR, POPULATION" : "POPULATION");
        }
        Set<Period> periods = new TreeSet<>(imm.periods());
        periods.addAll(emi.periods());
        List<MetricResult.Point> points = new ArrayList<>();
        for (Period p : periods) {
            // Immigrants and emigrants of one value from one dataset: a balance of two sources' counts is neither's.
            Optional<String> ds = run.joint(p, imm, emi);
            if (ds.isEmpty()) {
                run.missing(p, "metric.missing.notJoint", "I, E");
                continue;
            }
            Pick i = run.pickIn(imm, p, ds.get());
            Pick e = run.pickIn(emi, p, ds.get());
            if (metric == Metric.NET_MIGRATION) {
                NetMigration.net(i.val.value, e.val.value)
                        .ifPresent(v -> points.add(run.point(p, v).in("I", i).in("E", e).build()));
                continue;
            }
            if (metric == Metric.NET_MIGRATION_RATE) {
                Optional<Pick> mid = run.pick(midYear, p, ds.get());
                if (mid.isPresent()) {
                    Optional<BigDecimal> v = NetMigration.ratePerThousand(i.val.value, e.val.value,
                            mid.get().val.value);
                    if (v.isEmpty()) {
                        run.missing(p, "metric.missing.zero", mid.get().dataset, "P_mid");
                    } else {
                        points.add(run.point(p, v.get()).in("I", i).in("E", e).in("P_mid", mid.get()).build());
                    }
                    continue;
                }
            }
            // No mid-year population (or the metric asks for the average): the average of the 1 January populations
            // of the year and the next, from one dataset, each named, so the approximation is visible.
            Optional<String> pop = run.order(january).stream()
                    .filter(d -> january.at(d, p) != null && january.at(d, p.next()) != null).findFirst();
            if (pop.isEmpty()) {
                run.missing(p, "metric.missing.population", p.toString(), p.next().toString());
                continue;
            }
            Pick start = run.pickIn(january, p, pop.get());
            Pick end = run.pickIn(january, p.next(), pop.get());
            Optional<BigDecimal> v = NetMigration.ratePerThousandAveragePopulation(i.val.value, e.val.value,
                    start.val.value, end.val.value);
            if (v.isEmpty()) {
                run.missing(p, "metric.missing.zero", pop.get(), "P_start + P_end");
                continue;
            }
            points.add(run.point(p, v.get()).in("I", i).in("E", e).in("P_start", start).in("P_end", end).build());
        }
        return points;
    }

    private List<MetricResult.Point> payGap(Metric metric, Run run) {
        boolean ppp = metric == Metric.PAY_GAP_PPP;
        String country = run.s.country() == null || run.s.country().isBlank() ? "US"
                : run.s.country().trim().toUpperCase(Locale.ROOT);
        boolean given = run.s.occupation() != null && !run.s.occupation().isBlank();
        String occupation = given ? run.s.occupation().trim() : "_T";
        Input domestic = run.read("WAGE_AVG", WHOLE_COUNTRY, Map.of(Dimension.OCCUPATION, occupation));
        Input usd = run.read("WAGE_ABROAD", WHOLE_COUNTRY,
                Map.of(Dimension.COUNTRY, country, Dimension.OCCUPATION, occupation));
        Input lcu = run.read("WAGE_ABROAD_LCU", WHOLE_COUNTRY,
                Map.of(Dimension.COUNTRY, country, Dimension.OCCUPATION, occupation));
        if (!given && (domestic.isEmpty() || (usd.isEmpty() && lcu.isEmpty()))) {
            // Pay is often published for one occupation only (the note's university teachers, ISCO 23, which the
            // home page shows): rather than "WAGE_AVG missing" beside those figures, take the occupation for which
            // both pays are held, the one with most years, and say so (issue 16).
            List<String> held = new ArrayList<>();
            String best = null;
            int bestYears = 0;
            for (String code : warehouse.codes("WAGE_AVG", Dimension.OCCUPATION)) {
                if ("_T".equals(code)) {
                    continue;
                }
                Input d = run.read("WAGE_AVG", WHOLE_COUNTRY, Map.of(Dimension.OCCUPATION, code));
                if (d.isEmpty()) {
                    continue;
                }
                held.add(code);
                Map<Dimension, String> abroad = Map.of(Dimension.COUNTRY, country, Dimension.OCCUPATION, code);
                if (run.read("WAGE_ABROAD", WHOLE_COUNTRY, abroad).isEmpty()
                        && run.read("WAGE_ABROAD_LCU", WHOLE_COUNTRY, abroad).isEmpty()) {
                    continue;
                }
                if (d.periods().size() > bestYears) {
                    best = code;
                    bestYears = d.periods().size();
                }
            }
            if (best != null) {
                run.notes.add(messages.getMessage("metric.note.payOccupation", new Object[] {best, country},
                        "ISCO " + best, run.locale));
                occupation = best;
                Map<Dimension, String> abroad = Map.of(Dimension.COUNTRY, country, Dimension.OCCUPATION, best);
                domestic = run.read("WAGE_AVG", WHOLE_COUNTRY, Map.of(Dimension.OCCUPATION, best));
                usd = run.read("WAGE_ABROAD", WHOLE_COUNTRY, abroad);
                lcu = run.read("WAGE_ABROAD_LCU", WHOLE_COUNTRY, abroad);
            } else if (!held.isEmpty()) {
                run.missingAll("metric.missing.payNoOccupation", String.join(", ", held), country);
                return List.of();
            }
        }
        String isco = "_T".equals(occupation) ? "" : ", ISCO " + occupation;
        Input rateKz = run.read("EXCHANGE_RATE", WHOLE_COUNTRY, Map.of(Dimension.COUNTRY, "KZ"));
        Input rateF = "US".equals(country) ? Input.NONE
                : run.read("EXCHANGE_RATE", WHOLE_COUNTRY, Map.of(Dimension.COUNTRY, country));
        // Pay buys consumption: the household-consumption PPP factor fits it; the GDP factor is the fallback, and
        // one value never divides by one kind for a country and the other kind for the other.
        List<Input[]> factors = ppp ? List.of(
                new Input[] {run.read("PPP_FACTOR_CONSUMPTION", WHOLE_COUNTRY, Map.of(Dimension.COUNTRY, country)),
                    run.read("PPP_FACTOR_CONSUMPTION", WHOLE_COUNTRY, Map.of(Dimension.COUNTRY, "KZ"))},
                new Input[] {run.read("PPP_FACTOR", WHOLE_COUNTRY, Map.of(Dimension.COUNTRY, country)),
                    run.read("PPP_FACTOR", WHOLE_COUNTRY, Map.of(Dimension.COUNTRY, "KZ"))}) : List.of();
        if (domestic.isEmpty()) {
            run.missingAll("metric.missing.noData", "WAGE_AVG" + ("_T".equals(occupation) ? "" : " (ISCO "
                    + occupation + ")"));
        }
        if (usd.isEmpty() && lcu.isEmpty()) {
            run.missingAll("metric.missing.noData", "WAGE_ABROAD, WAGE_ABROAD_LCU (" + country + isco + ")");
        }
        PayPeriod domesticPer = per("WAGE_AVG");
        List<MetricResult.Point> points = new ArrayList<>();
        for (Period p : domestic.periods()) {
            Pick wd = run.pick(domestic, p, null).orElseThrow();
            // Pay in the currency that needs no conversion first (dollars for the market rate, the country's own
            // currency at PPP), from the domestic pay's dataset where it has one.
            Input first = ppp ? lcu : usd;
            Input second = ppp ? usd : lcu;
            Optional<Pick> wf = run.pick(first, p, wd.dataset);
            Input wfInput = first;
            Optional<Pick> other = run.pick(second, p, wd.dataset);
            if (wf.isEmpty() || (other.isPresent() && other.get().dataset.equals(wd.dataset)
                    && !wf.get().dataset.equals(wd.dataset))) {
                if (other.isPresent()) {
                    wf = other;
                    wfInput = second;
                }
            }
            if (wf.isEmpty()) {
                run.missing(p, "metric.missing.noValue", "W_f", "WAGE_ABROAD (" + country + isco + ")");
                continue;
            }
            boolean inUsd = wfInput == usd;
            Pay dom = new Pay(wd.val.value, domesticPer);
            PayPeriod foreignPer = per(inUsd ? "WAGE_ABROAD" : "WAGE_ABROAD_LCU");
            // S_f: the destination's currency per US dollar; 1 for the United States, whose currency it is.
            boolean convert = !"US".equals(country) && (ppp == inUsd);
            Optional<Pick> sf = convert ? run.pick(rateF, p, wf.get().dataset) : Optional.empty();
            if (convert && sf.isEmpty()) {
                run.missing(p, "metric.missing.noValue", "S_f", "EXCHANGE_RATE (" + country + ")");
                continue;
            }
            Point.Builder b = run.point(p, null).in("W_f", wf.get());
            if (sf.isPresent()) {
                b.in("S_f", sf.get());
            }
            BigDecimal factor = sf.map(x -> x.val.value).orElse(BigDecimal.ONE);
            Optional<BigDecimal> v;
            if (!ppp) {
                Optional<Pick> s = run.pick(rateKz, p, wd.dataset);
                if (s.isEmpty()) {
                    run.missing(p, "metric.missing.noValue", "S", "EXCHANGE_RATE (KZ)");
                    continue;
                }
                BigDecimal dollars = inUsd ? wf.get().val.value
                        : wf.get().val.value.divide(factor, MathContext.DECIMAL64);
                v = PayGap.nominalRatio(new Pay(dollars, foreignPer), s.get().val.value, dom);
                b.in("S", s.get());
            } else {
                Optional<Pick> pf = Optional.empty();
                Optional<Pick> pd = Optional.empty();
                for (Input[] kind : factors) {
                    pf = run.pick(kind[0], p, wd.dataset);
                    pd = run.pick(kind[1], p, pf.map(x -> x.dataset).orElse(wd.dataset));
                    if (pf.isPresent() && pd.isPresent()) {
                        break;
                    }
                }
                if (pf.isEmpty() || pd.isEmpty()) {
                    run.missing(p, "metric.missing.noValue", pf.isEmpty() ? "PPP_f" : "PPP_d",
                            "PPP_FACTOR (" + (pf.isEmpty() ? country : "KZ") + ")");
                    continue;
                }
                BigDecimal local = inUsd ? wf.get().val.value.multiply(factor) : wf.get().val.value;
                v = PayGap.pppRatio(new Pay(local, foreignPer), pf.get().val.value, dom, pd.get().val.value);
                b.in("PPP_f", pf.get()).in("PPP_d", pd.get());
            }
            b.in("W_d", wd);
            if (v.isEmpty()) {
                run.missing(p, "metric.missing.zero", wd.dataset, "W_d");
                continue;
            }
            points.add(b.value(v.get()).build());
        }
        return points;
    }

    private List<MetricResult.Point> rd(Metric metric, Run run) {
        boolean weighted = metric == Metric.RD_GAP_GDP_WEIGHTED || metric == Metric.RD_RATIO_GDP_WEIGHTED;
        boolean byIncome = PEERS_INCOME.equals(run.s.peerGroup());
        List<String> listed = run.s.peers() == null || run.s.peers().isEmpty() ? DEFAULT_PEERS
                : run.s.peers().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        Breakdown gerd = run.byCountry("GERD_GDP");
        Breakdown gdp = weighted || byIncome ? run.byCountry("GDP_USD") : Breakdown.NONE;
        Breakdown pop = byIncome ? run.byCountry("POPULATION_MIDYEAR") : Breakdown.NONE;
        if (gerd.isEmpty()) {
            run.missingAll("metric.missing.noData", "GERD_GDP");
        }
        if ((weighted || byIncome) && gdp.isEmpty()) {
            run.missingAll("metric.missing.noData", "GDP_USD");
        }
        if (byIncome && pop.isEmpty()) {
            run.missingAll("metric.missing.noData", "POPULATION_MIDYEAR");
        }
        List<MetricResult.Point> points = new ArrayList<>();
        for (Period p : gerd.periods()) {
            Optional<CountryPick> own = run.country(gerd, p, "KZ", null);
            if (own.isEmpty()) {
                continue;
            }
            String prefer = own.get().dataset;
            List<String> group = listed;
            if (byIncome) {
                Optional<List<String>> near = incomePeers(run, gerd, gdp, pop, p, prefer, listed.size());
                if (near.isEmpty()) {
                    run.missing(p, "metric.missing.incomeKz");
                    continue;
                }
                group = near.get();
            }
            Point.Builder b = run.point(p, null).in("I_own", own.get().pick);
            List<Peer> peers = new ArrayList<>();
            List<String> lacking = new ArrayList<>();
            for (String c : group) {
                Optional<CountryPick> i = run.country(gerd, p, c, prefer);
                Optional<CountryPick> g = weighted ? run.country(gdp, p, c, i.map(x -> x.dataset).orElse(prefer))
                        : Optional.empty();
                if (i.isEmpty() || (weighted && g.isEmpty())) {
                    lacking.add(c + (i.isEmpty() ? " (GERD_GDP)" : " (GDP_USD)"));
                    continue;
                }
                b.in("I_" + c, i.get().pick);
                if (weighted) {
                    b.in("GDP_" + c, g.get().pick);
                }
                peers.add(new Peer(c, i.get().pick.val.value, g.map(x -> x.pick.val.value).orElse(null)));
            }
            // A mean over whichever peers happen to report would compare a different group each year; a year with
            // a peer missing is left out, and the peer named.
            if (!lacking.isEmpty()) {
                run.missing(p, "metric.missing.peers", String.join(", ", lacking));
                continue;
            }
            Weighting w = weighted ? Weighting.GDP : Weighting.SIMPLE;
            boolean gap = metric == Metric.RD_GAP || metric == Metric.RD_GAP_GDP_WEIGHTED;
            Optional<BigDecimal> v = gap ? RdIntensity.gap(own.get().pick.val.value, peers, w)
                    : RdIntensity.ratio(own.get().pick.val.value, peers, w);
            if (v.isEmpty()) {
                run.missing(p, "metric.missing.zero", prefer, "Σ I_i");
                continue;
            }
            points.add(b.value(v.get()).build());
        }
        return points;
    }

    /**
     * The {@code k} countries whose GDP per person in the year is nearest Kazakhstan's (on a log scale, so that
     * half and double are equally far), among those with R&amp;D intensity, GDP and mid-year population that year;
     * ties by code. Empty when Kazakhstan's own GDP per person is not known.
     */
    private Optional<List<String>> incomePeers(Run run, Breakdown gerd, Breakdown gdp, Breakdown pop, Period p,
                                               String prefer, int k) {
        Optional<Double> own = perPerson(run, gdp, pop, p, "KZ", prefer);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> distance = new TreeMap<>();
        for (String c : gerd.codes()) {
            if ("KZ".equals(c) || "_T".equals(c) || run.country(gerd, p, c, prefer).isEmpty()) {
                continue;
            }
            perPerson(run, gdp, pop, p, c, prefer).ifPresent(x -> distance.put(c, Math.abs(Math.log(x / own.get()))));
        }
        return Optional.of(distance.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).limit(Math.max(1, k)).map(Map.Entry::getKey).toList());
    }

    private static Optional<Double> perPerson(Run run, Breakdown gdp, Breakdown pop, Period p, String c,
                                              String prefer) {
        Optional<CountryPick> g = run.country(gdp, p, c, prefer);
        Optional<CountryPick> n = run.country(pop, p, c, g.map(x -> x.dataset).orElse(prefer));
        if (g.isEmpty() || n.isEmpty() || n.get().pick.val.value.signum() <= 0
                || g.get().pick.val.value.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(g.get().pick.val.value.doubleValue() / n.get().pick.val.value.doubleValue());
    }

    // --- reading the warehouse ------------------------------------------------------------------------------

    /** Which datasets are synthetic, by code. */
    private Map<String, Boolean> synthetic() {
        Map<String, Boolean> synthetic = new HashMap<>();
        warehouse.datasets().forEach(d -> synthetic.put(d.code(), d.synthetic()));
        return synthetic;
    }

    private PayPeriod per(String indicator) {
        return warehouse.indicator(indicator).map(i -> "MONTH".equals(i.per()) ? PayPeriod.MONTHLY : PayPeriod.ANNUAL)
                .orElse(PayPeriod.ANNUAL);
    }

    /** The flows an indicator's rows may carry: a NET row is a balance, never a count of emigrants. */
    private static List<String> flows(String indicator) {
        return switch (indicator) {
            case "EMIGRANTS" -> List.of("EMI", "_Z", "_T");
            case "IMMIGRANTS" -> List.of("IMM", "_Z", "_T");
            case "MIGRANT_STOCK" -> List.of("EMI");
            default -> List.of();
        };
    }

    /** One stored value and the version it came from. */
    record Val(BigDecimal value, int version) {
    }

    /** An input's value at a period, with the dataset and the indicator it was read from. */
    record Pick(Val val, String dataset, String indicator) {
        String source() {
            return dataset + " v" + val.version + " · " + indicator;
        }
    }

    record CountryPick(Pick pick, String dataset) {
    }

    /** One input (an indicator with fixed dimensions): its series by dataset, over every stored period. */
    static final class Input {
        static final Input NONE = new Input("", Map.of());
        final String indicator;
        final Map<String, TreeMap<Period, Val>> byDataset;

        Input(String indicator, Map<String, TreeMap<Period, Val>> byDataset) {
            this.indicator = indicator;
            this.byDataset = byDataset;
        }

        boolean isEmpty() {
            return byDataset.isEmpty();
        }

        TreeMap<Period, Val> series(String dataset) {
            return byDataset.getOrDefault(dataset, new TreeMap<>());
        }

        Val at(String dataset, Period p) {
            TreeMap<Period, Val> s = byDataset.get(dataset);
            return s == null ? null : s.get(p);
        }

        Set<Period> periods() {
            Set<Period> all = new TreeSet<>();
            byDataset.values().forEach(s -> all.addAll(s.keySet()));
            return all;
        }
    }

    /** An indicator broken down by one dimension: dataset → period → code → value. */
    static final class Breakdown {
        static final Breakdown NONE = new Breakdown(Input.NONE, Map.of());
        /** For ordering only: the number of periods each dataset holds. */
        final Input input;
        final Map<String, TreeMap<Period, Map<String, BigDecimal>>> values;
        final Map<String, Integer> versions = new HashMap<>();

        Breakdown(Input input, Map<String, TreeMap<Period, Map<String, BigDecimal>>> values) {
            this.input = input;
            this.values = values;
        }

        boolean isEmpty() {
            return values.isEmpty();
        }

        Map<String, BigDecimal> at(String dataset, Period p) {
            TreeMap<Period, Map<String, BigDecimal>> s = values.get(dataset);
            return s == null ? null : s.get(p);
        }

        Set<Period> periods() {
            Set<Period> all = new TreeSet<>();
            values.values().forEach(s -> all.addAll(s.keySet()));
            return all;
        }

        Set<String> codes() {
            Set<String> all = new TreeSet<>();
            values.values().forEach(s -> s.values().forEach(m -> all.addAll(m.keySet())));
            return all;
        }

        int version(String dataset) {
            return versions.getOrDefault(dataset, 0);
        }

        String source(String dataset, Period p) {
            return dataset + " v" + version(dataset) + " · " + input.indicator;
        }
    }

    /** A point being built: its inputs, where each came from, which of them count persons. */
    static final class Point {
        static final class Builder {
            private final Run run;
            private final Period period;
            private BigDecimal value;
            private final Map<String, BigDecimal> inputs = new LinkedHashMap<>();
            private final Map<String, String> sources = new LinkedHashMap<>();

            Builder(Run run, Period period, BigDecimal value) {
                this.run = run;
                this.period = period;
                this.value = value;
            }

            Builder value(BigDecimal v) {
                this.value = v;
                return this;
            }

            Builder in(String name, Pick pick) {
                inputs.put(name, pick.val.value);
                sources.put(name, pick.source());
                if (run.persons(pick.indicator)) {
                    run.counts.computeIfAbsent(period.toString(), k -> new LinkedHashSet<>()).add(name);
                }
                return this;
            }

            /** An input that counts persons, summed from a breakdown. */
            Builder count(String name, BigDecimal v, String source) {
                inputs.put(name, v);
                sources.put(name, source);
                run.counts.computeIfAbsent(period.toString(), k -> new LinkedHashSet<>()).add(name);
                return this;
            }

            /** A parameter of the request (a window, a step), echoed with the value; not read from any dataset. */
            Builder param(String name, BigDecimal v) {
                inputs.put(name, v);
                return this;
            }

            MetricResult.Point build() {
                return new MetricResult.Point(period.toString(), value, inputs, false, sources);
            }
        }
    }

    /** One computation: the selection, what it read, and what it could not compute and why. */
    final class Run {
        final Selection s;
        final Locale locale;
        final String region;
        final Period from;
        final Period to;
        /** The user's order of datasets, or null for the automatic one. */
        final List<String> chosen;
        final Map<String, Set<String>> counts = new HashMap<>();
        /** Reasons by period (null: the whole metric). */
        final Map<Period, List<String>> missing = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        /** What the metric chose where the request left it open, in the reader's language. */
        final List<String> notes = new ArrayList<>();
        final Map<String, Boolean> synthetic = synthetic();
        final Map<String, Boolean> persons = new HashMap<>();

        Run(Selection s, Locale locale) {
            this.s = s;
            this.locale = locale;
            this.region = s.region() == null ? WHOLE_COUNTRY : s.region();
            this.from = period(s.from());
            this.to = period(s.to());
            if (s.window() < 1 || s.window() > MAX_WINDOW) {
                throw new UserException(UserException.Kind.INVALID, "metric.badWindow", String.valueOf(s.window()),
                        String.valueOf(MAX_WINDOW));
            }
            if (s.peerGroup() != null && !PEERS_LISTED.equals(s.peerGroup()) && !PEERS_INCOME.equals(s.peerGroup())) {
                throw new UserException(UserException.Kind.INVALID, "metric.badPeerGroup", s.peerGroup());
            }
            if (s.dataset() == null || s.dataset().isBlank()) {
                chosen = null;
            } else {
                chosen = java.util.Arrays.stream(s.dataset().split("[,\\s]+")).filter(d -> !d.isBlank()).distinct()
                        .toList();
                for (String d : chosen) {
                    if (!synthetic.containsKey(d)) {
                        throw new UserException(UserException.Kind.INVALID, "metric.unknownDataset", d);
                    }
                }
            }
        }

        private static Period period(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Period.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UserException(UserException.Kind.INVALID, "metric.badPeriod", text);
            }
        }

        boolean within(Period p) {
            return (from == null || !p.start().isBefore(from.start())) && (to == null || !p.start().isAfter(to.end()));
        }

        /** The order of preference the answer states: the user's, or "automatic". */
        List<String> preference() {
            return chosen == null ? List.of() : chosen;
        }

        boolean persons(String indicator) {
            return persons.computeIfAbsent(indicator,
                    i -> warehouse.indicator(i).map(x -> "PERSONS".equals(x.unit())).orElse(false));
        }

        Point.Builder point(Period p, BigDecimal value) {
            return new Point.Builder(this, p, value);
        }

        void missing(Period p, String key, Object... args) {
            String text = messages.getMessage(key, args, key, locale);
            missing.computeIfAbsent(p, k -> new ArrayList<>()).add(p == null ? text : p + ": " + text);
        }

        void missingAll(String key, Object... args) {
            missing(null, key, args);
        }

        /**
         * The datasets of an input in the order of preference: the user's list, or published before synthetic,
         * then more periods over the whole series (never the window), then the code.
         */
        List<String> order(Input in) {
            if (chosen != null) {
                return chosen.stream().filter(in.byDataset::containsKey).toList();
            }
            return in.byDataset.keySet().stream().sorted(Comparator
                    .comparing((String d) -> synthetic.getOrDefault(d, false))
                    .thenComparing(d -> -in.byDataset.get(d).size())
                    .thenComparing(d -> d)).toList();
        }

        /** The input at a period: from {@code prefer} when it has it, otherwise from the first in order. */
        Optional<Pick> pick(Input in, Period p, String prefer) {
            if (prefer != null && in.at(prefer, p) != null && (chosen == null || chosen.contains(prefer))) {
                return Optional.of(pickIn(in, p, prefer));
            }
            for (String d : order(in)) {
                if (in.at(d, p) != null) {
                    return Optional.of(pickIn(in, p, d));
                }
            }
            return Optional.empty();
        }

        Pick pickIn(Input in, Period p, String dataset) {
            return new Pick(in.at(dataset, p), dataset, in.indicator);
        }

        /** The first dataset, in the order of the first input, that holds every input at the period. */
        Optional<String> joint(Period p, Input... inputs) {
            Set<String> all = new LinkedHashSet<>();
            for (Input in : inputs) {
                all.addAll(in.byDataset.keySet());
            }
            Map<String, TreeMap<Period, Val>> merged = new HashMap<>();
            all.forEach(d -> {
                TreeMap<Period, Val> union = new TreeMap<>();
                for (Input in : inputs) {
                    union.putAll(in.series(d));
                }
                merged.put(d, union);
            });
            for (String d : order(new Input("", merged))) {
                boolean every = true;
                for (Input in : inputs) {
                    every &= in.at(d, p) != null;
                }
                if (every) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }

        Optional<CountryPick> country(Breakdown b, Period p, String country, String prefer) {
            if (b.isEmpty()) {
                return Optional.empty();
            }
            Map<String, TreeMap<Period, Val>> series = new HashMap<>();
            b.values.forEach((d, byPeriod) -> byPeriod.forEach((period, codes) -> {
                BigDecimal v = codes.get(country);
                if (v != null) {
                    series.computeIfAbsent(d, k -> new TreeMap<>()).put(period, new Val(v, b.version(d)));
                }
            }));
            Input in = new Input(b.input.indicator, series);
            return pick(in, p, prefer).map(x -> new CountryPick(x, x.dataset));
        }

        /** An indicator's published totals (every other dimension '_T' unless fixed), by dataset. */
        Input read(String indicator, String area, Map<Dimension, String> fixed) {
            Map<Dimension, String> filters = totalsExcept(Set.of(), area);
            filters.putAll(fixed);
            Map<String, TreeMap<Period, Val>> byDataset = new HashMap<>();
            Map<String, Map<Period, Integer>> rank = new HashMap<>();
            List<String> flows = flows(indicator);
            for (Observation o : rows(indicator, filters)) {
                int r = flows.isEmpty() ? 0 : flows.indexOf(o.flow());
                if (r < 0) {
                    continue;
                }
                Period p = Period.parse(o.period());
                Integer seen = rank.computeIfAbsent(o.dataset(), k -> new HashMap<>()).get(p);
                if (seen != null && seen <= r) {
                    continue;
                }
                rank.get(o.dataset()).put(p, r);
                byDataset.computeIfAbsent(o.dataset(), k -> new TreeMap<>()).put(p,
                        new Val(o.scaledValue(), o.version()));
            }
            return new Input(indicator, byDataset);
        }

        /** An indicator broken down by a free dimension (others '_T' unless fixed), summed over nothing else. */
        Breakdown breakdown(String indicator, String area, Dimension by, Map<Dimension, String> fixed) {
            Map<Dimension, String> filters = totalsExcept(Set.of(by), area);
            filters.putAll(fixed);
            return breakdown(indicator, filters, by, null);
        }

        Breakdown byCountry(String indicator) {
            return breakdown(indicator, totalsExcept(Set.of(Dimension.COUNTRY), WHOLE_COUNTRY), Dimension.COUNTRY,
                    null);
        }

        /**
         * The stock of people born here living abroad (MIGRANT_STOCK, flow EMI), summed over destinations as UN DESA
         * sums its own totals unless a dataset stores the total; by education when {@code byEducation}.
         */
        Breakdown emigrantStock(boolean byEducation) {
            Map<Dimension, String> filters = totalsExcept(byEducation ? Set.of(Dimension.COUNTRY, Dimension.EDUCATION)
                    : Set.of(Dimension.COUNTRY), region);
            return breakdown("MIGRANT_STOCK", filters, byEducation ? Dimension.EDUCATION : null, Dimension.COUNTRY);
        }

        private Breakdown breakdown(String indicator, Map<Dimension, String> filters, Dimension by, Dimension summed) {
            Map<String, TreeMap<Period, Map<String, BigDecimal>>> values = new HashMap<>();
            Map<String, TreeMap<Period, Val>> sizes = new HashMap<>();
            List<String> flows = flows(indicator);
            // Stored totals over the summed dimension, where a dataset has them, win over the sum of its parts.
            Map<String, Set<Period>> hasTotal = new HashMap<>();
            List<Observation> rows = rows(indicator, filters).stream()
                    .filter(o -> o.value() != null && (flows.isEmpty() || flows.contains(o.flow()))).toList();
            if (summed != null) {
                rows.stream().filter(o -> "_T".equals(code(o, summed))).forEach(o -> hasTotal
                        .computeIfAbsent(o.dataset(), k -> new HashSet<>()).add(Period.parse(o.period())));
            }
            Breakdown b = new Breakdown(new Input(indicator, sizes), values);
            for (Observation o : rows) {
                Period p = Period.parse(o.period());
                String key = by == null ? "_T" : code(o, by);
                if (summed != null) {
                    boolean total = "_T".equals(code(o, summed));
                    if (total != hasTotal.getOrDefault(o.dataset(), Set.of()).contains(p)) {
                        continue;
                    }
                } else if (by != null && "_T".equals(key)) {
                    continue;
                }
                if (by != null && summed != null && "_T".equals(key)) {
                    continue;
                }
                values.computeIfAbsent(o.dataset(), k -> new TreeMap<>()).computeIfAbsent(p, k -> new TreeMap<>())
                        .merge(key, o.scaledValue(), BigDecimal::add);
                sizes.computeIfAbsent(o.dataset(), k -> new TreeMap<>()).put(p, new Val(BigDecimal.ZERO, 0));
                b.versions.merge(o.dataset(), o.version(), Math::max);
            }
            return b;
        }

        private static String code(Observation o, Dimension d) {
            return switch (d) {
                case EDUCATION -> o.education();
                case OCCUPATION -> o.occupation();
                case COUNTRY -> o.country();
                default -> "_T";
            };
        }

        /** The mid-year population of the area (for the whole country, the row about Kazakhstan itself). */
        Input population(boolean orJanuary) {
            Input mid = read("POPULATION_MIDYEAR", region, WHOLE_COUNTRY.equals(region)
                    ? Map.of(Dimension.COUNTRY, "KZ") : Map.of());
            if (mid.isEmpty() && WHOLE_COUNTRY.equals(region)) {
                mid = read("POPULATION_MIDYEAR", region, Map.of());
            }
            if (mid.isEmpty() && orJanuary) {
                return read("POPULATION", region, Map.of());
            }
            return mid;
        }

        /**
         * Every row of an indicator with the filters, over every period (the window is applied to the values, not
         * to the reading), from the user's datasets when named; each checked against its unit.
         */
        private List<Observation> rows(String indicator, Map<Dimension, String> filters) {
            List<Observation> all = new ArrayList<>();
            List<String> from = chosen == null ? java.util.Collections.singletonList(null) : chosen;
            for (String d : from) {
                for (int page = 0; ; page++) {
                    List<Observation> rows = warehouse.observations(new ObservationQuery(indicator, filters, null,
                            null, d, null, page, ObservationQuery.MAX_PAGE_SIZE));
                    all.addAll(rows);
                    if (rows.size() < ObservationQuery.MAX_PAGE_SIZE) {
                        break;
                    }
                }
            }
            String unit = warehouse.indicator(indicator).map(Indicator::unit).orElse("");
            List<Observation> kept = new ArrayList<>();
            for (Observation o : all) {
                if (o.value() == null) {
                    continue;
                }
                check(o, unit);
                kept.add(o);
            }
            return kept;
        }

        /** A value outside what its unit allows, named with where it is stored (a 400, in the user's language). */
        private void check(Observation o, String unit) {
            BigDecimal v = o.scaledValue();
            if (unit.startsWith("LCU_PER") && v.signum() <= 0) {
                throw new UserException(UserException.Kind.INVALID, "metric.notPositiveFactor", o.indicator(),
                        o.country(), o.period(), o.dataset(), v.toPlainString());
            }
            if ("PERSONS".equals(unit) && !"NET".equals(o.flow())) {
                if (v.signum() < 0 && warehouse.indicator(o.indicator()).map(i -> !i.kind().allowsNegative())
                        .orElse(true)) {
                    throw new UserException(UserException.Kind.INVALID, "metric.negativePersons", o.indicator(),
                            o.period(), o.dataset(), v.toPlainString());
                }
                if (v.abs().compareTo(MAX_PERSONS) > 0) {
                    throw new UserException(UserException.Kind.INVALID, "metric.tooLarge", o.indicator() + " "
                            + o.period() + " (" + o.dataset() + ")", v.toPlainString());
                }
            }
            if (List.of("KZT", "USD", "EUR", "LCU").contains(unit) && v.signum() < 0) {
                throw new UserException(UserException.Kind.INVALID, "metric.negativeAmount", o.indicator(),
                        o.period(), o.dataset(), v.toPlainString());
            }
        }
    }

    private static Map<Dimension, String> totalsExcept(Set<Dimension> free, String region) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Dimension d : new Dimension[] {Dimension.OCCUPATION, Dimension.EDUCATION, Dimension.COUNTRY,
            Dimension.SEX, Dimension.AGE}) {
            if (!free.contains(d)) {
                filters.put(d, "_T");
            }
        }
        filters.put(Dimension.REGION, region);
        return filters;
    }
}
