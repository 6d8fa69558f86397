package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creating a survey (a wave) through the API and the list page: what is created, what is refused (all problems
 * at once, nothing written), and how a survey without respondents reads.
 */
class SurveyCreationTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("creation-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("creation-viewer").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyService surveys;

    int surveyRows() {
        return jdbc.sql("SELECT count(*) FROM survey").query(Integer.class).single();
    }

    static Map<String, Object> body(String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("titleKk", "Жас мамандар 2026");
        m.put("titleRu", "Молодые специалисты 2026");
        m.put("titleEn", "Young specialists 2026");
        m.put("wave", "2026");
        return m;
    }

    MockHttpServletResponse postSurvey(Map<String, Object> body, RequestPostProcessor who, String language)
            throws Exception {
        return mvc.perform(post("/api/v1/surveys").with(who).with(csrf()).header("Accept-Language", language)
                .contentType("application/json").content(json.writeValueAsString(body))).andReturn().getResponse();
    }

    JsonNode read(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode getJson(String path) throws Exception {
        return read(mvc.perform(get(path).with(ANALYST).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse());
    }

    @Test
    void anAnalystCreatesASurveyOfTheStandardInstrument() throws Exception {
        MockHttpServletResponse r = postSurvey(body("test-create-api"), ANALYST, "en");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode created = read(r);
        int id = created.get("id").asInt();
        assertThat(r.getHeader("Location")).endsWith("/api/v1/surveys/" + id);
        assertThat(created.get("synthetic").asBoolean()).isFalse();
        assertThat(created.get("respondents").asInt()).isZero();
        assertThat(created.get("questionnaire").asText()).isEqualTo("migration-intentions");
        int latest = jdbc.sql("SELECT max(version) FROM survey_questionnaire WHERE code = 'migration-intentions'")
                .query(Integer.class).single();
        assertThat(created.get("questionnaireVersion").asInt()).isEqualTo(latest);
        assertThat(getJson("/api/v1/surveys/" + id).get("code").asText()).isEqualTo("test-create-api");

        boolean listed = false;
        for (JsonNode s : getJson("/api/v1/surveys")) {
            listed |= s.get("id").asInt() == id;
        }
        assertThat(listed).isTrue();

        // Its questions are the questionnaire version's, with their ids.
        int questionnaireId = jdbc.sql("SELECT id FROM survey_questionnaire WHERE code = 'migration-intentions' "
                + "AND version = ?").param(latest).query(Integer.class).single();
        List<String> expected = jdbc.sql("SELECT code FROM survey_question WHERE questionnaire_id = ? ORDER BY position")
                .param(questionnaireId).query(String.class).list();
        List<String> codes = new ArrayList<>();
        getJson("/api/v1/surveys/" + id + "/questions").forEach(q -> codes.add(q.get("code").asText()));
        assertThat(codes).isEqualTo(expected).contains("reasons_main");

        // Weighted by default to the demonstration survey's warehouse population.
        Survey demo = surveys.survey("demo-young-specialists-2024").orElseThrow();
        JsonNode margins = getJson("/api/v1/surveys/" + id + "/margins");
        assertThat(margins.get("current").get("kind").asText()).isEqualTo("WAREHOUSE");
        assertThat(margins.get("current").get("dataset").asText()).isEqualTo(demo.marginDataset());
        assertThat(margins.get("current").get("period").asText()).isEqualTo(demo.marginPeriod());
    }

    /** With no respondents every estimate says so in words; nothing fails. */
    @Test
    void aSurveyWithoutRespondentsAnswersEveryEstimateWithAClearMessage() throws Exception {
        Map<String, Object> b = body("test-create-empty");
        b.put("marginDataset", "");
        // The demonstration waves' version, so that the comparison below gets as far as the missing respondents
        // (waves of different versions are not compared at all).
        b.put("questionnaire", "migration-intentions");
        b.put("questionnaireVersion", 1);
        MockHttpServletResponse r = postSurvey(b, ANALYST, "en");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        int id = read(r).get("id").asInt();
        assertThat(getJson("/api/v1/surveys/" + id + "/margins").get("current").get("kind").asText())
                .isEqualTo("NONE");
        int demo = surveys.survey("demo-young-specialists-2024").orElseThrow().id();
        for (String path : List.of("/estimates?question=reasons_main", "/estimates?question=intend_leave&by=sex",
                "/crosstab?row=intend_leave&column=education", "/compare?with=" + demo + "&question=reasons_main")) {
            mvc.perform(get("/api/v1/surveys/" + id + path).with(ANALYST).header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("survey.estimates.noRespondents"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no respondents yet")));
        }
        String page = mvc.perform(get("/surveys/" + id).with(ANALYST).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"no-respondents\"", "No respondents yet", "one-time links", "link-form",
                "margins-form").doesNotContain("id=\"survey-form\"");
        for (String tab : List.of("/crosstab", "/compare")) {
            String html = mvc.perform(get("/surveys/" + id + tab).with(ANALYST).param("lang", "en"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("has no respondents yet");
        }
        mvc.perform(get("/surveys/" + id).with(VIEWER).param("lang", "en")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Analysts and administrators can issue")));
    }

    @Test
    void refusalsListEveryProblemInTheReadersLanguageAndWriteNothing() throws Exception {
        assertThat(postSurvey(body("test-create-taken"), ANALYST, "en").getStatus()).isEqualTo(201);
        int before = surveyRows();

        JsonNode taken = read(expect400(postSurvey(body("test-create-taken"), ANALYST, "en")));
        assertThat(taken.get("code").asText()).isEqualTo("survey.create.invalid");
        assertThat(problem(taken, "code").get("code").asText()).isEqualTo("survey.create.codeTaken");

        Map<String, Object> bad = body("Bad Code!");
        bad.put("titleRu", " ");
        bad.put("questionnaire", "no-such-questionnaire");
        JsonNode refused = read(expect400(postSurvey(bad, ANALYST, "en")));
        assertThat(refused.get("errors")).hasSize(3);
        assertThat(problem(refused, "code").get("message").asText()).contains("\"Bad Code!\"", "lower-case");
        assertThat(problem(refused, "titleRu").get("message").asText()).isEqualTo("The title in Russian is missing.");
        assertThat(problem(refused, "questionnaire").get("message").asText())
                .isEqualTo("There is no questionnaire \"no-such-questionnaire\".");
        JsonNode russian = read(expect400(postSurvey(bad, ANALYST, "ru")));
        assertThat(problem(russian, "titleRu").get("message").asText()).isEqualTo("Нет названия на русском языке.");

        Map<String, Object> version = body("test-create-no-version");
        version.put("questionnaireVersion", 999);
        assertThat(problem(read(expect400(postSurvey(version, ANALYST, "en"))), "questionnaire").get("code")
                .asText()).isEqualTo("survey.create.questionnaireVersionUnknown");

        Map<String, Object> margins = body("test-create-bad-margins");
        margins.put("marginDataset", "no-such-dataset");
        margins.put("marginPeriod", "2024");
        assertThat(problem(read(expect400(postSurvey(margins, ANALYST, "en"))), "marginDataset").get("message")
                .asText()).contains("no-such-dataset");

        assertThat(postSurvey(body("test-create-viewer"), VIEWER, "en").getStatus()).isEqualTo(403);
        assertThat(surveyRows()).isEqualTo(before);
        assertThat(surveys.survey("test-create-bad-margins")).isEmpty();
    }

    @Test
    void theFormIsForAnalystsAndShowsProblemsNextToTheFields() throws Exception {
        String analystPage = mvc.perform(get("/surveys").with(ANALYST).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(analystPage).contains("id=\"new-survey-form\"", "name=\"_csrf\"");
        String viewerPage = mvc.perform(get("/surveys").with(VIEWER).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(viewerPage).doesNotContain("new-survey-form");
        mvc.perform(post("/surveys").with(VIEWER).with(csrf()).param("code", "test-create-page-viewer"))
                .andExpect(status().isForbidden());

        int before = surveyRows();
        String refused = mvc.perform(post("/surveys").with(ANALYST).with(csrf()).param("lang", "en")
                        .param("code", "Not valid").param("titleKk", "Сынақ").param("titleRu", "")
                        .param("titleEn", "Test page").param("wave", "2026")
                        .param("questionnaire", "migration-intentions|1").param("margins", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"new-survey-error\"", "id=\"error-code\"", "id=\"error-titleRu\"",
                "The title in Russian is missing.", "value=\"Test page\"").doesNotContain("id=\"error-wave\"");
        assertThat(surveyRows()).isEqualTo(before);

        String location = mvc.perform(post("/surveys").with(ANALYST).with(csrf()).param("lang", "en")
                        .param("code", "test-create-page").param("titleKk", "Сынақ").param("titleRu", "Тест")
                        .param("titleEn", "Test page").param("wave", "2026")
                        .param("questionnaire", "migration-intentions|1").param("margins", "none"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Survey created = surveys.survey("test-create-page").orElseThrow();
        assertThat(location).isEqualTo("/surveys/" + created.id());
        assertThat(created.marginDataset()).isNull();
        assertThat(created.synthetic()).isFalse();
    }

    private static MockHttpServletResponse expect400(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        assertThat(r.getContentType()).contains("application/problem+json");
        return r;
    }

    private static JsonNode problem(JsonNode refusal, String path) {
        for (JsonNode e : refusal.get("errors")) {
            if (e.get("path").asText().equals(path)) {
                return e;
            }
        }
        throw new AssertionError("no problem at " + path + " in " + refusal);
    }
}
