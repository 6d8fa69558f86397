package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public form and the survey pages: a one-time link works once, without signing in; tampered option ids,
 * over-long answers and a missing CSRF token are refused and store nothing.
 */
class SurveyFormTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FormService forms;

    @Autowired
    SurveyService surveys;

    @Autowired
    JdbcClient jdbc;

    Survey demo() {
        return surveys.survey("demo-young-specialists-2024").orElseThrow();
    }

    int formRespondents() {
        return jdbc.sql("SELECT count(*) FROM survey_respondent WHERE source = 'FORM'").query(Integer.class).single();
    }

    int option(String question, String code) {
        return surveys.question(demo().id(), question).option(code).orElseThrow().id();
    }

    /** A complete, valid submission of the required questions. */
    MockHttpServletRequestBuilder filled(String token) {
        return post("/s/" + token).with(csrf())
                .param("q_age_group", "" + option("age_group", "25-29"))
                .param("q_sex", "" + option("sex", "F"))
                .param("q_region", "" + option("region", "330000000"))
                .param("q_education", "" + option("education", "7"))
                .param("q_intend_leave", "" + option("intend_leave", "within_3y"))
                .param("q_reasons_main_1", "" + option("reasons_main", "pay"))
                .param("q_reasons_main_2", "" + option("reasons_main", "growth"));
    }

    @Test
    void aLinkTakesOneSetOfAnswersWithoutSigningIn() throws Exception {
        String token = forms.issue(demo().id(), "test");
        mvc.perform(get("/s/" + token).param("lang", "kk")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Жауаптарды жіберу")));
        int before = formRespondents();
        mvc.perform(filled(token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("form-done")));
        assertThat(formRespondents()).isEqualTo(before + 1);
        mvc.perform(filled(token)).andExpect(status().isConflict());
        mvc.perform(get("/s/" + token)).andExpect(status().isConflict());
        assertThat(formRespondents()).isEqualTo(before + 1);
        mvc.perform(get("/s/not-a-token")).andExpect(status().isNotFound());
    }

    @Test
    void tamperedOptionsOverlongAnswersAndMissingCsrfAreRefused() throws Exception {
        String token = forms.issue(demo().id(), "test");
        int before = formRespondents();
        // An option id of another question, as a changed page would send.
        String tampered = mvc.perform(filled(token).param("lang", "en")
                        .param("q_destination", "" + option("sex", "M")))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tampered).contains("The form was changed");
        mvc.perform(filled(token).param("q_sex", "abc")).andExpect(status().isBadRequest());
        String tooLong = mvc.perform(filled(token).param("lang", "en").param("q_comment", "x".repeat(501)))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooLong).contains("at most 500 characters");
        // The respondent's other answers are kept, so only the faulty one needs redoing.
        assertThat(tooLong).containsPattern("value=\"" + option("sex", "F") + "\"[^>]*checked=\"checked\"");
        mvc.perform(post("/s/" + token).param("q_sex", "" + option("sex", "M")))
                .andExpect(status().isForbidden());
        assertThat(formRespondents()).isEqualTo(before);
        // The link is still unused after refused submissions.
        mvc.perform(filled(token)).andExpect(status().isOk());
        assertThat(formRespondents()).isEqualTo(before + 1);
    }

    @Test
    void surveyPagesRender() throws Exception {
        var analyst = user("page-analyst").roles("ANALYST");
        mvc.perform(get("/surveys").with(analyst).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("synthetic")));
        mvc.perform(get("/surveys/" + demo().id()).with(analyst).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"ranking\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Professional growth")));
        mvc.perform(get("/surveys/" + demo().id()).with(analyst).header("HX-Request", "true")
                        .param("question", "conditions_stay").param("by", "region"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"breakdown\"")));
        mvc.perform(get("/surveys/" + demo().id()).with(analyst).param("question", "pay_expected")
                .param("by", "sex")).andExpect(status().isOk());
        mvc.perform(get("/surveys/" + demo().id() + "/import").with(analyst)).andExpect(status().isOk());
        mvc.perform(get("/surveys/" + demo().id() + "/import").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/surveys/" + demo().id() + "/links").with(analyst).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theImportPageShowsWhereAFileIsWrongAndWritesNothing() throws Exception {
        var analyst = user("page-analyst").roles("ANALYST");
        int before = jdbc.sql("SELECT count(*) FROM survey_respondent").query(Integer.class).single();
        String csv = "respondent_id,age_group,sex,region,education,intend_leave,reasons_main\n"
                + "p1,25-29,F,330000000,7,maybe,pay\n";
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/surveys/" + demo().id() + "/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "page.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .param("lang", "en").with(analyst).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-status=\"INVALID\"", "table class=\"data problems\"", "intend_leave",
                "&quot;maybe&quot; is not an option");
        assertThat(jdbc.sql("SELECT count(*) FROM survey_respondent").query(Integer.class).single())
                .isEqualTo(before);
    }
}
