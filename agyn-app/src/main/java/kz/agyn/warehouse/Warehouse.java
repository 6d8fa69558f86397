package kz.agyn.warehouse;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.UserException;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.internal.RealDataChecks;
import kz.agyn.warehouse.internal.WarehouseRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the warehouse, and registering the datasets and indicators that imports fill. */
@Service
public class Warehouse {

    private final WarehouseRepository repository;
    private final AuditLog audit;

    public Warehouse(WarehouseRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    public List<DatasetInfo> datasets() {
        return repository.datasets();
    }

    /**
     * Whether this indicator of this dataset is a shipped real series that could not be checked against a figure
     * its publisher states (decision 0041): whoever shows it says so beside its source.
     */
    public boolean notChecked(String dataset, String indicator) {
        return RealDataChecks.notChecked(dataset, indicator);
    }

    public Optional<DatasetInfo> dataset(String code) {
        return repository.dataset(code);
    }

    /** Whether a version of the dataset was imported from exactly this file. */
    public boolean holdsFile(String dataset, String sha256) {
        return repository.datasetId(dataset).flatMap(id -> repository.versionWithFile(id, sha256)).isPresent();
    }

    /** The version of the dataset imported from exactly this file, if any. */
    public Optional<Integer> versionWithFile(String dataset, String sha256) {
        return repository.datasetId(dataset).flatMap(id -> repository.versionWithFile(id, sha256));
    }

    public List<Indicator> indicators() {
        return repository.indicators();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public List<Observation> observations(ObservationQuery query) {
        check(query);
        return repository.observations(query);
    }

    public long count(ObservationQuery query) {
        check(query);
        return repository.count(query);
    }

    /** The codes that occur for a dimension of an indicator, to fill the explorer's filters. */
    public List<String> codes(String indicator, Dimension dimension) {
        return repository.codes(indicator, dimension, null);
    }

    /**
     * The codes that occur for a dimension of an indicator in one dataset (null: in any), so that a form reading
     * one dataset offers only what that dataset holds.
     */
    public List<String> codes(String indicator, Dimension dimension, String dataset) {
        return repository.codes(indicator, dimension, dataset);
    }

    /** The datasets and periods whose current versions hold the indicator, by dataset, latest period first. */
    public List<DatasetPeriod> periods(String indicator) {
        return repository.periods(indicator);
    }

    public DatasetInfo createDataset(String code, Names title, String publisher, String citation, String url,
                                     String licence, boolean synthetic) {
        String c = code == null ? "" : code.trim();
        if (!c.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            throw new ImportException("warehouse.dataset.badCode", c);
        }
        if (title == null || blank(title.kk()) || blank(title.ru()) || blank(title.en()) || blank(publisher)) {
            throw new ImportException("warehouse.dataset.incomplete");
        }
        try {
            repository.insertDataset(c, title, publisher.trim(), citation, url, licence, synthetic);
        } catch (DuplicateKeyException e) {
            throw new ImportException("warehouse.dataset.exists", c);
        }
        return repository.dataset(c).orElseThrow();
    }

    /** Defines an indicator, after {@link #checked} (the refusals name the field and what it takes). */
    public Indicator createIndicator(Indicator indicator) {
        Indicator i = checked(indicator);
        try {
            repository.insertIndicator(i);
        } catch (DuplicateKeyException e) {
            throw new ImportException("warehouse.indicator.exists", i.code());
        }
        return indicator(i.code()).orElseThrow();
    }

    /**
     * Changes an indicator's names, definition and source at any time; its unit, kind and period only while no
     * observation uses it, since stored values were checked and are read under them.
     */
    public Indicator updateIndicator(Indicator indicator) {
        Indicator i = checked(indicator);
        Indicator before = indicator(i.code())
                .orElseThrow(() -> new ImportException("warehouse.indicator.notFound", i.code()));
        boolean meaningChanged = !before.unit().equals(i.unit()) || before.kind() != i.kind()
                || !Objects.equals(before.per(), i.per());
        if (meaningChanged && repository.indicatorInUse(i.code())) {
            throw new UserException(UserException.Kind.CONFLICT, "warehouse.indicator.inUse", i.code());
        }
        repository.updateIndicator(i);
        return indicator(i.code()).orElseThrow();
    }

    /** The indicator tidied (codes upper case, blanks as none), or the first thing wrong with it. */
    private static Indicator checked(Indicator in) {
        String code = in.code() == null ? null : in.code().trim().toUpperCase(Locale.ROOT);
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new ImportException("warehouse.indicator.badCode", in.code() == null ? "" : in.code());
        }
        if (in.names() == null || blank(in.names().kk()) || blank(in.names().ru()) || blank(in.names().en())) {
            throw new ImportException("warehouse.indicator.incomplete");
        }
        String unit = blank(in.unit()) ? null : in.unit().trim().toUpperCase(Locale.ROOT);
        if (unit == null || !Indicator.UNITS.contains(unit)) {
            throw new ImportException("warehouse.indicator.badUnit", in.unit() == null ? "" : in.unit(),
                    String.join(", ", Indicator.UNITS));
        }
        String per = blank(in.per()) ? null : in.per().trim().toUpperCase(Locale.ROOT);
        if (per != null && !Indicator.PERIODS.contains(per)) {
            // "STOCK" here was the commonest mistake: it is a kind, not a period.
            throw IndicatorKind.parse(per).isPresent()
                    ? new ImportException("warehouse.indicator.kindAsPer", per)
                    : new ImportException("warehouse.indicator.badPer", in.per());
        }
        IndicatorKind kind = in.kind() == null ? IndicatorKind.infer(code, unit, per) : in.kind();
        if (per != null && !kind.takesPeriod()) {
            throw new ImportException("warehouse.indicator.noPeriod", kind.name(), per);
        }
        Names definition = in.definition() == null || (blank(in.definition().kk()) && blank(in.definition().ru())
                && blank(in.definition().en())) ? null : in.definition();
        return new Indicator(code, trimmed(in.names()), unit, per, definition, kind,
                blank(in.source()) ? null : in.source().trim());
    }

    private static Names trimmed(Names n) {
        return new Names(n.kk().trim(), n.ru().trim(), n.en().trim());
    }

    /** Every version of a dataset, latest first, the current one marked. */
    public List<DatasetVersion> versions(String dataset) {
        return repository.versions(datasetId(dataset));
    }

    /** When each version of a dataset became current and who made it so, latest first. */
    public List<CurrentChange> currentChanges(String dataset) {
        return repository.currentChanges(datasetId(dataset));
    }

    /** The indicators a version of a dataset holds (the current one when {@code version} is null). */
    public List<String> indicatorsOf(String dataset, Integer version) {
        int id = datasetId(dataset);
        Integer v = version != null ? version : repository.dataset(dataset).map(DatasetInfo::currentVersion)
                .orElse(null);
        return v == null ? List.of() : repository.indicatorsOf(versionId(dataset, id, v));
    }

    /**
     * Makes an earlier (or any) version the current one again: what the explorer, the API and the metrics read by
     * default. Earlier readings stay reproducible: {@code asOf} an instant before this gives what was current then.
     * Recorded in the audit log.
     */
    @Transactional
    public DatasetVersion makeCurrent(String dataset, int version, String by) {
        int id = datasetId(dataset);
        int versionId = versionId(dataset, id, version);
        if (repository.withdrawn(versionId)) {
            // Withdrawn by an administrator (decision 0033): its rows are kept for the history only.
            throw new kz.agyn.kernel.UserException(kz.agyn.kernel.UserException.Kind.CONFLICT,
                    "warehouse.version.withdrawn", dataset, version);
        }
        DatasetVersion was = repository.versions(id).stream().filter(DatasetVersion::current).findFirst()
                .orElse(null);
        if (was != null && was.version() == version) {
            throw new kz.agyn.kernel.UserException(kz.agyn.kernel.UserException.Kind.CONFLICT,
                    "warehouse.version.alreadyCurrent", dataset, version);
        }
        repository.makeCurrent(id, versionId, by);
        audit.record(AuditAction.VERSION_RESTORED, "dataset", (long) id, 1, dataset + ": version " + version
                + " made current" + (was == null ? "" : " (was version " + was.version() + ")"));
        return repository.versions(id).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    /**
     * What changed from one version of a dataset to another. {@code seesSmallCells} false (a viewer) withholds
     * both values of a difference in which either is a count of 1–4 persons, as every published aggregate does.
     */
    public VersionComparison compare(String dataset, int from, int to, boolean seesSmallCells) {
        int id = datasetId(dataset);
        int a = versionId(dataset, id, from);
        int b = versionId(dataset, id, to);
        var counts = repository.compareCounts(a, b);
        java.util.Map<String, String> units = new java.util.HashMap<>();
        indicators().forEach(i -> units.put(i.code(), i.unit()));
        List<VersionDifference> listed = repository.differences(a, b, VersionComparison.MAX_LISTED).stream()
                .map(d -> seesSmallCells || !(Disclosure.suppressed(units.get(d.indicator()), d.before())
                        || Disclosure.suppressed(units.get(d.indicator()), d.after())) ? d : d.hidden())
                .toList();
        long different = counts.get(VersionDifference.Change.ADDED) + counts.get(VersionDifference.Change.REMOVED)
                + counts.get(VersionDifference.Change.CHANGED);
        return new VersionComparison(dataset, from, to, counts.get(VersionDifference.Change.ADDED),
                counts.get(VersionDifference.Change.REMOVED), counts.get(VersionDifference.Change.CHANGED),
                counts.get(VersionDifference.Change.UNCHANGED), listed, different > listed.size());
    }

    /** What accepting this import did (empty unless it is accepted). */
    public java.util.Optional<ImportOutcome> outcome(ImportReport report) {
        if (report.status() != ImportStatus.ACCEPTED || report.version() == null
                || repository.datasetId(report.dataset()).isEmpty()) {
            return java.util.Optional.empty();
        }
        DatasetVersion version = null;
        Integer currentVersion = null;
        for (DatasetVersion v : versions(report.dataset())) {
            if (v.version() == report.version()) {
                version = v;
            }
            if (v.current()) {
                currentVersion = v.version();
            }
        }
        // A version imported before this file was uploaded was not written by this acceptance.
        boolean fresh = version != null && report.createdAt() != null
                && !version.importedAt().isBefore(report.createdAt());
        return java.util.Optional.of(new ImportOutcome(report.version(), fresh,
                report.version().equals(currentVersion), currentVersion));
    }

    private int datasetId(String dataset) {
        return repository.datasetId(dataset == null ? "" : dataset)
                .orElseThrow(() -> new ImportException("warehouse.dataset.notFound", dataset));
    }

    private int versionId(String dataset, int datasetId, int version) {
        return repository.versionIdOf(datasetId, version).orElseThrow(() -> {
            List<DatasetVersion> all = repository.versions(datasetId);
            String known = all.isEmpty() ? "—" : all.size() == 1 ? String.valueOf(all.get(0).version())
                    : all.get(all.size() - 1).version() + "–" + all.get(0).version();
            return new ImportException("warehouse.version.notFound", dataset, String.valueOf(version), known);
        });
    }

    private void check(ObservationQuery q) {
        if (q.version() != null) {
            if (q.dataset() == null) {
                throw new ImportException("warehouse.version.needsDataset", String.valueOf(q.version()));
            }
            versionId(q.dataset(), datasetId(q.dataset()), q.version());
        }
        for (String p : new String[] {q.periodFrom(), q.periodTo()}) {
            if (p != null) {
                try {
                    kz.agyn.kernel.Period.parse(p);
                } catch (IllegalArgumentException e) {
                    throw new ImportException("warehouse.query.badPeriod", p);
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
