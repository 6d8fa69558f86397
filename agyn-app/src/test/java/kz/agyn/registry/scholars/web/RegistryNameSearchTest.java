package kz.agyn.registry.scholars.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import kz.agyn.AgynTest;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.keys.RegistryNameIndexJobs;
import kz.agyn.registry.scholars.NewScholar;
import kz.agyn.registry.scholars.ScholarService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Name search as an officer meets it: a Latin spelling finds the Cyrillic name and the reverse, the Kazakh and
 * Russian spellings find each other, two words are read in either order; the results are paged with the true
 * number found, to result 201 and beyond; a name search is a GET (an address to bookmark), an IIN search a POST
 * answered by a redirect, so the IIN is in no address and Back sends nothing again; rows recorded before the
 * search keys are found once the re-index job has run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryNameSearchTest extends AgynTest {

    static final RequestPostProcessor OFFICER = user("names-officer").roles("REGISTRY_OFFICER");
    static final RequestPostProcessor ANALYST = user("names-analyst").roles("ANALYST");
    static final Cookie ENGLISH = new Cookie("agyn-lang", "en");
    /** A surname no synthetic scholar has, given to more scholars than the old limit of 200. */
    static final String MANY = "Көшербаева";
    static final int MANY_COUNT = 205;

    @Autowired
    MockMvc mvc;

    @Autowired
    ScholarService scholars;

    @Autowired
    RegistryNameIndexJobs reindex;

    @Autowired
    JdbcClient jdbc;

    long mamyrova;
    long latinOnly;
    String mamyrovaIin;
    final Set<Long> many = new HashSet<>();

    @BeforeAll
    void records() {
        TestScholars t = new TestScholars(scholars);
        mamyrovaIin = t.freshIin(LocalDate.of(1992, 4, 17), Sex.FEMALE);
        // Kazakh spelling as the card's main name; a first name no synthetic scholar has.
        mamyrova = scholars.create(new NewScholar(mamyrovaIin, "Мамырова", "Тұмарқыз", null, "Мамырова Тумаркыз",
                "Mamyrova Tūmarqyz", null, null, null, null, false), Access.PERSONAL);
        // Recorded in Latin letters only, as a name from a foreign passport may be.
        latinOnly = t.scholar(t.freshIin(LocalDate.of(1990, 1, 5), Sex.FEMALE), "Zhumabayeva", "Nazgul");
        for (int i = 0; i < MANY_COUNT; i++) {
            many.add(t.scholar(t.freshIin(LocalDate.of(1985, 1, 1).plusDays(i * 7L), Sex.FEMALE), MANY, "Әсем"));
        }
    }

    Document page(String name, Integer page) throws Exception {
        var request = get("/registry").with(OFFICER).cookie(ENGLISH).param("name", name);
        if (page != null) {
            request = request.param("page", page.toString());
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    static List<Long> ids(Document d) {
        List<Long> out = new ArrayList<>();
        d.select("#search-results tbody a[href^=/registry/scholars/]").forEach(a -> out.add(
                Long.parseLong(a.attr("href").substring("/registry/scholars/".length()))));
        return out;
    }

    @Test
    void aLatinSpellingFindsTheCyrillicNameAndTheReverse() throws Exception {
        assertThat(ids(page("Mamyrova Tumarkyz", null))).containsExactly(mamyrova);
        assertThat(ids(page("Mamırova Tūmarqyz", null))).containsExactly(mamyrova);
        // First name first, and the Russian spelling typed in Cyrillic.
        assertThat(ids(page("Тумаркыз Мамырова", null))).containsExactly(mamyrova);
        // The reverse: a Cyrillic query finds a name stored in Latin letters only.
        assertThat(ids(page("Жұмабаева Назгүл", null))).containsExactly(latinOnly);
        // One word finds as many in either script.
        Document latin = page("Mamyrova", null);
        Document cyrillic = page("Мамырова", null);
        assertThat(latin.select("#result-count").text()).isEqualTo(cyrillic.select("#result-count").text());
        assertThat(ids(latin)).isEqualTo(ids(cyrillic));
    }

    @Test
    void pagingReachesResult201WithTheTrueTotal() throws Exception {
        Document first = page("Kosherbaeva", null);
        assertThat(first.select("#result-count").text()).startsWith("Found: " + MANY_COUNT);
        assertThat(first.select("#result-range").text()).isEqualTo("showing 1–50");
        assertThat(first.select("#search-pager").text()).contains("Page 1 of 5");
        assertThat(first.select("#page-next").attr("href")).isEqualTo("/registry?name=Kosherbaeva&page=1");
        Set<Long> seen = new HashSet<>(ids(first));
        for (int p = 1; p < 5; p++) {
            Document d = page("Kosherbaeva", p);
            seen.addAll(ids(d));
            if (p == 4) {
                assertThat(ids(d)).hasSize(MANY_COUNT - 200);
                assertThat(d.select("#result-range").text()).isEqualTo("showing 201–205");
                assertThat(d.select("#page-next")).isEmpty();
                assertThat(d.select("#page-prev").attr("href")).isEqualTo("/registry?name=Kosherbaeva&page=3");
            }
        }
        assertThat(seen).isEqualTo(many);
    }

    /** The API pages the same way: the page's scholars as the body, the true number found in X-Total-Count. */
    @Test
    void theApiPagesTheSearchAndGivesTheTrueTotal() throws Exception {
        var first = mvc.perform(post("/api/v1/scholars/search").with(csrf()).with(OFFICER)
                        .contentType("application/json").content("{\"name\": \"Kosherbaeva\"}"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(first.getHeader("X-Total-Count")).isEqualTo(String.valueOf(MANY_COUNT));
        assertThat(first.getContentAsString().split("\"id\"", -1)).hasSize(200 + 1);
        var last = mvc.perform(post("/api/v1/scholars/search").with(csrf()).with(OFFICER)
                        .contentType("application/json").content("{\"name\": \"Kosherbaeva\", \"page\": 1}"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(last.getHeader("X-Total-Count")).isEqualTo(String.valueOf(MANY_COUNT));
        assertThat(last.getContentAsString().split("\"id\"", -1)).hasSize(MANY_COUNT - 200 + 1);
        mvc.perform(post("/api/v1/scholars/search").with(csrf()).with(OFFICER)
                        .contentType("application/json").content("{\"name\": \"Kosherbaeva\", \"size\": 500}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theIinGoesByPostAndComesBackByRedirect() throws Exception {
        MvcResult posted = mvc.perform(post("/registry/search").with(csrf()).with(OFFICER).cookie(ENGLISH)
                .param("iin", mamyrovaIin)).andExpect(status().is3xxRedirection()).andReturn();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/registry").doesNotContain(mamyrovaIin);
        String html = mvc.perform(get(location).with(OFFICER).cookie(ENGLISH)
                        .flashAttrs(posted.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(ids(Jsoup.parse(html))).containsExactly(mamyrova);
        assertThat(html).doesNotContain(mamyrovaIin);
        // The page Back or reload asks for again is the GET, with no form to send.
        String again = mvc.perform(get(location).with(OFFICER).cookie(ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(again).select("#search-results")).isEmpty();
        // A name posted (an old form) is sent on to the GET address.
        MvcResult byName = mvc.perform(post("/registry/search").with(csrf()).with(OFFICER).param("name",
                "Mamyrova")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(byName.getResponse().getRedirectedUrl()).isEqualTo("/registry?name=Mamyrova");
    }

    @Test
    void anAnalystCannotSearchByNameAndTheNameIsNotEchoed() throws Exception {
        String html = mvc.perform(get("/registry").with(ANALYST).cookie(ENGLISH).param("name", "Мамырова"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document d = Jsoup.parse(html);
        assertThat(d.select("#search-results")).isEmpty();
        assertThat(d.select(".alert.error")).isNotEmpty();
        assertThat(d.select("#search-name").attr("value")).isEmpty();
    }

    @Test
    void aBadPageIsAClearErrorNotAFailure() throws Exception {
        Document d = page("Mamyrova", -1);
        assertThat(d.select("#search-error").text()).isEqualTo("No such page of results.");
    }

    @Test
    void rowsRecordedBeforeTheKeysAreFoundAfterTheReindexJob() throws Exception {
        long before = jdbc.sql("SELECT id FROM reg_scholar WHERE id = ?").param(latinOnly).query(Long.class).single();
        // As a row written before V140: no keys, no version.
        jdbc.sql("DELETE FROM reg_scholar_name_key WHERE scholar_id = ?").param(before).update();
        jdbc.sql("UPDATE reg_scholar SET name_keys_version = NULL WHERE id = ?").param(before).update();
        assertThat(ids(page("Zhumabayeva Nazgul", null))).isEmpty();
        assertThat(reindex.pending()).isPositive();

        JobView job = reindex.runIfNeeded("test").orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(reindex.pending()).isZero();
        assertThat(reindex.runIfNeeded("test")).isEmpty();
        assertThat(ids(page("Жұмабаева Назгүл", null))).containsExactly(latinOnly);
        // Three pairs per scholar whatever its spellings: the count of rows says nothing about them.
        assertThat(jdbc.sql("SELECT count(*) FROM reg_scholar_name_key WHERE scholar_id = ?").param(before)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT last_key) FROM reg_scholar_name_key WHERE scholar_id = ?""")
                .param(before).query(Long.class).single()).isEqualTo(3);
    }
}
