package kz.agyn.registry.monitoring;

import java.util.List;
import java.util.Map;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.keys.PersonalDataCipher;
import kz.agyn.registry.monitoring.internal.WorklistRepository;
import kz.agyn.registry.scholars.ScholarService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The registry officers' worklist: monitoring tasks with filters, the "done" action and exports. Officers and
 * administrators see names (and, in exports, IINs) and the officers' notes; analysts see the same lines under
 * pseudonyms without the notes (free text about a person, stored encrypted); anyone else is refused. Every page or
 * export that shows names is written to the audit log with the number of people in it.
 */
@Service
public class WorklistService {

    /** How many lines an export may hold: far above the registry's size, low enough to bound memory. */
    public static final int EXPORT_LIMIT = 200_000;
    private static final String SUBJECT = RegistryAudit.SCHOLAR;

    private final WorklistRepository repository;
    private final ScholarService scholars;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;

    public WorklistService(WorklistRepository repository, ScholarService scholars, AuditLog audit,
                           PersonalDataCipher cipher) {
        this.repository = repository;
        this.scholars = scholars;
        this.audit = audit;
        this.cipher = cipher;
    }

    public WorklistPage page(WorklistQuery q, Access access) {
        requireRead(access);
        WorklistRepository.Filter f = filter(q);
        long total = repository.count(f);
        List<WorklistLine> lines = lines(repository.rows(f, q.page() * q.size(), q.size()), access, false);
        if (!lines.isEmpty()) {
            audit.record(AuditAction.VIEW, SUBJECT, lines.size() == 1 ? lines.get(0).scholarId() : null, lines.size(),
                    "worklist " + detail(access));
        }
        int pages = (int) Math.max(1, (total + q.size() - 1) / q.size());
        return new WorklistPage(q, total, pages, access == Access.PERSONAL, lines);
    }

    /** Every line matching the filters, for a CSV or XLSX file; audited as an export of {@code format}. */
    public List<WorklistLine> export(WorklistQuery q, Access access, String format) {
        requireRead(access);
        List<WorklistLine> lines = lines(repository.rows(filter(q), 0, EXPORT_LIMIT), access, true);
        audit.record(AuditAction.EXPORT, SUBJECT, null, lines.size(),
                "worklist " + format + " " + detail(access) + " " + q.queryString());
        return lines;
    }

    /** An officer marks a task done with a note saying what was done. */
    public void done(long taskId, String note, Access access, String by) {
        if (!access.mayEdit()) {
            throw new AccessDeniedException("registry.access.denied");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw RegistryException.invalid("monitoring.done.noteRequired");
        }
        if (text.length() > 1000) {
            throw RegistryException.invalid("monitoring.done.noteTooLong", 1000);
        }
        WorklistRepository.Task task = repository.task(taskId)
                .orElseThrow(() -> RegistryException.notFound("monitoring.task.notFound", Long.toString(taskId)));
        if (task.doneAt() != null
                || !repository.done(taskId, by, cipher.encrypt(EncryptedText.TASK_NOTE.field(), text))) {
            throw RegistryException.conflict("monitoring.task.alreadyDone", Long.toString(taskId));
        }
        audit.record(AuditAction.UPDATE, SUBJECT, task.scholarId(), 1, "worklist task " + taskId + " done");
    }

    private List<WorklistLine> lines(List<WorklistRepository.Row> rows, Access access, boolean withIin) {
        Map<Long, ScholarService.Identity> who = scholars.identities(
                rows.stream().map(WorklistRepository.Row::scholarId).distinct().toList(), access);
        boolean personal = access == Access.PERSONAL;
        return rows.stream().map(r -> {
            ScholarService.Identity id = who.get(r.scholarId());
            boolean auto = r.doneAt() != null && MonitoringService.ACTOR.equals(r.doneBy());
            String note = auto ? MonitoringService.AUTO_CLOSED
                    : personal && r.note() != null ? cipher.decrypt(EncryptedText.TASK_NOTE.field(), r.note()) : null;
            return new WorklistLine(r.taskId(), TaskKind.valueOf(r.kind()), r.dueOn(), r.createdAt(), r.doneAt(),
                    r.doneBy(), note, !personal && !auto && r.note() != null, r.awardId(), r.scholarId(), r.pseudonym(), id == null ? null : id.name(),
                    id == null || !withIin ? null : id.iin(), r.callYear(), r.degree(), r.hostCountry(), r.state(),
                    r.daysLeft(), r.returnDeadline(), r.jobRegion(), r.jobCountry(), r.synthetic(),
                    r.owedIfDeclared());
        }).toList();
    }

    private static WorklistRepository.Filter filter(WorklistQuery q) {
        return new WorklistRepository.Filter(q.kind() == null ? null : q.kind().name(),
                q.region() == null ? null : q.region().substring(0, 2), q.callYear(), q.degree(), q.country(),
                "all".equals(q.status()) ? null : "open".equals(q.status()));
    }

    private static String detail(Access access) {
        return access == Access.PERSONAL ? "personal" : "pseudonymised";
    }

    private static void requireRead(Access access) {
        if (access == Access.NONE) {
            throw new AccessDeniedException("registry.access.denied");
        }
    }
}
