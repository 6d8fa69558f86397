package kz.agyn.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.platform.database.JobLocks;
import kz.agyn.registry.scholars.ScholarService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every bulk import leaves a record (counts only), so that one the application did not finish (it was killed: what
 * bench/kill-during-import.sh does for real) shows INTERRUPTED on its page and in the API after the restart,
 * instead of "no such import", and the page lists the latest imports with how each ended.
 */
class InterruptedRegistryImportTest extends AgynTest {

    static final RequestPostProcessor OFFICER = user("interrupted-officer").roles("REGISTRY_OFFICER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistryImportJobs jobs;

    @Autowired
    ScholarService scholars;

    @Autowired
    JobLocks locks;

    @Autowired
    JsonMapper json;

    @Test
    void anImportLeftRunningByADeadProcessIsInterrupted() throws Exception {
        UUID id = UUID.randomUUID();
        // What a process killed in the middle of an import leaves: its record RUNNING, its lock gone with it.
        jdbc.sql("INSERT INTO reg_import_run (id, write, started_by, status) VALUES (?, true, 'interrupted-officer', "
                + "'RUNNING')").param(id).update();

        jobs.markInterrupted();

        mvc.perform(get("/api/v1/registry/imports/" + id).with(OFFICER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INTERRUPTED"))
                .andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.startedBy").value("interrupted-officer"))
                .andExpect(jsonPath("$.report.problems[0].code").value("registry.import.interrupted"));
        mvc.perform(get("/registry/import/" + id).param("lang", "kk").with(OFFICER)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Үзілді: ештеңе жазылған жоқ")))
                .andExpect(content().string(Matchers.containsString("Файлдарды қайта жіберіңіз")));
    }

    @Test
    void anImportAnotherProcessRunsIsLeftAlone() throws Exception {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO reg_import_run (id, write, started_by, status) VALUES (?, true, 'other', 'RUNNING')")
                .param(id).update();
        try (JobLocks.Held other = locks.hold("registry-import", id)) {
            jobs.markInterrupted();
            assertThat(jobs.status(id).orElseThrow().status()).isEqualTo(RegistryImportState.RUNNING);
        }
        assertThat(jobs.status(id).orElseThrow().status()).isEqualTo(RegistryImportState.INTERRUPTED);
    }

    @Test
    void everyImportIsRecordedWithHowItEnded() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "RUN", 2);
        String body = mvc.perform(RegistryImportProgressApiTest.start(f, true).with(csrf()).with(OFFICER))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        UUID id = UUID.fromString(json.readTree(body).get("id").asText());
        assertThat(jobs.await(id, Duration.ofMinutes(2)).orElseThrow().status()).isEqualTo(RegistryImportState.IMPORTED);

        var run = jdbc.sql("SELECT status, scholars, awards, employments, finished_at IS NOT NULL AS finished "
                + "FROM reg_import_run WHERE id = ?").param(id).query().singleRow();
        assertThat(run).containsEntry("status", "IMPORTED").containsEntry("scholars", 2).containsEntry("awards", 2)
                .containsEntry("employments", 2).containsEntry("finished", true);
        // Nothing of the files is kept: counts, who and when only.
        assertThat(jdbc.sql("SELECT r::text FROM reg_import_run r WHERE id = ?").param(id).query(String.class)
                .single()).doesNotContain(f.iins().get(0)).doesNotContain(ImportFixtures.LAST_NAME);
        mvc.perform(get("/registry/import").param("lang", "en").with(OFFICER)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Latest imports")))
                .andExpect(content().string(Matchers.containsString("/registry/import/" + id)))
                .andExpect(content().string(Matchers.containsString("2 / 2 / 2")));
        // The lock went with the job: nothing is left holding it.
        assertThat(locks.abandoned("registry-import", id)).isTrue();
    }
}
