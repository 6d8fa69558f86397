package kz.agyn.scenario;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import kz.agyn.forecast.engine.ForecastEngine;
import kz.agyn.forecast.engine.ForecastException;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.forecast.engine.Transform;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * The forecast beside the simulation's baseline (issue 18: "where both exist, show the forecast beside the
 * simulation's baseline"): the warehouse's emigrants with tertiary education (ISCED 5 to 8, the simulation's
 * population) for the whole country, summed by year and forecast by the forecasts' engine with the method its
 * backtest picks. What the baseline says comes from the model; what the forecast says comes from the series alone,
 * and the page shows both, never one adjusted to the other.
 */
@Component
public class ForecastBeside {

    /** The tertiary levels the simulation's agents hold. */
    static final List<String> TERTIARY = List.of("5", "6", "7", "8");

    private final Warehouse warehouse;
    private final ForecastEngine engine = new ForecastEngine();

    public ForecastBeside(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * The forecast, years {@code firstYear…}, with the dataset it read.
     *
     * @param synthetic whether the series is demonstration data (the page says so)
     */
    public record Forecast(String dataset, Names title, boolean synthetic, Method method, int firstYear,
                           double[] mean, double[] lo80, double[] hi80) {

        /** The value of a year, or null outside the forecast. */
        public Double at(int year) {
            int i = year - firstYear;
            return i < 0 || i >= mean.length ? null : mean[i];
        }

        public double[] range80(int year) {
            int i = year - firstYear;
            return i < 0 || i >= mean.length ? null : new double[] {lo80[i], hi80[i]};
        }
    }

    /** Emigrants with tertiary education a year, forecast to {@code lastYear}; empty when no series allows it. */
    public Optional<Forecast> emigrants(int lastYear) {
        return emigrants(lastYear, null);
    }

    /** As {@link #emigrants(int)}, from one dataset only when {@code onlyDataset} is given. */
    Optional<Forecast> emigrants(int lastYear, String onlyDataset) {
        Map<String, Map<Integer, BigDecimal>> byDataset = new TreeMap<>();
        for (String level : TERTIARY) {
            Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
            filters.put(Dimension.REGION, Dimension.REGION.defaultCode());
            filters.put(Dimension.EDUCATION, level);
            for (Dimension d : List.of(Dimension.OCCUPATION, Dimension.COUNTRY, Dimension.SEX, Dimension.AGE)) {
                filters.put(d, d.defaultCode());
            }
            for (Observation o : warehouse.observations(new ObservationQuery("EMIGRANTS", filters, null, null,
                    onlyDataset, null, null, 0, ObservationQuery.MAX_PAGE_SIZE))) {
                if (!o.period().matches("\\d{4}") || o.scaledValue() == null) {
                    continue;
                }
                byDataset.computeIfAbsent(o.dataset() + "|" + level, k -> new TreeMap<>())
                        .merge(Integer.parseInt(o.period()), o.scaledValue(), BigDecimal::add);
            }
        }
        Map<String, DatasetInfo> datasets = new TreeMap<>();
        warehouse.datasets().forEach(d -> datasets.put(d.code(), d));
        // A dataset that holds all four levels; an official one before a synthetic one, then the longest series.
        Forecast best = null;
        for (String dataset : byDataset.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().toList()) {
            // Only the years in which every tertiary level has a figure: a year missing one would be a smaller
            // total, not fewer emigrants.
            TreeMap<Integer, BigDecimal> sum = new TreeMap<>();
            java.util.Set<Integer> years = null;
            for (String level : TERTIARY) {
                Map<Integer, BigDecimal> series = byDataset.getOrDefault(dataset + "|" + level, Map.of());
                if (years == null) {
                    years = new java.util.TreeSet<>(series.keySet());
                } else {
                    years.retainAll(series.keySet());
                }
            }
            for (int year : years) {
                for (String level : TERTIARY) {
                    sum.merge(year, byDataset.get(dataset + "|" + level).get(year), BigDecimal::add);
                }
            }
            if (sum.size() < ForecastEngine.MIN_POINTS
                    || sum.lastKey() - sum.firstKey() + 1 != sum.size() || sum.lastKey() >= lastYear) {
                continue;
            }
            int steps = Math.min(lastYear - sum.lastKey(), ForecastEngine.maxHorizon(1));
            double[] y = sum.values().stream().mapToDouble(BigDecimal::doubleValue).toArray();
            Prediction p;
            try {
                p = engine.forecast(y, 1, steps, Method.AUTO, Transform.AUTO).prediction();
            } catch (ForecastException e) {
                continue;
            }
            DatasetInfo info = datasets.get(dataset);
            boolean synthetic = info == null || info.synthetic();
            Forecast f = new Forecast(dataset, info == null ? new Names(dataset, dataset, dataset) : info.title(), synthetic, p.method(),
                    sum.lastKey() + 1, p.mean(), p.lo80(), p.hi80());
            if (best == null || best.synthetic() && !synthetic) {
                best = f;
            }
        }
        return Optional.ofNullable(best);
    }
}
