package kz.agyn.registry.monitoring;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One task of the worklist with what an officer needs to act on it. {@code name} and {@code iin} are null for
 * an analyst (the scholar is known by the pseudonym); {@code iin} is filled only in an officer's export.
 * {@code note} is the officer's note on a done task, null for an analyst, who is told by {@code noteHidden} that
 * there is one; for a task the monitoring pass closed it is {@link MonitoringService#AUTO_CLOSED}, a message key.
 * {@code jobRegion} and {@code jobCountry} are those of the scholar's latest job, if any.
 */
public record WorklistLine(long taskId, TaskKind kind, LocalDate dueOn, Instant createdAt, Instant doneAt,
                           String doneBy, String note, boolean noteHidden, long awardId, long scholarId, String pseudonym, String name,
                           String iin, int callYear, String degree, String hostCountry, String state,
                           Integer daysLeft, LocalDate returnDeadline, String jobRegion, String jobCountry,
                           boolean synthetic) {

    public boolean open() {
        return doneAt == null;
    }

    /** Whether the monitoring pass closed this task itself (its note is then a message key). */
    public boolean autoClosed() {
        return doneAt != null && MonitoringService.ACTOR.equals(doneBy);
    }
}
