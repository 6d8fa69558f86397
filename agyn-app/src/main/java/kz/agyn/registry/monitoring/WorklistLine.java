package kz.agyn.registry.monitoring;

import java.time.Instant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One task of the worklist with what an officer needs to act on it. {@code name} and {@code iin} are null for
 * an analyst (the scholar is known by the pseudonym); {@code iin} is filled only in an officer's export.
 * {@code note} is the officer's note on a done task, null for an analyst, who is told by {@code noteHidden} that
 * there is one; for a task the monitoring pass closed it is {@link MonitoringService#AUTO_CLOSED}, a message key.
 * {@code jobRegion} and {@code jobCountry} are those of the scholar's latest job, if any. {@code owedIfDeclaredKzt}
 * is what a breach declared today would cost (docs/decisions/0024 §5), given only when the scholar is overdue or a
 * breach could be declared.
 */
public record WorklistLine(long taskId, TaskKind kind, LocalDate dueOn, Instant createdAt, Instant doneAt,
                           String doneBy, String note, boolean noteHidden, long awardId, long scholarId, String pseudonym, String name,
                           String iin, int callYear, String degree, String hostCountry, String state,
                           Integer daysLeft, LocalDate returnDeadline, String jobRegion, String jobCountry,
                           boolean synthetic, BigDecimal owedIfDeclaredKzt) {

    /**
     * Days from the due date to {@code today}: positive when the task is overdue by that many days, 0 on the day,
     * negative when it is due later; null without a due date.
     */
    public Long daysPastDue(LocalDate today) {
        return dueOn == null ? null : ChronoUnit.DAYS.between(dueOn, today);
    }

    public boolean open() {
        return doneAt == null;
    }

    /** Whether the monitoring pass closed this task itself (its note is then a message key). */
    public boolean autoClosed() {
        return doneAt != null && MonitoringService.ACTOR.equals(doneBy);
    }
}
