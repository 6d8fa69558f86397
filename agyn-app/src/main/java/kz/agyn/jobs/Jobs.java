package kz.agyn.jobs;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.annotation.PreDestroy;
import kz.agyn.jobs.internal.JobRepository;
import kz.agyn.platform.database.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Starts, follows, cancels and recovers jobs (see the package's description).
 *
 * <p>A running job holds a PostgreSQL advisory lock of its own ({@link JobLocks}) for as long as its handle is
 * open; the lock goes with the connection when the process dies, however it died. So a job whose row says RUNNING
 * while anyone can take its lock was abandoned: {@link #recover()} marks such jobs FAILED at start-up, and
 * {@link #find} does so when it meets one, so that no page shows a dead job running. Progress moves in memory
 * (counters the work increments on its own thread, as cheap as an atomic add) and is written every
 * {@code agyn.jobs.flush-interval} by one thread, which also brings back a cancel asked by another process (the
 * web page cancelling a command-line job).
 */
@Service
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final String LOCK = "job";

    private final JobRepository repository;
    private final JobLocks locks;
    private final TaskExecutor executor;
    private final Map<UUID, Handle> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public Jobs(JobRepository repository, JobLocks locks,
                @Qualifier("applicationTaskExecutor") TaskExecutor executor,
                @Value("${agyn.jobs.flush-interval-ms:1000}") long flushMillis) {
        this.repository = repository;
        this.locks = locks;
        this.executor = executor;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agyn-jobs-progress");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    /** The work of a job, run with its handle; what it returns is the job's outcome. */
    @FunctionalInterface
    public interface Work {
        JobOutcome run(Handle job) throws Exception;
    }

    /**
     * Records a job as RUNNING and gives its handle; the caller does the work and must close the handle (a handle
     * closed without an outcome ends the job FAILED).
     */
    public Handle start(JobKind kind, String startedBy, Map<String, String> parameters) {
        return start(UUID.randomUUID(), kind, startedBy, parameters);
    }

    /** As {@link #start(JobKind, String, Map)}, with the id given (a feature that names its work by one id). */
    public Handle start(UUID id, JobKind kind, String startedBy, Map<String, String> parameters) {
        repository.insert(id, kind, startedBy == null ? "?" : startedBy, parameters, null);
        JobLocks.Held lock;
        try {
            lock = locks.hold(LOCK, id);
        } catch (RuntimeException e) {
            repository.end(id, JobState.FAILED, 0, null, "jobs.outcome.error", List.of(e.getClass().getSimpleName()),
                    null);
            throw e;
        }
        Handle handle = new Handle(id, lock);
        live.put(id, handle);
        return handle;
    }

    /**
     * Runs work in the background as a job and returns its id at once. The caller's security context goes with it
     * (audit rows written by the work name who started it). A {@link JobCancelledException} ends the job CANCELLED,
     * any other exception FAILED (the exception is logged, its class named in the outcome).
     */
    public UUID submit(JobKind kind, String startedBy, Map<String, String> parameters, Work work) {
        Handle handle = start(kind, startedBy, parameters);
        try {
            executor.execute(DelegatingSecurityContextRunnable.create(() -> runIn(handle, work), null));
        } catch (RuntimeException e) {
            handle.failed(JobOutcome.of("jobs.outcome.error", e.getClass().getSimpleName()));
            handle.close();
            throw e;
        }
        return handle.id();
    }

    /** Runs work as a job on the caller's thread (the command line); its record when it ended. */
    public JobView run(JobKind kind, String startedBy, Map<String, String> parameters, Work work) {
        Handle handle = start(kind, startedBy, parameters);
        runIn(handle, work);
        return find(handle.id()).orElseThrow();
    }

    private void runIn(Handle handle, Work work) {
        // The outcome is given inside: a try-with-resources would close the handle (FAILED, "unfinished") before
        // its catch clauses ran.
        try (handle) {
            try {
                JobOutcome outcome = work.run(handle);
                if (handle.cancelRequested()) {
                    handle.cancelled(outcome);
                } else {
                    handle.succeeded(outcome == null ? JobOutcome.of("jobs.outcome.done") : outcome);
                }
            } catch (JobCancelledException e) {
                handle.cancelled(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.cancelled(null);
            } catch (Exception e) {
                log.error("Job {} failed", handle.id(), e);
                handle.failed(JobOutcome.of("jobs.outcome.error", e.getClass().getSimpleName()));
            }
        }
    }

    /**
     * A job as recorded, with the counts of one running in this process as they are now (not as last written); one
     * whose process died is marked FAILED before it is returned.
     */
    public Optional<JobView> find(UUID id) {
        return current(repository.find(id));
    }

    /**
     * The job of one of {@code kinds} started for the thing whose parameter {@code name} is {@code value} (the
     * import {@code id}): the running one if any, else the newest; read as {@link #find} reads one. So a feature
     * follows its work through the job's record instead of a map of its own.
     */
    public Optional<JobView> latest(String name, String value, Collection<JobKind> kinds) {
        return current(repository.latest(name, value, kinds));
    }

    /** The handle of a job running in this process, for the counts it keeps in memory only ({@link Handle#items}). */
    public Optional<Handle> live(UUID id) {
        return Optional.ofNullable(live.get(id));
    }

    private Optional<JobView> current(Optional<JobView> recorded) {
        if (recorded.isEmpty() || recorded.get().state() != JobState.RUNNING) {
            return recorded;
        }
        JobView job = recorded.get();
        if (live.containsKey(job.id())) {
            return Optional.of(withLiveCounts(job));
        }
        return failIfAbandoned(job.id()) ? repository.find(job.id()) : recorded;
    }

    public List<JobView> list(JobFilter filter) {
        List<JobView> jobs = repository.list(filter);
        boolean changed = false;
        for (JobView j : jobs) {
            if (j.state() == JobState.RUNNING && failIfAbandoned(j.id())) {
                changed = true;
            }
        }
        // Read as find() reads one: a job running in this process shows its counts as they are now, so a list and
        // a single job never disagree by a flush.
        return (changed ? repository.list(filter) : jobs).stream().map(this::withLiveCounts).toList();
    }

    private JobView withLiveCounts(JobView job) {
        Handle h = job.state() == JobState.RUNNING ? live.get(job.id()) : null;
        return h == null ? job : job.withProgress(h.phase, h.doneSoFar(), h.totalSoFar(),
                job.cancelRequested() || h.cancelRequested());
    }

    /** The users who have started jobs. */
    public List<String> starters() {
        return repository.starters();
    }

    /**
     * Asks a running job to stop, wherever it runs: at once in this process, within a flush interval in another.
     * False when the job is not running.
     */
    public boolean cancel(UUID id) {
        boolean asked = repository.requestCancel(id);
        Handle handle = live.get(id);
        if (handle != null) {
            handle.requestCancel();
            return true;
        }
        return asked;
    }

    /**
     * At start-up: jobs left RUNNING by a process that died are FAILED, with that reason. First among the start-up
     * listeners, so that features cleaning up after their dead jobs see them ended.
     */
    @EventListener(ApplicationStartedEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    public void recover() {
        int n = 0;
        for (UUID id : repository.running()) {
            if (!live.containsKey(id) && failIfAbandoned(id)) {
                n++;
            }
        }
        if (n > 0) {
            log.warn("{} job(s) were running when Agyn last stopped; they are marked failed", n);
        }
    }

    private boolean failIfAbandoned(UUID id) {
        if (live.containsKey(id) || !locks.abandoned(LOCK, id)) {
            return false;
        }
        JobView job = repository.find(id).orElseThrow();
        boolean ended = repository.end(id, JobState.FAILED, job.done(), job.total(), "jobs.outcome.interrupted",
                List.of(), job.resultLink());
        if (ended) {
            log.info("Job {} ({}) marked failed: its process stopped while it ran", id, job.kind());
        }
        return ended;
    }

    private void flush() {
        for (Handle h : live.values()) {
            try {
                h.flush();
            } catch (RuntimeException e) {
                // The database is away for a moment; the next flush writes the counters.
                log.debug("Progress of job {} not written: {}", h.id(), e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
    }

    /**
     * A running job, as its work sees it. Counters are set or added to on the work's thread; {@link #phase} writes
     * at once (phases change rarely and a page shows them); an outcome ends the job, once.
     */
    public final class Handle implements AutoCloseable {
        private final UUID id;
        private final JobLocks.Held lock;
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong items = new AtomicLong();
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final AtomicBoolean cancel = new AtomicBoolean();
        private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
        private volatile LongSupplier doneFrom;
        private volatile LongSupplier totalFrom;
        private volatile Long total;
        private volatile String phase;
        private volatile boolean ended;

        private Handle(UUID id, JobLocks.Held lock) {
            this.id = id;
            this.lock = lock;
        }

        public UUID id() {
            return id;
        }

        /** Enters a phase (a code, {@code jobs.phase.*}) with its total, or null while unknown; counts restart. */
        public void phase(String phase, Long total) {
            this.phase = phase;
            this.total = total;
            this.done.set(0);
            this.doneFrom = null;
            this.totalFrom = null;
            repository.phase(id, phase, 0, total);
        }

        public void total(Long total) {
            this.total = total;
        }

        /** Names the phase the work is in without touching the counts (work that keeps its own). */
        public void phaseOnly(String phase) {
            this.phase = phase;
            repository.phase(id, phase, doneSoFar(), totalSoFar());
        }

        /** Takes the total from the work's own counter, read at each flush; 0 or less is "unknown". */
        public void totalFrom(LongSupplier counter) {
            this.totalFrom = counter;
        }

        /** The total as it is now: the work's own counter's, or the one set; null while unknown. */
        public Long totalSoFar() {
            LongSupplier from = totalFrom;
            if (from == null) {
                return total;
            }
            long t = from.getAsLong();
            return t > 0 ? t : null;
        }

        public void done(long value) {
            done.set(value);
        }

        public void advance(long by) {
            done.addAndGet(by);
        }

        /**
         * A second count the work keeps beside {@link #done(long)}, for its feature's own page: the rows read while
         * done counts bytes. In memory only (the record holds done and total), so it is read through
         * {@link Jobs#live} by the process that runs the job; set it where a tight loop counts, as cheap as an add.
         */
        public void items(long value) {
            items.set(value);
        }

        public void advanceItems(long by) {
            items.addAndGet(by);
        }

        public long items() {
            return items.get();
        }

        /**
         * Further named counts of the work's own, for work that tells more than {@link #items} apart (the re-key's
         * rows re-keyed, unreadable and duplicate). In memory only like items: a feature that must show them after
         * the job ends puts them in its outcome.
         */
        public void advanceCount(String name, long by) {
            counts.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(by);
        }

        public long count(String name) {
            AtomicLong c = counts.get(name);
            return c == null ? 0 : c.get();
        }

        /** Takes the count from the work's own counter (read at each flush) instead of {@link #done(long)}. */
        public void doneFrom(LongSupplier counter) {
            this.doneFrom = counter;
        }

        public long doneSoFar() {
            LongSupplier from = doneFrom;
            return from != null ? from.getAsLong() : done.get();
        }

        /** True once someone asked the job to stop; the work stops at its next safe point. */
        public boolean cancelRequested() {
            return cancel.get();
        }

        /** Throws {@link JobCancelledException} if someone asked the job to stop. */
        public void stopIfCancelled() {
            if (cancel.get()) {
                throw new JobCancelledException();
            }
        }

        /** Runs {@code action} when the job is cancelled (at once if it is already): for work with its own flag. */
        public void onCancel(Runnable action) {
            onCancel.add(action);
            if (cancel.get()) {
                action.run();
            }
        }

        void requestCancel() {
            if (cancel.compareAndSet(false, true)) {
                onCancel.forEach(Runnable::run);
            }
        }

        void flush() {
            if (!ended && repository.progress(id, doneSoFar(), totalSoFar())) {
                requestCancel();
            }
        }

        public void succeeded(JobOutcome outcome) {
            end(JobState.SUCCEEDED, outcome);
        }

        public void failed(JobOutcome outcome) {
            end(JobState.FAILED, outcome);
        }

        /** Ends the job CANCELLED; {@code outcome} (may be null) says what was kept. */
        public void cancelled(JobOutcome outcome) {
            end(JobState.CANCELLED, outcome == null ? JobOutcome.of("jobs.outcome.cancelled") : outcome);
        }

        private void end(JobState state, JobOutcome outcome) {
            if (ended) {
                return;
            }
            ended = true;
            repository.end(id, state, doneSoFar(), totalSoFar(), outcome.code(), outcome.args(),
                    outcome.resultLink());
        }

        /** Ends the job FAILED if no outcome was given, and lets its lock go. */
        @Override
        public void close() {
            try {
                if (!ended) {
                    end(JobState.FAILED, JobOutcome.of("jobs.outcome.unfinished"));
                }
            } finally {
                live.remove(id);
                lock.close();
            }
        }
    }
}
