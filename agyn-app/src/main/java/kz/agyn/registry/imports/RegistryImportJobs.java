package kz.agyn.registry.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.Jobs;
import kz.agyn.platform.database.JobLocks;
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.imports.internal.ImportRunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk imports as running jobs: started off the caller's thread, followed by id, cancelled by id. About five
 * seconds for a full registry is long enough to want a bar and a way out. A running import is held in memory by
 * the process that runs it (its files hold personal data and are deleted when it ends); once it ended its report
 * is stored with its run ({@code reg_import_run.report}, the report naming no personal data) and read from there,
 * after a restart too. A report keeps its problems untranslated and each reader sees them in their own language: an
 * officer's colleague may read the report the officer started.
 */
@Service
public class RegistryImportJobs {

    /** Hears each phase as a job enters it, on the job's thread; for tests that must stop a job at a known point. */
    public interface Listener {
        void entered(UUID id, String by, RegistryImportProgress.Phase phase);
    }

    private static final Logger log = LoggerFactory.getLogger(RegistryImportJobs.class);
    private static final String LOCK = "registry-import";

    private final RegistryImport imports;
    private final TaskExecutor executor;
    private final Jobs jobRecords;
    private final ProblemMessages messages;
    private final ImportRunRepository runs;
    private final JobLocks locks;
    private final JsonMapper json;
    /** The imports this process is running; an import leaves it once its report is stored. */
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private volatile Listener listener = (id, by, phase) -> { };

    public RegistryImportJobs(RegistryImport imports, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
                              ProblemMessages messages, ImportRunRepository runs, JobLocks locks, Jobs jobRecords,
                              JsonMapper json) {
        this.json = json;
        this.jobRecords = jobRecords;
        this.imports = imports;
        this.executor = executor;
        this.messages = messages;
        this.runs = runs;
        this.locks = locks;
    }

    private final class Job {
        final UUID id = UUID.randomUUID();
        final boolean write;
        final String by;
        final Instant started = Instant.now();
        final RegistryImportProgress progress;
        final CountDownLatch finished = new CountDownLatch(1);
        volatile RegistryImportResult report;
        volatile Instant ended;
        volatile JobLocks.Held held;
        volatile Jobs.Handle handle;

        Job(boolean write, String by) {
            this.write = write;
            this.by = by;
            this.progress = new RegistryImportProgress(phase -> {
                Jobs.Handle h = handle;
                if (h != null) {
                    h.phaseOnly("REGISTRY_" + phase.name());
                }
                listener.entered(id, by, phase);
            });
        }

        RegistryImportStatus status(Locale locale) {
            // The report is read first: once it is there the counts are final.
            RegistryImportResult r = report;
            return new RegistryImportStatus(id, write, r == null ? RegistryImportState.RUNNING : r.status(),
                    progress.phase(), progress.done(), progress.total(), progress.percent(), progress.rows(),
                    r != null, progress.cancelRequested(), started, by,
                    r == null ? null : r.report(messages, locale));
        }
    }

    /**
     * Starts checking (and, with {@code write}, importing) {@code files} in the background and takes them over:
     * they are closed when the job ends. Returns the job's id.
     */
    public UUID start(RegistryFiles files, boolean write, Access access, String by) {
        Job job = enter(files, access, write, by);
        try {
            // The import's audit row names who imported; the pool's thread has no request, so the caller's
            // security context goes with the task.
            executor.execute(DelegatingSecurityContextRunnable.create(() -> work(job, files, access), null));
        } catch (RuntimeException e) {
            jobs.remove(job.id);
            closeQuietly(files);
            job.report = RegistryImportResult.stopped(RegistryImportState.FAILED, null, 0);
            record(job);
            throw e;
        }
        return job.id;
    }

    /**
     * Runs an import on the caller's thread, followable and cancellable by id like any other; closes the files.
     * The report is in {@code locale}.
     */
    public RegistryImportReport run(RegistryFiles files, boolean write, Access access, String by, Locale locale) {
        Job job = enter(files, access, write, by);
        work(job, files, access);
        return job.report.report(messages, locale);
    }

    /**
     * A job's status: from memory while this process runs it, else from its stored record, report and problems
     * included; a record still saying RUNNING that no process holds is INTERRUPTED.
     * Its problems are in the language of the request (or of the thread, {@link LocaleContextHolder}).
     */
    public Optional<RegistryImportStatus> status(UUID id) {
        return status(id, LocaleContextHolder.getLocale());
    }

    /** As {@link #status(UUID)}, its problems in {@code locale}. */
    public Optional<RegistryImportStatus> status(UUID id, Locale locale) {
        Job job = jobs.get(id);
        if (job != null) {
            return Optional.of(job.status(locale));
        }
        return runs.find(id).map(run -> {
            if (run.status() == RegistryImportState.RUNNING && locks.abandoned(LOCK, id) && runs.interrupted(id)) {
                return runs.find(id).orElse(run);
            }
            return run;
        }).map(run -> stored(run, locale));
    }

    /** The latest imports, newest first, as stored. */
    public List<RegistryImportStatus> recent(int limit) {
        Locale locale = LocaleContextHolder.getLocale();
        return runs.recent(limit).stream().map(run -> {
            Job job = jobs.get(run.id());
            return job != null ? job.status(locale) : stored(run, locale);
        }).toList();
    }

    /**
     * At start-up: an import left RUNNING by a process that died is marked INTERRUPTED. Nothing of it was written
     * (rows, obligations and the IMPORTED status commit together); the files must be sent again. An import
     * another process is running (a command beside the web application) holds its lock and is left alone.
     */
    @EventListener(ApplicationStartedEvent.class)
    public void markInterrupted() {
        int n = 0;
        for (UUID id : runs.running()) {
            if (!jobs.containsKey(id) && locks.abandoned(LOCK, id) && runs.interrupted(id)) {
                n++;
            }
        }
        if (n > 0) {
            log.warn("{} registry import(s) were interrupted when Agyn last stopped; they are marked INTERRUPTED, "
                    + "nothing of them was written", n);
        }
    }

    /**
     * What is stored of an ended import: its result, problems untranslated, and the counts its progress ended on,
     * so that its status reads as it did when it ended.
     */
    record StoredReport(RegistryImportResult result, long done, long total, long rows, boolean cancelRequested) {
    }

    private RegistryImportStatus stored(ImportRunRepository.Run run, Locale locale) {
        boolean running = run.status() == RegistryImportState.RUNNING;
        StoredReport kept = running ? null : read(run);
        if (kept != null) {
            RegistryImportResult r = kept.result();
            long t = kept.total();
            return new RegistryImportStatus(run.id(), run.write(), run.status(), RegistryImportProgress.Phase.DONE,
                    kept.done(), t, t <= 0 ? 100 : (int) Math.min(100, kept.done() * 100 / t), kept.rows(), true,
                    kept.cancelRequested(), run.startedAt().toInstant(), run.startedBy(), r.report(messages, locale));
        }
        RegistryImportReport report = null;
        if (!running) {
            // Only the counts are stored; an interrupted import says what became of it.
            List<Problem> problems = run.status() != RegistryImportState.INTERRUPTED ? List.of()
                    : List.of(Problem.inFile(null, "registry.import.interrupted"));
            report = new RegistryImportResult(run.status(), zero(run.scholars()), zero(run.awards()),
                    zero(run.employments()), zero(run.existing()),
                    Math.max(zero(run.problems()), problems.size()), problems,
                    run.millis() == null ? 0 : run.millis()).report(messages, locale);
        }
        return new RegistryImportStatus(run.id(), run.write(), run.status(),
                running ? RegistryImportProgress.Phase.QUEUED : RegistryImportProgress.Phase.DONE, 0, 0,
                running ? -1 : 100, 0, !running, false, run.startedAt().toInstant(), run.startedBy(), report);
    }

    /** The stored report, or null: none (an interrupted import, or one from before reports were stored). */
    private StoredReport read(ImportRunRepository.Run run) {
        if (run.report() == null) {
            return null;
        }
        try {
            return json.readValue(run.report(), StoredReport.class);
        } catch (JacksonException e) {
            log.warn("Registry import {}: its stored report cannot be read: {}", run.id(), e.getClass().getName());
            return null;
        }
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }

    /**
     * Asks a job to stop; empty when no import has this id. A job stopped before it commits writes nothing and ends CANCELLED; one already
     * committing, or finished, goes on as it was, and its status says so.
     */
    public Optional<RegistryImportStatus> cancel(UUID id) {
        Job job = jobs.get(id);
        if (job == null) {
            // Ended, or run by another process (the command line): its job's record carries the cancel there,
            // where the import's own progress honours it or, once committing, refuses it.
            Optional<RegistryImportStatus> stored = status(id);
            if (stored.filter(s -> !s.finished()).isPresent() && jobRecords.cancel(id)) {
                log.info("Registry import {} asked to stop through its job record", id);
            }
            return stored;
        }
        if (job.report == null && job.progress.cancel()) {
            log.info("Registry import {} asked to stop", id);
        }
        return Optional.of(job.status(LocaleContextHolder.getLocale()));
    }

    /** Waits at most {@code max} for a job to end; its status then, finished or not. */
    public Optional<RegistryImportStatus> await(UUID id, Duration max) throws InterruptedException {
        return await(id, max, LocaleContextHolder.getLocale());
    }

    /** As {@link #await(UUID, Duration)}, its problems in {@code locale}. */
    public Optional<RegistryImportStatus> await(UUID id, Duration max, Locale locale) throws InterruptedException {
        Job job = jobs.get(id);
        if (job == null) {
            // Ended (or never run here): what is stored.
            return status(id, locale);
        }
        job.finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
        // Ended while waited for: it may have left the map, its report being stored.
        return jobs.containsKey(id) ? Optional.of(job.status(locale)) : status(id, locale);
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
        Job job = new Job(write, by);
        // Recorded and locked before it runs: if this process dies, the next start finds the record RUNNING, the
        // lock free, and marks it INTERRUPTED.
        runs.started(job.id, write, by);
        job.held = locks.hold(LOCK, job.id);
        try {
            job.handle = jobRecords.start(job.id, JobKind.REGISTRY_IMPORT, by, Map.of("write", String.valueOf(write),
                    "files", String.valueOf(files.inputs().size())));
        } catch (RuntimeException e) {
            job.held.close();
            closeQuietly(files);
            throw e;
        }
        job.handle.doneFrom(job.progress::done);
        job.handle.totalFrom(job.progress::total);
        job.handle.onCancel(job.progress::cancel);
        job.progress.whileCommitting(() -> runs.committing(job.id));
        jobs.put(job.id, job);
        return job;
    }

    private void work(Job job, RegistryFiles files, Access access) {
        try {
            job.report = imports.run(files.inputs(), job.write, access, job.by, job.progress);
        } catch (RuntimeException e) {
            // Not the files' fault (those are reported as problems): the system's. The transaction was rolled back.
            // Logged by type and place only: a database error can quote the row it failed on.
            log.error("Registry import {} failed in phase {}: {} at {}", job.id, job.progress.phase(),
                    e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            job.report = RegistryImportResult.stopped(RegistryImportState.FAILED,
                    Problem.inFile(null, "registry.import.failed"),
                    Duration.between(job.started, Instant.now()).toMillis());
        } finally {
            closeQuietly(files);
            boolean stored = record(job);
            job.ended = Instant.now();
            job.finished.countDown();
            if (stored) {
                // Its report is read from its run from now on; kept in memory otherwise, as the one place left.
                jobs.remove(job.id);
            }
        }
    }

    /** Stores how the job ended, report included, then lets its lock go; true if stored. */
    private boolean record(Job job) {
        RegistryImportResult r = job.report;
        try {
            if (r != null) {
                String report = json.writeValueAsString(new StoredReport(r, job.progress.done(),
                        job.progress.total(), job.progress.rows(), job.progress.cancelRequested()));
                runs.finished(job.id, r.status(), r.scholars(), r.awards(), r.employments(), r.existing(),
                        r.problemCount(), r.millis(), report);
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            // The database is gone (it restarted under the job): the record stays RUNNING until it is seen with
            // its lock free, and is then INTERRUPTED, which for a job that failed is true enough.
            log.warn("Registry import {} ended {} but could not be recorded: {}", job.id,
                    r == null ? "?" : r.status(), e.getClass().getName());
            return false;
        } finally {
            endJob(job);
            if (job.held != null) {
                job.held.close();
            }
        }
    }

    /** The job's record: how the import ended, in the words of its status, with a link to its report. */
    private void endJob(Job job) {
        Jobs.Handle h = job.handle;
        if (h == null) {
            return;
        }
        try (h) {
            RegistryImportResult r = job.report;
            RegistryImportState status = r == null ? RegistryImportState.FAILED : r.status();
            JobOutcome outcome = JobOutcome.of("jobs.outcome.registryImported", "registry.import.status." + status)
                    .linkedTo("/registry/import/" + job.id);
            switch (status) {
                case CANCELLED -> h.cancelled(outcome);
                case FAILED -> h.failed(outcome);
                case RUNNING, VALID, INVALID, IMPORTED, INTERRUPTED -> h.succeeded(outcome);
            }
        } catch (RuntimeException e) {
            log.warn("Registry import {}: its job record could not be ended: {}", job.id, e.getClass().getName());
        }
    }

    private static void closeQuietly(RegistryFiles files) {
        // Deleting the temporary copies cannot fail loudly: a copy left behind is removed at the next start.
        files.close();
    }
}
