package kz.agyn.registry.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monitoring pass on hand-made scholars placed, by their dates, in each category (and just outside it), on
 * top of the synthetic registry: the right awards get the right task, a second pass creates nothing, and a task
 * whose condition went away is closed with a note.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringTest extends AgynTest {

    static final LocalDate BORN = LocalDate.of(1987, 5, 14);

    @Autowired
    MonitoringService monitoring;

    @Autowired
    ScholarService scholarService;

    @Autowired
    JdbcClient jdbc;

    TestScholars make;
    LocalDate today;
    long dueSoon, dueLater, overdue, noEmployer, recentlyLeftJob, abroad, returnedLate;

    @BeforeAll
    void records() {
        make = new TestScholars(scholarService);
        today = LocalDate.now();
        // Study ends in 30 days: due home within 90 days.
        dueSoon = make.award(make.scholar(TestScholars.iin(BORN, 7101), "Әбілов", "Арман"),
                today.plusDays(30), false, "GB");
        // Study ends in 200 days: not yet.
        dueLater = make.award(make.scholar(TestScholars.iin(BORN, 7102), "Бекенов", "Ерлан"),
                today.plusDays(200), false, "US");
        // Study ended 200 days ago, the 3-month deadline has passed, no job: overdue.
        overdue = make.award(make.scholar(TestScholars.iin(BORN, 7103), "Жақыпов", "Нұрлан"),
                today.minusDays(200), true, "DE");
        // Back, worked 500 days, last job ended 200 days ago: no employer for more than 90 days.
        long s4 = make.scholar(TestScholars.iin(BORN, 7104), "Искаков", "Тимур");
        noEmployer = make.award(s4, today.minusDays(800), true, "GB");
        make.job(s4, "PRIVATE", "710000000", "KZ", today.minusDays(700), today.minusDays(200), "B3");
        // Same, but the job ended 30 days ago: not yet.
        long s5 = make.scholar(TestScholars.iin(BORN, 7105), "Қасымов", "Данияр");
        recentlyLeftJob = make.award(s5, today.minusDays(800), true, "GB");
        make.job(s5, "PUBLIC", "750000000", "KZ", today.minusDays(700), today.minusDays(30), "B2");
        // Back, worked in Kazakhstan, now works in Germany.
        long s6 = make.scholar(TestScholars.iin(BORN, 7106), "Мұратов", "Асхат");
        abroad = make.award(s6, today.minusDays(800), true, "US");
        make.job(s6, "PRIVATE", "710000000", "KZ", today.minusDays(700), today.minusDays(300), "B3");
        make.job(s6, "PRIVATE", null, "DE", today.minusDays(250), null, "B5");
        // Overdue too; comes back later in this test.
        returnedLate = make.award(make.scholar(TestScholars.iin(BORN, 7107), "Нұрғалиев", "Бауыржан"),
                today.minusDays(300), true, "FR");
    }

    @Test
    void findsTheRightScholarsOnceAndClosesResolvedTasks() {
        MonitoringRun first = monitoring.run(false, "test");
        assertThat(open(dueSoon)).containsExactly("DUE_HOME");
        assertThat(open(dueLater)).isEmpty();
        assertThat(open(overdue)).containsExactly("OVERDUE");
        assertThat(open(noEmployer)).containsExactly("NO_EMPLOYER");
        assertThat(open(recentlyLeftJob)).isEmpty();
        assertThat(open(abroad)).containsExactly("MOVED_ABROAD");
        assertThat(open(returnedLate)).containsExactly("OVERDUE");
        assertThat(dueOn(dueSoon, "DUE_HOME")).isEqualTo(today.plusDays(30).plusMonths(3));
        assertThat(dueOn(noEmployer, "NO_EMPLOYER")).isEqualTo(today.minusDays(200).plusDays(90));
        assertThat(dueOn(abroad, "MOVED_ABROAD")).isEqualTo(today.minusDays(250));
        assertThat(first.open().get(TaskKind.OVERDUE)).isGreaterThanOrEqualTo(2);

        long tasks = jdbc.sql("SELECT count(*) FROM reg_task").query(Long.class).single();
        MonitoringRun second = monitoring.run(false, "test");
        assertThat(second.openedTotal()).isZero();
        assertThat(second.closedTotal()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM reg_task").query(Long.class).single()).isEqualTo(tasks);
        assertThat(second.open()).isEqualTo(first.open());

        // The late scholar reports a job in Astana that began ten days ago; the scholar out of work, a new job.
        long lateScholar = scholarOf(returnedLate);
        make.job(lateScholar, "RESEARCH_HE", "710000000", "KZ", today.minusDays(10), null, "B3");
        make.job(scholarOf(noEmployer), "PUBLIC", "710000000", "KZ", today.minusDays(5), null, "B3");
        MonitoringRun third = monitoring.run(false, "test");
        assertThat(open(returnedLate)).isEmpty();
        assertThat(open(noEmployer)).isEmpty();
        assertThat(third.closed().get(TaskKind.OVERDUE)).isGreaterThanOrEqualTo(1);
        assertThat(third.closed().get(TaskKind.NO_EMPLOYER)).isGreaterThanOrEqualTo(1);
        Map<String, Object> closed = jdbc.sql("SELECT done_by, note_enc, done_at FROM reg_task WHERE award_id = ?")
                .param(returnedLate).query().singleRow();
        assertThat(closed.get("done_by")).isEqualTo(MonitoringService.ACTOR);
        // The pass stores no note: every task it closed reads "closed by monitoring" in the reader's language.
        assertThat(closed.get("note_enc")).isNull();
        assertThat(closed.get("done_at")).isNotNull();
        // The others are untouched.
        assertThat(open(overdue)).containsExactly("OVERDUE");
        assertThat(open(abroad)).containsExactly("MOVED_ABROAD");
    }

    /** The pass is long work like an import: recorded as a job, with who started it and how it ended. */
    @Test
    void aPassIsRecordedAsAJob() {
        MonitoringRun run = monitoring.run(false, "monitoring-job-test");
        Map<String, Object> job = jdbc.sql("SELECT state, started_by, outcome_args::text AS args FROM job "
                + "WHERE kind = 'REGISTRY_MONITORING' AND started_by = 'monitoring-job-test' ORDER BY started_at DESC "
                + "LIMIT 1").query().singleRow();
        assertThat(job.get("state")).isEqualTo("SUCCEEDED");
        assertThat((String) job.get("args")).contains(Integer.toString(run.openTotal()));
    }

    @Test
    void handlesTheWholeRegistryInAboutASecond() {
        MonitoringRun run = monitoring.run(true, "test");
        assertThat(run.awardsRecomputed()).isGreaterThanOrEqualTo(14_033);
        // A second or two on a quiet machine; the bound leaves room for a CI runner shared with other builds.
        assertThat(run.monitorMillis()).isLessThan(5_000);
        System.out.printf("monitoring pass over %d awards: %d ms (recompute %d ms), %d open tasks%n",
                run.awardsRecomputed(), run.monitorMillis(), run.recomputeMillis(), run.openTotal());
    }

    // The scholars here are placed for the four return and job concerns; those working off also owe six-monthly
    // reports, whose tasks CaseworkTest checks.
    List<String> open(long awardId) {
        return jdbc.sql("SELECT kind FROM reg_task WHERE award_id = ? AND done_at IS NULL "
                        + "AND kind NOT LIKE 'REPORT%' ORDER BY kind")
                .param(awardId).query(String.class).list();
    }

    LocalDate dueOn(long awardId, String kind) {
        return jdbc.sql("SELECT due_on FROM reg_task WHERE award_id = ? AND kind = ? AND done_at IS NULL")
                .params(awardId, kind).query(LocalDate.class).single();
    }

    long scholarOf(long awardId) {
        return jdbc.sql("SELECT scholar_id FROM reg_award WHERE id = ?").param(awardId).query(Long.class).single();
    }
}
