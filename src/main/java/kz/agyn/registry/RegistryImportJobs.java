package kz.agyn.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Bulk imports as running jobs: started off the caller's thread, followed by id, cancelled by id. About five
 * seconds for a full registry is long enough to want a bar and a way out. Jobs live in memory only (the report
 * names no personal data, but the files do, and they are deleted when the job ends); a finished job is kept
 * for an hour so that its page can still be read.
 */
@Service
public class RegistryImportJobs {

    /** Hears each phase as a job enters it, on the job's thread; for tests that must stop a job at a known point. */
    public interface Listener {
        void entered(UUID id, String by, RegistryImportProgress.Phase phase);
    }

    private static final Logger log = LoggerFactory.getLogger(RegistryImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);
    private static final int MAX_KEPT = 100;

    private final RegistryImport imports;
    private final TaskExecutor executor;
    private final MessageSource messages;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private volatile Listener listener = (id, by, phase) -> { };

    public RegistryImportJobs(RegistryImport imports, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
                              MessageSource messages) {
        this.imports = imports;
        this.executor = executor;
        this.messages = messages;
    }

    private final class Job {
        final UUID id = UUID.randomUUID();
        final boolean write;
        final String by;
        final Instant started = Instant.now();
        final RegistryImportProgress progress;
        final CountDownLatch finished = new CountDownLatch(1);
        volatile RegistryImportReport report;
        volatile Instant ended;

        Job(boolean write, String by) {
            this.write = write;
            this.by = by;
            this.progress = new RegistryImportProgress(phase -> listener.entered(id, by, phase));
        }

        RegistryImportStatus status() {
            // The report is read first: once it is there the counts are final.
            RegistryImportReport r = report;
            return new RegistryImportStatus(id, write, r == null ? RegistryImportStatus.RUNNING : r.status(),
                    progress.phase(), progress.done(), progress.total(), progress.percent(), progress.rows(),
                    r != null, progress.cancelRequested(), started, r);
        }
    }

    /**
     * Starts checking (and, with {@code write}, importing) {@code files} in the background and takes them over:
     * they are closed when the job ends. Returns the job's id.
     */
    public UUID start(RegistryFiles files, boolean write, Access access, String by, Locale locale) {
        Job job = enter(files, access, write, by);
        try {
            // The import's audit row names who imported; the pool's thread has no request, so the caller's
            // security context goes with the task.
            executor.execute(DelegatingSecurityContextRunnable.create(() -> work(job, files, access, locale), null));
        } catch (RuntimeException e) {
            jobs.remove(job.id);
            closeQuietly(files);
            throw e;
        }
        return job.id;
    }

    /** Runs an import on the caller's thread, followable and cancellable by id like any other; closes the files. */
    public RegistryImportReport run(RegistryFiles files, boolean write, Access access, String by, Locale locale) {
        Job job = enter(files, access, write, by);
        work(job, files, access, locale);
        return job.report;
    }

    public Optional<RegistryImportStatus> status(UUID id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::status);
    }

    /**
     * Asks a job to stop. A job stopped before it commits writes nothing and ends CANCELLED; one already
     * committing, or finished, goes on as it was, and its status says so.
     */
    public Optional<RegistryImportStatus> cancel(UUID id) {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        if (job.report == null && job.progress.cancel()) {
            log.info("Registry import {} asked to stop", id);
        }
        return Optional.of(job.status());
    }

    /** Waits at most {@code max} for a job to end; its status then, finished or not. */
    public Optional<RegistryImportStatus> await(UUID id, Duration max) throws InterruptedException {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        job.finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(job.status());
    }

    /** For tests: who hears the jobs' phases; null for nobody. */
    public void listener(Listener l) {
        listener = l == null ? (id, by, phase) -> { } : l;
    }

    private Job enter(RegistryFiles files, Access access, boolean write, String by) {
        if (!access.mayEdit()) {
            closeQuietly(files);
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "registry.access.denied");
        }
        forgetOld();
        Job job = new Job(write, by);
        jobs.put(job.id, job);
        return job;
    }

    private void work(Job job, RegistryFiles files, Access access, Locale locale) {
        try {
            job.report = imports.run(files.inputs(), job.write, access, job.by, locale, job.progress);
        } catch (RuntimeException e) {
            // Not the files' fault (those are reported as problems): the system's. The transaction was rolled back.
            // Logged by type and place only: a database error can quote the row it failed on.
            log.error("Registry import {} failed in phase {}: {} at {}", job.id, job.progress.phase(),
                    e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            job.report = new RegistryImportReport(RegistryImportReport.FAILED, 0, 0, 0, 0, 1,
                    List.of(new RegistryImportReport.Problem(null, null, 0, null, "registry.import.failed",
                            messages.getMessage("registry.import.failed", null, "registry.import.failed", locale))),
                    Duration.between(job.started, Instant.now()).toMillis());
        } finally {
            closeQuietly(files);
            job.ended = Instant.now();
            job.finished.countDown();
        }
    }

    private void forgetOld() {
        Instant limit = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(limit));
        if (jobs.size() >= MAX_KEPT) {
            jobs.values().stream().filter(j -> j.ended != null).sorted(Comparator.comparing(j -> j.ended))
                    .limit(jobs.size() - MAX_KEPT + 1L).map(j -> j.id).toList().forEach(jobs::remove);
        }
    }

    private static void closeQuietly(RegistryFiles files) {
        // Deleting the temporary copies cannot fail loudly: a copy left behind is removed at the next start.
        files.close();
    }
}
