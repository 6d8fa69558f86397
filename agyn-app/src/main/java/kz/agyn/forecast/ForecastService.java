package kz.agyn.forecast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import kz.agyn.forecast.engine.Accuracy;
import kz.agyn.forecast.engine.ForecastEngine;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Outcome;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.forecast.engine.Transform;
import kz.agyn.forecast.internal.ForecastRepository;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.Jobs;
import kz.agyn.kernel.Period;
import kz.agyn.kernel.UserException;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.DatasetPeriod;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Disclosure;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * Reads a warehouse series and forecasts it ({@link ForecastEngine}); forecasts many series at once as a FORECAST
 * job, storing each with the dataset version it read (decision 0037).
 */
@Service
public class ForecastService {

    private final Warehouse warehouse;
    private final ForecastRepository repository;
    private final Jobs jobs;
    private final ForecastEngine engine = new ForecastEngine();

    public ForecastService(Warehouse warehouse, ForecastRepository repository, Jobs jobs) {
        this.warehouse = warehouse;
        this.repository = repository;
        this.jobs = jobs;
    }

    /**
     * The series chosen, from one dataset: the one asked for, else the one holding most of its points (the latest
     * imported among equals), as its current version stands.
     *
     * @throws UserException naming the indicator, dataset or period at fault: unknown, no figures, a gap, mixed
     *                       period lengths, or small counts the reader may not see
     */
    public ObservedSeries series(SeriesChoice asked, Set<String> roles) {
        if (asked.indicator() == null) {
            throw new UserException(UserException.Kind.INVALID, "forecast.error.noIndicator");
        }
        Indicator indicator = warehouse.indicator(asked.indicator()).orElseThrow(() -> new UserException(
                UserException.Kind.NOT_FOUND, "forecast.error.unknownIndicator", asked.indicator()));
        Map<String, DatasetInfo> datasets = warehouse.datasets().stream()
                .collect(Collectors.toMap(DatasetInfo::code, d -> d, (a, b) -> a, LinkedHashMap::new));
        if (asked.dataset() != null && !datasets.containsKey(asked.dataset())) {
            throw new UserException(UserException.Kind.NOT_FOUND, "forecast.error.unknownDataset", asked.dataset());
        }
        // Each dataset's unnamed dimensions resolved in its own codes (one dataset's emigrants are all EMI, another's
        // give no flow): resolving in every dataset's codes at once chose a code the longest series did not have.
        List<String> candidates = asked.dataset() != null ? List.of(asked.dataset())
                : warehouse.periods(indicator.code()).stream().map(DatasetPeriod::dataset).distinct().toList();
        Map<String, List<Observation>> byDataset = new LinkedHashMap<>();
        Map<String, SeriesChoice> choices = new LinkedHashMap<>();
        for (String candidate : candidates) {
            SeriesChoice choice = resolved(new SeriesChoice(asked.indicator(), asked.filters(), candidate));
            List<Observation> rows = warehouse.observations(new ObservationQuery(indicator.code(),
                    new EnumMap<>(choice.stored()), null, null, candidate, null, null, 0,
                    ObservationQuery.MAX_PAGE_SIZE));
            if (!rows.isEmpty()) {
                byDataset.put(candidate, rows);
                choices.put(candidate, choice);
            }
        }
        if (byDataset.isEmpty()) {
            throw new UserException(UserException.Kind.NOT_FOUND, "forecast.error.noData", indicator.code());
        }
        String code = byDataset.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, List<Observation>> e) -> e.getValue().size())
                        .thenComparing(e -> datasets.get(e.getKey()) == null
                                || datasets.get(e.getKey()).lastImported() == null ? ""
                                : datasets.get(e.getKey()).lastImported().toString()))
                .orElseThrow().getKey();
        // The choice as read, without the dataset when none was named (a stored forecast or a link says what was
        // asked; the dataset read is recorded beside it).
        SeriesChoice choice = new SeriesChoice(asked.indicator(), choices.get(code).filters(), asked.dataset());
        List<Observation> chosen = byDataset.get(code);
        boolean seesSmall = Disclosure.seesSmallCells(roles);
        TreeMap<Period, Double> values = new TreeMap<>();
        for (Observation o : chosen) {
            if (!seesSmall && Disclosure.suppressed(indicator.unit(), o.scaledValue())) {
                throw new UserException(UserException.Kind.INVALID, "forecast.error.suppressed", o.period());
            }
            BigDecimal v = o.scaledValue();
            values.put(Period.parse(o.period()), v == null ? Double.NaN : v.doubleValue());
        }
        Period.Frequency frequency = values.firstKey().frequency();
        if (values.keySet().stream().anyMatch(p -> p.frequency() != frequency)) {
            throw new UserException(UserException.Kind.INVALID, "forecast.error.mixedFrequency");
        }
        List<String> periods = new ArrayList<>();
        double[] y = new double[values.size()];
        Period expected = values.firstKey();
        int i = 0;
        for (Map.Entry<Period, Double> e : values.entrySet()) {
            if (!e.getKey().equals(expected)) {
                throw new UserException(UserException.Kind.INVALID, "forecast.error.gapAt", expected.toString(),
                        e.getKey().toString());
            }
            if (Double.isNaN(e.getValue())) {
                throw new UserException(UserException.Kind.INVALID, "forecast.error.missingValue",
                        e.getKey().toString());
            }
            periods.add(e.getKey().toString());
            y[i++] = e.getValue();
            expected = e.getKey().next();
        }
        int perYear = switch (frequency) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        return new ObservedSeries(choice, indicator, datasets.get(code), chosen.get(0).version(), periods, y,
                perYear);
    }

    /**
     * The choice with a code for every dimension: the one given, else the total (or "not applicable") where the
     * indicator has it in the dataset asked for (Kazakhstan as a whole for the region), else its first code (a flow
     * that is only ever EMI). The forecast page's form selects the same codes.
     */
    public SeriesChoice resolved(SeriesChoice asked) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        Map<Dimension, String> stored = asked.stored();
        for (Dimension d : SeriesChoice.DIMENSIONS) {
            if (asked.filters().containsKey(d)) {
                filters.put(d, stored.get(d));
                continue;
            }
            // The codes of the dataset asked for: another dataset's codes say nothing of what this one holds.
            List<String> codes = warehouse.codes(asked.indicator(), d, asked.dataset());
            filters.put(d, codes.isEmpty() || codes.contains(stored.get(d)) ? stored.get(d) : codes.get(0));
        }
        return new SeriesChoice(asked.indicator(), filters, asked.dataset());
    }

    /** The horizon when none is asked for: five years (eight quarters, 24 months). */
    public static int defaultHorizon(int periodsPerYear) {
        return periodsPerYear == 12 ? 24 : periodsPerYear == 4 ? 8 : 5;
    }

    /**
     * The series forecast {@code horizon} periods ahead (null: {@link #defaultHorizon}) by the method (AUTO:
     * chosen by backtest).
     */
    public ForecastResult forecast(SeriesChoice choice, Integer horizonAsked, Method method, Transform transform,
                                   Set<String> roles) {
        ObservedSeries series = series(choice, roles);
        int horizon = horizonAsked == null ? defaultHorizon(series.periodsPerYear()) : horizonAsked;
        Outcome outcome = engine.forecast(series.values(), series.periodsPerYear(), horizon, method, transform);
        List<String> future = new ArrayList<>();
        Period p = Period.parse(series.periods().get(series.periods().size() - 1));
        for (int k = 0; k < horizon; k++) {
            p = p.next();
            future.add(p.toString());
        }
        return new ForecastResult(series, outcome, future);
    }

    /** What a batch forecasts: an indicator, the codes held fixed, and one or two dimensions run through. */
    public record Batch(String indicator, Map<Dimension, String> fixed, List<Dimension> across, int horizon,
                        Method method) {
    }

    /** The series a batch covers: every combination of the codes the indicator holds in the dimensions across. */
    public List<SeriesChoice> batchSeries(Batch batch) {
        if (warehouse.indicator(batch.indicator() == null ? "" : batch.indicator().trim()).isEmpty()) {
            throw new UserException(UserException.Kind.NOT_FOUND, "forecast.error.unknownIndicator",
                    String.valueOf(batch.indicator()));
        }
        List<Map<Dimension, String>> combos = new ArrayList<>();
        combos.add(new EnumMap<>(Dimension.class));
        combos.get(0).putAll(batch.fixed());
        for (Dimension d : batch.across()) {
            List<Map<Dimension, String>> next = new ArrayList<>();
            for (String code : warehouse.codes(batch.indicator(), d)) {
                for (Map<Dimension, String> c : combos) {
                    Map<Dimension, String> m = new EnumMap<>(Dimension.class);
                    m.putAll(c);
                    m.put(d, code);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos.stream().map(c -> new SeriesChoice(batch.indicator(), c, null)).toList();
    }

    /**
     * Starts a FORECAST job forecasting every series of the batch, each stored with the data version it read (a
     * series that cannot be forecast is stored with the reason); its progress counts series, and it stops at the
     * next series when cancelled. Returns the job's id.
     */
    public UUID submitBatch(Batch batch, String by, Set<String> roles) {
        List<SeriesChoice> all = batchSeries(batch);
        return jobs.submit(JobKind.FORECAST, by, parameters(batch), job -> runBatch(all, batch, by, roles, job));
    }

    /** As {@link #submitBatch}, on the caller's thread (the command line); the job's outcome. */
    public kz.agyn.jobs.JobView runBatch(Batch batch, String by, Set<String> roles) {
        List<SeriesChoice> all = batchSeries(batch);
        return jobs.run(JobKind.FORECAST, by, parameters(batch), job -> runBatch(all, batch, by, roles, job));
    }

    private static Map<String, String> parameters(Batch batch) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("indicator", batch.indicator());
        batch.fixed().forEach((d, v) -> p.put(d.name().toLowerCase(java.util.Locale.ROOT), v));
        p.put("across", batch.across().stream().map(Dimension::name).collect(Collectors.joining(",")));
        p.put("horizon", String.valueOf(batch.horizon()));
        p.put("method", batch.method().name());
        return p;
    }

    private JobOutcome runBatch(List<SeriesChoice> all, Batch batch, String by, Set<String> roles,
                                Jobs.Handle job) {
        job.phase("FORECASTING", (long) all.size());
        int done = 0;
        int failed = 0;
        for (SeriesChoice choice : all) {
            job.stopIfCancelled();
            Map<String, String> filters = new TreeMap<>();
            choice.stored().forEach((d, v) -> filters.put(d.name(), v));
            try {
                ForecastResult r = forecast(choice, batch.horizon(), batch.method(), Transform.AUTO, roles);
                store(r, by, job.id());
            } catch (UserException e) {
                failed++;
                repository.insert(job.id(), by, choice.indicator(), filters, "", 0, "", batch.horizon(),
                        batch.method().name(), null, null, e.code());
            }
            job.done(++done);
        }
        return JobOutcome.of("forecast.batch.outcome", done - failed, failed)
                .linkedTo("/forecast/batch/" + job.id());
    }

    /** Stores a forecast with the series and the dataset version it read; its id. */
    public long store(ForecastResult r, String by, UUID jobId) {
        Map<String, String> filters = new TreeMap<>();
        r.series().choice().stored().forEach((d, v) -> filters.put(d.name(), v));
        Prediction p = r.outcome().prediction();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("periods", r.periods());
        result.put("mean", p.mean());
        result.put("lo80", p.lo80());
        result.put("hi80", p.hi80());
        result.put("lo95", p.lo95());
        result.put("hi95", p.hi95());
        result.put("model", p.model());
        result.put("calibration", r.outcome().calibration());
        result.put("backtest", r.outcome().backtest().stream().filter(Accuracy::scored).toList());
        List<String> periods = r.series().periods();
        return repository.insert(jobId, by, r.series().indicator().code(), filters, r.series().dataset().code(),
                r.series().version(), periods.get(periods.size() - 1), r.periods().size(),
                r.outcome().automatic() ? Method.AUTO.name() : p.method().name(), p.method().name(),
                sanitized(result), null);
    }

    /** JSON has no NaN: unscored measures are written as null. */
    private static Object sanitized(Object o) {
        if (o instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, sanitized(v)));
            return out;
        }
        return o;
    }

    public List<ForecastRepository.Stored> stored(UUID jobId) {
        return repository.ofJob(jobId);
    }
}
