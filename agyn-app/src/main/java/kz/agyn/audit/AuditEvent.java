package kz.agyn.audit;

import java.time.Instant;

/** One audited act. {@code records} counts the people concerned (a search or an export may touch many). */
public record AuditEvent(long id, Instant at, String actor, String roles, AuditAction action, String subjectType,
                         Long subjectId, int records, String channel, String detail) {
}
