package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Questionnaire definitions: listed, downloaded, uploaded as a new questionnaire or version (never changing an
 * old one), refused with every problem and its path, and fielded end to end through the public form.
 */
class QuestionnaireTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("questionnaire-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("questionnaire-viewer").roles("VIEWER");
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyService surveys;

    @Autowired
    FormService forms;

    /** Unique per run as well as per test: the tests share one database, which may outlive a run. */
    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }

    JsonNode getJson(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    MockHttpServletResponse upload(Object definition, RequestPostProcessor who) throws Exception {
        String body = definition instanceof String s ? s : json.writeValueAsString(definition);
        return mvc.perform(post("/api/v1/questionnaires").with(who).with(csrf()).header("Accept-Language", "en")
                .contentType("application/json").content(body)).andReturn().getResponse();
    }

    JsonNode read(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    List<Integer> rowCounts() {
        List<Integer> counts = new ArrayList<>();
        for (String table : List.of("survey_questionnaire", "survey_question", "survey_option")) {
            counts.add(jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single());
        }
        return counts;
    }

    /** A small questionnaire without profile questions. */
    ObjectNode small(String code) {
        ObjectNode d = json.createObjectNode();
        d.put("code", code);
        texts(d, "title", "Сынақ сауалнамасы", "Тестовая анкета", "Test questionnaire");
        ArrayNode questions = d.putArray("questions");
        ObjectNode likes = question(questions, "likes", "SINGLE", true);
        option(likes, "yes", "Иә", "Да", "Yes");
        option(likes, "no", "Жоқ", "Нет", "No");
        ObjectNode scale = question(questions, "satisfaction", "LIKERT", false);
        for (int i = 1; i <= 5; i++) {
            option(scale, "" + i, "" + i, "" + i, "" + i);
        }
        ObjectNode note = question(questions, "note", "TEXT", false);
        note.put("maxLength", 300);
        return d;
    }

    ObjectNode question(ArrayNode questions, String code, String type, boolean required) {
        ObjectNode q = questions.addObject();
        q.put("code", code);
        q.put("type", type);
        q.put("required", required);
        texts(q, "text", "Сұрақ " + code, "Вопрос " + code, "Question " + code);
        q.putArray("options");
        return q;
    }

    static void option(ObjectNode question, String code, String kk, String ru, String en) {
        ObjectNode o = ((ArrayNode) question.get("options")).addObject();
        o.put("code", code);
        texts(o, "text", kk, ru, en);
    }

    static void texts(ObjectNode node, String prefix, String kk, String ru, String en) {
        node.put(prefix + "Kk", kk);
        node.put(prefix + "Ru", ru);
        node.put(prefix + "En", en);
    }

    @Test
    void theStandardInstrumentIsListedAndRoundTrips() throws Exception {
        JsonNode standard = null;
        for (JsonNode q : getJson("/api/v1/questionnaires")) {
            if (q.get("code").asText().equals("migration-intentions")) {
                standard = q;
            }
        }
        assertThat(standard).isNotNull();
        JsonNode first = standard.get("versions").get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("questions").asInt()).isEqualTo(14);
        assertThat(first.get("title").get("en").asText()).isEqualTo("Migration intentions and reasons");
        assertThat(first.get("surveys").toString()).contains("demo-young-specialists-2024");

        JsonNode downloaded = getJson("/api/v1/questionnaires/migration-intentions/versions/1");
        assertThat(downloaded.get("questions")).hasSize(14);
        JsonNode reasons = downloaded.get("questions").get(9);
        assertThat(reasons.get("code").asText()).isEqualTo("reasons_main");
        assertThat(reasons.get("type").asText()).isEqualTo("RANKING");
        assertThat(reasons.get("options").get(0).get("textRu").asText()).isEqualTo("Уровень оплаты труда");
        assertThat(downloaded.get("questions").get(0).get("profileField").asText()).isEqualTo("age_group");
        assertThat(downloaded.get("questions").get(13).get("maxLength").asInt()).isEqualTo(500);

        String code = unique("test-roundtrip");
        ObjectNode copy = ((ObjectNode) downloaded).deepCopy();
        copy.put("code", code);
        MockHttpServletResponse r = upload(copy, ANALYST);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        assertThat(r.getHeader("Location")).endsWith("/api/v1/questionnaires/" + code + "/versions/1");
        assertThat(read(r).get("created").asBoolean()).isTrue();
        ObjectNode again = (ObjectNode) getJson("/api/v1/questionnaires/" + code + "/versions/1");
        assertThat(again.get("code").asText()).isEqualTo(code);
        again.put("code", "migration-intentions");
        assertThat(again).isEqualTo(downloaded);
    }

    @Test
    void anEditedUploadIsTheNextVersionAndTheOldOneStaysAsItWas() throws Exception {
        String code = unique("test-versions");
        ObjectNode v1 = small(code);
        assertThat(upload(v1, ANALYST).getStatus()).isEqualTo(201);
        ObjectNode v2 = v1.deepCopy();
        ((ObjectNode) v2.get("questions").get(0)).put("textEn", "Do you like it, really?");
        option((ObjectNode) v2.get("questions").get(0), "maybe", "Мүмкін", "Возможно", "Maybe");
        MockHttpServletResponse r = upload(v2, ANALYST);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        assertThat(read(r).get("version").asInt()).isEqualTo(2);

        JsonNode old = getJson("/api/v1/questionnaires/" + code + "/versions/1");
        assertThat(old.get("questions").get(0).get("textEn").asText()).isEqualTo("Question likes");
        assertThat(old.get("questions").get(0).get("options")).hasSize(2);
        JsonNode latest = getJson("/api/v1/questionnaires/" + code + "/versions/2");
        assertThat(latest.get("questions").get(0).get("textEn").asText()).isEqualTo("Do you like it, really?");
        assertThat(latest.get("questions").get(0).get("options")).hasSize(3);

        // The same definition again (whatever version it claims) adds nothing, and says so.
        List<Integer> before = rowCounts();
        v2.put("version", 7);
        MockHttpServletResponse same = upload(v2, ANALYST);
        assertThat(same.getStatus()).isEqualTo(200);
        JsonNode answer = read(same);
        assertThat(answer.get("created").asBoolean()).isFalse();
        assertThat(answer.get("version").asInt()).isEqualTo(2);
        assertThat(answer.get("message").asText()).contains("no new version");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aBadDefinitionListsEveryProblemWithItsPathAndWritesNothing() throws Exception {
        String code = unique("test-bad");
        ObjectNode d = small(code);
        d.remove("titleKk");
        ArrayNode qs = (ArrayNode) d.get("questions");
        ((ObjectNode) qs.get(0).get("options").get(1)).put("textRu", " ");
        ((ObjectNode) qs.get(0).get("options").get(1)).put("code", "yes");
        ((ObjectNode) qs.get(0)).put("maxLength", 10);
        ((ArrayNode) qs.get(1).get("options")).remove(4);
        ((ArrayNode) qs.get(1).get("options")).remove(3);
        ((ArrayNode) qs.get(1).get("options")).remove(2);
        ((ObjectNode) qs.get(2)).put("maxLength", 1_000_000);
        ObjectNode number = question(qs, "likes", "NUMBER", false);
        option(number, "1", "1", "1", "1");
        ObjectNode bad = question(qs, "Bad Code", "SLIDER", false);
        bad.put("profileField", "shoe_size");
        bad.put("colour", "red");
        ObjectNode sex = question(qs, "sex", "SINGLE", true);
        sex.put("profileField", "sex");
        option(sex, "M", "Ер", "Мужской", "Male");
        option(sex, "F", "Әйел", "Женский", "Female");
        ObjectNode sexAgain = question(qs, "sex_again", "MULTIPLE", false);
        sexAgain.put("profileField", "sex");
        option(sexAgain, "M", "Ер", "Мужской", "Male");
        ObjectNode choice = question(qs, "empty_choice", "MULTIPLE", false);
        choice.remove("textEn");

        List<Integer> before = rowCounts();
        MockHttpServletResponse r = upload(d, ANALYST);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        JsonNode refusal = read(r);
        assertThat(refusal.get("code").asText()).isEqualTo("survey.definition.invalid");
        Map<String, String> problems = new HashMap<>();
        for (JsonNode e : refusal.get("errors")) {
            problems.merge(e.get("path").asText(), e.get("code").asText(), (a, b) -> a + "," + b);
        }
        assertThat(problems).containsEntry("titleKk", "survey.definition.textMissing")
                .containsEntry("questions[0].options[1].textRu", "survey.definition.textMissing")
                .containsEntry("questions[0].options[1].code", "survey.definition.optionCodeTwice")
                .containsEntry("questions[0].maxLength", "survey.definition.maxLengthNotText")
                .containsEntry("questions[1].options", "survey.definition.likertTooFew")
                .containsEntry("questions[2].maxLength", "survey.definition.maxLengthRange")
                .containsEntry("questions[3].code", "survey.definition.questionCodeTwice")
                .containsEntry("questions[3].options", "survey.definition.optionsNotAllowed")
                .containsEntry("questions[4].code", "survey.definition.questionCodeBad")
                .containsEntry("questions[4].type", "survey.definition.typeUnknown")
                .containsEntry("questions[4].profileField", "survey.definition.profileUnknown")
                .containsEntry("questions[4].colour", "survey.definition.unknownField")
                .containsEntry("questions[6].profileField", "survey.definition.profileTwice")
                .containsEntry("questions[6].code", "survey.definition.profileCode")
                .containsEntry("questions[6].type", "survey.definition.profileNotSingle")
                .containsEntry("questions[7].textEn", "survey.definition.textMissing")
                .containsEntry("questions[7].options", "survey.definition.optionsMissing")
                .doesNotContainKey("questions[5].profileField");
        String messages = refusal.get("errors").toString();
        assertThat(messages).contains("The text in Russian is missing.", "Unknown question type \\\"SLIDER\\\"",
                "(first at questions[0])");
        assertThat(rowCounts()).isEqualTo(before);

        JsonNode notJson = read(upload("{\"code\": \"x\",", ANALYST));
        assertThat(notJson.get("errors").get(0).get("code").asText()).isEqualTo("survey.definition.notJson");
        assertThat(upload("[1, 2]", ANALYST).getStatus()).isEqualTo(400);
        assertThat(upload(small(unique("test-viewer")), VIEWER).getStatus()).isEqualTo(403);
        mvc.perform(get("/api/v1/questionnaires/no-such/versions/1").with(ANALYST))
                .andExpect(status().isNotFound());
        assertThat(rowCounts()).isEqualTo(before);
    }

    /**
     * A questionnaire made here, a survey fielded with it, and answers sent through one-time links: counted
     * from the first, estimated from the tenth, without weights since it asks no profile questions.
     */
    @Test
    void aNewQuestionnaireIsFieldedEndToEnd() throws Exception {
        String code = unique("test-e2e");
        assertThat(upload(small(code), ANALYST).getStatus()).isEqualTo(201);
        Map<String, Object> body = SurveyCreationTest.body(code + "-wave");
        body.put("questionnaire", code);
        MockHttpServletResponse created = mvc.perform(post("/api/v1/surveys").with(ANALYST).with(csrf())
                .contentType("application/json").content(json.writeValueAsString(body))).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        int id = read(created).get("id").asInt();
        assertThat(read(created).get("questionnaireVersion").asInt()).isEqualTo(1);
        List<String> questions = new ArrayList<>();
        getJson("/api/v1/surveys/" + id + "/questions").forEach(q -> questions.add(q.get("code").asText()));
        assertThat(questions).containsExactly("likes", "satisfaction", "note");
        // No profile questions, so the default warehouse margins do not apply.
        assertThat(getJson("/api/v1/surveys/" + id + "/margins").get("current").get("kind").asText())
                .isEqualTo("NONE");

        Question likes = surveys.question(id, "likes");
        answer(id, likes.option("yes").orElseThrow().id(), "first one");
        assertThat(getJson("/api/v1/surveys/" + id).get("respondents").asInt()).isEqualTo(1);
        mvc.perform(get("/api/v1/surveys/" + id + "/estimates").param("question", "likes").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.estimates.tooFewRespondents"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(1)")));
        String page = mvc.perform(get("/surveys/" + id).with(ANALYST).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"respondent-count\">1<").doesNotContain("no-respondents");

        for (int i = 0; i < 9; i++) {
            answer(id, likes.option(i < 6 ? "yes" : "no").orElseThrow().id(), null);
        }
        JsonNode e = getJson("/api/v1/surveys/" + id + "/estimates?question=likes");
        assertThat(e.get("respondents").asInt()).isEqualTo(10);
        assertThat(e.get("answered").asInt()).isEqualTo(10);
        assertThat(e.get("weighting").get("raked").asBoolean()).isFalse();
        Map<String, Integer> n = new HashMap<>();
        e.get("options").forEach(o -> n.put(o.get("option").asText(), o.get("n").asInt()));
        assertThat(n).isEqualTo(Map.of("yes", 7, "no", 3));
        mvc.perform(get("/api/v1/surveys/" + id + "/estimates").param("question", "likes").param("by", "sex")
                        .with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.estimates.noProfileQuestion"));
        mvc.perform(get("/surveys/" + id).with(ANALYST).param("lang", "en")).andExpect(status().isOk());
        mvc.perform(get("/surveys/" + id + "/crosstab").with(ANALYST).param("lang", "en")).andExpect(status().isOk());
        mvc.perform(get("/surveys/" + id + "/compare").with(ANALYST).param("lang", "en")).andExpect(status().isOk());
    }

    private void answer(int surveyId, int option, String note) throws Exception {
        String token = forms.issue(surveyId, "test");
        var request = post("/s/" + token).with(csrf()).param("q_likes", "" + option);
        if (note != null) {
            request = request.param("q_note", note);
        }
        mvc.perform(request).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("form-done")));
    }

    @Test
    void thePagesShowVersionsInTheReadersLanguageAndTheUploadFormToAnalystsOnly() throws Exception {
        String list = mvc.perform(get("/surveys/questionnaires").with(ANALYST).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("data-code=\"migration-intentions\"", "id=\"questionnaire-upload-form\"",
                "name=\"_csrf\"");
        String viewer = mvc.perform(get("/surveys/questionnaires").with(VIEWER).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(viewer).contains("data-code=\"migration-intentions\"").doesNotContain("questionnaire-upload-form");
        String surveysPage = mvc.perform(get("/surveys").with(VIEWER)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(surveysPage).contains("href=\"/surveys/questionnaires\"");

        String ru = mvc.perform(get("/surveys/questionnaires/migration-intentions/versions/1").with(VIEWER)
                .param("lang", "ru")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ru).contains("Уровень оплаты труда", "Ранжирование", "Шкала Лайкерта",
                "href=\"/api/v1/questionnaires/migration-intentions/versions/1\"", "id=\"download-json\"");
        String kk = mvc.perform(get("/surveys/questionnaires/migration-intentions/versions/1").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(kk).contains("Жалақы деңгейі");
        mvc.perform(get("/surveys/questionnaires/no-such/versions/1").with(VIEWER)).andExpect(status().isNotFound());

        List<Integer> before = rowCounts();
        ObjectNode bad = small(unique("test-page-bad"));
        ((ObjectNode) bad.get("questions").get(1)).put("type", "SLIDER");
        String refused = mvc.perform(post("/surveys/questionnaires").with(ANALYST).with(csrf()).param("lang", "en")
                        .param("definition", json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"upload-error\"", "id=\"definition-problems\"",
                "data-path=\"questions[1].type\"", "Unknown question type &quot;SLIDER&quot;", "SLIDER");
        assertThat(rowCounts()).isEqualTo(before);
        mvc.perform(post("/surveys/questionnaires").with(ANALYST).with(csrf()).param("definition", ""))
                .andExpect(status().isBadRequest());

        String code = unique("test-page");
        String location = mvc.perform(multipart("/surveys/questionnaires")
                        .file(new MockMultipartFile("file", "q.json", "application/json",
                                json.writeValueAsBytes(small(code))))
                        .with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/surveys/questionnaires/" + code + "/versions/1");
        mvc.perform(post("/surveys/questionnaires").with(VIEWER).with(csrf())
                .param("definition", json.writeValueAsString(small(unique("test-page-viewer")))))
                .andExpect(status().isForbidden());
    }
}
