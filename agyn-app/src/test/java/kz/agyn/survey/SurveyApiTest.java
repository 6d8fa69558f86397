package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The survey API on the demonstration survey and on response files, good and bad. */
class SurveyApiTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("survey-analyst").roles("ANALYST");
    static final String HEADER = "respondent_id,age_group,sex,region,education,intend_leave,reasons_main,comment\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyService surveys;

    int demoId() {
        return surveys.survey("demo-young-specialists-2024").orElseThrow().id();
    }

    JsonNode getJson(String path, Object... params) throws Exception {
        var request = get(path).with(ANALYST).header("Accept-Language", "en");
        for (int i = 0; i < params.length; i += 2) {
            request = request.param((String) params[i], (String) params[i + 1]);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theDemonstrationSurveyIsListedAsSynthetic() throws Exception {
        JsonNode list = getJson("/api/v1/surveys");
        JsonNode demo = null;
        for (JsonNode s : list) {
            if (s.get("code").asText().equals("demo-young-specialists-2024")) {
                demo = s;
            }
        }
        assertThat(demo).isNotNull();
        assertThat(demo.get("synthetic").asBoolean()).isTrue();
        assertThat(demo.get("respondents").asInt()).isGreaterThanOrEqualTo(2000);
        JsonNode questions = getJson("/api/v1/surveys/" + demoId() + "/questions");
        List<String> codes = new ArrayList<>();
        questions.forEach(q -> codes.add(q.get("code").asText()));
        assertThat(codes).contains("intend_leave", "destination", "reasons_main", "conditions_stay", "age_group",
                "sex", "region", "education", "occupation", "sector", "studied_abroad");
        JsonNode reasons = questions.get(codes.indexOf("reasons_main"));
        assertThat(reasons.get("type").asText()).isEqualTo("RANKING");
        assertThat(reasons.get("options")).hasSize(5);
        assertThat(questions.get(codes.indexOf("region")).get("options")).hasSize(20);
    }

    /**
     * The note's Table 1 regenerated: every share of the note lies in the weighted estimate's 95% interval, the
     * ranks are the note's, and the unweighted counts are its shares of 2,000 (the generator allocates them by
     * quota). Respondents other tests add through the form may move the shares by a hair, never out of the
     * intervals.
     */
    @Test
    void reasonsMainReproducesTable1WithinTheIntervals() throws Exception {
        JsonNode e = getJson("/api/v1/surveys/" + demoId() + "/estimates", "question", "reasons_main");
        assertThat(e.get("synthetic").asBoolean()).isTrue();
        assertThat(e.get("basis").asText()).isEqualTo("FIRST_RANK");
        assertThat(e.get("weighting").get("raked").asBoolean()).isTrue();
        Map<String, Double> note = Map.of("pay", 0.45, "growth", 0.25, "sociopolitical", 0.15,
                "research_infra", 0.10, "living", 0.05);
        List<String> order = List.of("pay", "growth", "sociopolitical", "research_infra", "living");
        JsonNode options = e.get("options");
        assertThat(options).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode o = options.get(i);
            String code = o.get("option").asText();
            assertThat(code).isEqualTo(order.get(i));
            assertThat(o.get("rank").asInt()).isEqualTo(i + 1);
            double expected = note.get(code);
            assertThat(o.get("ciLow").asDouble()).isLessThanOrEqualTo(expected);
            assertThat(o.get("ciHigh").asDouble()).isGreaterThanOrEqualTo(expected);
            assertThat(o.get("share").asDouble()).isBetween(expected - 0.02, expected + 0.02);
            assertThat(o.get("n").asInt()).isGreaterThanOrEqualTo((int) Math.round(expected * 2000));
            assertThat(o.get("rankProbability").asDouble()).isGreaterThan(0.95);
        }
    }

    @Test
    void everySecondYoungSpecialistIntendsToLeave() throws Exception {
        JsonNode e = getJson("/api/v1/surveys/" + demoId() + "/estimates", "question", "intend_leave");
        double leaving = 0;
        for (JsonNode o : e.get("options")) {
            if (o.get("option").asText().startsWith("within")) {
                leaving += o.get("share").asDouble();
            }
        }
        assertThat(leaving).isBetween(0.47, 0.53);
    }

    @Test
    void breakdownsSuppressCellsUnderTenRespondents() throws Exception {
        JsonNode e = getJson("/api/v1/surveys/" + demoId() + "/estimates", "question", "reasons_main", "by",
                "region");
        JsonNode groups = e.get("groups");
        assertThat(groups).hasSize(20);
        boolean sawSuppressed = false;
        for (JsonNode g : groups) {
            for (JsonNode c : g.get("cells")) {
                if (c.get("n").asInt() < 10) {
                    assertThat(c.get("suppressed").asBoolean()).isTrue();
                    assertThat(c.get("share").isNull()).isTrue();
                    sawSuppressed = true;
                } else {
                    assertThat(c.get("share").isNull()).isFalse();
                }
            }
        }
        assertThat(sawSuppressed).isTrue();
        mvc.perform(get("/api/v1/surveys/" + demoId() + "/estimates").param("question", "reasons_main")
                        .param("by", "shoe_size").with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.estimates.unknownDimension"));
    }

    Survey newSurvey(String code) {
        return surveys.survey(code).orElseGet(() -> surveys.create(code, "migration-intentions", 1,
                new Names("Тест", "Тест", "Test"), "test"));
    }

    int respondents(int surveyId) {
        return jdbc.sql("SELECT count(*) FROM survey_respondent WHERE survey_id = ?").param(surveyId)
                .query(Integer.class).single();
    }

    JsonNode upload(int surveyId, String name, byte[] content, String mapping) throws Exception {
        var request = multipart("/api/v1/surveys/" + surveyId + "/responses/imports")
                .file(new MockMultipartFile("file", name, "text/csv", content));
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        return json.readTree(mvc.perform(request.with(ANALYST).with(csrfless()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aCleanFileIsWrittenOnceHoweverOftenItIsAccepted() throws Exception {
        Survey s = newSurvey("test-import-clean");
        String csv = HEADER
                + "r1,25-29,F,330000000,7,within_1y,pay;growth;living,\n"
                + "r2,18-24,M,750000000,6,no,Professional growth|Pay,\n"
                + "r3,30-35,F,710000000,8,Ещё не решил(а),research_infra,Керемет\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        JsonNode report = upload(s.id(), "clean.csv", bytes, null);
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        assertThat(report.get("rows").asInt()).isEqualTo(3);
        assertThat(respondents(s.id())).isZero();
        String id = report.get("id").asText();
        String accept = "/api/v1/surveys/" + s.id() + "/responses/imports/" + id + "/accept";
        mvc.perform(post(accept).with(ANALYST).with(csrfless())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED")).andExpect(jsonPath("$.written").value(3));
        mvc.perform(post(accept).with(ANALYST).with(csrfless())).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(3));
        assertThat(respondents(s.id())).isEqualTo(3);
        JsonNode again = upload(s.id(), "clean-again.csv", bytes, null);
        assertThat(again.get("alreadyImported").asBoolean()).isTrue();
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/responses/imports/" + again.get("id").asText() + "/accept")
                        .with(ANALYST).with(csrfless()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(0))
                .andExpect(jsonPath("$.alreadyImported").value(true));
        assertThat(respondents(s.id())).isEqualTo(3);
        List<String> ranks = jdbc.sql("""
                SELECT o.code FROM survey_answer a JOIN survey_option o ON o.id = a.option_id
                JOIN survey_respondent r ON r.id = a.respondent_id JOIN survey_question q ON q.id = a.question_id
                WHERE r.survey_id = ? AND r.external_id = 'r1' AND q.code = 'reasons_main' ORDER BY a.rank_position""")
                .param(s.id()).query(String.class).list();
        assertThat(ranks).containsExactly("pay", "growth", "living");
    }

    @Test
    void aBadFileIsReportedWhereItIsWrongAndWritesNothing() throws Exception {
        Survey s = newSurvey("test-import-bad");
        String csv = HEADER
                + "b1,25-29,F,330000000,7,within_1y,pay,\n"
                + "b2,25-29,X,330000000,7,within_1y,pay,\n"        // unknown option in 'sex'
                + "b3,25-29,F,330000000,7,,pay,\n"                 // missing required answer
                + "b1,18-24,M,750000000,6,no,growth,\n";           // duplicate respondent
        JsonNode report = upload(s.id(), "bad.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(report.get("status").asText()).isEqualTo("INVALID");
        JsonNode unknown = problem(report, "survey.import.unknownOption");
        {
            JsonNode p = unknown;
            assertThat(p.get("file").asText()).isEqualTo("bad.csv");
            assertThat(p.get("row").asInt()).isEqualTo(3);
            assertThat(p.get("column").asText()).isEqualTo("sex");
            assertThat(p.get("message").asText()).contains("\"X\"", "sex");
            assertThat(p.get("messages").get("kk").asText()).contains("жауап нұсқасы емес");
            assertThat(p.get("messages").get("ru").asText()).contains("не вариант ответа");
        }
        assertThat(problem(report, "survey.import.missingAnswer").get("row").asInt()).isEqualTo(4);
        assertThat(problem(report, "survey.import.missingAnswer").get("column").asText()).isEqualTo("intend_leave");
        assertThat(problem(report, "survey.import.duplicateRespondent").get("row").asInt()).isEqualTo(5);
        // The import page lists the same problems, each where it is.
        String page = mvc.perform(multipart("/surveys/" + s.id() + "/import").file(new MockMultipartFile("file",
                        "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(ANALYST).with(csrfless())
                        .header("Accept-Language", "en").cookie(new jakarta.servlet.http.Cookie("agyn-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<td>bad.csv</td>", "<td>sex</td>", "<td class=\"num\">3</td>");
        // Checked in English, read in Russian and in Kazakh by whoever fetches the report.
        String reportPath = "/api/v1/surveys/" + s.id() + "/responses/imports/" + report.get("id").asText();
        for (String[] language : new String[][] {{"ru", "не вариант ответа"}, {"kk", "жауап нұсқасы емес"}}) {
            JsonNode read = json.readTree(mvc.perform(get(reportPath).with(ANALYST)
                            .header("Accept-Language", language[0])).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem(read, "survey.import.unknownOption").get("message").asText()).contains(language[1]);
            assertThat(problem(read, "survey.import.unknownOption").get("column").asText()).isEqualTo("sex");
        }
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/responses/imports/" + report.get("id").asText()
                        + "/accept").with(ANALYST).with(csrfless()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.import.notAcceptable"));
        assertThat(respondents(s.id())).isZero();

        // Windows-1251 text read as UTF-8 (as the mapping insists): the garbled cell is located.
        String cyrillic = HEADER + "e1,25-29,F,330000000,7,within_1y,pay,Жалақы төмен\n";
        JsonNode encoding = upload(s.id(), "cp1251.csv", cyrillic.getBytes(Charset.forName("windows-1251")),
                "{\"charset\":\"UTF-8\"}");
        assertThat(encoding.get("status").asText()).isEqualTo("INVALID");
        JsonNode p = encoding.get("problems").get(0);
        assertThat(p.get("code").asText()).isIn("survey.import.badEncoding", "tabular.csv.badEncoding");
        assertThat(respondents(s.id())).isZero();

        // A file that is not a table at all.
        JsonNode binary = upload(s.id(), "photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1},
                null);
        assertThat(binary.get("status").asText()).isEqualTo("INVALID");
        assertThat(respondents(s.id())).isZero();
    }

    /**
     * A report stored before the imports shared one problem type (the column by its header in "column", every
     * argument as text) reads as it did, a respondent id of digits included.
     */
    @Test
    void aReportStoredByAnEarlierVersionReadsUnchanged() throws Exception {
        Survey s = newSurvey("test-import-old");
        String csv = HEADER + "o1,25-29,X,330000000,7,within_1y,pay,\n";
        JsonNode report = upload(s.id(), "old.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        String id = report.get("id").asText();
        jdbc.sql("UPDATE survey_import SET report = ? WHERE id = ?::uuid").params("""
                {"columns":["respondent_id","sex"],"problems":[
                 {"file":"old.csv","sheet":null,"row":5,"column":"respondent_id",
                  "code":"survey.import.duplicateRespondent","args":["007","3"]}]}""", id).update();
        JsonNode read = json.readTree(mvc.perform(get("/api/v1/surveys/" + s.id() + "/responses/imports/" + id)
                        .with(ANALYST).header("Accept-Language", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode p = read.get("problems").get(0);
        assertThat(p.get("file").asText()).isEqualTo("old.csv");
        assertThat(p.get("row").asInt()).isEqualTo(5);
        assertThat(p.get("column").asText()).isEqualTo("respondent_id");
        assertThat(p.get("code").asText()).isEqualTo("survey.import.duplicateRespondent");
        assertThat(p.get("message").asText()).isEqualTo("Respondent \"007\" appears again (first on row 3).");
        assertThat(p.get("messages").get("ru").asText()).contains("«007»", "строке 3");
    }

    /** A LimeSurvey-style workbook: ranking columns reasons_main[1], reasons_main[2], option texts in Russian. */
    @Test
    void anXlsxExportWithRankColumnsIsRead() throws Exception {
        Survey s = newSurvey("test-import-xlsx");
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("responses");
            String[][] rows = {
                    {"Response ID", "age_group", "sex", "region", "education", "intend_leave", "reasons_main[1]",
                            "reasons_main[2]", "pay_expected"},
                    {"x1", "18-24", "Мужской", "750000000", "6", "no", "Уровень оплаты труда", "Условия жизни", "500"},
                    {"x2", "30-35", "F", "710000000", "7", "within_5y", "growth", "", "650,5"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode report = upload(s.id(), "limesurvey.xlsx", xlsx, "{\"idColumn\":\"Response ID\"}");
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        assertThat(report.get("format").asText()).isEqualTo("XLSX");
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/responses/imports/" + report.get("id").asText()
                        + "/accept").with(ANALYST).with(csrfless()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(2));
        List<String> ranks = jdbc.sql("""
                SELECT o.code FROM survey_answer a JOIN survey_option o ON o.id = a.option_id
                JOIN survey_respondent r ON r.id = a.respondent_id JOIN survey_question q ON q.id = a.question_id
                WHERE r.survey_id = ? AND r.external_id = 'x1' AND q.code = 'reasons_main' ORDER BY a.rank_position""")
                .param(s.id()).query(String.class).list();
        assertThat(ranks).containsExactly("pay", "living");
    }

    /** Margins that describe two different populations cannot be met: the answer says which, in words. */
    @Test
    void inconsistentMarginsAreReportedNotIgnored() throws Exception {
        Survey s = newSurvey("test-raking-inconsistent");
        if (respondents(s.id()) == 0) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < 12; i++) {
                csv.append("m").append(i).append(",25-29,").append(i % 2 == 0 ? "F" : "M")
                        .append(",330000000,7,no,pay,\n");
            }
            JsonNode report = upload(s.id(), "margins.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null);
            mvc.perform(post("/api/v1/surveys/" + s.id() + "/responses/imports/" + report.get("id").asText()
                    + "/accept").with(ANALYST).with(csrfless())).andExpect(status().isOk());
            jdbc.sql("INSERT INTO survey_margin VALUES (?, 'sex', 'F', 500), (?, 'sex', 'M', 500), "
                    + "(?, 'age_group', '25-29', 2000)").params(s.id(), s.id(), s.id()).update();
        }
        mvc.perform(get("/api/v1/surveys/" + s.id() + "/estimates").param("question", "reasons_main")
                        .with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.raking.marginsInconsistent"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("different populations")));
    }

    @Test
    void theEndpointsAreDocumented() throws Exception {
        String api = mvc.perform(get("/api/openapi")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("/api/v1/surveys/{id}/estimates", "/api/v1/surveys/{id}/questions",
                "/api/v1/surveys/{id}/responses/imports", "/api/v1/surveys/{id}/responses/imports/{importId}/accept");
    }

    private static JsonNode problem(JsonNode report, String code) {
        for (JsonNode p : report.get("problems")) {
            if (p.get("code").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no problem " + code + " in " + report);
    }

    /** Script callers authenticate per request; the test user stands for one, so the API's CSRF rule is met. */
    private static RequestPostProcessor csrfless() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }
}
