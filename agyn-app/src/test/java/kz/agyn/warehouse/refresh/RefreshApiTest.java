package kz.agyn.warehouse.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportTemplates;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.warehouse.refresh.RecordedSource.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A dataset's source set over the API and refreshed, end to end on PostgreSQL, against recorded answers served on
 * 127.0.0.1: the first refresh writes a version whose values are the message's, digit for digit; the second finds
 * nothing new, although the agency prepared its message again (another header); an error of the source is a 502
 * that quotes the agency. The page sets the source and its button hands the message to the import page.
 */
class RefreshApiTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("refresh-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("refresh-viewer").roles("VIEWER");
    private static final String ECB_PATH = "/service/data/ECB,AME,1.0/A.BEL.1.0.0.0.OVGD/all";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ImportTemplates templates;

    RecordedSource source;

    @BeforeEach
    void start() {
        source = new RecordedSource();
        if (warehouse.indicator("TEST_GDP_CONST_EUR").isEmpty()) {
            warehouse.createIndicator(new Indicator("TEST_GDP_CONST_EUR", new Names("ЖІӨ (тест)", "ВВП (тест)",
                    "GDP at constant prices (test)"), "EUR", null, null));
        }
        // How AMECO's message becomes observations: its country is an ISO alpha-3 code, its item the indicator.
        templates.save("ECB AMECO GDP (test)", null, null, new ImportMapping(Map.of(Dimension.PERIOD, "TIME_PERIOD",
                        Dimension.VALUE, "OBS_VALUE", Dimension.STATUS, "OBS_STATUS", Dimension.COUNTRY, "AME_REF_AREA"),
                Map.of(Dimension.INDICATOR, "TEST_GDP_CONST_EUR"), false, null, null, null, null, null, null, null,
                null).withValues(Map.of(Dimension.COUNTRY, Map.of("BEL", "BE")), null), "test");
    }

    @AfterEach
    void stop() {
        source.close();
    }

    private String dataset(String prefix) {
        String code = prefix + "-" + Long.toString(System.nanoTime(), 36);
        warehouse.createDataset(code, new Names("Тест", "Тест", "Test"), "Agyn tests", null, null, null, false);
        return code;
    }

    private String putSource(String code, String body) throws Exception {
        return mvc.perform(put("/api/v1/datasets/" + code + "/source").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String> values(String code) {
        return jdbc.sql("""
                SELECT o.period || ' ' || o.country || ' ' || o.value::text || ' ' || o.status
                  FROM wh_observation o JOIN wh_version v ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id
                 WHERE d.code = ? ORDER BY v.version, o.country, o.period""").param(code).query(String.class).list();
    }

    @Test
    void anSdmxSourceSetOverTheApiRefreshesToANewVersionThenToNothingNew() throws Exception {
        String code = dataset("refresh-ecb");
        byte[] recorded = RecordedSource.recording("ecb-ame-generic21.xml");
        source.answer(ECB_PATH, Answer.ok("application/vnd.sdmx.genericdata+xml;version=2.1", recorded));
        String set = putSource(code, """
                {"kind":"SDMX_REST","agency":"ECB","baseUrl":"%s/service","flow":"ECB,AME,1.0",
                 "key":"A.BEL.1.0.0.0.OVGD","startPeriod":"1960","template":"ECB AMECO GDP (test)"}"""
                .formatted(source.base()));
        assertThat(set).contains("\"url\":\"" + source.base()
                + "/service/data/ECB%2CAME%2C1.0/A.BEL.1.0.0.0.OVGD/all?startPeriod=1960\"");
        mvc.perform(get("/api/v1/datasets/" + code + "/source").with(ANALYST))
                .andExpect(jsonPath("$.agency").value("ECB"))
                .andExpect(jsonPath("$.template").value("ECB AMECO GDP (test)"))
                .andExpect(jsonPath("$.updatedBy").value("refresh-analyst"));

        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("NEW_VERSION"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.report.rows").value(5))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Refreshed from http://")));
        assertThat(values(code)).containsExactly("1960 BE 92.0142 A", "1961 BE 96.591 A", "1962 BE 101.5959 A",
                "1963 BE 106.0702 A", "1964 BE 113.4396 A");

        // The agency prepares the same data again: another message id and time in the header, the same data.
        String again = new String(recorded, StandardCharsets.UTF_8)
                .replace("2015-06-25T16:00:56.058+02:00</message:Prepared>", "2026-03-01T08:00:00</message:Prepared>")
                .replace("a785f26f-6131-4a7e-8f13-282ae9e0814a", "b1d2c3");
        source.answer(ECB_PATH, Answer.ok("application/xml", again.getBytes(StandardCharsets.UTF_8)));
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf())
                        .header("Accept-Language", "ru"))
                .andExpect(jsonPath("$.result").value("NOTHING_NEW"))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Ничего нового")));
        // A revision is a new version.
        source.answer(ECB_PATH, Answer.ok("application/xml", again.replace("\"96.591\"", "\"96.5912\"")
                .getBytes(StandardCharsets.UTF_8)));
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf()))
                .andExpect(jsonPath("$.result").value("NEW_VERSION"))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(jdbc.sql("SELECT count(*) FROM wh_version v JOIN wh_dataset d ON d.id = v.dataset_id "
                + "WHERE d.code = ?").param(code).query(Integer.class).single()).isEqualTo(2);
        assertThat(values(code)).contains("1961 BE 96.5912 A");
        mvc.perform(get("/api/v1/datasets/" + code + "/source").with(ANALYST))
                .andExpect(jsonPath("$.lastRefresh.outcome").value("IMPORTED"))
                .andExpect(jsonPath("$.lastRefresh.by").value("refresh-analyst"));
    }

    @Test
    void aWorldBankSourceRefreshesWithTheExactFiguresAndThenFindsNothingNew() throws Exception {
        String code = dataset("refresh-wb");
        source.answer("/v2/country/KAZ;RUS/indicator/SP.POP.TOTL",
                Answer.ok("application/json;charset=utf-8", RecordedSource.recording("wb-sp-pop-totl-kaz-rus.json")));
        putSource(code, """
                {"kind":"WORLD_BANK","baseUrl":"%s/v2","flow":"SP.POP.TOTL","key":"kaz;rus",
                 "startPeriod":"2021","endPeriod":"2025"}""".formatted(source.base()));
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.result").value("NEW_VERSION"))
                .andExpect(jsonPath("$.report.rows").value(8))
                .andExpect(jsonPath("$.leftOut[0]").value("2 year(s) without a value were left out."));
        assertThat(values(code)).contains("2022 KZ 20034609 A", "2024 RU 143533851 A").hasSize(8);
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf()))
                .andExpect(jsonPath("$.result").value("NOTHING_NEW"));
        assertThat(source.requests()).hasSize(2);
    }

    /**
     * A source that fetches the dataflow's structure beside the data: with no mapping but the indicator, the ECB's code
     * lists put the countries in (BEL; Romania under AMECO's old code ROM, read through its name), leave the euro area
     * out with a line, read the unit 30 as US dollars, and name the codes in the report. Setting and removing the
     * source are in the audit log.
     */
    @Test
    void aSourceWithItsStructureNeedsNoRecodingAndIsAudited() throws Exception {
        if (warehouse.indicator("TEST_GDP_USD").isEmpty()) {
            warehouse.createIndicator(new Indicator("TEST_GDP_USD", new Names("ЖІӨ (тест)", "ВВП (тест)",
                    "GDP in US dollars (test)"), "USD", null, null));
        }
        templates.save("ECB AMECO by structure (test)", null, null, new ImportMapping(Map.of(),
                Map.of(Dimension.INDICATOR, "TEST_GDP_USD"), false, null, null, null, null, null, null, null, null),
                "test");
        String code = dataset("refresh-dsd");
        source.answer("/service/data/ECB,AME,1.0/A.BEL+EA19+ROM.1.0.30.0.OVGD/all", Answer.ok("application/xml",
                RecordedSource.recording("/kz/agyn/tabular/sdmx/ecb-ame-generic21-areas.xml")));
        source.answer("/service/dataflow/ECB/AME/1.0", Answer.ok("application/xml",
                RecordedSource.recording("/kz/agyn/tabular/sdmx/structure/ecb-ame1-structure21.xml")));
        String set = putSource(code, """
                {"kind":"SDMX_REST","baseUrl":"%s/service","flow":"ECB,AME,1.0","key":"A.BEL+ROM+EA19.1.0.30.0.OVGD",
                 "template":"ECB AMECO by structure (test)","structure":true}""".formatted(source.base()));
        assertThat(set).contains("\"structure\":true")
                .contains("\"structureUrl\":\"" + source.base() + "/service/dataflow/ECB/AME/1.0?references=all\"");
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("NEW_VERSION"))
                .andExpect(jsonPath("$.report.rows").value(10))
                .andExpect(jsonPath("$.report.structure").value("ECB:ECB_AME1(1.0)"))
                .andExpect(jsonPath("$.report.codeNames.AME_REF_AREA.BEL").value("Belgium"))
                .andExpect(jsonPath("$.report.codeNames.AME_UNIT.30").value("US Dollar"))
                .andExpect(jsonPath("$.report.notes[*].message").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("Euro area (19 countries) (EA19)"))));
        assertThat(values(code)).hasSize(10).allMatch(v -> v.contains(" BE ") || v.contains(" RO "))
                .contains("1960 BE 92.0142 A", "1960 RO 92.0142 A");

        // The same data and the same structure again: nothing new. The same data with a revised structure (the code
        // ROM no longer named Romania): a new version, where Romania's rows are left out as a non-country. The
        // structure decides what is stored, so a refresh that changes only the structure was taken for nothing new.
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("NOTHING_NEW"));
        source.answer("/service/dataflow/ECB/AME/1.0", Answer.ok("application/xml", new String(
                RecordedSource.recording("/kz/agyn/tabular/sdmx/structure/ecb-ame1-structure21.xml"),
                java.nio.charset.StandardCharsets.UTF_8).replace("<com:Name xml:lang=\"en\">Romania</com:Name>",
                "<com:Name xml:lang=\"en\">Romania (code withdrawn)</com:Name>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("NEW_VERSION"))
                .andExpect(jsonPath("$.report.rows").value(5));
        assertThat(values(code)).as("the first version's 10 rows, then the new version's 5").hasSize(15)
                .endsWith("1960 BE 92.0142 A", "1961 BE 96.591 A", "1962 BE 101.5959 A", "1963 BE 106.0702 A",
                        "1964 BE 113.4396 A");

        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'SOURCE_SET' AND actor = ? AND detail LIKE ?")
                .params("refresh-analyst", code + ":%").query(String.class).list())
                .singleElement().asString().contains("/service/data/").contains("+structure").contains("(new)");
        mvc.perform(delete("/api/v1/datasets/" + code + "/source").with(ANALYST).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SOURCE_REMOVED' AND detail LIKE ?")
                .param(code + ":%").query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * Two refreshes of one dataset at once: the second is refused (409) with a sentence in the reader's language, and
     * the agency is asked once; the first goes on to its new version.
     */
    @Test
    void aDatasetBeingRefreshedIsNotRefreshedTwice() throws Exception {
        String code = dataset("refresh-busy");
        source.answer(ECB_PATH, new Answer(200, "application/xml", RecordedSource.recording("ecb-ame-generic21.xml"),
                2_500));
        putSource(code, """
                {"kind":"SDMX_REST","baseUrl":"%s/service","flow":"ECB,AME,1.0","key":"A.BEL.1.0.0.0.OVGD",
                 "template":"ECB AMECO GDP (test)"}""".formatted(source.base()));
        java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf()))
                        .andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (source.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(source.requests()).as("the first refresh reached the agency").hasSize(1);
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf())
                        .header("Accept-Language", "ru"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("refresh.busy"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("уже обновляется")));
        assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS)).contains("\"result\":\"NEW_VERSION\"");
        assertThat(source.requests()).as("the agency was asked once").hasSize(1);
        // Once done, the dataset may be refreshed again.
        source.answer(ECB_PATH, Answer.ok("application/xml", RecordedSource.recording("ecb-ame-generic21.xml")));
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("NOTHING_NEW"));
    }

    @Test
    void aSourceThatFailsIsA502ThatQuotesTheAgencyAndWritesNothing() throws Exception {
        String code = dataset("refresh-404");
        source.answer(ECB_PATH, new Answer(404, "application/xml",
                RecordedSource.recording("sdmx-error-404-no-results.xml"), 0));
        putSource(code, """
                {"kind":"SDMX_REST","baseUrl":"%s/service","flow":"ECB,AME,1.0","key":"A.BEL.1.0.0.0.OVGD"}"""
                .formatted(source.base()));
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf())
                        .header("Accept-Language", "kk"))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("refresh.error.status"))
                .andExpect(jsonPath("$.sourceStatus").value(404))
                .andExpect(jsonPath("$.agencyText").value("100 No Results Found"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("«100 No Results Found»")));
        assertThat(values(code)).isEmpty();
        mvc.perform(get("/api/v1/datasets/" + code + "/source").with(ANALYST))
                .andExpect(jsonPath("$.lastRefresh.outcome").value("FAILED"));
        // The fetch is a job (issue 14): failed, with the agency's words in the reader's language.
        mvc.perform(get("/api/v1/jobs").param("kind", "WAREHOUSE_REFRESH").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$[?(@.parameters.dataset == '" + code + "')].state").value("FAILED"))
                .andExpect(jsonPath("$[?(@.parameters.dataset == '" + code + "')].outcomeText")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("100 No Results Found"))));
    }

    @Test
    void whatCannotBeUsedIsRefusedWithTheReasonAndOnlyAnalystsMaySetOrRefresh() throws Exception {
        String code = dataset("refresh-bad");
        mvc.perform(put("/api/v1/datasets/" + code + "/source").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"kind\":\"SDMX_REST\",\"agency\":\"ESTAT\",\"flow\":\"migr_emi1ctz\","
                                + "\"key\":\"A NR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("refresh.source.badKey"));
        mvc.perform(put("/api/v1/datasets/" + code + "/source").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SDMX_REST\",\"agency\":\"NOPE\",\"flow\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("refresh.source.unknownAgency"));
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(ANALYST).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("refresh.source.notFound"));
        mvc.perform(get("/api/v1/datasets/no-such-dataset/source").with(ANALYST))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/datasets/" + code + "/source").with(VIEWER).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"WORLD_BANK\",\"flow\":\"X\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/datasets/" + code + "/refresh").with(VIEWER).with(csrf()))
                .andExpect(status().isForbidden());
        // The ESTAT source as sdmx-dl builds its address.
        mvc.perform(put("/api/v1/datasets/" + code + "/source").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SDMX_REST\",\"agency\":\"estat\",\"flow\":\"migr_emi1ctz\","
                                + "\"key\":\"A.NR.T.TOTAL.KZ\",\"startPeriod\":\"2010\",\"format\":\"CSV\"}"))
                .andExpect(jsonPath("$.agency").value("ESTAT"))
                .andExpect(jsonPath("$.url").value("https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/"
                        + "all%2Cmigr_emi1ctz%2Clatest/A.NR.T.TOTAL.KZ/all?startPeriod=2010"));
    }

    @Test
    void thePageSetsTheSourceAndItsButtonOpensTheImport() throws Exception {
        String code = dataset("refresh-page");
        source.answer("/v2/country/KAZ;RUS/indicator/SP.POP.TOTL",
                Answer.ok("application/json", RecordedSource.recording("wb-sp-pop-totl-kaz-rus.json")));
        String page = mvc.perform(get("/warehouse/datasets/" + code).with(ANALYST).header("Accept-Language", "kk"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"source-form\"").contains("Дереккөзден жаңарту");
        mvc.perform(post("/warehouse/datasets/" + code + "/source").with(ANALYST).with(csrf())
                        .param("kind", "WORLD_BANK").param("agency", "WB_API").param("baseUrl", source.base() + "/v2")
                        .param("flow", "SP.POP.TOTL").param("key", "KAZ;RUS").param("startPeriod", "2021")
                        .param("endPeriod", "2025"))
                .andExpect(status().is3xxRedirection());
        page = mvc.perform(get("/warehouse/datasets/" + code).with(ANALYST))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"refresh-now\"").contains("/v2/country/KAZ;RUS/indicator/SP.POP.TOTL");
        mvc.perform(post("/warehouse/datasets/" + code + "/refresh").with(ANALYST).with(csrf()))
                .andExpect(redirectedUrlPattern("/warehouse/imports/*"));
        String viewer = mvc.perform(get("/warehouse/datasets/" + code).with(VIEWER))
                .andReturn().getResponse().getContentAsString();
        assertThat(viewer).doesNotContain("source-form");
    }
}
