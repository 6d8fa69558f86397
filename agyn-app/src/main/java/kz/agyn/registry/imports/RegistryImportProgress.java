package kz.agyn.registry.imports;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * How far one bulk import has come, and whether it has been asked to stop. The import thread moves it on; the
 * page, the API and the command line read it. It carries counts only, never a row's content: progress is shown
 * and may be logged, and the files hold IINs and names.
 *
 * <p>Cancelling and committing exclude each other: a cancel that arrives before the import's last check is
 * honoured and the transaction is rolled back; once the import has passed that check it commits, and a late
 * cancel is refused, so "cancelled" always means "nothing was written".
 */
public final class RegistryImportProgress {

    /** The import's steps, in order. */
    public enum Phase {
        /** Waiting for another import to finish: two at once would check against a registry about to change. */
        QUEUED,
        /** Parsing the files; counts bytes read. */
        READING,
        /** Uniqueness checks against the file and the registry; counts rows. */
        CHECKING,
        /** Encrypting and copying rows into the registry, in one transaction; counts rows. */
        WRITING,
        /** Evaluating every obligation again, in the same transaction. */
        OBLIGATIONS,
        /** Finished, whatever the outcome. */
        DONE
    }

    private static final int RUNNING = 0;
    private static final int CANCELLED = 1;
    private static final int COMMITTING = 2;

    /** Thrown on the import thread where it notices it was cancelled; rolls the transaction back. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("registry import cancelled", null, false, false);
        }
    }

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final Consumer<Phase> onPhase;
    private volatile Phase phase = Phase.QUEUED;
    private volatile Runnable whileCommitting = () -> { };

    public RegistryImportProgress() {
        this(p -> { });
    }

    /** {@code onPhase} hears each phase as it begins, on the import thread. */
    public RegistryImportProgress(Consumer<Phase> onPhase) {
        this.onPhase = onPhase;
    }

    /** Begins a phase of {@code total} units (0 when unknown). */
    void begin(Phase next, long units) {
        done.set(0);
        total.set(units);
        phase = next;
        onPhase.accept(next);
    }

    void advance(long units) {
        done.addAndGet(units);
    }

    void at(long units) {
        done.set(units);
    }

    /** Rows read from the files so far, over all phases. */
    void row() {
        rows.incrementAndGet();
    }

    /** Stops the import at its next check; false when it is too late (finished, or already committing). */
    public boolean cancel() {
        return state.compareAndSet(RUNNING, CANCELLED) || state.get() == CANCELLED;
    }

    public boolean cancelRequested() {
        return state.get() == CANCELLED;
    }

    /** Throws {@link Cancelled} if a cancel has been asked for. */
    void check() {
        if (state.get() == CANCELLED) {
            throw new Cancelled();
        }
    }

    /**
     * The last check before the commit: from here on a cancel is refused. Runs {@link #whileCommitting} on the
     * import's thread, inside its transaction, so that what it writes commits with the rows or not at all.
     */
    void commit() {
        if (!state.compareAndSet(RUNNING, COMMITTING)) {
            throw new Cancelled();
        }
        whileCommitting.run();
    }

    /** What to do inside the import's transaction just before it commits (the job's record says IMPORTED). */
    void whileCommitting(Runnable action) {
        this.whileCommitting = action;
    }

    /** The import has ended: nothing is left to cancel. */
    void finish() {
        state.compareAndSet(RUNNING, COMMITTING);
        phase = Phase.DONE;
        onPhase.accept(Phase.DONE);
    }

    public Phase phase() {
        return phase;
    }

    public long done() {
        return done.get();
    }

    public long total() {
        return total.get();
    }

    public long rows() {
        return rows.get();
    }

    /** Percent of the current phase, 0–100, or -1 when its size is unknown. */
    public int percent() {
        long t = total.get();
        if (t <= 0) {
            return phase == Phase.DONE ? 100 : -1;
        }
        return (int) Math.min(100, done.get() * 100 / t);
    }
}
