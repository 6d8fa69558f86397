package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.platform.database.JobLocks;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import left VALIDATING or ACCEPTING by a process that died (what a kill -9 leaves; bench/kill-during-import.sh
 * does it for real) is shown INTERRUPTED, never running for ever, and can be finished: accepted again when it was
 * being written, checked again when it was being checked. An import some live process holds is left alone.
 */
class InterruptedImportTest extends AgynTest {

    private static final String DATASET = "test-interrupted";

    @Autowired
    ImportService imports;

    @Autowired
    JobLocks locks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void dataset() {
        Fixtures.dataset(jdbc, DATASET);
    }

    @Test
    void anImportLeftWritingIsInterruptedAndCanBeAcceptedAgain() throws Exception {
        UUID id = validUpload();
        leftBehind(id, "ACCEPTING");

        imports.markInterrupted();

        ImportReport report = imports.report(id, Locale.ENGLISH);
        assertThat(report.status()).isEqualTo(ImportStatus.INTERRUPTED);
        assertThat(report.acceptable()).isTrue();
        assertThat(rowsOf(id)).isZero();
        mvc.perform(get("/api/v1/imports/" + id).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.status").value("INTERRUPTED"));
        mvc.perform(get("/warehouse/imports/" + id).with(user("imp-analyst").roles("ANALYST")).param("lang", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("import-interrupted")))
                .andExpect(content().string(Matchers.containsString("Его можно принять ещё раз")))
                .andExpect(content().string(Matchers.containsString("accept-import")));
        mvc.perform(get("/warehouse/imports").with(user("imp-analyst").roles("ANALYST")).param("lang", "kk"))
                .andExpect(content().string(Matchers.containsString("үзілді")));

        ImportReport accepted = imports.accept(id, ADMIN, Locale.ENGLISH);
        assertThat(accepted.status()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(rowsOf(id)).isEqualTo(accepted.rows()).isPositive();
    }

    @Test
    void anImportLeftCheckingIsInterruptedAndMustBeCheckedAgain() {
        UUID id = validUpload();
        leftBehind(id, "VALIDATING");

        // Seen by whoever looks first, without waiting for a restart: nothing holds the import's lock.
        ImportReport report = imports.report(id, Locale.ENGLISH);
        assertThat(report.status()).isEqualTo(ImportStatus.INTERRUPTED);
        assertThat(report.acceptable()).isFalse();
        assertThatThrownBy(() -> imports.accept(id, ADMIN, Locale.ENGLISH)).isInstanceOf(ImportException.class);

        ImportReport checked = imports.remap(id, DATASET, report.mapping(), Locale.ENGLISH);
        assertThat(checked.status()).isEqualTo(ImportStatus.VALID);
        assertThat(imports.accept(id, ADMIN, Locale.ENGLISH).status()).isEqualTo(ImportStatus.ACCEPTED);
    }

    @Test
    void anImportAnotherProcessIsWritingIsLeftAlone() {
        UUID id = validUpload();
        try (JobLocks.Held other = locks.hold("warehouse-import", id)) {
            leftBehind(id, "ACCEPTING");
            imports.markInterrupted();
            assertThat(imports.report(id, Locale.ENGLISH).status()).isEqualTo(ImportStatus.ACCEPTING);
        }
        assertThat(imports.report(id, Locale.ENGLISH).status()).isEqualTo(ImportStatus.INTERRUPTED);
    }

    private UUID validUpload() {
        ImportReport report = imports.upload(DATASET, "interrupted-" + UUID.randomUUID() + ".csv",
                new ByteArrayInputStream(Fixtures.windows1251Csv()), "csv", null, ADMIN, Locale.ENGLISH);
        assertThat(report.status()).isEqualTo(ImportStatus.VALID);
        return report.id();
    }

    /** What a process killed in the middle leaves: the status it had set, and no lock (its connection is gone). */
    private void leftBehind(UUID id, String status) {
        jdbc.sql("UPDATE wh_import SET status = ? WHERE id = ?").params(status, id).update();
    }

    private long rowsOf(UUID id) {
        return jdbc.sql("""
                SELECT count(*) FROM wh_observation o JOIN wh_import i ON i.version_id = o.version_id
                WHERE i.id = ?""").param(id).query(Long.class).single();
    }
}
