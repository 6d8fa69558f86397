package kz.agyn.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The one record of long work (issue 14): a job runs, reports progress, ends with an outcome readable in every
 * language, can be cancelled from the API, the page or another process, and a job whose process died is shown
 * failed with that reason rather than running for ever.
 */
class JobsTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("jobs-analyst").roles("ANALYST");
    static final RequestPostProcessor OTHER = user("jobs-other").roles("ANALYST");
    // Not the "admin" account: a page opened with ?lang= saves the language on the signed-in account, and other
    // test classes expect admin's to stay Kazakh.
    static final RequestPostProcessor ADMIN_USER = user("jobs-page-admin").roles("ADMIN");

    @Autowired
    Jobs jobs;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private JobView awaitEnd(UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(id).orElseThrow().state().over());
        return jobs.find(id).orElseThrow();
    }

    @Test
    void aJobReportsProgressAndItsOutcomeInTheReadersLanguage() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        UUID id = jobs.submit(JobKind.WAREHOUSE_CHECK, "jobs-analyst", Map.of("file", "a.csv"), job -> {
            job.phase("CHECKING", 10L);
            job.advance(4);
            halfway.countDown();
            go.await(20, TimeUnit.SECONDS);
            job.advance(6);
            return JobOutcome.of("jobs.outcome.importChecked", "a.csv", 10, 0).linkedTo("/warehouse/imports/x");
        });
        assertThat(halfway.await(20, TimeUnit.SECONDS)).isTrue();
        // Progress is written by the flusher, not by the work's thread.
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.find(id).orElseThrow().done() == 4);
        mvc.perform(get("/api/v1/jobs/" + id).with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.phaseName").value("checking (rows)"))
                .andExpect(jsonPath("$.percent").value(40));
        go.countDown();
        JobView done = awaitEnd(id);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.done()).isEqualTo(10);
        assertThat(done.resultLink()).isEqualTo("/warehouse/imports/x");
        mvc.perform(get("/api/v1/jobs/" + id).with(ANALYST).header("Accept-Language", "ru"))
                .andExpect(jsonPath("$.outcomeText").value("a.csv: наблюдений 10, проблем 0."))
                .andExpect(jsonPath("$.kindName").value("Проверка файла хранилища"));
        mvc.perform(get("/api/v1/jobs/" + id).with(ANALYST).header("Accept-Language", "kk"))
                .andExpect(jsonPath("$.outcomeText").value("a.csv: 10 бақылау, 0 мәселе."));
    }

    @Test
    void aJobIsCancelledThroughTheApi() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        UUID id = jobs.submit(JobKind.REGISTRY_REKEY, "jobs-analyst", Map.of(), job -> {
            job.phase("REKEYING", null);
            started.countDown();
            while (true) {
                job.stopIfCancelled();
                job.advance(1);
                Thread.sleep(5);
            }
        });
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        // Another user does not see it, nor can cancel it: as if it did not exist.
        mvc.perform(get("/api/v1/jobs/" + id).with(OTHER)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/jobs/" + id + "/cancel").with(OTHER).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/jobs/" + id + "/cancel").with(ANALYST).with(csrf()))
                .andExpect(status().isAccepted());
        JobView job = awaitEnd(id);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(job.outcome()).isEqualTo("jobs.outcome.cancelled");
        mvc.perform(post("/api/v1/jobs/" + id + "/cancel").with(ANALYST).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void aCancelAskedByAnotherProcessReachesTheWork() {
        CountDownLatch started = new CountDownLatch(1);
        UUID id = jobs.submit(JobKind.SURVEY_IMPORT, "jobs-analyst", Map.of(), job -> {
            started.countDown();
            while (!job.cancelRequested()) {
                Thread.sleep(10);
            }
            return null;
        });
        try {
            assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        // What the web page of another Agyn process does: it can only set the flag in the table.
        jdbc.sql("UPDATE job SET cancel_requested = true WHERE id = ?").param(id).update();
        assertThat(awaitEnd(id).state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void anUnexpectedErrorEndsTheJobFailedNamingOnlyItsKind() throws Exception {
        UUID id = jobs.submit(JobKind.WAREHOUSE_REFRESH, "jobs-analyst", Map.of(), job -> {
            throw new IllegalStateException("a detail that could hold personal data");
        });
        JobView job = awaitEnd(id);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        mvc.perform(get("/api/v1/jobs/" + id).with(ANALYST).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.outcomeText").value(
                        "Stopped by an unexpected error (IllegalStateException); the details are in the application log."))
                .andExpect(content().string(not(containsString("personal data"))));
    }

    @Test
    void aJobLeftRunningByADeadProcessIsShownFailedWithTheReason() throws Exception {
        // As a crash leaves it: the row says RUNNING, and no process holds its lock.
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO job (id, kind, started_by, parameters, state, phase, done, total)
                VALUES (?, 'WAREHOUSE_WRITE', 'jobs-analyst', '{"file":"big.csv"}', 'RUNNING', 'WRITING', 500, 1000)""")
                .param(id).update();
        jobs.recover();
        JobView job = jobs.find(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.outcome()).isEqualTo("jobs.outcome.interrupted");
        assertThat(job.endedAt()).isNotNull();
        assertThat(job.done()).isEqualTo(500);
        mvc.perform(get("/admin/jobs").with(ADMIN_USER).param("user", "jobs-analyst")
                        .param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Фондық тапсырмалар")))
                .andExpect(content().string(containsString("Деректер жиынының нұсқасын жазу")))
                .andExpect(content().string(containsString("Үзілді: тапсырма орындалып жатқанда Agyn тоқтады")));
    }

    @Test
    void aJobRunningHereIsNotTakenForADeadOne() throws Exception {
        try (Jobs.Handle handle = jobs.start(JobKind.REGISTRY_IMPORT, "jobs-analyst", Map.of())) {
            jobs.recover();
            assertThat(jobs.find(handle.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
            handle.succeeded(JobOutcome.of("jobs.outcome.done"));
        }
    }

    @Test
    void theJobsPageIsForAdministratorsAndCancelsFromIt() throws Exception {
        mvc.perform(get("/admin/jobs").with(ANALYST)).andExpect(status().isForbidden());
        CountDownLatch started = new CountDownLatch(1);
        UUID id = jobs.submit(JobKind.REGISTRY_IMPORT, "jobs-other", Map.of(), job -> {
            started.countDown();
            while (true) {
                job.stopIfCancelled();
                Thread.sleep(5);
            }
        });
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        mvc.perform(get("/admin/jobs").with(ADMIN_USER).param("lang", "ru")
                        .param("state", "RUNNING"))
                .andExpect(content().string(containsString("data-job=\"" + id + "\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
                .andExpect(content().string(containsString("Отменить")));
        mvc.perform(post("/admin/jobs/" + id + "/cancel").with(ADMIN_USER).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(awaitEnd(id).state()).isEqualTo(JobState.CANCELLED);
        // The administrator sees every user's jobs through the API, and may filter by user.
        mvc.perform(get("/api/v1/jobs").with(httpBasic(ADMIN, ADMIN_PASSWORD)).param("startedBy", "jobs-other"))
                .andExpect(jsonPath("$[0].startedBy").value("jobs-other"));
        // Anyone else sees only their own, whatever they ask for.
        mvc.perform(get("/api/v1/jobs").with(ANALYST).param("startedBy", "jobs-other"))
                .andExpect(jsonPath("$[?(@.startedBy == 'jobs-other')]").isEmpty());
    }
}
