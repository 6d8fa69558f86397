package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 16, undo for surveys: an administrator closes a survey (no more links, form or response files; reversible)
 * and deletes one without responses; a survey with responses is never deleted, with the reason given. Audited.
 */
class SurveyClosingTest extends AgynTest {

    static final RequestPostProcessor ADMIN_USER = user("closing-admin").roles("ADMIN");
    static final RequestPostProcessor ANALYST = user("closing-analyst").roles("ANALYST");

    @Autowired
    MockMvc mvc;

    @Autowired
    SurveyService surveys;

    @Autowired
    FormService forms;

    @Autowired
    JdbcClient jdbc;

    private Survey fresh(String code) {
        return surveys.create(code, "migration-intentions", 1, new Names("Сынақ " + code, "Тест " + code,
                "Test " + code), "2031");
    }

    @Test
    void aClosedSurveyTakesNoAnswersUntilReopened() throws Exception {
        Survey s = fresh("test-closing-close");
        String token = forms.issue(s.id(), "test");
        mvc.perform(post("/surveys/" + s.id() + "/close").param("reason", "x").with(ANALYST).with(csrf()))
                .andExpect(status().isForbidden());
        String confirm = mvc.perform(get("/surveys/" + s.id() + "/close").param("lang", "ru").with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirm).contains("Закрыть опрос: Тест test-closing-close", "Новые ссылки не выдаются");
        mvc.perform(post("/surveys/" + s.id() + "/close").param("reason", "fieldwork ended").with(ADMIN_USER)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/surveys/" + s.id()));

        String gone = mvc.perform(get("/s/" + token).param("lang", "en")).andExpect(status().isGone())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(gone).contains("This survey is closed");
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/links").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}").header("Accept-Language", "en"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(
                        "Survey test-closing-close is closed: no new links or answers are taken. An administrator "
                                + "can reopen it."));
        String page = mvc.perform(get("/surveys/" + s.id()).param("lang", "en").with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"survey-closed\"", "closing-admin): fieldwork ended", "id=\"reopen-survey\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SURVEY_CLOSED' AND detail = ?")
                .param("test-closing-close closed. Reason: fieldwork ended").query(Integer.class).single())
                .isEqualTo(1);

        mvc.perform(post("/api/v1/surveys/" + s.id() + "/reopen").with(ADMIN_USER).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.closed").doesNotExist());
        mvc.perform(get("/s/" + token)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SURVEY_REOPENED' AND detail = ?")
                .param("test-closing-close reopened").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSurveyWithResponsesCannotBeDeleted() throws Exception {
        Survey demo = surveys.survey("demo-young-specialists-2024").orElseThrow();
        assertThat(demo.respondents()).isPositive();
        mvc.perform(delete("/api/v1/surveys/" + demo.id()).param("reason", "cleaning up").with(ADMIN_USER)
                        .with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("Survey "
                        + "demo-young-specialists-2024 cannot be deleted: it has "
                        + String.format(java.util.Locale.ENGLISH, "%,d", demo.respondents()) + " responses, and answers people gave are not deleted. Close it to stop taking answers."));
        // The page offers no delete, and the address of its confirmation says why instead of asking.
        String page = mvc.perform(get("/surveys/" + demo.id()).param("lang", "en").with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("id=\"delete-survey\"").contains("id=\"close-survey\"");
        mvc.perform(get("/surveys/" + demo.id() + "/delete").param("lang", "kk").with(ADMIN_USER))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("undoError", org.hamcrest.Matchers.containsString("жою мүмкін емес")));
        mvc.perform(post("/surveys/" + demo.id() + "/delete").param("reason", "x").with(ADMIN_USER).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/surveys/" + demo.id()));
        assertThat(surveys.survey("demo-young-specialists-2024")).isPresent();
        assertThat(surveys.survey(demo.id()).respondents()).isEqualTo(demo.respondents());
    }

    @Test
    void aSurveyWithoutResponsesIsDeletedWithItsLinks() throws Exception {
        Survey api = fresh("test-closing-delete-api");
        forms.issue(api.id(), "test");
        mvc.perform(delete("/api/v1/surveys/" + api.id()).with(ANALYST).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/surveys/" + api.id()).with(ADMIN_USER).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Give the reason: it is kept in the history and in the audit log."));
        mvc.perform(delete("/api/v1/surveys/" + api.id()).param("reason", "created by mistake").with(ADMIN_USER)
                        .with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(surveys.survey("test-closing-delete-api")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM survey_link WHERE survey_id = ?").param(api.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SURVEY_DELETED' AND subject_id = ?")
                .param((long) api.id()).query(Integer.class).single()).isEqualTo(1);

        Survey page = fresh("test-closing-delete-page");
        String confirm = mvc.perform(get("/surveys/" + page.id() + "/delete").param("lang", "en").with(ADMIN_USER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirm).contains("Survey test-closing-delete-page has no responses", "id=\"confirm-submit\"");
        mvc.perform(post("/surveys/" + page.id() + "/delete").param("reason", "duplicate").with(ADMIN_USER)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/surveys"));
        assertThat(surveys.survey("test-closing-delete-page")).isEmpty();
    }
}
