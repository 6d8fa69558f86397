package kz.agyn.jobs;

/** Thrown by work that stopped because its job was cancelled; {@link Jobs#submit} records it as CANCELLED. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException() {
        super("cancelled", null, false, false);
    }
}
