package kz.agyn.registry.cohorts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.agyn.note.NoteFigure;
import kz.agyn.registry.DemonstrationDay;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.cohorts.internal.CohortRepository;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.ObligationStatus;
import org.springframework.stereotype.Service;

/**
 * Cohort analytics of the registry: the note's Table 3 computed from records next to the note's own figures,
 * a breakdown table and time-to-return curves. Only aggregates leave this service; callers who may not see
 * small numbers get the suppressed version.
 */
@Service
public class CohortService {

    private final CohortRepository repository;
    private final kz.agyn.note.NoteFigures note;
    private final ObligationService obligations;
    private final DemonstrationDay demonstration;

    public CohortService(CohortRepository repository, kz.agyn.note.NoteFigures note, ObligationService obligations,
                         DemonstrationDay demonstration, kz.agyn.platform.cache.Caches caches) {
        this.repository = repository;
        this.note = note;
        this.obligations = obligations;
        this.demonstration = demonstration;
        // Every record read and its obligation evaluated: under load (docs/benchmarks.md) the cohort page took a
        // quarter of the application's CPU. Kept per generation of the registry and the note, and per day.
        this.reports = caches.perGeneration(500, kz.agyn.platform.cache.Caches.REGISTRY,
                kz.agyn.platform.cache.Caches.NOTE);
    }

    private record ReportKey(String programme, Breakdown breakdown, SectorBasis basis, LocalDate asOf,
                             boolean maySeeSmallCells, LocalDate today) {
    }

    private final kz.agyn.platform.cache.PerGeneration<ReportKey, CohortReport> reports;

    /**
     * Everything the cohort dashboard shows.
     *
     * @param programme        the programme, or null for all
     * @param breakdown        what the table and the curves are grouped by
     * @param basis            which job puts a returnee in a sector
     * @param asOf             the day to describe, or null for {@link #defaultDay()}
     * @param maySeeSmallCells whether the caller may see groups under the minimum cell size
     */
    public CohortReport report(String programme, Breakdown breakdown, SectorBasis basis, LocalDate asOf,
                               boolean maySeeSmallCells) {
        return reports.get(new ReportKey(programme, breakdown, basis, asOf, maySeeSmallCells, obligations.today()),
                () -> compute(programme, breakdown, basis, asOf, maySeeSmallCells));
    }

    private CohortReport compute(String programme, Breakdown breakdown, SectorBasis basis, LocalDate asOf,
                                 boolean maySeeSmallCells) {
        DefaultDay fallback = defaultDay();
        LocalDate day = asOf != null ? asOf : fallback.day();
        AsOfBasis why = asOf != null ? AsOfBasis.ASKED : fallback.basis();
        if (day.isAfter(obligations.today())) {
            throw RegistryException.invalid("registry.cohort.future");
        }
        List<CohortRecord> records = repository.records(programme, day);
        if (!day.equals(repository.evaluatedOn())) {
            records = asOf(records, obligations.evaluateAll(day));
        }
        LocalDate asOfDay = day;
        CohortTable table = CohortTable.build(records, breakdown, asOfDay, CohortTable.DEFAULT_MIN_CELL, basis)
                .visibleTo(maySeeSmallCells);
        Table3 table3 = Table3.compute(records, asOfDay, noteFigures(), basis);
        KmCurve overall = KaplanMeier.fit(records, asOfDay);
        List<KmCurve> curves = KaplanMeier.byGroup(records, breakdown, asOfDay, CohortTable.DEFAULT_MIN_CELL).stream()
                .map(c -> c.visibleTo(maySeeSmallCells)).toList();
        long synthetic = records.stream().filter(CohortRecord::synthetic).count();
        long lost = records.stream().filter(CohortRecord::lostDuringStudy).count();
        // A small count of withdrawn scholarships could single people out, as a small cell of the table could.
        Long lostShown = maySeeSmallCells || lost == 0 || lost >= CohortTable.DEFAULT_MIN_CELL ? lost : null;
        return new CohortReport(programme, asOfDay, why, fallback.demonstrationDay(), breakdown, basis,
                records.size(), synthetic, table, table3, overall, curves, noteSource(), lostShown);
    }

    /** The programmes the registry holds awards of, for choosing one. */
    public List<String> programmes() {
        return repository.programmes();
    }

    /** The note's citation of the source of its Table 3, e.g. "[5] …". */
    private String noteSource() {
        return note.figure(NoteFigures.ABROAD)
                .flatMap(f -> note.source(f.sourceCode()).map(d -> f.citedAs() + " " + d.citation()))
                .orElse(null);
    }

    /**
     * The day the dashboard describes unless asked otherwise, and why.
     *
     * @param day              the day
     * @param basis            which branch of the rule gave it
     * @param demonstrationDay the configured demonstration day, shown beside it
     */
    public record DefaultDay(LocalDate day, AsOfBasis basis, LocalDate demonstrationDay) {

        /**
         * The rule: while every award held is synthetic, the demonstration's day (evaluated later, every synthetic
         * graduate due after it would look overdue, because the synthetic world has no events after it); as soon
         * as one real record is held (or none at all), today, because real records are about the present. The
         * switch is the one place the default moves by itself, so the page and the API name the branch taken.
         */
        public static DefaultDay of(boolean onlySynthetic, LocalDate demonstrationDay, LocalDate today) {
            return onlySynthetic ? new DefaultDay(demonstrationDay, AsOfBasis.DEMONSTRATION, demonstrationDay)
                    : new DefaultDay(today, AsOfBasis.TODAY, demonstrationDay);
        }
    }

    /** The default day under {@link DefaultDay#of}'s rule for the registry as it is now. */
    public DefaultDay defaultDay() {
        return DefaultDay.of(repository.onlySynthetic(), demonstration.asOf(), obligations.today());
    }

    /** The records with the obligation state each award had on another day. */
    private static List<CohortRecord> asOf(List<CohortRecord> records, Map<Long, ObligationStatus> statuses) {
        List<CohortRecord> out = new ArrayList<>(records.size());
        for (CohortRecord r : records) {
            ObligationStatus s = statuses.get(r.awardId());
            if (s == null) {
                out.add(r);
                continue;
            }
            out.add(new CohortRecord(r.awardId(), r.programme(), r.callYear(), r.degree(), r.field(),
                    r.hostCountry(), r.sex(), r.studyEnd(),
                    s.state() != ObligationState.STUDYING && !r.lostDuringStudy(), s.returnedOn(), s.state(),
                    r.firstSector(), r.currentSector(), r.abroadNow(), r.synthetic(), r.lostDuringStudy()));
        }
        return out;
    }

    /** The note's Table 3 figures as fractions (the note stores percentages). */
    public NoteFigures noteFigures() {
        return new NoteFigures(count(NoteFigures.SCHOLARS), count(NoteFigures.GRADUATES_PER_YEAR),
                share(NoteFigures.ABROAD), share(NoteFigures.PUBLIC), share(NoteFigures.PRIVATE),
                share(NoteFigures.RESEARCH));
    }

    private Long count(String code) {
        return note.figure(code).map(f -> f.value().longValueExact()).orElse(null);
    }

    private double share(String code) {
        NoteFigure f = note.require(code);
        return f.value().divide(BigDecimal.valueOf(100)).doubleValue();
    }
}
