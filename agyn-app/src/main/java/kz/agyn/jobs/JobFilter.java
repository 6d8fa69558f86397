package kz.agyn.jobs;

/** Which jobs to list: any of the three may be null (no filter); newest first, at most {@code limit}. */
public record JobFilter(JobKind kind, String startedBy, JobState state, int limit) {

    public JobFilter {
        limit = Math.max(1, Math.min(limit, 1000));
        startedBy = startedBy == null || startedBy.isBlank() ? null : startedBy.trim();
    }

    public static JobFilter recent(int limit) {
        return new JobFilter(null, null, null, limit);
    }
}
