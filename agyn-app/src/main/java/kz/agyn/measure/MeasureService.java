package kz.agyn.measure;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.Period;
import kz.agyn.measure.internal.MeasureRepository;
import kz.agyn.platform.cache.Caches;
import kz.agyn.platform.cache.PerGeneration;
import kz.agyn.reference.Names;
import kz.agyn.registry.cohorts.Breakdown;
import kz.agyn.registry.cohorts.CohortReport;
import kz.agyn.registry.cohorts.CohortRow;
import kz.agyn.registry.cohorts.CohortService;
import kz.agyn.registry.cohorts.SectorBasis;
import kz.agyn.registry.cohorts.Share;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures: checked, stored with their change history, audited, and their KPIs drawn live from the data. The
 * registry's figures come from {@link CohortService} (the cohort dashboard's own definitions), the warehouse's
 * from its current versions, reported values from the users who entered them with evidence.
 */
@Service
public class MeasureService {

    /** Years before the baseline whose actual values are shown and may enter the trend. */
    public static final int YEARS_BEFORE_BASELINE = 4;

    /**
     * The same for a registry KPI: fewer, because each year end is an evaluation of every obligation as of that
     * day (about two seconds on the demonstration's 14,000 awards).
     */
    public static final int REGISTRY_YEARS_BEFORE_BASELINE = 2;

    /** The largest evidence file kept in the database. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    private static final String SUBJECT = "MEASURE";

    private final MeasureRepository repository;
    private final Warehouse warehouse;
    private final CohortService cohorts;
    private final KpiProjection projection;
    private final AuditLog audit;

    /**
     * The registry's shares by formula and day, kept per generation of the registry's data (decision 0042): each
     * is an evaluation of every obligation as of its day (about two seconds on the demonstration's 14,000 awards),
     * and the first request after any change of the registry computes it again, so a return shows at once.
     */
    private final PerGeneration<ShareKey, RegistryShare> registryShares;

    public MeasureService(MeasureRepository repository, Warehouse warehouse, CohortService cohorts,
                          KpiProjection projection, AuditLog audit, Caches caches) {
        this.repository = repository;
        this.warehouse = warehouse;
        this.cohorts = cohorts;
        this.projection = projection;
        this.audit = audit;
        this.registryShares = caches.perGeneration(64, Caches.REGISTRY);
    }

    public List<Measure> measures() {
        return repository.all();
    }

    public Measure measure(long id) {
        return repository.find(id).orElseThrow(() -> MeasureException.notFound(id));
    }

    @Transactional
    public Measure create(MeasureDraft draft, String by) {
        Measure m = check(draft, 0);
        long id = repository.insert(m, by);
        repository.addChange(id, by, "created", null, null);
        audit.record(AuditAction.CREATE, SUBJECT, id, 1, "measure created, KPI " + m.kpi().source());
        return measure(id);
    }

    /** Replaces every field of a measure with the draft's; each field that changed is kept in its history. */
    @Transactional
    public Measure update(long id, MeasureDraft draft, String by) {
        Measure old = measure(id);
        Measure m = check(draft, id);
        Map<String, String[]> changed = differences(MeasureDraft.of(old), MeasureDraft.of(m));
        if (changed.isEmpty()) {
            return old;
        }
        repository.update(id, m, by);
        changed.forEach((field, values) -> repository.addChange(id, by, field, values[0], values[1]));
        audit.record(AuditAction.UPDATE, SUBJECT, id, 1, "measure changed: " + String.join(", ", changed.keySet()));
        return measure(id);
    }

    /** Fields whose values differ, as text before and after, in the draft's order. */
    static Map<String, String[]> differences(MeasureDraft before, MeasureDraft after) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (RecordComponent c : MeasureDraft.class.getRecordComponents()) {
            String a = text(read(c, before));
            String b = text(read(c, after));
            if (!Objects.equals(a, b)) {
                out.put(c.getName(), new String[] {a, b});
            }
        }
        return out;
    }

    private static Object read(RecordComponent c, MeasureDraft d) {
        try {
            return c.getAccessor().invoke(d);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        String s = v.toString();
        return s.isBlank() ? null : s;
    }

    /** A reported value of a manual KPI for a year, replacing one reported before; kept in the history. */
    @Transactional
    public void report(long id, Integer year, BigDecimal value, String evidence, String by) {
        Measure m = measure(id);
        if (m.kpi().source() != KpiSource.MANUAL) {
            throw MeasureException.invalid("measure.error.notManual");
        }
        if (year == null || year < 1990 || year > 2100) {
            throw MeasureException.invalid("measure.error.year");
        }
        if (value == null) {
            throw MeasureException.invalid("measure.error.valueMissing");
        }
        checkRange(m.unit(), value);
        if (blank(evidence) == null) {
            throw MeasureException.invalid("measure.error.evidenceMissing");
        }
        Optional<BigDecimal> old = repository.putValue(id, year, value, evidence.strip(), by);
        repository.addChange(id, by, "value " + year, old.map(BigDecimal::toPlainString).orElse(null),
                value.stripTrailingZeros().toPlainString());
        audit.record(AuditAction.UPDATE, SUBJECT, id, 1, "KPI value reported for " + year);
    }

    /**
     * A comment, with a link or a file as evidence. Comments are about the measure, not about people; they are
     * audited all the same, as every change of a measure is.
     */
    @Transactional
    public long comment(long id, String body, String link, MeasureRepository.StoredFile file, String by) {
        measure(id);
        if (blank(body) == null) {
            throw MeasureException.invalid("measure.error.commentMissing");
        }
        String url = blank(link);
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            throw MeasureException.invalid("measure.error.link");
        }
        if (file != null && file.content().length > MAX_FILE_BYTES) {
            throw MeasureException.invalid("measure.error.fileTooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        long comment = repository.addComment(id, body.strip(), url, file, by);
        audit.record(AuditAction.CREATE, "MEASURE_COMMENT", comment, 1, "comment on measure " + id
                + (file != null ? " with a file" : url != null ? " with a link" : ""));
        return comment;
    }

    public List<MeasureComment> comments(long id) {
        return repository.comments(id);
    }

    public List<MeasureChange> changes(long id) {
        return repository.changes(id);
    }

    /** An evidence file, its read audited. */
    public MeasureRepository.StoredFile file(long id, long comment) {
        MeasureRepository.StoredFile f = repository.file(id, comment)
                .orElseThrow(() -> new MeasureException(MeasureException.Kind.NOT_FOUND, "measure.error.noFile"));
        audit.record(AuditAction.VIEW, "MEASURE_COMMENT", comment, 1, "evidence file of measure " + id);
        return f;
    }

    /** Records that a measure or the board left as a file. */
    public void exported(Long id, int measures) {
        audit.record(AuditAction.EXPORT, SUBJECT, id, measures, id == null ? "measures board" : "measure");
    }

    /** Every measure's KPI, in the order of the measures. */
    public List<KpiReport> board(Locale locale) {
        return measures().stream().map(m -> kpi(m, locale)).toList();
    }

    public KpiReport kpi(long id, Locale locale) {
        return kpi(measure(id), locale);
    }

    /** The KPI's actual values, projection and light, as of today. */
    public KpiReport kpi(Measure m, Locale locale) {
        return kpi(m, locale, LocalDate.now());
    }

    /**
     * As {@link #kpi(Measure, Locale)}, the light judged as of {@code day}: a note dated a day says where the
     * measure stood that day (whether its deadline had passed), not where it stands when the note is read.
     */
    public KpiReport kpi(Measure m, Locale locale, LocalDate day) {
        List<KpiPoint> actual;
        List<KpiReport.Source> sources = new ArrayList<>();
        String problem = null;
        switch (m.kpi().source()) {
            case WAREHOUSE -> {
                if (warehouse.indicator(m.kpi().indicator()).isEmpty()) {
                    actual = List.of();
                    problem = "measure.error.indicatorGone";
                } else {
                    actual = warehouseValues(m, locale, sources);
                }
            }
            case REGISTRY -> actual = registryValues(m, sources);
            default -> {
                actual = repository.values(m.id()).stream()
                        .map(v -> new KpiPoint(v.year(), Integer.toString(v.year()), v.value().doubleValue(),
                                v.evidence())).toList();
                sources.add(new KpiReport.Source(KpiSource.MANUAL, null, null, null, null, false));
            }
        }
        int deadlineYear = m.deadline().getYear();
        Projection p = projection.project(m, actual, deadlineYear).orElse(null);
        StatusRule.Verdict verdict = StatusRule.judge(m, actual, p, day);
        return new KpiReport(m, actual, p, verdict, sources, problem);
    }

    /**
     * One figure a year: of the selection's observations (the dataset named, else a real one before a synthetic one
     * and then the one holding most of them, ties by code), the latest period of each year, so a monthly series is followed by its last month.
     */
    private List<KpiPoint> warehouseValues(Measure m, Locale locale, List<KpiReport.Source> sources) {
        KpiFormula f = m.kpi();
        String from = Integer.toString(m.baseline().year() - YEARS_BEFORE_BASELINE);
        List<Observation> found = warehouse.observations(new ObservationQuery(f.indicator(), f.selection(), from,
                null, f.dataset(), null, 0, ObservationQuery.MAX_PAGE_SIZE)).stream()
                .filter(o -> o.value() != null).toList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Long> perDataset = new TreeMap<>();
        found.forEach(o -> perDataset.merge(o.dataset(), 1L, Long::sum));
        // Real data over synthetic wherever both exist: a published series imported beside the demonstration's
        // takes over even when it holds fewer years.
        Map<String, Boolean> real = new TreeMap<>();
        perDataset.keySet().forEach(code -> real.put(code,
                warehouse.dataset(code).map(d -> !d.synthetic()).orElse(false)));
        String dataset = perDataset.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>, Boolean>comparing(e -> real.get(e.getKey()))
                        .thenComparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        TreeMap<Integer, Observation> byYear = new TreeMap<>();
        TreeMap<Integer, Period> periodOf = new TreeMap<>();
        for (Observation o : found) {
            if (!o.dataset().equals(dataset)) {
                continue;
            }
            Period period;
            try {
                period = Period.parse(o.period());
            } catch (IllegalArgumentException e) {
                continue;
            }
            Period before = periodOf.get(period.year());
            if (before == null || period.end().isAfter(before.end())) {
                periodOf.put(period.year(), period);
                byYear.put(period.year(), o);
            }
        }
        warehouse.dataset(dataset).ifPresent(d -> sources.add(source(d, locale)));
        List<KpiPoint> out = new ArrayList<>();
        byYear.forEach((year, o) -> out.add(new KpiPoint(year, o.period(), o.scaledValue().doubleValue(),
                o.dataset() + " v" + o.version())));
        return out;
    }

    private static KpiReport.Source source(DatasetInfo d, Locale locale) {
        return new KpiReport.Source(KpiSource.WAREHOUSE, d.code(), d.title().in(locale), d.publisher(), d.licence(),
                d.synthetic());
    }

    /**
     * The registry's share at the end of each year from two years before the baseline, and on the cohort
     * dashboard's default day for the last year (today, or the demonstration's day while every record is
     * synthetic): the cohort service evaluates every obligation as of that day.
     */
    private List<KpiPoint> registryValues(Measure m, List<KpiReport.Source> sources) {
        CohortService.DefaultDay last = cohorts.defaultDay();
        boolean synthetic = false;
        List<KpiPoint> out = new ArrayList<>();
        for (int year = m.baseline().year() - REGISTRY_YEARS_BEFORE_BASELINE; year <= last.day().getYear();
             year++) {
            LocalDate day = year == last.day().getYear() ? last.day() : LocalDate.of(year, 12, 31);
            RegistryShare found = registryShares.get(new ShareKey(m.kpi().registry(), day),
                    () -> registryShare(m.kpi().registry(), day));
            synthetic |= found.synthetic();
            Share share = found.share();
            if (share != null && share.defined()) {
                out.add(new KpiPoint(year, day.toString(), share.value() * 100,
                        share.count() + " / " + share.base()));
            }
        }
        sources.add(new KpiReport.Source(KpiSource.REGISTRY, null, null, null, null, synthetic));
        return out;
    }

    /** A registry share as of a day, and whether demonstration records were counted. */
    private record RegistryShare(Share share, boolean synthetic) {
    }

    private record ShareKey(RegistryFormula formula, LocalDate day) {
    }

    private RegistryShare registryShare(RegistryFormula formula, LocalDate day) {
        CohortReport report = cohorts.report(null, Breakdown.GRADUATION_YEAR, SectorBasis.FIRST_JOB, day, false);
        CohortRow total = report.table().total();
        return new RegistryShare(formula == RegistryFormula.RETURN_RATE ? total.returnRate() : total.workingOff(),
                report.synthetic() > 0);
    }

    /** The draft as a measure, or the first thing wrong with it. */
    Measure check(MeasureDraft d, long id) {
        Names names = names(d.nameKk(), d.nameRu(), d.nameEn(), "measure.error.name");
        Names owner = names(d.ownerKk(), d.ownerRu(), d.ownerEn(), "measure.error.owner");
        if (d.budgetKzt() != null && d.budgetKzt().signum() < 0) {
            throw MeasureException.invalid("measure.error.budgetNegative");
        }
        if (d.kpiSource() == null) {
            throw MeasureException.invalid("measure.error.source");
        }
        if (d.kpiUnit() == null) {
            throw MeasureException.invalid("measure.error.unit");
        }
        KpiFormula kpi = switch (d.kpiSource()) {
            case WAREHOUSE -> {
                String indicator = blank(d.indicator());
                if (indicator == null) {
                    throw MeasureException.invalid("measure.error.indicatorMissing");
                }
                if (warehouse.indicator(indicator).isEmpty()) {
                    throw MeasureException.invalid("measure.error.indicatorUnknown", indicator);
                }
                String dataset = blank(d.dataset());
                if (dataset != null && warehouse.dataset(dataset).isEmpty()) {
                    throw MeasureException.invalid("measure.error.datasetUnknown", dataset);
                }
                yield KpiFormula.warehouse(indicator, dataset, KpiFormula.parseFilters(d.filters()));
            }
            case REGISTRY -> {
                if (d.registryFormula() == null) {
                    throw MeasureException.invalid("measure.error.formula");
                }
                if (d.kpiUnit() != KpiUnit.PERCENT) {
                    throw MeasureException.invalid("measure.error.registryPercent");
                }
                yield KpiFormula.registry(d.registryFormula());
            }
            case MANUAL -> KpiFormula.manual();
        };
        if (d.baselineValue() == null || d.baselineYear() == null) {
            throw MeasureException.invalid("measure.error.baselineMissing");
        }
        if (d.targetValue() == null || d.targetYear() == null) {
            throw MeasureException.invalid("measure.error.targetMissing");
        }
        for (int year : new int[] {d.baselineYear(), d.targetYear()}) {
            if (year < 1990 || year > 2100) {
                throw MeasureException.invalid("measure.error.year");
            }
        }
        if (d.targetValue().compareTo(d.baselineValue()) == 0) {
            throw MeasureException.invalid("measure.error.targetEqualsBaseline");
        }
        if (d.targetYear() < d.baselineYear()) {
            throw MeasureException.invalid("measure.error.targetBeforeBaseline");
        }
        checkRange(d.kpiUnit(), d.baselineValue());
        checkRange(d.kpiUnit(), d.targetValue());
        if (d.deadline() == null) {
            throw MeasureException.invalid("measure.error.deadlineMissing");
        }
        if (d.deadline().getYear() < d.baselineYear()) {
            throw MeasureException.invalid("measure.error.deadlineBeforeBaseline",
                    Integer.toString(d.baselineYear()));
        }
        if (d.deadline().getYear() < d.targetYear()) {
            throw MeasureException.invalid("measure.error.deadlineBeforeTarget",
                    Integer.toString(d.targetYear()));
        }
        return new Measure(id, names, owner, blank(d.legalBasis()), d.budgetKzt(), kpi, d.kpiUnit(),
                new Measure.YearValue(d.baselineValue(), d.baselineYear()),
                new Measure.YearValue(d.targetValue(), d.targetYear()), d.deadline(),
                d.status() == null ? MeasureStatus.ADOPTED : d.status(), false, null, null);
    }

    private static void checkRange(KpiUnit unit, BigDecimal value) {
        if (value.signum() < 0) {
            throw MeasureException.invalid("measure.error.negative");
        }
        if (unit == KpiUnit.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw MeasureException.invalid("measure.error.percentRange");
        }
    }

    private static Names names(String kk, String ru, String en, String error) {
        if (blank(kk) == null || blank(ru) == null || blank(en) == null) {
            throw MeasureException.invalid(error);
        }
        return new Names(kk.strip(), ru.strip(), en.strip());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
