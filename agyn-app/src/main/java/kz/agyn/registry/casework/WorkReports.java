package kz.agyn.registry.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.casework.internal.CaseworkRepository;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.keys.PersonalDataCipher;
import kz.agyn.registry.obligation.ObligationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The six-monthly work reports of work-off: the schedule of each award (a period every {@code interval-months}
 * from the start of work), the reports received, and the tasks monitoring raises for reports due and overdue.
 * The interval is configuration ({@code agyn.registry.reports.interval-months}, 6 as the operator publishes it),
 * like the reminder horizon and the grace period, so a change of rule is not a change of code.
 */
@Service
public class WorkReports {

    static final int TEXT_MAX = 200;

    private final CaseworkRepository repository;
    private final RegistryRepository registry;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ObligationService obligations;
    private final int months;
    private final int soonDays;
    private final int graceDays;

    public WorkReports(CaseworkRepository repository, RegistryRepository registry, PersonalDataCipher cipher,
                       AuditLog audit, ObligationService obligations,
                       @Value("${agyn.registry.reports.interval-months:6}") int months,
                       @Value("${agyn.registry.reports.soon-days:30}") int soonDays,
                       @Value("${agyn.registry.reports.grace-days:30}") int graceDays) {
        this.repository = repository;
        this.registry = registry;
        this.cipher = cipher;
        this.audit = audit;
        this.obligations = obligations;
        this.months = months;
        this.soonDays = soonDays;
        this.graceDays = graceDays;
    }

    /** The schedule of an award as of {@code asOf} (today when null); employer and position for personal access. */
    public List<ReportPeriod> schedule(long awardId, LocalDate asOf, Access access) {
        requireRead(access);
        long scholar = scholarOf(awardId);
        LocalDate day = asOf == null ? obligations.today() : asOf;
        boolean personal = access == Access.PERSONAL;
        audit.record(AuditAction.VIEW, RegistryAudit.SCHOLAR, scholar, 1,
                "work reports" + (personal ? " personal" : " pseudonymised"));
        return repository.schedule(awardId, day, months).stream().map(r -> new ReportPeriod(r.awardId(), r.period(),
                r.from(), r.dueOn(), status(r.dueOn(), r.receivedOn(), day),
                r.receivedOn(), personal ? open(EncryptedText.REPORT_EMPLOYER, r.employer()) : null,
                personal ? open(EncryptedText.REPORT_POSITION, r.position()) : null)).toList();
    }

    /** Records a report received for a period of the schedule; officers only. */
    @Transactional
    public long record(long awardId, NewWorkReport r, Access access, String by) {
        requireEdit(access);
        long scholar = scholarOf(awardId);
        if (r == null || r.period() == null) {
            throw RegistryException.invalid("registry.casework.report.periodRequired");
        }
        LocalDate today = obligations.today();
        LocalDate received = r.receivedOn() == null ? today : r.receivedOn();
        if (received.isAfter(today)) {
            throw RegistryException.invalid("registry.casework.futureDate", received);
        }
        String employer = text("employer", r.employer());
        String position = text("position", r.position());
        CaseworkRepository.PeriodRow period = repository.schedule(awardId, today, months).stream()
                .filter(p -> p.period() == r.period()).findFirst()
                .orElseThrow(() -> RegistryException.invalid("registry.casework.report.noSuchPeriod", r.period()));
        if (repository.reportExists(awardId, r.period())) {
            throw RegistryException.conflict("registry.casework.report.exists", r.period());
        }
        long id = repository.insertReport(awardId, r.period(), period.dueOn(), received,
                cipher.encrypt(EncryptedText.REPORT_EMPLOYER.field(), employer),
                cipher.encrypt(EncryptedText.REPORT_POSITION.field(), position), by);
        audit.record(AuditAction.UPDATE, RegistryAudit.SCHOLAR, scholar, 1, "work report " + r.period());
        return id;
    }

    /**
     * The report tasks monitoring should hold open on {@code today}: per award still working off, "report due"
     * for a period ending within the horizon or in its grace period, "report overdue" (dated by the earliest
     * missed period) once a grace period has run out. Dates and award ids only: nothing personal.
     */
    public List<ReportTask> tasks(LocalDate today) {
        Map<String, ReportTask> out = new LinkedHashMap<>();
        for (CaseworkRepository.PeriodRow p : repository.missing(today, months, soonDays)) {
            ReportStatus s = status(p.dueOn(), null, today);
            if (s == ReportStatus.UPCOMING) {
                continue;
            }
            boolean overdue = s == ReportStatus.OVERDUE;
            // Rows come by period, so the first overdue period of an award is the earliest one.
            out.putIfAbsent(p.awardId() + (overdue ? "/o" : "/d"), new ReportTask(p.awardId(), overdue, p.dueOn()));
        }
        return new ArrayList<>(out.values());
    }

    /** Where a report stands on {@code asOf}. */
    ReportStatus status(LocalDate dueOn, LocalDate receivedOn, LocalDate asOf) {
        if (receivedOn != null && !receivedOn.isAfter(asOf)) {
            return ReportStatus.RECEIVED;
        }
        if (asOf.isBefore(dueOn.minusDays(soonDays))) {
            return ReportStatus.UPCOMING;
        }
        return asOf.isAfter(dueOn.plusDays(graceDays)) ? ReportStatus.OVERDUE : ReportStatus.DUE;
    }

    /** The grace period after a period's end, in days: for the reminder letter's deadline. */
    public int graceDays() {
        return graceDays;
    }

    private long scholarOf(long awardId) {
        return registry.award(awardId).orElseThrow(() -> RegistryException.notFound("registry.award.notFound",
                awardId)).scholarId();
    }

    private String open(EncryptedText column, byte[] value) {
        return value == null ? null : cipher.decrypt(column.field(), value);
    }

    private static String text(String field, String value) {
        return text(field, value, TEXT_MAX);
    }

    static String text(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw RegistryException.invalid("registry.casework.required", field);
        }
        if (v.length() > max) {
            throw RegistryException.invalid("registry.field.tooLong", field, max);
        }
        return v;
    }

    // As the scholar card refuses: "not found", so that a refusal does not confirm the record exists.
    static void requireRead(Access access) {
        if (access == null || access == Access.NONE) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
    }

    static void requireEdit(Access access) {
        if (access == null || !access.mayEdit()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
    }
}
