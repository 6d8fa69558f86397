package kz.agyn.audit;

import java.time.LocalDate;

/** Filters of the audit log; any may be null. Pages count from 0. */
public record AuditQuery(String actor, AuditAction action, String subjectType, Long subjectId, LocalDate from,
                         LocalDate to, int page, int size, AuditKind kind) {

    public static final int MAX_PAGE_SIZE = 1000;

    public AuditQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 100 : Math.min(size, MAX_PAGE_SIZE);
    }

    /** Any kind of event. */
    public AuditQuery(String actor, AuditAction action, String subjectType, Long subjectId, LocalDate from,
                      LocalDate to, int page, int size) {
        this(actor, action, subjectType, subjectId, from, to, page, size, null);
    }
}
