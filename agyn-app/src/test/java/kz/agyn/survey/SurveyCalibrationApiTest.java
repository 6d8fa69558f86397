package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import kz.agyn.survey.internal.SurveyRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Margins given by the user over the API, on profile questions the warehouse has no figures for (studied abroad,
 * sector) as well as sex: as JSON shares or counts and as a CSV file, with raking and with linear calibration. The
 * survey's 40 respondents gave "pay" as their main reason exactly when they studied abroad (10 of them), so the
 * weighted share of "pay" is the margin given for studying abroad, whatever else the weights are calibrated to.
 * Every refusal names where the problem is, in the caller's language, and leaves the survey as it was.
 */
class SurveyCalibrationApiTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("calibration-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("calibration-viewer").roles("VIEWER");
    static final String CODE = "test-calibration-api";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyRepository repository;

    Survey survey;

    @BeforeEach
    void survey() {
        survey = fixture(surveys, repository, CODE);
        repository.saveCalibration(survey.id(), new SurveyRepository.CalibrationRow(
                kz.agyn.survey.estimation.CalibrationMethod.RAKING, MarginTargets.COUNT), Map.of());
    }

    /** 40 respondents: 10 studied abroad (all "pay"), 30 did not ("growth"); sexes and sectors mixed. */
    static Survey fixture(SurveyService surveys, SurveyRepository repository, String code) {
        synchronized (SurveyCalibrationApiTest.class) {
            Survey s = surveys.survey(code).orElseGet(() -> surveys.survey(repository.createSurvey(code,
                    repository.questionnaireId("migration-intentions", 1).orElseThrow(),
                    new Names("Сынақ " + code, "Тест " + code, "Test " + code), "2026", false, null)));
            if (s.respondents() == 0) {
                List<Response> responses = new ArrayList<>();
                String[] sectors = {"public", "private", "research", "other"};
                for (int i = 0; i < 40; i++) {
                    boolean abroad = i % 4 == 0;
                    Map<String, List<String>> choices = new LinkedHashMap<>();
                    choices.put("sex", List.of(i % 2 == 0 ? "M" : "F"));
                    choices.put("studied_abroad", List.of(abroad ? "yes" : "no"));
                    choices.put("sector", List.of(sectors[(i / 2) % 4]));
                    choices.put("intend_leave", List.of("no"));
                    choices.put("reasons_main", List.of(abroad ? "pay" : "growth"));
                    responses.add(new Response("c" + i, 1.0, choices, Map.of(), Map.of()));
                }
                repository.insertResponses(s.id(), "IMPORT", null, surveys.questions(s.id()), responses);
                s = surveys.survey(s.id());
            }
            return s;
        }
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode putCalibration(String body, String language, int status) throws Exception {
        return body(mvc.perform(put("/api/v1/surveys/{id}/calibration", survey.id()).with(ANALYST).with(csrf())
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status)));
    }

    private JsonNode pay() throws Exception {
        JsonNode e = body(mvc.perform(get("/api/v1/surveys/{id}/estimates", survey.id()).with(VIEWER)
                .param("question", "reasons_main").header("Accept-Language", "en")).andExpect(status().isOk()));
        for (JsonNode o : e.get("options")) {
            if (o.get("option").asString().equals("pay")) {
                return o;
            }
        }
        throw new AssertionError("no pay option in " + e);
    }

    @Test
    void sharesOnAnyProfileQuestionAreMetByRakingAndByLinearCalibration() throws Exception {
        for (String method : List.of("RAKING", "LINEAR")) {
            JsonNode saved = putCalibration("""
                    {"method": "%s", "targets": "SHARE", "margins": [
                      {"question": "studied_abroad", "category": "yes", "target": "0.4"},
                      {"question": "studied_abroad", "category": "no", "target": "0,6"},
                      {"question": "sex", "category": "M", "target": "0.45"},
                      {"question": "sex", "category": "F", "target": "0.55"}]}""".formatted(method), "en", 200);
            assertThat(saved.get("method").asString()).isEqualTo(method);
            assertThat(saved.get("source").asString()).isEqualTo("OWN");
            JsonNode pay = pay();
            // Shares are scaled to the sum of the design weights (40): 40 % is 16 persons.
            assertThat(pay.get("share").asDouble()).as(method).isCloseTo(0.4, within(1e-9));
            assertThat(pay.get("weightedTotal").asDouble()).as(method).isCloseTo(16, within(1e-7));
            // The calibrated margin is fixed, so its share has (nearly) no sampling variance.
            assertThat(pay.get("standardError").asDouble()).as(method).isLessThan(1e-6);
        }
        JsonNode read = body(mvc.perform(get("/api/v1/surveys/{id}/calibration", survey.id()).with(VIEWER)
                .header("Accept-Language", "en")).andExpect(status().isOk()));
        assertThat(read.get("targets").asString()).isEqualTo("SHARE");
        JsonNode abroad = null;
        for (JsonNode q : read.get("questions")) {
            if (q.get("question").asString().equals("studied_abroad")) {
                abroad = q;
            }
        }
        assertThat(abroad).isNotNull();
        assertThat(abroad.get("given").asBoolean()).isTrue();
        assertThat(abroad.get("categories").get(0).get("target").asDouble()).isEqualTo(0.4);
    }

    @Test
    void countsFromACsvFileAreMetAndTheSectorAsWell() throws Exception {
        String csv = "question;category;target\nstudied_abroad;yes;3000\nstudied_abroad;no;7000\n"
                + "sector;public;4000\nsector;private;4000\nsector;research;1000\nsector;other;1000\n";
        JsonNode saved = body(mvc.perform(multipart("/api/v1/surveys/{id}/calibration/margins", survey.id())
                .file(new MockMultipartFile("file", "margins.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("targets", "COUNT").with(ANALYST).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk()));
        assertThat(saved.get("targets").asString()).isEqualTo("COUNT");
        JsonNode pay = pay();
        assertThat(pay.get("share").asDouble()).isCloseTo(0.3, within(1e-9));
        assertThat(pay.get("weightedTotal").asDouble()).isCloseTo(3000, within(1e-5));
    }

    @Test
    void everyProblemOfAFileIsLocatedByLineAndColumnInTheCallersLanguageAndNothingIsSaved() throws Exception {
        String csv = "question,category,target\n"
                + "studied_abroad,yes,0.5\n"      // line 2: fine
                + "planet,mars,0.1\n"             // line 3: unknown question
                + "sex,X,0.5\n"                   // line 4: unknown category
                + "sex,M,-0.2\n"                  // line 5: negative
                + "sex,F,half\n"                  // line 6: not a number
                + "studied_abroad,yes,0.5\n";     // line 7: given twice; "no" is missing
        JsonNode refused = body(mvc.perform(multipart("/api/v1/surveys/{id}/calibration/margins", survey.id())
                .file(new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("targets", "SHARE").with(ANALYST).with(csrf()).header("Accept-Language", "ru"))
                .andExpect(status().isBadRequest()));
        assertThat(refused.get("code").asString()).isEqualTo("survey.calibration.invalid");
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        refused.get("errors").forEach(e -> byCode.put(e.get("code").asString()
                + (e.has("row") ? "@" + e.get("row").asInt() : ""), e));
        assertThat(byCode).containsKeys("survey.calibration.unknownQuestion@3", "survey.calibration.unknownCategory@4",
                "survey.calibration.targetNegative@5", "survey.calibration.targetNotNumber@6",
                "survey.calibration.duplicate@7", "survey.calibration.missingCategory");
        assertThat(byCode.get("survey.calibration.unknownQuestion@3").get("path").asString()).isEqualTo("question");
        assertThat(byCode.get("survey.calibration.targetNotNumber@6").get("path").asString()).isEqualTo("target");
        assertThat(byCode.get("survey.calibration.targetNotNumber@6").get("file").asString()).isEqualTo("bad.csv");
        assertThat(byCode.get("survey.calibration.unknownQuestion@3").get("message").asString())
                .contains("«planet»", "не профильный вопрос", "studied_abroad");
        assertThat(byCode.get("survey.calibration.missingCategory").get("message").asString())
                .contains("«studied_abroad»", "«no»");
        assertThat(repository.margins(survey.id())).isEmpty();
    }

    @Test
    void sharesNotSummingToOneAndCountsOfDifferentPopulationsAreRefusedInKazakh() throws Exception {
        JsonNode shares = putCalibration("""
                {"targets": "SHARE", "margins": [
                  {"question": "sex", "category": "M", "target": "0.5"},
                  {"question": "sex", "category": "F", "target": "0.4999"}]}""", "kk", 400);
        assertThat(shares.get("errors").get(0).get("code").asString()).isEqualTo("survey.calibration.sharesSum");
        assertThat(shares.get("errors").get(0).get("path").asString()).isEqualTo("margins");
        assertThat(shares.get("errors").get(0).get("message").asString()).contains("«sex»", "0.9999", "үлестерінің");
        JsonNode counts = putCalibration("""
                {"targets": "COUNT", "margins": [
                  {"question": "sex", "category": "M", "target": "500"},
                  {"question": "sex", "category": "F", "target": "500"},
                  {"question": "studied_abroad", "category": "yes", "target": "100"},
                  {"question": "studied_abroad", "category": "no", "target": "800"}]}""", "en", 400);
        assertThat(counts.get("errors").get(0).get("code").asString()).isEqualTo("survey.calibration.countsDiffer");
        assertThat(counts.get("errors").get(0).get("message").asString()).contains("900", "1000");
        JsonNode category = putCalibration("""
                {"margins": [{"question": "sex", "category": "M", "target": "1"}, {"question": "sex",
                  "category": "F", "target": "1"}, {"question": "sex", "category": "other", "target": "1"}]}""",
                "en", 400);
        assertThat(category.get("errors").get(0).get("path").asString()).isEqualTo("margins[2].category");
        assertThat(repository.margins(survey.id())).isEmpty();
    }

    @Test
    void linearCalibrationThatWouldMakeAWeightNegativeIsRefusedWithTheReason() throws Exception {
        // 10 of 40 studied abroad; a population where almost everyone did, crossed with a sex split the sample
        // cannot carry linearly, drives weights below zero.
        JsonNode refused = putCalibration("""
                {"method": "LINEAR", "targets": "SHARE", "margins": [
                  {"question": "studied_abroad", "category": "yes", "target": "0.97"},
                  {"question": "studied_abroad", "category": "no", "target": "0.03"},
                  {"question": "sector", "category": "public", "target": "0.94"},
                  {"question": "sector", "category": "private", "target": "0.02"},
                  {"question": "sector", "category": "research", "target": "0.02"},
                  {"question": "sector", "category": "other", "target": "0.02"}]}""", "en", 400);
        assertThat(refused.get("code").asString()).isEqualTo("survey.calibration.refused");
        assertThat(refused.get("detail").asString()).contains("Linear calibration made the weight of respondent");
        assertThat(repository.margins(survey.id())).isEmpty();
    }

    @Test
    void onlyAnalystsMaySetTheCalibration() throws Exception {
        mvc.perform(put("/api/v1/surveys/{id}/calibration", survey.id()).with(VIEWER).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"method\": \"LINEAR\"}"))
                .andExpect(status().isForbidden());
    }
}
