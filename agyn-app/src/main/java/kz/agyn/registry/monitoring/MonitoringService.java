package kz.agyn.registry.monitoring;

import java.util.EnumMap;
import java.util.Map;

import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.Jobs;

import kz.agyn.registry.casework.WorkReports;
import kz.agyn.registry.monitoring.internal.MonitoringRepository;
import kz.agyn.registry.obligation.ObligationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the scholars a registry officer must look at and keeps exactly one open task per award and
 * {@link TaskKind}: a pass that finds nothing new creates nothing, and a task whose condition has gone away
 * (the scholar came back, reported a job) is closed with a note saying so. The pass reads the stored
 * evaluations, so by default it first re-evaluates every obligation as of today: states move with the calendar.
 */
@Service
public class MonitoringService {

    /**
     * The note of a task the pass closed itself: a message key, shown in the reader's language (not stored: every
     * task closed by {@link #ACTOR} has it).
     */
    public static final String AUTO_CLOSED = "monitoring.task.autoClosed";
    /** Who closed a task that the pass closed. */
    public static final String ACTOR = MonitoringRepository.ACTOR;

    private static final Logger log = LoggerFactory.getLogger(MonitoringService.class);

    private final MonitoringRepository repository;
    private final ObligationService obligations;
    private final TransactionTemplate transactions;
    private final int noEmployerDays;
    private final int dueHorizonDays;
    private final WorkReports reports;
    private final Jobs jobs;

    public MonitoringService(MonitoringRepository repository, ObligationService obligations,
                             TransactionTemplate transactions, WorkReports reports, Jobs jobs,
                             @Value("${agyn.registry.monitoring.no-employer-days:90}") int noEmployerDays,
                             @Value("${agyn.registry.monitoring.due-days:90}") int dueHorizonDays) {
        this.repository = repository;
        this.obligations = obligations;
        this.transactions = transactions;
        this.noEmployerDays = noEmployerDays;
        this.dueHorizonDays = dueHorizonDays;
        this.reports = reports;
        this.jobs = jobs;
    }

    /** The daily pass; the cron is {@code agyn.registry.monitoring.cron}, "-" switches it off. */
    @Scheduled(cron = "${agyn.registry.monitoring.cron:0 30 2 * * *}")
    public void daily() {
        run(true, ACTOR);
    }

    /**
     * One pass, started by {@code by}; with {@code recompute} every obligation is first re-evaluated as of today.
     * Recorded as a job like every long piece of work: a pass over a whole registry takes seconds, runs nightly and
     * at start, and an administrator must be able to see that it ran, how it ended, or that a crash cut it short.
     */
    public MonitoringRun run(boolean recompute, String by) {
        try (Jobs.Handle job = jobs.start(JobKind.REGISTRY_MONITORING, by,
                Map.of("recompute", Boolean.toString(recompute)))) {
            MonitoringRun run = pass(recompute, job);
            job.succeeded(JobOutcome.of("jobs.outcome.monitoring", run.openedTotal(), run.closedTotal(),
                    run.openTotal()).linkedTo("/registry/worklist"));
            return run;
        }
    }

    private MonitoringRun pass(boolean recompute, Jobs.Handle job) {
        int awards = 0;
        long recomputeMillis = 0;
        if (recompute) {
            job.phaseOnly("MONITORING_RECOMPUTE");
            long t0 = System.nanoTime();
            awards = obligations.recomputeAll().awards();
            recomputeMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        job.phaseOnly("MONITORING_TASKS");
        long t1 = System.nanoTime();
        // The report schedule is the casework's to compute; the pass only keeps its tasks like the others.
        var reportTasks = reports.tasks(obligations.today()).stream()
                .map(t -> new MonitoringRepository.Candidate(t.awardId(),
                        (t.overdue() ? TaskKind.REPORT_OVERDUE : TaskKind.REPORT_DUE).name(), t.dueOn()))
                .toList();
        MonitoringRepository.Pass pass = transactions.execute(tx -> repository.pass(obligations.today(),
                dueHorizonDays, noEmployerDays, reportTasks));
        long millis = (System.nanoTime() - t1) / 1_000_000;
        MonitoringRun run = new MonitoringRun(obligations.today(), byKind(pass.opened()), byKind(pass.closed()),
                byKind(pass.open()), awards, recomputeMillis, millis);
        // Counts only: task rows point at awards, and nothing here identifies a person.
        log.info("Registry monitoring: {} tasks opened, {} closed, {} open ({} ms, recompute {} ms)",
                run.openedTotal(), run.closedTotal(), run.openTotal(), millis, recomputeMillis);
        return run;
    }

    public java.time.LocalDate today() {
        return obligations.today();
    }

    public int noEmployerDays() {
        return noEmployerDays;
    }

    public int dueHorizonDays() {
        return dueHorizonDays;
    }

    private static Map<TaskKind, Integer> byKind(Map<String, Integer> counts) {
        Map<TaskKind, Integer> out = new EnumMap<>(TaskKind.class);
        for (TaskKind k : TaskKind.values()) {
            out.put(k, counts.getOrDefault(k.name(), 0));
        }
        return out;
    }
}
