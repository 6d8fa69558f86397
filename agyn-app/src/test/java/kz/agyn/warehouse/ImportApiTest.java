package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Each file format through the real HTTP endpoints: validate, accept, then read the stored observations. */
class ImportApiTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    kz.agyn.account.AccountService accounts;

    @BeforeEach
    void datasets() throws Exception {
        for (String code : List.of("test-csv", "test-xlsx", "test-sdmx-csv", "test-sdmx-ml", "test-idem",
                "test-body")) {
            if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(code).query(Integer.class)
                    .single() == 0) {
                mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"code\":\"" + code + "\",\"titleKk\":\"Тест\",\"titleRu\":\"Тест\","
                                        + "\"titleEn\":\"Test\",\"publisher\":\"Agyn tests\"}"))
                        .andExpect(status().isCreated());
            }
        }
    }

    @Test
    void windows1251CsvWithDecimalCommasAndRegionNames() throws Exception {
        String id = upload("test-csv", "emigration-1251.csv", Fixtures.windows1251Csv(), "csv", null)
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.rows").value(4))
                .andReturn().getResponse().getContentAsString();
        accept(json.readTree(id).get("id").asText());
        mvc.perform(get("/api/v1/observations").param("dataset", "test-csv").param("indicator", "EMIGRANTS")
                        .param("region", "190000000").param("sex", "M").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].value").value(1204))
                .andExpect(jsonPath("$.items[0].period").value("2022"))
                .andExpect(jsonPath("$.items[0].flow").value("_Z"));
        mvc.perform(get("/api/v1/observations").param("dataset", "test-csv").param("region", "750000000")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.items[0].value").value(5310));
        mvc.perform(get("/api/v1/observations").param("dataset", "test-csv").param("indicator", "WAGE_AVG")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.items[0].value").value(272188.5))
                .andExpect(jsonPath("$.items[0].region").value("330000000"));
    }

    @Test
    void bureauXlsxWithTwoRowHeaderMergedYearsAndFootnotes() throws Exception {
        String mapping = json.writeValueAsString(new ImportMapping(Map.of(Dimension.REGION, "Регион"),
                Map.of(Dimension.INDICATOR, "EMIGRANTS", Dimension.FLOW, "EMI"), true, null, null, null, null, null,
                null, null, null));
        String body = upload("test-xlsx", "bureau.xlsx", Fixtures.bureauXlsx(), "xlsx", mapping)
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.rows").value(12))
                .andReturn().getResponse().getContentAsString();
        accept(json.readTree(body).get("id").asText());
        mvc.perform(get("/api/v1/observations").param("dataset", "test-xlsx").param("region", "710000000")
                        .param("period", "2023").param("sex", "F").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].value").value(1550))
                .andExpect(jsonPath("$.items[0].flow").value("EMI"));
        mvc.perform(get("/api/v1/observations").param("dataset", "test-xlsx").param("region", "100000000")
                        .param("period", "2022").param("sex", "M").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.items[0].value").value(410));
    }

    @Test
    void sdmxCsv() throws Exception {
        String body = upload("test-sdmx-csv", "mig.sdmx.csv", Fixtures.sdmxCsv(), "sdmx-csv", null)
                .andExpect(jsonPath("$.status").value("VALID")).andExpect(jsonPath("$.rows").value(3))
                .andReturn().getResponse().getContentAsString();
        accept(json.readTree(body).get("id").asText());
        mvc.perform(get("/api/v1/observations").param("dataset", "test-sdmx-csv").param("country", "DE")
                        .param("period", "2022").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.items[0].value").value(6034))
                .andExpect(jsonPath("$.items[0].status").value("P"));
    }

    @Test
    void sdmxMl() throws Exception {
        String body = upload("test-sdmx-ml", "mig.xml", Fixtures.sdmxMl(), "sdmx-ml", null)
                .andExpect(jsonPath("$.status").value("VALID")).andExpect(jsonPath("$.rows").value(2))
                .andReturn().getResponse().getContentAsString();
        accept(json.readTree(body).get("id").asText());
        mvc.perform(get("/api/v1/observations").param("dataset", "test-sdmx-ml").param("indicator", "IMMIGRANTS")
                        .param("period", "2021:2022").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].value").value(7051))
                .andExpect(jsonPath("$.items[1].status").value("P"))
                .andExpect(jsonPath("$.items[1].country").value("RU"));
    }

    @Test
    void theSameFileTwiceChangesNothing() throws Exception {
        String first = upload("test-idem", "same.csv", Fixtures.sdmxCsv(), "sdmx-csv", null)
                .andReturn().getResponse().getContentAsString();
        accept(json.readTree(first).get("id").asText());
        long rows = count();
        int versions = versions("test-idem");
        String second = upload("test-idem", "same-again.csv", Fixtures.sdmxCsv(), "sdmx-csv", null)
                .andExpect(jsonPath("$.existingVersion").value(1))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/imports/" + json.readTree(second).get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        assertThat(count()).isEqualTo(rows);
        assertThat(versions("test-idem")).isEqualTo(versions);
    }

    @Test
    void validationWritesNothingAndViewersCannotImport() throws Exception {
        if (accounts.user("imp-viewer").isEmpty()) {
            accounts.createUser("imp-viewer", "Viewer-pass-456", java.util.Set.of(kz.agyn.account.Role.VIEWER), null,
                    "kk", false);
        }
        long rows = count();
        upload("test-csv", "x.csv", Fixtures.sdmxCsv(), "sdmx-csv", null).andExpect(status().isOk());
        assertThat(count()).isEqualTo(rows);
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        Fixtures.sdmxCsv())).param("dataset", "test-csv")
                        .with(httpBasic("imp-viewer", "Viewer-pass-456")))
                .andExpect(status().is4xxClientError());
    }

    /**
     * Accept attaches the rows validation staged (decision 0050); staged rows that lost one must write nothing at
     * all, and stay staged for a check again.
     */
    @Test
    void damagedStagedRowsWriteNothing() throws Exception {
        String report = upload("test-csv", "spool.csv", Fixtures.sdmxCsv(), "sdmx-csv", null)
                .andExpect(jsonPath("$.status").value("VALID"))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(report).get("id").asText();
        int staged = jdbc.sql("SELECT version_id FROM wh_staged_version WHERE import_id = ?::uuid").param(id)
                .query(Integer.class).single();
        assertThat(jdbc.sql("DELETE FROM wh_observation_v" + staged + " WHERE period = '2021'").update()).isOne();
        long rows = count();
        mvc.perform(post("/api/v1/imports/" + id + "/accept").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The file changed after it was checked; nothing was written."));
        assertThat(count()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT count(*) FROM wh_version WHERE id = ?").param(staged).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM wh_import WHERE id = ?::uuid").param(id).query(String.class)
                .single()).isEqualTo("VALID");
    }

    /**
     * A report is stored untranslated and put into words when read: checked by a Russian-speaking analyst, it reads
     * in Kazakh and in English for colleagues who fetch it in those languages.
     */
    @Test
    void aReportReadsInTheLanguageOfWhoeverFetchesIt() throws Exception {
        byte[] bad = """
                INDICATOR,PERIOD,REGION,VALUE
                EMIGRANTS,2022,000000000,abc
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "bad.csv",
                                "text/csv", bad)).param("dataset", "test-csv").param("format", "csv")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INVALID"))
                .andExpect(jsonPath("$.problems[0].message").value("«abc» — не число."))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        mvc.perform(get("/api/v1/imports/" + id).with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .header("Accept-Language", "kk"))
                .andExpect(jsonPath("$.problems[0].message").value("«abc» сан емес."))
                .andExpect(jsonPath("$.problems[0].code").value("warehouse.import.notANumber"))
                .andExpect(jsonPath("$.problems[0].file").value("bad.csv"))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("VALUE"));
        mvc.perform(get("/api/v1/imports/" + id).with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.problems[0].message").value("\"abc\" is not a number."));
    }

    /**
     * Issue 15: a value is judged by its indicator's unit. A PPP factor or an exchange rate must be above zero and is
     * refused as such, not as "a number of persons"; persons may not be negative, nor more than live on Earth; and a
     * number in scientific notation is a number ("1e12" was "not a number" while 1e32 persons passed).
     */
    @Test
    void valuesAreJudgedByTheirUnitAndExponentsAreNumbers() throws Exception {
        byte[] file = """
                INDICATOR,PERIOD,REGION,COUNTRY,VALUE
                PPP_FACTOR,2022,000000000,DE,-0.75
                EXCHANGE_RATE,2022,000000000,KZ,0
                EMIGRANTS,2022,000000000,,1e32
                EMIGRANTS,2021,000000000,,-5
                WAGE_ABROAD,2022,000000000,US,-60000
                GDP_USD,2022,000000000,KZ,1e12
                PPP_FACTOR,1992,000000000,BY,8.14013304708237E-09
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "units.csv",
                                "text/csv", file)).param("dataset", "test-csv").param("format", "csv")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INVALID"))
                .andReturn().getResponse().getContentAsString();
        tools.jackson.databind.JsonNode problems = json.readTree(body).get("problems");
        java.util.Map<Integer, String> byRow = new java.util.TreeMap<>();
        java.util.Map<Integer, String> messages = new java.util.TreeMap<>();
        problems.forEach(p -> {
            byRow.put(p.get("row").asInt(), p.get("code").asText());
            messages.put(p.get("row").asInt(), p.get("message").asText());
        });
        assertThat(byRow).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                2, "warehouse.import.notPositiveFactor", 3, "warehouse.import.notPositiveFactor",
                4, "warehouse.import.tooManyPersons", 5, "warehouse.import.negativePersons",
                6, "warehouse.import.negativeAmount"));
        assertThat(messages.get(2)).contains("PPP_FACTOR", "greater than zero").doesNotContain("persons");
        assertThat(messages.get(5)).contains("number of persons cannot be negative");
    }

    /**
     * Reports stored by earlier versions (problems with file, sheet, row, column, columnName, code and args; the
     * oldest with every argument as text) read as they did: same fields, same words, a code never grouped.
     */
    @Test
    void reportsStoredByEarlierVersionsReadUnchanged() throws Exception {
        String body = upload("test-csv", "old.csv", Fixtures.sdmxCsv(), "sdmx-csv", null)
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        jdbc.sql("UPDATE wh_import SET report = ? WHERE id = ?::uuid").params("""
                {"columns":["REGION","VALUE"],"problems":[
                 {"file":"old.csv","sheet":null,"row":7,"column":1,"columnName":"REGION",
                  "code":"warehouse.import.unknownRegion","args":["001001"]},
                 {"file":"old.xlsx","sheet":"Data","row":9,"column":3,"columnName":null,
                  "code":"warehouse.import.unknownRegion","args":[42]}],
                 "sheet":null,"sheets":[],"notes":[],"leftOut":{}}""", id).update();
        mvc.perform(get("/api/v1/imports/" + id).with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.problems[0].file").value("old.csv"))
                .andExpect(jsonPath("$.problems[0].row").value(7))
                .andExpect(jsonPath("$.problems[0].column").value("REGION"))
                .andExpect(jsonPath("$.problems[0].code").value("warehouse.import.unknownRegion"))
                .andExpect(jsonPath("$.problems[0].message").value("The region \"001001\" is unknown: a KATO code "
                        + "(9 digits) or a region name expected."))
                .andExpect(jsonPath("$.problems[1].sheet").value("Data"))
                .andExpect(jsonPath("$.problems[1].column").value("C"));
    }

    @Test
    void aScriptSendsTheFileAsTheBodyAndGetsTheSameReport() throws Exception {
        String report = mvc.perform(post("/api/v1/imports").param("dataset", "test-body").param("format", "csv")
                        .param("name", "emigration-1251.csv").contentType("text/csv").content(Fixtures.windows1251Csv())
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.fileName").value("emigration-1251.csv"))
                .andReturn().getResponse().getContentAsString();
        accept(json.readTree(report).get("id").asText());
        mvc.perform(get("/api/v1/observations").param("dataset", "test-body").param("region", "750000000")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.items[0].value").value(5310));

        // A workbook as a body too, read as the form's would be; a form post is no file.
        mvc.perform(post("/api/v1/imports").param("dataset", "test-body").param("name", "b.xlsx")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .content(Fixtures.bureauXlsx()).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fileName").value("b.xlsx"));
        mvc.perform(post("/api/v1/imports").param("dataset", "test-body").header("Accept-Language", "ru")
                        .contentType(MediaType.IMAGE_PNG).content(new byte[] {1, 2})
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("Здесь не принимаются данные типа image/png"),
                        org.hamcrest.Matchers.containsString("text/*"),
                        org.hamcrest.Matchers.containsString("multipart/form-data"))));
        mvc.perform(post("/api/v1/imports").param("dataset", "test-body")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/imports")
                        .header("Accept-Language", "kk").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "Бұл мекенжай DELETE сұрауын қабылдамайды")));
    }

    ResultActions upload(String dataset, String name, byte[] content, String format, String mapping)
            throws Exception {
        var request = multipart("/api/v1/imports").file(new MockMultipartFile("file", name,
                        "application/octet-stream", content)).param("dataset", dataset).param("format", format)
                .with(httpBasic(ADMIN, ADMIN_PASSWORD));
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        return mvc.perform(request).andExpect(status().isOk());
    }

    void accept(String id) throws Exception {
        mvc.perform(post("/api/v1/imports/" + id + "/accept").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM wh_observation").query(Long.class).single();
    }

    int versions(String dataset) {
        return jdbc.sql("SELECT count(*) FROM wh_version v JOIN wh_dataset d ON d.id = v.dataset_id WHERE d.code = ?")
                .param(dataset).query(Integer.class).single();
    }
}
