package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One-time links expire (after 30 days unless the analyst chose otherwise when issuing them) and can be revoked,
 * one or all the open ones of a survey, on the links page and over the API; a respondent who opens an expired or
 * revoked link gets a page saying so in their language with 410 Gone, and nothing is stored through it.
 */
class SurveyLinksTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("links-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("links-viewer").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    @Autowired
    FormService forms;

    @Autowired
    SurveyService surveys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Survey survey(String code) {
        return surveys.survey(code).orElseGet(() -> surveys.create(code, "migration-intentions", 1,
                new Names("Тест", "Тест", "Test"), "test"));
    }

    int respondents(int surveyId) {
        return jdbc.sql("SELECT count(*) FROM survey_respondent WHERE survey_id = ?").param(surveyId)
                .query(Integer.class).single();
    }

    /** A complete, valid submission of the required questions. */
    MockHttpServletRequestBuilder filled(int surveyId, String token) {
        return post("/s/" + token).with(csrf())
                .param("q_age_group", "" + option(surveyId, "age_group", "25-29"))
                .param("q_sex", "" + option(surveyId, "sex", "F"))
                .param("q_region", "" + option(surveyId, "region", "330000000"))
                .param("q_education", "" + option(surveyId, "education", "7"))
                .param("q_intend_leave", "" + option(surveyId, "intend_leave", "within_3y"))
                .param("q_reasons_main_1", "" + option(surveyId, "reasons_main", "pay"));
    }

    int option(int surveyId, String question, String code) {
        return surveys.question(surveyId, question).option(code).orElseThrow().id();
    }

    static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Time passes: the link's day came and went. */
    void expire(String token) {
        jdbc.sql("UPDATE survey_link SET created_at = now() - interval '31 days', expires_at = now() - interval "
                + "'1 minute' WHERE token_sha256 = ?").param(FormService.hash(token)).update();
    }

    @Test
    void aLinkLastsThirtyDaysByDefaultOrAsLongAsChosenAndItsTokenIsNeverListed() throws Exception {
        Survey s = survey("test-links-expiry");
        OffsetDateTime before = OffsetDateTime.now();
        JsonNode issued = json.readTree(mvc.perform(post("/api/v1/surveys/" + s.id() + "/links").with(ANALYST)
                        .with(csrf())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(issued).hasSize(1);
        OffsetDateTime expires = OffsetDateTime.parse(issued.get(0).get("expiresAt").asText());
        assertThat(Duration.between(before, expires)).isBetween(Duration.ofDays(30).minusMinutes(1),
                Duration.ofDays(30).plusMinutes(1));
        String url = issued.get(0).get("url").asText();
        assertThat(url).contains("/s/");

        JsonNode week = json.readTree(mvc.perform(post("/api/v1/surveys/" + s.id() + "/links").with(ANALYST)
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"count\":3,\"days\":7}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(week).hasSize(3);
        assertThat(Duration.between(before, OffsetDateTime.parse(week.get(2).get("expiresAt").asText())))
                .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7).plusMinutes(1));

        String list = mvc.perform(get("/api/v1/surveys/" + s.id() + "/links").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode links = json.readTree(list);
        assertThat(links.get("open").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(links.get("defaultDays").asInt()).isEqualTo(30);
        assertThat(list).doesNotContain(token(url)).contains(token(url).substring(0, FormService.HINT));
        assertThat(links.get("latest").get(0).get("state").asText()).isEqualTo("OPEN");
        assertThat(links.get("latest").get(0).get("createdBy").asText()).isEqualTo("links-analyst");

        // The page issues them too, with the chosen days, and shows each address once with its expiry.
        var page = mvc.perform(post("/surveys/" + s.id() + "/links").with(ANALYST).with(csrf())
                        .param("count", "2").param("days", "10").param("back", "links"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/surveys/" + s.id() + "/links");
        Document shown = Jsoup.parse(mvc.perform(get("/surveys/" + s.id() + "/links").with(ANALYST)
                        .param("lang", "en").flashAttrs(page.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(shown.select("#issued-links li code")).hasSize(2);
        assertThat(shown.select("#issued-links p").text()).startsWith("New links (2), valid until ");
        assertThat(shown.select("#links-table tbody tr")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(shown.select("#links-table tbody tr").first().text()).contains("links-analyst").contains("open");

        for (String bad : List.of("{\"count\":0}", "{\"count\":501}", "{\"days\":0}", "{\"days\":366}")) {
            mvc.perform(post("/api/v1/surveys/" + s.id() + "/links").with(ANALYST).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(bad).header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest());
        }
        String refused = mvc.perform(post("/surveys/" + s.id() + "/links").with(ANALYST).with(csrf())
                        .param("days", "many").param("back", "links"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("linksError").toString();
        assertThat(refused).isNotBlank();
    }

    @Test
    void anExpiredLinkIsGoneInEveryLanguageAndTakesNoAnswers() throws Exception {
        Survey s = survey("test-links-expired");
        String token = forms.issue(s.id(), "test");
        mvc.perform(get("/s/" + token)).andExpect(status().isOk());
        expire(token);
        int before = respondents(s.id());
        String kk = gone(mvc.perform(get("/s/" + token).param("lang", "kk")).andReturn().getResponse());
        assertThat(kk).contains("Бұл сілтеменің мерзімі өтті");
        String ru = gone(mvc.perform(get("/s/" + token).param("lang", "ru")).andReturn().getResponse());
        assertThat(ru).contains("Срок действия этой ссылки истёк");
        String en = gone(mvc.perform(filled(s.id(), token).param("lang", "en")).andReturn().getResponse());
        assertThat(en).contains("This link has expired");
        assertThat(respondents(s.id())).isEqualTo(before);
        assertThat(forms.links(s.id()).latest().get(0).state()).isEqualTo(SurveyLink.State.EXPIRED);
    }

    @Test
    void aRevokedLinkIsGoneAndTheAnswersOfUsedLinksStay() throws Exception {
        Survey s = survey("test-links-revoked");
        String used = forms.issue(s.id(), "test");
        String revoked = forms.issue(s.id(), "test");
        String open = forms.issue(s.id(), "test");
        mvc.perform(filled(s.id(), used)).andExpect(status().isOk());
        int answered = respondents(s.id());
        long revokedId = id(s.id(), revoked);

        // One link, from the page: the form opened before still cannot send through it.
        mvc.perform(get("/s/" + revoked)).andExpect(status().isOk());
        MockHttpServletResponse r = mvc.perform(post("/surveys/" + s.id() + "/links/" + revokedId + "/revoke")
                .with(ANALYST).with(csrf()).param("lang", "en")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/surveys/" + s.id() + "/links");
        String withdrawn = gone(mvc.perform(filled(s.id(), revoked).param("lang", "en")).andReturn().getResponse());
        assertThat(withdrawn).contains("This link has been withdrawn by the survey's organisers");
        assertThat(gone(mvc.perform(get("/s/" + revoked).param("lang", "ru")).andReturn().getResponse()))
                .contains("Организаторы опроса отозвали эту ссылку");
        // Again: nothing changes. A used link cannot be revoked; an unknown one is not there.
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/links/" + revokedId + "/revoke").with(ANALYST).with(csrf()))
                .andExpect(status().isOk()).andExpect(r2 -> assertThat(r2.getResponse().getContentAsString())
                        .contains("\"state\":\"REVOKED\"").contains("\"revokedBy\":\"links-analyst\""));
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/links/" + id(s.id(), used) + "/revoke").with(ANALYST)
                .with(csrf()).header("Accept-Language", "en")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/links/999999999/revoke").with(ANALYST).with(csrf()))
                .andExpect(status().isNotFound());
        // A link of another survey is not this survey's to revoke.
        String other = forms.issue(survey("test-links-expiry").id(), "test");
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/links/" + id(survey("test-links-expiry").id(), other)
                + "/revoke").with(ANALYST).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/s/" + other)).andExpect(status().isOk());

        // All the open ones: the page asks for a tick first.
        mvc.perform(post("/surveys/" + s.id() + "/links/revoke-open").with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/s/" + open)).andExpect(status().isOk());
        JsonNode all = json.readTree(mvc.perform(post("/api/v1/surveys/" + s.id() + "/links/revoke-open")
                .with(ANALYST).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(all.get("revoked").asInt()).isEqualTo(1);
        gone(mvc.perform(get("/s/" + open)).andReturn().getResponse());
        assertThat(respondents(s.id())).isEqualTo(answered);
        mvc.perform(get("/s/" + used)).andExpect(status().isConflict());

        SurveyLinks links = forms.links(s.id());
        assertThat(links.open()).isZero();
        assertThat(links.used()).isEqualTo(1);
        assertThat(links.revoked()).isEqualTo(2);
        Document page = Jsoup.parse(mvc.perform(get("/surveys/" + s.id() + "/links").with(ANALYST)
                .param("lang", "ru")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#links-summary").text())
                .isEqualTo("Действующих: 0 · использованных: 1 · истёкших неиспользованных: 0 · отозванных: 2");
        assertThat(page.select("#links-table tr[data-state=REVOKED]")).hasSize(2);
        assertThat(page.select("#links-table form")).isEmpty();
        assertThat(page.select("#revoke-open-form")).isEmpty();
    }

    @Test
    void onlyAnalystsAndAdministratorsSeeOrChangeLinks() throws Exception {
        Survey s = survey("test-links-expiry");
        mvc.perform(get("/surveys/" + s.id() + "/links").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/surveys/" + s.id() + "/links").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/links").with(VIEWER).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/surveys/" + s.id() + "/links/revoke-open").with(VIEWER).with(csrf()))
                .andExpect(status().isForbidden());
        String html = mvc.perform(get("/surveys/" + s.id()).with(VIEWER)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(html).select("#links-tab")).isEmpty();
    }

    long id(int surveyId, String token) {
        return jdbc.sql("SELECT id FROM survey_link WHERE survey_id = ? AND token_sha256 = ?")
                .params(surveyId, FormService.hash(token)).query(Long.class).single();
    }

    static String gone(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).isEqualTo(410);
        Document page = Jsoup.parse(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#public-form")).isEmpty();
        return page.select("#form-closed").text();
    }

}
