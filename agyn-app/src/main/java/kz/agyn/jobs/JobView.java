package kz.agyn.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job as recorded. {@code total} is null while unknown; {@code outcome} is a message code (with
 * {@code outcomeArgs}) rendered in the reader's language when shown, so that a job started in one language reads
 * in another; {@code resultLink} is the page that shows what the job made.
 */
public record JobView(UUID id, JobKind kind, String startedBy, Map<String, String> parameters, JobState state,
                      String phase, long done, Long total, boolean cancelRequested, Instant startedAt,
                      Instant updatedAt, Instant endedAt, String outcome, List<String> outcomeArgs,
                      String resultLink) {

    public JobView {
        parameters = Map.copyOf(parameters);
        outcomeArgs = outcomeArgs == null ? List.of() : List.copyOf(outcomeArgs);
    }

    /** The same job with its counts as they are in memory now, between two writes of its record. */
    public JobView withProgress(String phase, long done, Long total, boolean cancelRequested) {
        return new JobView(id, kind, startedBy, parameters, state, phase, done, total, cancelRequested, startedAt,
                updatedAt, endedAt, outcome, outcomeArgs, resultLink);
    }

    /** 0–100, or -1 while the total is unknown. */
    public int percent() {
        if (state.over() && state == JobState.SUCCEEDED) {
            return 100;
        }
        if (total == null || total <= 0) {
            return -1;
        }
        return (int) Math.min(100, done * 100 / total);
    }
}
