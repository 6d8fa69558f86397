package kz.agyn.warehouse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import kz.agyn.kernel.Period;
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
 * lives in {@code kz.agyn.warehouse.metrics}, where each formula is documented and tested; this class only
 * finds the inputs (the totals the data publish, never sums of breakdowns) and records where they came from.
 */
@Service
public class MetricsService {

    /** What the caller chooses: the area, the years, the source; other inputs for particular metrics. */
    /**
     * What to compute a metric over. {@code occupation} (ISCO-08) narrows the pay gap to one profession, as the note
     * compares university teachers; absent, the all-occupation averages are compared.
     */
    public record Selection(String region, String from, String to, String dataset, String indicator,
                            String country, String occupation, List<String> peers, int window) {
    }

    private final Warehouse warehouse;
    private final MessageSource messages;

    public MetricsService(Warehouse warehouse, MessageSource messages) {
        this.warehouse = warehouse;
        this.messages = messages;
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
     */
    public MetricResult compute(Metric metric, Selection s, Locale locale, boolean seesSmallCells) {
        String region = s.region() == null ? "000000000" : s.region();
        Reads sources = new Reads(true);
        List<String> missing = new ArrayList<>();
        List<MetricResult.Point> computed = points(metric, s, region, sources, missing, locale);
        if (computed.isEmpty() && s.dataset() == null) {
            // Published data first; but when they alone give no value (the note's one 2022 figure of emigrants has
            // no growth rate), the fullest series is used instead, synthetic or not, and the page says which
            // inputs are synthetic. An empty page would tell the reader less than a labelled demonstration value.
            Reads fullest = new Reads(false);
            List<String> missingFullest = new ArrayList<>();
            List<MetricResult.Point> fallback = points(metric, s, region, fullest, missingFullest, locale);
            if (!fallback.isEmpty()) {
                sources = fullest;
                missing = missingFullest;
                computed = fallback;
            }
        }
        List<MetricResult.Point> points = computed;
        Reads reads = sources;
        List<MetricResult.Point> shown = seesSmallCells ? points
                : points.stream().map(p -> suppress(p, reads.counts)).toList();
        int suppressed = (int) shown.stream().filter(MetricResult.Point::suppressed).count();
        // An input still read from synthetic demonstration data is named, so the page can say so beside the figure.
        Map<String, Boolean> synthetic = synthetic();
        List<String> syntheticSources = reads.datasets.stream().filter(d -> synthetic.getOrDefault(d, false))
                .toList();
        return new MetricResult(metric.key(), messages.getMessage(metric.nameKey(), null, metric.key(), locale),
                metric.formula().expression(), messages.getMessage(metric.formulaKey(), null, "", locale),
                metric.unit().name(), metric.reference(), region, shown, List.copyOf(reads.list),
                List.copyOf(new LinkedHashSet<>(missing)), List.copyOf(reads.counts), suppressed,
                syntheticSources);
    }

    private List<MetricResult.Point> points(Metric metric, Selection s, String region, Reads sources,
                                           List<String> missing, Locale locale) {
        return switch (metric) {
            case GROWTH_RATE -> growth(s, region, sources, missing);
            case COMPOUND_ANNUAL_GROWTH_RATE -> cagr(s, region, sources, missing);
            case HIGHLY_SKILLED_SHARE, UNKNOWN_EDUCATION_SHARE -> known(s, region, Dimension.EDUCATION,
                    metric == Metric.HIGHLY_SKILLED_SHARE, sources, missing);
            case INTELLECTUAL_PROFESSIONS_SHARE, UNKNOWN_OCCUPATION_SHARE -> known(s, region, Dimension.OCCUPATION,
                    metric == Metric.INTELLECTUAL_PROFESSIONS_SHARE, sources, missing);
            case DOCQUIER_MARFOUK_RATE -> docquierMarfouk(s, region, sources, missing);
            case NET_MIGRATION, NET_MIGRATION_RATE, NET_MIGRATION_RATE_AVERAGE_POPULATION ->
                    net(metric, s, region, sources, missing);
            case PAY_GAP_NOMINAL, PAY_GAP_PPP -> payGap(metric, s, sources, missing);
            case RD_GAP, RD_RATIO, RD_GAP_GDP_WEIGHTED, RD_RATIO_GDP_WEIGHTED -> rd(metric, s, sources, missing);
            case SHARE, RD_INTENSITY -> {
                missing.add(messages.getMessage("metric.notFromData", null, "generic", locale));
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
        return hide ? new MetricResult.Point(p.period(), null, inputs, true) : p;
    }

    /** Declares which of a computation's inputs count persons: those read from an indicator measured in persons. */
    private void counts(Reads reads, String indicator, String... inputs) {
        if (warehouse.indicator(indicator).map(i -> "PERSONS".equals(i.unit())).orElse(false)) {
            reads.counts.addAll(List.of(inputs));
        }
    }

    // --- the metrics ----------------------------------------------------------------------------------------

    private List<MetricResult.Point> growth(Selection s, String region, Reads sources, List<String> missing) {
        String indicator = s.indicator() == null ? "EMIGRANTS" : s.indicator();
        counts(sources, indicator, "x_t", "x_t-s");
        TreeMap<Period, BigDecimal> series = totals(indicator, region, Map.of(), s, sources);
        if (series.isEmpty()) {
            missing.add(indicator);
        }
        // Over the series' own step (Growth.step): a five-yearly series grows over five years, not over none.
        List<Period> periods = new ArrayList<>(series.keySet());
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < periods.size(); i++) {
            gaps.add(gap(periods.get(i - 1), periods.get(i)));
        }
        int step = Growth.step(gaps);
        List<MetricResult.Point> points = new ArrayList<>();
        for (int i = 1; i < periods.size(); i++) {
            if (gaps.get(i - 1) != step) {
                continue;
            }
            Period at = periods.get(i);
            BigDecimal prev = series.get(periods.get(i - 1));
            BigDecimal current = series.get(at);
            Growth.rate(current, prev).ifPresent(v -> points.add(point(at, v, "x_t", current, "x_t-s", prev, "s",
                    BigDecimal.valueOf(step))));
        }
        return points;
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

    private List<MetricResult.Point> cagr(Selection s, String region, Reads sources, List<String> missing) {
        String indicator = s.indicator() == null ? "EMIGRANTS" : s.indicator();
        counts(sources, indicator, "x_start", "x_end");
        TreeMap<Period, BigDecimal> series = totals(indicator, region, Map.of(), s, sources);
        if (series.size() < 2) {
            missing.add(indicator);
            return List.of();
        }
        Period first = series.firstKey();
        Period last = series.lastKey();
        int years = last.year() - first.year();
        return Growth.compoundAnnualRate(series.get(first), series.get(last), years)
                .map(v -> List.of(point(last, v, "x_start", series.get(first), "x_end", series.get(last), "n",
                        BigDecimal.valueOf(years)))).orElse(List.of());
    }

    private List<MetricResult.Point> known(Selection s, String region, Dimension by, boolean share, Reads sources,
                                           List<String> missing) {
        counts(sources, "EMIGRANTS", "part", "known", "unknown");
        Map<Period, Map<String, Long>> byPeriod = breakdown("EMIGRANTS", region, by, s, sources);
        if (byPeriod.isEmpty()) {
            missing.add("EMIGRANTS × " + by.column());
        }
        List<MetricResult.Point> points = new ArrayList<>();
        byPeriod.forEach((period, counts) -> {
            KnownShare k = by == Dimension.EDUCATION ? Shares.highlySkilled(counts)
                    : Shares.intellectualProfessions(counts);
            (share ? k.share() : k.unknownShare()).ifPresent(v -> points.add(point(period, v, "part",
                    BigDecimal.valueOf(k.part()), "known", BigDecimal.valueOf(k.known()), "unknown",
                    BigDecimal.valueOf(k.unknown()))));
        });
        return points;
    }

    private List<MetricResult.Point> docquierMarfouk(Selection s, String region, Reads sources,
                                                     List<String> missing) {
        counts(sources, "EMIGRANTS", "E_h");
        counts(sources, "POP_TERTIARY_25PLUS", "N_h");
        Map<Period, Map<String, Long>> byEducation = breakdown("EMIGRANTS", region, Dimension.EDUCATION, s, sources);
        TreeMap<Period, BigDecimal> residents = totals("POP_TERTIARY_25PLUS", region, Map.of(), s, sources);
        if (byEducation.isEmpty()) {
            missing.add("EMIGRANTS × EDUCATION");
        }
        if (residents.isEmpty()) {
            missing.add("POP_TERTIARY_25PLUS");
        }
        int window = Math.max(1, s.window());
        TreeMap<Period, BigDecimal> tertiary = new TreeMap<>();
        byEducation.forEach((p, counts) -> {
            long sum = 0;
            for (String level : new String[] {"5", "6", "7", "8"}) {
                sum += counts.getOrDefault(level, 0L);
            }
            tertiary.put(p, BigDecimal.valueOf(sum));
        });
        List<MetricResult.Point> points = new ArrayList<>();
        for (Map.Entry<Period, BigDecimal> r : residents.entrySet()) {
            List<BigDecimal> flows = new ArrayList<>();
            Period p = r.getKey();
            for (int i = 0; i < window && p != null; i++) {
                BigDecimal f = tertiary.get(p);
                if (f == null) {
                    flows = null;
                    break;
                }
                flows.add(f);
                p = p.previous();
            }
            if (flows == null) {
                continue;
            }
            BigDecimal eh = flows.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            DocquierMarfouk.rate(eh, r.getValue()).ifPresent(v -> points.add(point(r.getKey(), v, "E_h", eh,
                    "N_h", r.getValue(), "window", BigDecimal.valueOf(window))));
        }
        return points;
    }

    private List<MetricResult.Point> net(Metric metric, Selection s, String region, Reads sources,
                                         List<String> missing) {
        counts(sources, "IMMIGRANTS", "I");
        counts(sources, "EMIGRANTS", "E");
        if (metric != Metric.NET_MIGRATION) {
            counts(sources, "POPULATION", "P_start", "P_end");
        }
        TreeMap<Period, BigDecimal> imm = totals("IMMIGRANTS", region, Map.of(), s, sources);
        TreeMap<Period, BigDecimal> emi = totals("EMIGRANTS", region, Map.of(), s, sources);
        Selection wider = new Selection(s.region(), s.from(), null, s.dataset(), null, null, null, List.of(), 1);
        TreeMap<Period, BigDecimal> pop = metric == Metric.NET_MIGRATION ? new TreeMap<>()
                : totals("POPULATION", region, Map.of(), wider, sources);
        if (imm.isEmpty()) {
            missing.add("IMMIGRANTS");
        }
        if (emi.isEmpty()) {
            missing.add("EMIGRANTS");
        }
        if (metric != Metric.NET_MIGRATION && pop.isEmpty()) {
            missing.add("POPULATION");
        }
        List<MetricResult.Point> points = new ArrayList<>();
        for (Map.Entry<Period, BigDecimal> e : emi.entrySet()) {
            Period p = e.getKey();
            BigDecimal i = imm.get(p);
            if (i == null) {
                continue;
            }
            if (metric == Metric.NET_MIGRATION) {
                NetMigration.net(i, e.getValue()).ifPresent(v -> points.add(point(p, v, "I", i, "E", e.getValue())));
                continue;
            }
            BigDecimal start = pop.get(p);
            BigDecimal end = pop.get(p.next());
            if (start == null || end == null) {
                continue;
            }
            // Populations are published on 1 January; the mid-year population is taken as their average.
            Optional<BigDecimal> v = metric == Metric.NET_MIGRATION_RATE
                    ? NetMigration.ratePerThousand(i, e.getValue(), start.add(end).divide(BigDecimal.valueOf(2)))
                    : NetMigration.ratePerThousandAveragePopulation(i, e.getValue(), start, end);
            v.ifPresent(x -> points.add(point(p, x, "I", i, "E", e.getValue(), "P_start", start, "P_end", end)));
        }
        return points;
    }

    private List<MetricResult.Point> payGap(Metric metric, Selection s, Reads sources, List<String> missing) {
        String country = s.country() == null ? "US" : s.country();
        String occupation = s.occupation() == null || s.occupation().isBlank() ? "_T" : s.occupation().trim();
        TreeMap<Period, BigDecimal> domestic = totals("WAGE_AVG", "000000000",
                Map.of(Dimension.OCCUPATION, occupation), s, sources);
        TreeMap<Period, BigDecimal> foreign = totals("WAGE_ABROAD", "000000000",
                Map.of(Dimension.COUNTRY, country, Dimension.OCCUPATION, occupation), s, sources);
        Map<String, TreeMap<Period, BigDecimal>> rates = new HashMap<>();
        if (metric == Metric.PAY_GAP_NOMINAL) {
            rates.put("S", totals("EXCHANGE_RATE", "000000000", Map.of(Dimension.COUNTRY, "KZ"), s, sources));
        } else {
            rates.put("PPP_f", totals("PPP_FACTOR", "000000000", Map.of(Dimension.COUNTRY, country), s, sources));
            rates.put("PPP_d", totals("PPP_FACTOR", "000000000", Map.of(Dimension.COUNTRY, "KZ"), s, sources));
        }
        if (domestic.isEmpty()) {
            missing.add("WAGE_AVG" + ("_T".equals(occupation) ? "" : " (ISCO " + occupation + ")"));
        }
        if (foreign.isEmpty()) {
            missing.add("WAGE_ABROAD (" + country + ("_T".equals(occupation) ? "" : ", ISCO " + occupation) + ")");
        }
        rates.forEach((k, v) -> {
            if (v.isEmpty()) {
                missing.add(k.equals("S") ? "EXCHANGE_RATE" : "PPP_FACTOR");
            }
        });
        PayPeriod domesticPer = per("WAGE_AVG");
        PayPeriod foreignPer = per("WAGE_ABROAD");
        List<MetricResult.Point> points = new ArrayList<>();
        for (Map.Entry<Period, BigDecimal> d : domestic.entrySet()) {
            Period p = d.getKey();
            BigDecimal f = foreign.get(p);
            if (f == null) {
                continue;
            }
            Pay dom = new Pay(d.getValue(), domesticPer);
            Pay abroad = new Pay(f, foreignPer);
            if (metric == Metric.PAY_GAP_NOMINAL) {
                BigDecimal rate = rates.get("S").get(p);
                if (rate != null) {
                    PayGap.nominalRatio(abroad, rate, dom).ifPresent(v -> points.add(point(p, v, "W_f", f, "S", rate,
                            "W_d", d.getValue())));
                }
            } else {
                BigDecimal pf = rates.get("PPP_f").get(p);
                BigDecimal pd = rates.get("PPP_d").get(p);
                if (pf != null && pd != null) {
                    PayGap.pppRatio(abroad, pf, dom, pd).ifPresent(v -> points.add(point(p, v, "W_f", f, "PPP_f", pf,
                            "W_d", d.getValue(), "PPP_d", pd)));
                }
            }
        }
        return points;
    }

    private List<MetricResult.Point> rd(Metric metric, Selection s, Reads sources, List<String> missing) {
        List<String> peers = s.peers() == null || s.peers().isEmpty() ? List.of("KR", "JP", "DE", "US") : s.peers();
        TreeMap<Period, BigDecimal> own = totals("GERD_GDP", "000000000", Map.of(Dimension.COUNTRY, "KZ"), s, sources);
        if (own.isEmpty()) {
            missing.add("GERD_GDP (KZ)");
        }
        boolean weighted = metric == Metric.RD_GAP_GDP_WEIGHTED || metric == Metric.RD_RATIO_GDP_WEIGHTED;
        Map<String, TreeMap<Period, BigDecimal>> peerSeries = new LinkedHashMap<>();
        for (String c : peers) {
            peerSeries.put(c, totals("GERD_GDP", "000000000", Map.of(Dimension.COUNTRY, c), s, sources));
        }
        if (weighted) {
            missing.add("GDP");
            return List.of();
        }
        List<MetricResult.Point> points = new ArrayList<>();
        for (Map.Entry<Period, BigDecimal> o : own.entrySet()) {
            List<Peer> group = new ArrayList<>();
            Map<String, BigDecimal> inputs = new LinkedHashMap<>();
            inputs.put("I_own", o.getValue());
            peerSeries.forEach((c, series) -> {
                BigDecimal v = series.get(o.getKey());
                if (v != null) {
                    group.add(new Peer(c, v, null));
                    inputs.put("I_" + c, v);
                }
            });
            BiFunction<BigDecimal, List<Peer>, Optional<BigDecimal>> f = metric == Metric.RD_GAP
                    ? (own1, g) -> RdIntensity.gap(own1, g, Weighting.SIMPLE)
                    : (own1, g) -> RdIntensity.ratio(own1, g, Weighting.SIMPLE);
            f.apply(o.getValue(), group).ifPresent(v -> points.add(new MetricResult.Point(o.getKey().toString(), v,
                    inputs, false)));
        }
        if (points.isEmpty() && !own.isEmpty()) {
            missing.add("GERD_GDP (" + String.join(", ", peers) + ")");
        }
        return points;
    }

    // --- reading the warehouse ------------------------------------------------------------------------------

    /** The published totals of an indicator: every other dimension at '_T' unless given. */
    private TreeMap<Period, BigDecimal> totals(String indicator, String region, Map<Dimension, String> fixed,
                                               Selection s, Reads sources) {
        Map<Dimension, String> filters = totalsExcept(Set.of(), region);
        filters.putAll(fixed);
        TreeMap<Period, BigDecimal> series = new TreeMap<>();
        for (Observation o : read(indicator, filters, s, sources)) {
            series.put(Period.parse(o.period()), o.scaledValue());
            sources.add(o);
        }
        return series;
    }

    private Map<Period, Map<String, Long>> breakdown(String indicator, String region, Dimension by, Selection s,
                                                     Reads sources) {
        Map<Dimension, String> filters = totalsExcept(Set.of(by), region);
        Map<Period, Map<String, Long>> result = new TreeMap<>();
        for (Observation o : read(indicator, filters, s, sources)) {
            String code = by == Dimension.EDUCATION ? o.education() : o.occupation();
            if ("_T".equals(code)) {
                continue;
            }
            result.computeIfAbsent(Period.parse(o.period()), k -> new HashMap<>())
                    .merge(code, o.scaledValue().longValue(), Long::sum);
            sources.add(o);
        }
        return result;
    }

    private List<Observation> read(String indicator, Map<Dimension, String> filters, Selection s, Reads reads) {
        List<Observation> all = warehouse.observations(new ObservationQuery(indicator, filters, s.from(), s.to(),
                s.dataset(), null, 0, ObservationQuery.MAX_PAGE_SIZE));
        if (s.dataset() != null) {
            return all;
        }
        // Without a chosen source, one dataset per indicator: published data before synthetic whenever both hold
        // the input (a synthetic series must never outrank a real one by being longer), then the fullest, then the
        // code, so that the choice never depends on the order of rows; see compute() for when the fullest comes
        // first. The other sources stay selectable by name.
        Map<String, Boolean> synthetic = synthetic();
        Map<String, Long> counts = new HashMap<>();
        all.forEach(o -> counts.merge(o.dataset(), 1L, Long::sum));
        java.util.Comparator<String> published = java.util.Comparator.comparing(d -> synthetic.getOrDefault(d, false));
        java.util.Comparator<String> fullest = java.util.Comparator.comparing(d -> -counts.get(d));
        Optional<String> chosen = counts.keySet().stream().min((reads.publishedFirst
                ? published.thenComparing(fullest) : fullest.thenComparing(published))
                .thenComparing(d -> d));
        return chosen.map(c -> all.stream().filter(o -> o.dataset().equals(c)).toList()).orElse(List.of());
    }

    /** Which datasets are synthetic, by code. */
    private Map<String, Boolean> synthetic() {
        Map<String, Boolean> synthetic = new HashMap<>();
        warehouse.datasets().forEach(d -> synthetic.put(d.code(), d.synthetic()));
        return synthetic;
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

    private PayPeriod per(String indicator) {
        return warehouse.indicator(indicator).map(i -> "MONTH".equals(i.per()) ? PayPeriod.MONTHLY : PayPeriod.ANNUAL)
                .orElse(PayPeriod.ANNUAL);
    }

    private static MetricResult.Point point(Period p, BigDecimal value, Object... inputs) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i += 2) {
            map.put((String) inputs[i], (BigDecimal) inputs[i + 1]);
        }
        return new MetricResult.Point(p.toString(), value, map, false);
    }

    /**
     * What a computation read: "dataset v3" for every dataset version an input came from, and the names of the
     * inputs that count persons (the small-cell rule applies to those).
     */
    private static final class Reads {
        /** Published datasets before synthetic ones (true), or the fullest first (false); see compute(). */
        final boolean publishedFirst;
        final LinkedHashSet<String> list = new LinkedHashSet<>();
        final LinkedHashSet<String> counts = new LinkedHashSet<>();
        final LinkedHashSet<String> datasets = new LinkedHashSet<>();

        Reads(boolean publishedFirst) {
            this.publishedFirst = publishedFirst;
        }

        void add(Observation o) {
            list.add(o.dataset() + " v" + o.version());
            datasets.add(o.dataset());
        }
    }
}
