package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sections and skip rules of a questionnaire (docs/formats/questionnaire.md): version 2 of the standard
 * instrument carries them, an upload is checked for them and round-trips them, and the server holds a submitted
 * form to the same rule as the browser: a skipped question is neither required nor stored.
 */
class SurveySkipRulesTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("skip-rules-analyst").roles("ANALYST");

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

    JsonNode getJson(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    MockHttpServletResponse upload(JsonNode definition) throws Exception {
        return mvc.perform(post("/api/v1/questionnaires").with(ANALYST).with(csrf()).header("Accept-Language", "en")
                .contentType("application/json").content(json.writeValueAsString(definition))).andReturn()
                .getResponse();
    }

    Survey wave() {
        return surveys.survey("test-skip-rules").orElseGet(() -> surveys.create("test-skip-rules",
                SurveyCreationService.STANDARD, 2, new Names("Сынақ", "Тест", "Skip rules"), "test"));
    }

    int option(String question, String code) {
        return surveys.question(wave().id(), question).option(code).orElseThrow().id();
    }

    MockHttpServletRequestBuilder profile(String token, String intention) {
        return post("/s/" + token).with(csrf()).param("lang", "en")
                .param("q_age_group", "" + option("age_group", "25-29"))
                .param("q_sex", "" + option("sex", "F"))
                .param("q_region", "" + option("region", "330000000"))
                .param("q_education", "" + option("education", "7"))
                .param("q_intend_leave", "" + option("intend_leave", intention));
    }

    List<String> answered(int surveyId) {
        return jdbc.sql("""
                SELECT DISTINCT q.code FROM survey_answer a JOIN survey_question q ON q.id = a.question_id
                JOIN survey_respondent r ON r.id = a.respondent_id WHERE r.survey_id = ?""")
                .param(surveyId).query(String.class).list();
    }

    @Test
    void theStandardInstrumentsSecondVersionHasFourSectionsAndAsksNoReasonsOfThoseStaying() throws Exception {
        JsonNode v2 = getJson("/api/v1/questionnaires/migration-intentions/versions/2");
        assertThat(v2.get("sections")).hasSize(4);
        assertThat(v2.get("sections").get(2).get("titleEn").asText()).isEqualTo("Intentions");
        JsonNode v1 = getJson("/api/v1/questionnaires/migration-intentions/versions/1");
        assertThat(v1.get("sections")).isEmpty();
        // Word for word the questions of version 1: only sections and rules were added.
        for (int i = 0; i < v1.get("questions").size(); i++) {
            ObjectNode old = (ObjectNode) v1.get("questions").get(i).deepCopy();
            ObjectNode now = (ObjectNode) v2.get("questions").get(i).deepCopy();
            assertThat(old.get("section").isNull()).isTrue();
            now.remove(List.of("section", "showIf"));
            old.remove(List.of("section", "showIf"));
            assertThat(now).isEqualTo(old);
        }
        JsonNode destination = v2.get("questions").get(8);
        assertThat(destination.get("code").asText()).isEqualTo("destination");
        assertThat(destination.get("section").asText()).isEqualTo("intentions");
        assertThat(destination.get("showIf").get("question").asText()).isEqualTo("intend_leave");
        assertThat(destination.get("showIf").get("noneOf").get(0).asText()).isEqualTo("no");
        assertThat(v2.get("questions").get(9).get("showIf").get("noneOf").toString()).isEqualTo("[\"no\"]");
        assertThat(v2.get("questions").get(10).get("showIf").isNull()).isTrue();

        // The version's page says which section each question is in and when it is asked.
        String page = mvc.perform(get("/surveys/questionnaires/migration-intentions/versions/2").param("lang", "en")
                .with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("section \"<code>intentions</code>\"",
                "asked only if the answer to \"<code>intend_leave</code>\" is not <code>no</code>");

        // Downloaded and uploaded under another code, it is the same definition.
        String code = "test-sections-" + Long.toString(System.nanoTime(), 36);
        ObjectNode copy = ((ObjectNode) v2).deepCopy();
        copy.put("code", code);
        MockHttpServletResponse r = upload(copy);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        ObjectNode again = (ObjectNode) getJson("/api/v1/questionnaires/" + code + "/versions/1");
        again.put("code", "migration-intentions");
        again.put("version", 2);
        assertThat(again).isEqualTo(v2);
        // The same again adds nothing.
        assertThat(json.readTree(upload(copy).getContentAsString()).get("created").asBoolean()).isFalse();
    }

    @Test
    void aRuleOrSectionThatCannotWorkIsRefusedWithItsPath() throws Exception {
        ObjectNode d = (ObjectNode) getJson("/api/v1/questionnaires/migration-intentions/versions/2").deepCopy();
        d.put("code", "test-bad-rules-" + Long.toString(System.nanoTime(), 36));
        ArrayNode questions = (ArrayNode) d.get("questions");
        // A rule on a later question, on an unknown option, with both lists; a section out of order; one unknown.
        ((ObjectNode) questions.get(1)).putObject("showIf").put("question", "intend_leave").putArray("anyOf").add("no");
        ((ObjectNode) questions.get(8).get("showIf")).putArray("noneOf").add("never");
        ObjectNode both = ((ObjectNode) questions.get(9).get("showIf"));
        both.putArray("anyOf").add("within_1y");
        ((ObjectNode) questions.get(10)).putObject("showIf").put("question", "pay_expected").putArray("anyOf").add("1");
        ((ObjectNode) questions.get(7)).put("section", "about_you");
        ((ObjectNode) questions.get(13)).put("section", "elsewhere");
        MockHttpServletResponse r = upload(d);
        assertThat(r.getStatus()).isEqualTo(400);
        JsonNode body = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        List<String> paths = new ArrayList<>();
        body.get("errors").forEach(e -> paths.add(e.get("path").asText() + " " + e.get("message").asText()));
        assertThat(paths).anySatisfy(p -> assertThat(p).startsWith("questions[1].showIf.question ")
                        .contains("does not come before"))
                .anySatisfy(p -> assertThat(p).startsWith("questions[8].showIf.noneOf[0] ").contains("\"never\""))
                .anySatisfy(p -> assertThat(p).startsWith("questions[9].showIf ").contains("exactly one"))
                .anySatisfy(p -> assertThat(p).startsWith("questions[10].showIf.question ").contains("does not come"))
                .anySatisfy(p -> assertThat(p).startsWith("questions[7].section ").contains("later section"))
                .anySatisfy(p -> assertThat(p).startsWith("questions[13].section ").contains("\"elsewhere\""));
    }

    @Test
    void theServerDropsWhatARuleSkipsAndRequiresItOnlyWhenAsked() throws Exception {
        Survey survey = wave();
        // "No": a destination and reasons sent anyway (a page without its script shows them) are not stored,
        // and the required reasons are not missed.
        String token = forms.issue(survey.id(), "test");
        mvc.perform(profile(token, "no").param("q_destination", "" + option("destination", "DE"))
                        .param("q_reasons_main_1", "" + option("reasons_main", "pay")))
                .andExpect(status().isOk());
        assertThat(answered(survey.id())).contains("intend_leave").doesNotContain("destination", "reasons_main");

        // Leaving within a year: the reasons are asked, so required, and their message stands by the question.
        String other = forms.issue(survey.id(), "test");
        String page = mvc.perform(profile(other, "within_1y")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("id=\"err-reasons_main\"[^>]*>Please answer &quot;Rank the reasons");
        assertThat(page).contains("href=\"#q-reasons_main\"");
        mvc.perform(profile(other, "within_1y").param("q_destination", "" + option("destination", "DE"))
                .param("q_reasons_main_1", "" + option("reasons_main", "pay"))).andExpect(status().isOk());
        assertThat(answered(survey.id())).contains("destination", "reasons_main");
    }

    @Test
    void aRuleShowsOnTheListedAnswersOrOnAllOthers() {
        ShowIf any = new ShowIf("q", ShowIf.Mode.ANY_OF, List.of("a", "b"));
        ShowIf none = new ShowIf("q", ShowIf.Mode.NONE_OF, List.of("a", "b"));
        assertThat(any.shows(Set.of("a"))).isTrue();
        assertThat(any.shows(Set.of("c", "b"))).isTrue();
        assertThat(any.shows(Set.of("c"))).isFalse();
        assertThat(any.shows(Set.of())).as("unanswered hides an anyOf question").isFalse();
        assertThat(none.shows(Set.of("a"))).isFalse();
        assertThat(none.shows(Set.of("c"))).isTrue();
        assertThat(none.shows(Set.of())).as("unanswered shows a noneOf question").isTrue();
    }
}
