package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A checked import that the analyst decides not to accept: before, it stayed VALID for ever and kept a full copy of
 * its rows in a staged table (noticed 2026-12-07). Now it is discarded on the page or by the API: CANCELLED, its
 * staged rows dropped at once, nothing written; an import in any other state is refused in the reader's words.
 */
class DiscardImportTest extends AgynTest {

    private static final String DATASET = "test-discard";
    private static final String CSV = "INDICATOR,TIME_PERIOD,REF_AREA,OBS_VALUE\n"
            + "EMIGRANTS,2021,000000000,12\nEMIGRANTS,2022,000000000,13\n";

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void dataset() {
        Fixtures.dataset(jdbc, DATASET);
    }

    private ImportReport upload(String csv) {
        return imports.upload(DATASET, "discard.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "csv", null, ADMIN, Locale.ENGLISH);
    }

    private boolean staged(UUID id) {
        return jdbc.sql("SELECT count(*) FROM wh_staged_version WHERE import_id = ?").param(id).query(Long.class)
                .single() > 0;
    }

    @Test
    void aCheckedImportDiscardedOnThePageKeepsNothingAndCannotBeAcceptedAfter() throws Exception {
        ImportReport checked = upload(CSV + "EMIGRANTS,2023,000000000,14\n");
        assertThat(checked.status()).isEqualTo(ImportStatus.VALID);
        assertThat(staged(checked.id())).isTrue();

        MvcResult page = mvc.perform(post("/warehouse/imports/" + checked.id() + "/discard").param("lang", "kk")
                .with(user("discard-analyst").roles("ANALYST")).with(csrf())).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("data-status=\"CANCELLED\"")
                .doesNotContain("id=\"accept-import\"");
        assertThat(imports.report(checked.id(), Locale.ENGLISH).status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(staged(checked.id())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM wh_version v JOIN wh_dataset d ON d.id = v.dataset_id "
                + "WHERE d.code = ?").param(DATASET).query(Long.class).single()).isZero();

        // Accepting it afterwards is refused; so is discarding it twice, in the reader's language, state in words.
        MvcResult again = mvc.perform(post("/api/v1/imports/" + checked.id() + "/discard")
                .header("Accept-Language", "ru").with(user("discard-analyst").roles("ANALYST")).with(csrf()))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("От импорта «discard.csv» нельзя отказаться").doesNotContain("CANCELLED");
    }

    @Test
    void theApiDiscardsAValidImportAndRefusesAnAcceptedOne() throws Exception {
        ImportReport checked = upload(CSV);
        MvcResult r = mvc.perform(post("/api/v1/imports/" + checked.id() + "/discard")
                .with(user("discard-analyst").roles("ANALYST")).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString()).contains("\"status\":\"CANCELLED\"");
        assertThat(staged(checked.id())).isFalse();

        ImportReport accepted = upload(CSV + "EMIGRANTS,2024,000000000,15\n");
        imports.accept(accepted.id(), ADMIN, Locale.ENGLISH);
        MvcResult refused = mvc.perform(post("/api/v1/imports/" + accepted.id() + "/discard")
                .header("Accept-Language", "kk").with(user("discard-analyst").roles("ANALYST")).with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("қабылданды");
        assertThat(imports.report(accepted.id(), Locale.ENGLISH).status()).isEqualTo(ImportStatus.ACCEPTED);

        // A viewer may not throw away an analyst's work.
        ImportReport third = upload(CSV + "EMIGRANTS,2025,000000000,16\n");
        assertThat(mvc.perform(post("/api/v1/imports/" + third.id() + "/discard")
                .with(user("discard-viewer").roles("VIEWER")).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(staged(third.id())).isTrue();
    }
}
