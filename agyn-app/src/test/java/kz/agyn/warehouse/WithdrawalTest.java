package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, undo: an administrator withdraws an accepted import (a version without it becomes current, nothing is
 * deleted) and retires a dataset (left out of the defaults, reversibly); each act is audited, from the page with a
 * confirmation step and from the API, and nobody else may do it.
 */
class WithdrawalTest extends AgynTest {

    static final RequestPostProcessor ADMIN_USER = user("undo-admin").roles("ADMIN");
    static final RequestPostProcessor ANALYST = user("undo-analyst").roles("ANALYST");

    /** Each test writes its own counterpart country in place of UZ, so that no other test's rows mix in. */
    static final String V1 = """
            indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status
            IMMIGRANTS,2020,KZ,,,UZ,,,IMM,1000,PERSONS,A
            IMMIGRANTS,2021,KZ,,,UZ,,,IMM,1100,PERSONS,A
            """;
    static final String V2 = """
            indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status
            IMMIGRANTS,2020,KZ,,,UZ,,,IMM,1000,PERSONS,A
            IMMIGRANTS,2021,KZ,,,UZ,,,IMM,1150,PERSONS,A
            IMMIGRANTS,2023,KZ,,,UZ,,,IMM,1300,PERSONS,A
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsService metrics;

    @Test
    void withdrawingTheCurrentImportMakesAVersionWithoutItCurrentAndKeepsTheHistory() throws Exception {
        String ds = "test-undo-current";
        List<String> imports = imported(ds, "UZ", V1, V2);
        String second = imports.get(1);
        OffsetDateTime before = OffsetDateTime.now();

        mvc.perform(post("/api/v1/imports/" + second + "/withdraw").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"wrong file\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/imports/" + second + "/withdraw").with(ADMIN_USER).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Give the reason: it is kept in the history and in the audit log."));
        mvc.perform(post("/api/v1/imports/" + second + "/withdraw").with(ADMIN_USER).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"publisher withdrew 2023\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.withdrawnVersion").value(2))
                .andExpect(jsonPath("$.newVersion").value(3)).andExpect(jsonPath("$.restoredFrom").value(1));

        // The API and the explorer read version 3, which holds version 1's observations: the withdrawn figures are
        // gone from every default reading.
        assertThat(values(ds, null, "UZ")).containsExactly(1000, 1100);
        assertThat(values(null, null, "UZ")).containsExactly(1000, 1100);
        String explorer = mvc.perform(get("/warehouse/explore").param("indicator", "IMMIGRANTS")
                        .param("dataset", ds).param("country", "UZ").param("by", "PERIOD").param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(explorer).contains("1,100").doesNotContain("1,150").doesNotContain("1,300");
        // Nothing deleted: version 2 is still there to read, and "as of" before the withdrawal still shows it.
        assertThat(values(ds, "2", "UZ")).containsExactly(1000, 1150, 1300);
        assertThat(jdbc.sql("SELECT count(*) FROM wh_observation o JOIN wh_version v ON v.id = o.version_id "
                + "JOIN wh_dataset d ON d.id = v.dataset_id WHERE d.code = ? AND v.version = 2").param(ds)
                .query(Integer.class).single()).isEqualTo(3);
        JsonNode asOf = json.readTree(mvc.perform(get("/api/v1/observations").param("dataset", ds)
                        .param("period", "2021").param("asOf", before.toString()).with(ANALYST))
                .andReturn().getResponse().getContentAsString());
        assertThat(asOf.get("items").get(0).get("value").asInt()).isEqualTo(1150);

        // The import says so, with who, when and why; the version is marked and cannot be made current again.
        assertThat(jdbc.sql("SELECT status || ' ' || withdrawn_by || ' ' || withdrawn_reason FROM wh_import "
                + "WHERE id = ?::uuid").param(second).query(String.class).single())
                .isEqualTo("WITHDRAWN undo-admin publisher withdrew 2023");
        mvc.perform(get("/api/v1/datasets/" + ds + "/versions").with(ANALYST))
                .andExpect(jsonPath("$.current").value(3))
                .andExpect(jsonPath("$.history[0].reason").value("WITHDRAW"))
                .andExpect(jsonPath("$.versions[1].withdrawn.by").value("undo-admin"))
                .andExpect(jsonPath("$.versions[1].withdrawn.reason").value("publisher withdrew 2023"));
        mvc.perform(post("/api/v1/datasets/" + ds + "/versions/2/current").with(ADMIN_USER).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail")
                        .value("Version 2 of " + ds + " was withdrawn and cannot be made current again."));
        mvc.perform(post("/api/v1/imports/" + second + "/withdraw").with(ADMIN_USER).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
                .andExpect(status().isConflict());
        assertThat(audited("IMPORT_WITHDRAWN", ds + ": import " + second + " version 2 withdrawn; version 3 made "
                + "current with the observations of version 1. Reason: publisher withdrew 2023")).isEqualTo(1);

        String page = mvc.perform(get("/warehouse/datasets/" + ds).param("lang", "ru").with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-version=\"2\" data-current=\"false\" data-withdrawn=\"true\"", "отозвана",
                "создана вместо отозванной версии");
        String importPage = mvc.perform(get("/warehouse/imports/" + second).param("lang", "en").with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(importPage).contains("id=\"import-withdrawn\"", "Reason: publisher withdrew 2023")
                .doesNotContain("id=\"withdraw-import\"").doesNotContain("id=\"mapping-form\"");
    }

    @Test
    void theOnlyImportWithdrawnFromThePageAfterAConfirmationLeavesTheDatasetEmpty() throws Exception {
        String ds = "test-undo-only";
        String only = imported(ds, "KG", V1).get(0);
        String report = mvc.perform(get("/warehouse/imports/" + only).param("lang", "en").with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("id=\"withdraw-import\"");
        assertThat(mvc.perform(get("/warehouse/imports/" + only).param("lang", "en").with(ANALYST))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("id=\"withdraw-import\"");
        mvc.perform(get("/warehouse/imports/" + only + "/withdraw").with(ANALYST)).andExpect(status().isForbidden());

        String confirm = mvc.perform(get("/warehouse/imports/" + only + "/withdraw").param("lang", "en")
                        .with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirm).contains("Version 1 of " + ds + " (file v.csv, 2 rows) will be marked withdrawn",
                "there is no earlier one: a new, empty version will become current", "id=\"confirm-reason\"");
        // Without a reason the page is shown again, saying what is missing; nothing is done.
        String refused = mvc.perform(post("/warehouse/imports/" + only + "/withdraw").param("lang", "en")
                        .with(ADMIN_USER).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"confirm-error\"", "Give the reason");
        assertThat(values(ds, null, "KG")).containsExactly(1000, 1100);

        mvc.perform(post("/warehouse/imports/" + only + "/withdraw").param("reason", "test upload")
                        .with(ADMIN_USER).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/warehouse/datasets/" + ds));
        assertThat(values(ds, null, "KG")).isEmpty();
        assertThat(values(ds, "1", "KG")).containsExactly(1000, 1100);
    }

    @Test
    void aRetiredDatasetLeavesTheDefaultsUntilReinstated() throws Exception {
        String ds = "test-undo-retire";
        imported(ds, "TJ", V2);
        assertThat(values(null, null, "TJ")).contains(1300);

        mvc.perform(post("/warehouse/datasets/" + ds + "/retire").param("reason", "x").with(ANALYST).with(csrf()))
                .andExpect(status().isForbidden());
        String confirm = mvc.perform(get("/warehouse/datasets/" + ds + "/retire").param("lang", "kk")
                        .with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirm).contains("жиынтығын қолданыстан шығару", "id=\"confirm-submit\"");
        mvc.perform(post("/warehouse/datasets/" + ds + "/retire").param("reason", "superseded by the census")
                        .with(ADMIN_USER).with(csrf()))
                .andExpect(status().is3xxRedirection());

        // Left out of what everyone reads by default (the API, exports, explorer filters, metrics) ...
        assertThat(values(null, null, "TJ")).doesNotContain(1300);
        mvc.perform(get("/api/v1/observations").param("indicator", "IMMIGRANTS").param("period", "2023")
                        .param("format", "csv").accept("text/csv").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain(ds));
        // ... but still there when named, and its page says it is retired, by whom and why.
        assertThat(values(ds, null, "TJ")).containsExactly(1000, 1150, 1300);
        String page = mvc.perform(get("/warehouse/datasets/" + ds).param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"dataset-retired\"", "undo-admin: superseded by the census")
                .doesNotContain("id=\"reinstate-dataset\"");
        mvc.perform(get("/api/v1/datasets").with(ANALYST))
                .andExpect(jsonPath("$[?(@.code == '" + ds + "')].retired.reason").value("superseded by the census"));

        mvc.perform(post("/api/v1/datasets/" + ds + "/reinstate").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.retired").doesNotExist());
        assertThat(values(null, null, "TJ")).contains(1300);
        mvc.perform(post("/api/v1/datasets/" + ds + "/reinstate").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .header("Accept-Language", "ru"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Набор " + ds + " не выведен из использования."));
        assertThat(audited("DATASET_RETIRED", ds + " retired. Reason: superseded by the census")).isEqualTo(1);
        assertThat(audited("DATASET_REINSTATED", ds + " reinstated")).isEqualTo(1);
    }

    @Test
    void aRetiredDatasetLeavesTheMetricsUnlessNamed() throws Exception {
        String ds = "test-undo-retire-metric";
        imported(ds, "UZ", """
                indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status
                EMIGRANTS,1901,KZ,,,,,,EMI,100,PERSONS,A
                EMIGRANTS,1902,KZ,,,,,,EMI,110,PERSONS,A
                """);
        assertThat(growth(null)).containsExactly("1902");
        mvc.perform(post("/api/v1/datasets/" + ds + "/retire").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"test\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.retired.by").value(ADMIN));
        assertThat(growth(null)).isEmpty();
        assertThat(growth(ds)).containsExactly("1902");
        mvc.perform(post("/api/v1/datasets/" + ds + "/reinstate").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk());
    }

    /** The periods of the growth rate of emigrants in 1901–1902 (no other dataset reaches back so far). */
    private List<String> growth(String dataset) {
        return metrics.compute(kz.agyn.warehouse.metrics.Metric.GROWTH_RATE, new MetricsService.Selection(null,
                        "1901", "1902", dataset, null, null, null, List.of(), 1), java.util.Locale.ENGLISH, true)
                .points().stream().map(MetricResult.Point::period).toList();
    }

    private int audited(String action, String detail) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND detail = ?").params(action, detail)
                .query(Integer.class).single();
    }

    /** The values of a country's rows of IMMIGRANTS in period order: of one dataset, or of every one (null). */
    private List<Integer> values(String ds, String version, String country) throws Exception {
        var request = get("/api/v1/observations").param("indicator", "IMMIGRANTS").param("country", country)
                .param("size", "1000").with(ANALYST);
        if (ds != null) {
            request.param("dataset", ds);
        }
        if (version != null) {
            request.param("version", version);
        }
        JsonNode page = json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        List<Integer> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("value").asInt()));
        return out;
    }

    /** A new dataset with the files accepted in order; the import ids. */
    private List<String> imported(String ds, String country, String... files) throws Exception {
        mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + ds + "\",\"titleKk\":\"Кері " + ds + "\",\"titleRu\":\"Отзыв "
                                + ds + "\",\"titleEn\":\"Undo " + ds + "\",\"publisher\":\"Agyn tests\"}"))
                .andExpect(status().isCreated());
        List<String> ids = new ArrayList<>();
        for (String file : files) {
            JsonNode report = json.readTree(mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile(
                                    "file", "v.csv", "text/csv", file.replace(",UZ,", "," + country + ",")
                                    .getBytes(StandardCharsets.UTF_8)))
                            .param("dataset", ds).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            String id = report.get("id").asText();
            mvc.perform(post("/api/v1/imports/" + id + "/accept").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.newVersion").value(true));
            ids.add(id);
        }
        return ids;
    }
}
