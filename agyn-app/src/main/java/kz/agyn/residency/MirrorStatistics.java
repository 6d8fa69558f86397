package kz.agyn.residency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * Mirror statistics (issue 20): what destination countries record as arrivals from Kazakhstan
 * ({@code MIRROR_INFLOW}) beside Kazakhstan's official emigration to them ({@code EMIGRANTS}, those who
 * deregistered), by country and year, from the warehouse's current versions. The two are never merged: each keeps
 * its own source, and where one is missing the other stands alone. The gap between them is split by a residency
 * run: those the run finds emigrated without deregistering, per deregistered emigrant, applied to the official
 * count, are what deregistration misses; the rest of the gap is unexplained.
 */
@Service
public class MirrorStatistics {

    static final String INFLOW = "MIRROR_INFLOW";
    static final String OFFICIAL = "EMIGRANTS";

    private final Warehouse warehouse;

    public MirrorStatistics(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** A figure with where it comes from. */
    public record Sourced(long persons, String dataset, String status, boolean synthetic, boolean notChecked) {
    }

    /** One destination in one year: its recorded arrivals, and the official emigration to it when known. */
    public record Row(String country, String period, Sourced inflow, Sourced official) {

        /** Arrivals less official emigrants; empty when the official figure is not known. */
        public Optional<Long> gap() {
            return official == null ? Optional.empty() : Optional.of(inflow.persons() - official.persons());
        }
    }

    /** The year's totals over the destinations that have both figures, and the gap's split by a run. */
    public record Split(String period, int countries, long inflow, long official, long gap, long missed,
                        long unexplained, double hiddenPerOfficial) {
    }

    /** Every destination and year with recorded arrivals from Kazakhstan, newest year first, largest first. */
    public List<Row> rows() {
        Map<String, DatasetInfo> datasets = new HashMap<>();
        warehouse.datasets().forEach(d -> datasets.put(d.code(), d));
        Map<String, Sourced> official = new HashMap<>();
        for (Observation o : totals(OFFICIAL)) {
            if (!o.country().equals("_T")) {
                official.merge(o.country() + "|" + o.period(), sourced(o, datasets), MirrorStatistics::preferReal);
            }
        }
        Map<String, Row> rows = new HashMap<>();
        for (Observation o : totals(INFLOW)) {
            if (!o.country().equals("_T")) {
                String key = o.country() + "|" + o.period();
                Sourced in = sourced(o, datasets);
                Row existing = rows.get(key);
                if (existing == null || preferReal(existing.inflow(), in) == in) {
                    rows.put(key, new Row(o.country(), o.period(), in, official.get(key)));
                }
            }
        }
        List<Row> list = new ArrayList<>(rows.values());
        list.sort(Comparator.comparing(Row::period).reversed()
                .thenComparing(Comparator.comparingLong((Row r) -> r.inflow().persons()).reversed())
                .thenComparing(Row::country));
        return list;
    }

    /**
     * The gap of the latest year in which some destination has both figures, split with a run's ratio of hidden
     * to deregistered emigrants; empty when no year has both, or the run found no deregistered emigrant.
     */
    public Optional<Split> split(List<Row> rows, long emigrated, long deregistered) {
        if (deregistered <= 0) {
            return Optional.empty();
        }
        Optional<String> year = rows.stream().filter(r -> r.official() != null).map(Row::period)
                .max(Comparator.naturalOrder());
        if (year.isEmpty()) {
            return Optional.empty();
        }
        double ratio = (double) Math.max(0, emigrated - deregistered) / deregistered;
        long inflow = 0;
        long official = 0;
        int countries = 0;
        for (Row r : rows) {
            if (r.period().equals(year.get()) && r.official() != null) {
                inflow += r.inflow().persons();
                official += r.official().persons();
                countries++;
            }
        }
        long gap = inflow - official;
        long missed = Math.round(official * ratio);
        return Optional.of(new Split(year.get(), countries, inflow, official, gap, missed, gap - missed, ratio));
    }

    /** The datasets the rows' figures come from, in order of first use. */
    public List<DatasetInfo> sources(List<Row> rows) {
        Map<String, DatasetInfo> all = new HashMap<>();
        warehouse.datasets().forEach(d -> all.put(d.code(), d));
        List<DatasetInfo> used = new ArrayList<>();
        for (Row r : rows) {
            for (Sourced s : new Sourced[] {r.inflow(), r.official()}) {
                if (s != null && all.containsKey(s.dataset()) && !used.contains(all.get(s.dataset()))) {
                    used.add(all.get(s.dataset()));
                }
            }
        }
        return used;
    }

    private List<Observation> totals(String indicator) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        filters.put(Dimension.REGION, Dimension.REGION.defaultCode());
        filters.put(Dimension.OCCUPATION, "_T");
        filters.put(Dimension.EDUCATION, "_T");
        filters.put(Dimension.SEX, "_T");
        filters.put(Dimension.AGE, "_T");
        filters.put(Dimension.FLOW, "EMI");
        List<Observation> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Observation> batch = warehouse.observations(new ObservationQuery(indicator, filters, null, null,
                    null, null, page, ObservationQuery.MAX_PAGE_SIZE));
            out.addAll(batch);
            if (batch.size() < ObservationQuery.MAX_PAGE_SIZE) {
                return out;
            }
        }
    }

    private Sourced sourced(Observation o, Map<String, DatasetInfo> datasets) {
        DatasetInfo d = datasets.get(o.dataset());
        return new Sourced(o.scaledValue().longValue(), o.dataset(), o.status(), d != null && d.synthetic(),
                warehouse.notChecked(o.dataset(), o.indicator()));
    }

    /** Real data over synthetic wherever both exist (the team's rule); otherwise the first one read. */
    private static Sourced preferReal(Sourced a, Sourced b) {
        return a.synthetic() && !b.synthetic() ? b : a;
    }
}
