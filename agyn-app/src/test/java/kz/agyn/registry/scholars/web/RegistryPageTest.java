package kz.agyn.registry.scholars.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The registry pages as each role receives them: an officer searches by IIN, opens the card and records a job;
 * an analyst receives the same pages without any IIN, name, contact or employer; a viewer is refused. The
 * assertions read the raw HTML, because a personal field hidden by CSS would still be a leak.
 */
class RegistryPageTest extends AgynTest {

    static final RequestPostProcessor OFFICER = user("page-officer").roles("REGISTRY_OFFICER");
    static final RequestPostProcessor ANALYST = user("page-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("page-viewer").roles("VIEWER");

    static final String LAST = "Сұлтанбекова";
    static final String FIRST = "Гүлназ";
    static final String EMPLOYER = "Қарағанды техникалық университеті";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScholarService scholars;

    @Autowired
    JdbcClient jdbc;

    String iin;
    long id;
    long award;

    @BeforeEach
    void scholar() {
        TestScholars t = new TestScholars(scholars);
        // A new IIN per test: the tests share one database.
        iin = t.freshIin(LocalDate.of(1991, 3, 9), Sex.FEMALE);
        id = t.scholar(iin, LAST, FIRST);
        award = t.award(id, LocalDate.now().minusYears(1), true, "DE");
    }

    String html(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    @Test
    void officerFindsByIinAndTheIinStaysOutOfThePage() throws Exception {
        // Post, redirect, get: the answer comes with the redirect's flash, the IIN in no address.
        var posted = mvc.perform(post("/registry/search").with(csrf()).with(OFFICER).param("iin", iin)
                .param("lang", "en")).andExpect(redirectedUrl("/registry")).andReturn();
        String page = html(mvc.perform(get("/registry").with(OFFICER).param("lang", "en")
                .flashAttrs(posted.getFlashMap())).andExpect(status().isOk()));
        Document d = Jsoup.parse(page);
        assertThat(d.select("#search-results tbody tr")).hasSize(1);
        assertThat(d.select("#search-results").text()).contains(LAST);
        // The IIN typed in is not echoed back into the form or the table.
        assertThat(page).doesNotContain(iin);
        assertThat(d.select("#search-results a").attr("href")).isEqualTo("/registry/scholars/" + id);
    }

    @Test
    void officerRecordsAJobAndDaysLeftFall() throws Exception {
        Document before = Jsoup.parse(html(mvc.perform(get("/registry/scholars/" + id).with(OFFICER)
                .param("lang", "en")).andExpect(status().isOk())));
        assertThat(before.select("#scholar-name").text()).contains(LAST).contains(FIRST);
        assertThat(before.select("#scholar-iin").text()).isEqualTo(iin);
        long left = Long.parseLong(before.select("#days-left-" + award).text());
        assertThat(before.select("#job-form")).hasSize(1);

        LocalDate start = LocalDate.now().minusMonths(10);
        mvc.perform(post("/registry/scholars/" + id + "/employments").with(csrf()).with(OFFICER)
                        .param("employer", EMPLOYER).param("sector", "RESEARCH_HE").param("country", "KZ")
                        .param("region", "350000000").param("isco", "2").param("start", start.toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/registry/scholars/" + id));

        Document after = Jsoup.parse(html(mvc.perform(get("/registry/scholars/" + id).with(OFFICER)
                .param("lang", "en")).andExpect(status().isOk())));
        long leftAfter = Long.parseLong(after.select("#days-left-" + award).text());
        assertThat(leftAfter).isLessThan(left);
        assertThat(after.select("#jobs").text()).contains(EMPLOYER);
        assertThat(after.select("#timeline").text()).contains("Started work: " + EMPLOYER);
    }

    @Test
    void aBadJobIsRefusedOnTheCardWithTheReasonAndNothingIsWritten() throws Exception {
        Document d = Jsoup.parse(html(mvc.perform(post("/registry/scholars/" + id + "/employments").with(csrf())
                        .with(OFFICER).param("lang", "en").param("employer", EMPLOYER).param("sector", "RESEARCH_HE")
                        .param("country", "KZ").param("region", "999999999").param("start", "2024-01-10"))
                .andExpect(status().isOk())));
        assertThat(d.select("#job-error").text()).isNotBlank();
        // What the officer typed is kept in the form, so the mistake can be mended in place.
        assertThat(d.select("#job-employer").val()).isEqualTo(EMPLOYER);
        assertThat(jdbc.sql("SELECT count(*) FROM reg_employment WHERE scholar_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void analystSeesTheCardWithoutPersonalData() throws Exception {
        new TestScholars(scholars).job(id, "PUBLIC", "710000000", "KZ", LocalDate.now().minusMonths(3), null, "B2");
        String page = html(mvc.perform(get("/registry/scholars/" + id).with(ANALYST)).andExpect(status().isOk()));
        assertThat(page).doesNotContain(iin).doesNotContain(LAST).doesNotContain(FIRST)
                .doesNotContain("Test employer").doesNotContain("@");
        Document d = Jsoup.parse(page);
        assertThat(d.select("#pseudonymised")).hasSize(1);
        assertThat(d.select("#job-form")).isEmpty();
        assertThat(d.select("#days-left-" + award).text()).matches("\\d+");
        long views = jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'page-analyst' AND subject_id = ?")
                .param(id).query(Long.class).single();
        assertThat(views).isPositive();
    }

    @Test
    void analystCannotSearchByNameAndIsToldWhyInThePage() throws Exception {
        String page = html(mvc.perform(get("/registry").with(ANALYST).param("name", LAST)
                .param("lang", "en")).andExpect(status().isOk()));
        assertThat(page).doesNotContain(FIRST);
        assertThat(Jsoup.parse(page).select("#search-error").text()).isNotBlank();
        assertThat(Jsoup.parse(page).select("#search-iin")).isEmpty();
    }

    @Test
    void viewersAreRefusedAndAMissingScholarIsAPageNotJson() throws Exception {
        mvc.perform(get("/registry").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/registry/scholars/" + id).with(VIEWER)).andExpect(status().isForbidden());
        String missing = html(mvc.perform(get("/registry/scholars/987654321").with(OFFICER).param("lang", "en"))
                .andExpect(status().isNotFound()));
        assertThat(missing).contains("<html").contains("There is no scholar");
    }

    @Test
    void rulesEditorRefusesABadVersionInPlaceAndStoresAGoodOne() throws Exception {
        Document page = Jsoup.parse(html(mvc.perform(get("/registry/rules").with(OFFICER).param("lang", "en"))
                .andExpect(status().isOk())));
        assertThat(page.select("#rule-sets tbody tr")).isNotEmpty();
        // The parameters of the published rules are explained beside the editor, specialty rows included.
        assertThat(page.select("#rule-keys").text()).contains("cityRegions", "Astana 71", "specialty.NN",
                "lateReturnBreach", "mixedPlaces");
        String latest = page.select("#rules-text").text();
        assertThat(latest).contains("programme = BOLASHAK");

        Document bad = Jsoup.parse(html(mvc.perform(post("/registry/rules").with(csrf()).with(OFFICER)
                        .param("lang", "en").param("text", latest.replace("requiredYears = 5", "requiredYears = 99")))
                .andExpect(status().isOk())));
        assertThat(bad.select("#rules-error").text()).contains("requiredYears");

        int version = 700 + (int) (System.nanoTime() % 200);
        String next = latest.replaceAll("(?m)^version = \\d+", "version = " + version)
                .replaceAll("(?m)^validFrom = .*", "validFrom = 2199-01-01");
        mvc.perform(post("/registry/rules").with(csrf()).with(OFFICER).param("text", next).param("note", "test"))
                .andExpect(status().is3xxRedirection());
        assertThat(html(mvc.perform(get("/registry/rules").with(ANALYST)))).contains("rules-BOLASHAK-" + version)
                .doesNotContain("id=\"rules-form\"");
        mvc.perform(post("/registry/rules").with(csrf()).with(ANALYST).param("text", next))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOfficerAnonymisesOnRequestOnlyAfterTypingThePseudonym() throws Exception {
        Document card = Jsoup.parse(html(mvc.perform(get("/registry/scholars/" + id).with(OFFICER))));
        String pseudonym = card.select("#pseudonym").text();
        Document wrong = Jsoup.parse(html(mvc.perform(post("/registry/scholars/" + id + "/anonymise").with(csrf())
                .with(OFFICER).param("lang", "en").param("confirm", "S-WRONG")).andExpect(status().isOk())));
        assertThat(wrong.select("#anonymise-error").text()).contains("does not match");
        assertThat(wrong.select("#scholar-name").text()).contains(LAST);

        mvc.perform(post("/registry/scholars/" + id + "/anonymise").with(csrf()).with(OFFICER)
                .param("confirm", pseudonym)).andExpect(status().is3xxRedirection());
        String after = html(mvc.perform(get("/registry/scholars/" + id).with(OFFICER)).andExpect(status().isOk()));
        assertThat(after).doesNotContain(LAST).doesNotContain(iin).contains(pseudonym);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ANONYMISE' AND subject_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/registry/scholars/" + id + "/anonymise").with(csrf()).with(ANALYST)
                .param("confirm", pseudonym)).andExpect(status().isForbidden());
    }

    @Test
    void anOfficerDeclaresABreachAndTheCardShowsWhatIsOwed() throws Exception {
        Document refused = Jsoup.parse(html(mvc.perform(post("/registry/awards/" + award + "/decisions").with(csrf())
                        .with(OFFICER).param("lang", "en").param("type", "REPAID").param("reason", "letter 12"))
                .andExpect(status().isOk())));
        assertThat(refused.select("#decision-error-" + award).text()).isNotBlank();
        assertThat(refused.select("#decide-" + award).hasAttr("open")).isTrue();

        Document noReason = Jsoup.parse(html(mvc.perform(post("/registry/awards/" + award + "/decisions")
                .with(csrf()).with(OFFICER).param("lang", "en").param("type", "BREACH_DECLARED"))));
        assertThat(noReason.select("#decision-error-" + award).text()).isNotBlank();

        mvc.perform(post("/registry/awards/" + award + "/decisions").with(csrf()).with(OFFICER)
                        .param("type", "BREACH_DECLARED").param("reason", "Order 41 of the operator"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/registry/scholars/" + id));
        Document card = Jsoup.parse(html(mvc.perform(get("/registry/scholars/" + id).with(OFFICER).param("lang", "en"))));
        assertThat(card.select("#award-" + award + " .state").text()).isEqualTo("In breach");
        assertThat(card.select("#award-" + award).text()).contains("15 000 000");
        assertThat(card.select("#timeline").text()).contains("Breach declared. Order 41 of the operator");
        mvc.perform(post("/registry/awards/" + award + "/decisions").with(csrf()).with(ANALYST)
                .param("type", "BREACH_CANCELLED").param("reason", "x")).andExpect(status().isForbidden());
    }
}
