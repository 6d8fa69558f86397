package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agyn's own CSV in and out, small-cell suppression for the VIEWER role on every way out of the warehouse, and
 * the metrics API on the note's figures (hand-computed expectations in the comments).
 */
class ObservationsApiTest extends AgynTest {

    static final String DATASET = "test-own-csv";

    /** docs/formats/observations.md: region KZ for the country, empty codes where a dimension does not apply. */
    static final String OWN_CSV = """
            indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status
            EMIGRANTS,2009-Q3,KZ,,,,,,EMI,3,PERSONS,A
            EMIGRANTS,2009-Q3,750000000,,,,,,EMI,12,PERSONS,A
            EMIGRANTS,2009-Q3,710000000,,,,F,,EMI,4,PERSONS,P
            """;

    static final RequestPostProcessor VIEWER = user("obs-viewer").roles("VIEWER");
    static final RequestPostProcessor ANALYST = user("obs-analyst").roles("ANALYST");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void loaded() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(DATASET).query(Integer.class)
                .single() > 0) {
            return;
        }
        mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + DATASET + "\",\"titleKk\":\"Тест\",\"titleRu\":\"Тест\","
                                + "\"titleEn\":\"Test\",\"publisher\":\"Agyn tests\"}"))
                .andExpect(status().isCreated());
        String report = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "own.csv",
                                "text/csv", OWN_CSV.getBytes(StandardCharsets.UTF_8)))
                        .param("dataset", DATASET).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(report).get("status").asText()).as(report).isEqualTo("VALID");
        assertThat(json.readTree(report).get("rows").asInt()).isEqualTo(3);
        mvc.perform(post("/api/v1/imports/" + json.readTree(report).get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
    }

    @Test
    void ownCsvIsStoredWithTotalsForEmptyCodes() {
        var row = jdbc.sql("""
                SELECT o.region, o.occupation, o.sex, o.flow, o.status, o.value FROM wh_observation o
                JOIN wh_version v ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id
                WHERE d.code = ? AND o.region = '710000000'""").param(DATASET).query().singleRow();
        assertThat(row.get("occupation")).isEqualTo("_T");
        assertThat(row.get("sex")).isEqualTo("F");
        assertThat(row.get("flow")).isEqualTo("EMI");
        assertThat(String.valueOf(row.get("status"))).isEqualTo("P");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM wh_observation o JOIN wh_version v ON v.id = o.version_id
                JOIN wh_dataset d ON d.id = v.dataset_id WHERE d.code = ? AND o.region = '000000000'""")
                .param(DATASET).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aUnitThatContradictsTheIndicatorIsReportedWhereItIs() throws Exception {
        String bad = "indicator,period,region,value,unit\nEMIGRANTS,2009,KZ,10,PERCENT\n";
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "unit.csv", "text/csv",
                                bad.getBytes(StandardCharsets.UTF_8)))
                        .param("dataset", DATASET).param("format", "csv").header("Accept-Language", "en")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("INVALID"))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("unit"))
                .andExpect(jsonPath("$.problems[0].message").value(
                        "The unit \"PERCENT\" does not match the indicator EMIGRANTS: PERSONS expected."));
    }

    @Test
    void csvAnswerIsOwnFormatAndHidesSmallCellsFromViewers() throws Exception {
        String analyst = csv(ANALYST);
        assertThat(analyst).startsWith("indicator,period,region,occupation,education,country,sex,age,flow,value,"
                + "unit,status,dataset,version,source,publisher,licence,synthetic,not_checked\n");
        assertThat(analyst).contains("EMIGRANTS,2009-Q3,KZ,,,,,,EMI,3,PERSONS,A," + DATASET + ",1,",
                "EMIGRANTS,2009-Q3,710000000,,,,F,,EMI,4,PERSONS,P," + DATASET + ",1,");
        String viewer = csv(VIEWER);
        assertThat(viewer).contains("EMIGRANTS,2009-Q3,KZ,,,,,,EMI,<5,PERSONS,A",
                "EMIGRANTS,2009-Q3,750000000,,,,,,EMI,12,PERSONS,A");
        assertThat(viewer).doesNotContain(",3,PERSONS", ",4,PERSONS");
    }

    /**
     * docs/formats/observations.md: the provenance columns an export appends (dataset … synthetic, not_checked)
     * are ignored on the way back in, so a CSV copied out of Agyn loads again as it is, with the same figures.
     */
    @Test
    void anExportedCsvLoadsBackAsItIs() throws Exception {
        String exported = csv(ANALYST);
        assertThat(exported.lines().findFirst().orElseThrow()).endsWith(",synthetic,not_checked");
        String copy = DATASET + "-copy";
        if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(copy).query(Integer.class).single() == 0) {
            mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + copy + "\",\"titleKk\":\"Көшірме\",\"titleRu\":\"Копия\","
                                    + "\"titleEn\":\"Copy\",\"publisher\":\"Agyn tests\"}"))
                    .andExpect(status().isCreated());
        }
        String report = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "exported.csv",
                                "text/csv", exported.getBytes(StandardCharsets.UTF_8)))
                        .param("dataset", copy).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(report).get("status").asText()).as(report).isEqualTo("VALID");
        assertThat(json.readTree(report).get("rows").asInt()).isEqualTo(3);
        mvc.perform(post("/api/v1/imports/" + json.readTree(report).get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        String back = mvc.perform(get("/api/v1/observations").param("dataset", copy).accept("text/csv")
                        .with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(back).contains("EMIGRANTS,2009-Q3,KZ,,,,,,EMI,3,PERSONS,A," + copy + ",1,",
                "EMIGRANTS,2009-Q3,750000000,,,,,,EMI,12,PERSONS,A," + copy + ",1,",
                "EMIGRANTS,2009-Q3,710000000,,,,F,,EMI,4,PERSONS,P," + copy + ",1,");
    }

    @Test
    void jsonAnswerHidesSmallCellsFromViewers() throws Exception {
        mvc.perform(get("/api/v1/observations").param("dataset", DATASET).param("region", "750000000")
                        .with(VIEWER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].value").value(12))
                .andExpect(jsonPath("$.items[0].suppressed").value(false));
        String body = mvc.perform(get("/api/v1/observations").param("dataset", DATASET).param("region", "KZ")
                        .with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].suppressed").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(body).get("items").get(0).get("value").isNull()).isTrue();
        mvc.perform(get("/api/v1/observations").param("dataset", DATASET).param("region", "KZ").with(ANALYST))
                .andExpect(jsonPath("$.items[0].value").value(3));
    }

    @Test
    void explorerExportsLeaveSmallCellsOutForViewers() throws Exception {
        String csv = mvc.perform(get("/warehouse/export/csv").param("indicator", "EMIGRANTS").param("by", "REGION")
                        .param("dataset", DATASET).param("from", "2009-Q3").param("to", "2009-Q3")
                        .param("sex", "_T").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("750000000").doesNotContain(",3,PERSONS");
        byte[] xlsx = mvc.perform(get("/warehouse/export/xlsx").param("indicator", "EMIGRANTS").param("by", "REGION")
                        .param("dataset", DATASET).param("from", "2009-Q3").param("to", "2009-Q3")
                        .param("sex", "_T").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb) {
                s.forEach(r -> r.forEach(c -> cells.append(c.toString()).append('|')));
            }
        }
        assertThat(cells.toString()).contains("<5").contains("12");
        assertThat(cells.toString()).doesNotContain("|3.0|", "|3|");
    }

    @Test
    void metricsAreListedWithFormulas() throws Exception {
        mvc.perform(get("/api/v1/metrics").with(VIEWER).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("docquier_marfouk_rate")))
                .andExpect(jsonPath("$[?(@.name == 'pay_gap_ppp')].formula",
                        hasItem("ratio = (W_f / PPP_f) / (W_d / PPP_d)")));
    }

    @Test
    void payGapOfUniversityTeachersFromTheNotesFigures() throws Exception {
        // W_f = 60,000 USD a year, S = 450 KZT/USD, W_d = 272,188 KZT a month = 3,266,256 a year:
        // 27,000,000 / 3,266,256 = 8.266345…
        mvc.perform(get("/api/v1/metrics/pay_gap_nominal").param("occupation", "23").param("country", "US")
                        .param("from", "2022").param("to", "2022").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[0].period").value("2022"))
                .andExpect(jsonPath("$.points[0].value").value(closeTo(8.266345, 1e-5)))
                .andExpect(jsonPath("$.points[0].inputs.S").value(450))
                .andExpect(jsonPath("$.sources[0]").value(org.hamcrest.Matchers.containsString("note-2024-11-06")));
        // The note has no PPP factors; the World Bank's, shipped with Agyn (WDI PA.NUS.PPP, Kazakhstan 2022:
        // 144.290325913026 tenge per international dollar; United States 1), complete it:
        // (60,000 × 144.290325913026) / (272,188 × 12) = 2.650564…
        mvc.perform(get("/api/v1/metrics/pay_gap_ppp").param("occupation", "23").param("country", "US")
                        .param("from", "2022").param("to", "2022").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[0].value").value(closeTo(2.650564, 1e-6)))
                .andExpect(jsonPath("$.points[0].inputs.PPP_d").value(closeTo(144.290325913026, 1e-12)))
                .andExpect(jsonPath("$.sources", hasItem(org.hamcrest.Matchers.startsWith("wb-wdi-ppp v"))))
                .andExpect(jsonPath("$.syntheticSources").isEmpty());
    }

    @Test
    void rdGapToKoreaAndJapan() throws Exception {
        // The note's figures, chosen by name: (4.3 + 3.3) / 2 − 0.2 = 3.6 percentage points of GDP
        mvc.perform(get("/api/v1/metrics/rd_gap").param("peers", "KR", "JP").param("from", "2022")
                        .param("to", "2022").param("dataset", "note-2024-11-06").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[0].value").value(closeTo(3.6, 1e-9)))
                .andExpect(jsonPath("$.points[0].sources.I_KR").value(org.hamcrest.Matchers.startsWith(
                        "note-2024-11-06 v")));
        // Unnamed, the World Bank's series (more years) is read, for 2022 alone as for the whole range: before
        // issue 15 a one-year window read the note's and a longer one the World Bank's.
        mvc.perform(get("/api/v1/metrics/rd_gap").param("peers", "KR", "JP").param("from", "2022")
                        .param("to", "2022").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[0].inputs.I_own").value(closeTo(0.11715, 1e-12)))
                .andExpect(jsonPath("$.points[0].sources.I_own").value(org.hamcrest.Matchers.startsWith(
                        "wb-wdi-gerd v")));
    }

    @Test
    void anUnknownMetricIsAClearNotFound() throws Exception {
        mvc.perform(get("/api/v1/metrics/brain_gain").with(VIEWER).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("brain_gain")));
    }

    private String csv(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/v1/observations").param("dataset", DATASET).accept("text/csv").with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
