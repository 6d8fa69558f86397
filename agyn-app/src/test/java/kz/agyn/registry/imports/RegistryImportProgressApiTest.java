package kz.agyn.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import kz.agyn.registry.imports.RegistryImportProgress.Phase;
import kz.agyn.registry.scholars.RegistryApiTest;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bulk import followed through the API: {@code POST /api/v1/registry/imports?async=true} answers at once, {@code
 * GET /api/v1/registry/imports/{id}} follows it through its phases to the report, and {@code POST …/cancel} stops
 * it. An import cancelled after its rows were copied, and its obligations evaluated, writes nothing. Only those
 * who may import may start, watch or cancel one.
 */
class RegistryImportProgressApiTest extends AgynTest {

    static final String OFFICER_NAME = "progress-api-officer";
    static final RequestPostProcessor OFFICER = user(OFFICER_NAME).roles("REGISTRY_OFFICER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScholarService scholars;

    @Autowired
    RegistryImportJobs jobs;

    @Autowired
    JsonMapper json;

    @Autowired
    AuditLog audit;

    @AfterEach
    void noListener() {
        jobs.listener(null);
    }

    static MockMultipartHttpServletRequestBuilder start(ImportFixtures f, boolean accept) {
        MockMultipartHttpServletRequestBuilder r = multipart("/api/v1/registry/imports")
                .file(part("scholars", f.scholars())).file(part("awards", f.awards()))
                .file(part("employments", f.jobs()));
        r.param("accept", Boolean.toString(accept)).param("async", "true").param("lang", "en");
        return r;
    }

    private static MockMultipartFile part(String name, String text) {
        return new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    UUID started(ImportFixtures f, boolean accept) throws Exception {
        String body = mvc.perform(start(f, accept).with(csrf()).with(OFFICER)).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return UUID.fromString(json.readTree(body).get("id").asText());
    }

    @Test
    void anImportIsFollowedThroughEveryPhaseToItsReport() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "PRG", 3);
        ImportGate gate = new ImportGate(OFFICER_NAME, Phase.DONE, id -> { });
        jobs.listener(gate);
        UUID id = started(f, true);
        jobs.await(id, Duration.ofMinutes(2));

        String body = mvc.perform(get("/api/v1/registry/imports/" + id).with(OFFICER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.phase").value("DONE"))
                .andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.rows").value(9))
                .andExpect(jsonPath("$.write").value(true))
                .andExpect(jsonPath("$.report.scholars").value(3))
                .andExpect(jsonPath("$.report.awards").value(3))
                .andExpect(jsonPath("$.report.employments").value(3))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(gate.seen).containsExactly(Phase.READING, Phase.CHECKING, Phase.WRITING, Phase.OBLIGATIONS,
                Phase.DONE);
        assertThat(f.stored(jdbc)).isEqualTo(12);
        // Counts only: nothing of what the files held.
        assertThat(body).doesNotContain(f.iins().get(0)).doesNotContain(ImportFixtures.LAST_NAME);
        // The import ran on a pool thread, yet its audit row names the officer who sent it, not "system".
        assertThat(audit.count(new AuditQuery(OFFICER_NAME, AuditAction.IMPORT, null, null, null, null, 0, 0)))
                .isPositive();
    }

    @Test
    void aCheckGoesNoFurtherThanTheChecks() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "PRC", 2);
        ImportGate gate = new ImportGate(OFFICER_NAME, Phase.DONE, id -> { });
        jobs.listener(gate);
        UUID id = started(f, false);
        assertThat(jobs.await(id, Duration.ofMinutes(2)).orElseThrow().status()).isEqualTo(RegistryImportState.VALID);
        assertThat(gate.seen).containsExactly(Phase.READING, Phase.CHECKING, Phase.DONE);
        assertThat(f.stored(jdbc)).isZero();
    }

    @Test
    void anImportCancelledAfterItsRowsWereCopiedWritesNothing() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "PRX", 3);
        // Held where the rows are already copied, inside the transaction, and the obligations are next.
        ImportGate gate = new ImportGate(OFFICER_NAME, Phase.OBLIGATIONS);
        jobs.listener(gate);
        UUID id = started(f, true);
        try {
            gate.awaitReached();
            mvc.perform(get("/api/v1/registry/imports/" + id).with(OFFICER)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("RUNNING"))
                    .andExpect(jsonPath("$.phase").value("OBLIGATIONS"))
                    .andExpect(jsonPath("$.finished").value(false))
                    .andExpect(jsonPath("$.report").doesNotExist());
            mvc.perform(post("/api/v1/registry/imports/" + id + "/cancel").with(csrf()).with(OFFICER))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.cancelRequested").value(true));
        } finally {
            gate.release();
        }
        RegistryImportStatus end = jobs.await(id, Duration.ofMinutes(2)).orElseThrow();
        assertThat(end.status()).isEqualTo(RegistryImportState.CANCELLED);
        assertThat(f.stored(jdbc)).isZero();
        mvc.perform(get("/api/v1/registry/imports/" + id).param("lang", "en").with(OFFICER))
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.report.scholars").value(0));

        // Nothing was left behind that would stop the same files from being imported afterwards.
        jobs.listener(null);
        UUID again = started(f, true);
        assertThat(jobs.await(again, Duration.ofMinutes(2)).orElseThrow().status()).isEqualTo(RegistryImportState.IMPORTED);
        assertThat(f.stored(jdbc)).isEqualTo(12);
    }

    @Test
    void aCancelAfterTheEndChangesNothing() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "PRL", 1);
        UUID id = started(f, true);
        jobs.await(id, Duration.ofMinutes(2));
        mvc.perform(post("/api/v1/registry/imports/" + id + "/cancel").with(csrf()).with(OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.cancelRequested").value(false));
        assertThat(f.stored(jdbc)).isEqualTo(4);
    }

    @Test
    void onlyThoseWhoMayImportStartWatchOrCancel() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "PRR", 1);
        UUID id = started(f, false);
        jobs.await(id, Duration.ofMinutes(2));
        for (RequestPostProcessor who : new RequestPostProcessor[] {RegistryApiTest.ANALYST, RegistryApiTest.VIEWER}) {
            mvc.perform(start(f, false).with(csrf()).with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/registry/imports/" + id).with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/registry/imports/" + id + "/cancel").with(csrf()).with(who))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/registry/imports/" + id)).andExpect(status().is(401));
        mvc.perform(get("/api/v1/registry/imports/" + id).with(user("admin-watcher").roles("ADMIN")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/registry/imports/" + UUID.randomUUID()).with(OFFICER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/registry/imports/not-an-id").with(OFFICER)).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/registry/imports/" + id + "/cancel").with(OFFICER))
                .andExpect(status().isForbidden());
    }
}
