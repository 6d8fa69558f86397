package kz.agyn.jobs;

/** Where a job is. Only {@link #RUNNING} is not over. */
public enum JobState {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean over() {
        return this != RUNNING;
    }
}
