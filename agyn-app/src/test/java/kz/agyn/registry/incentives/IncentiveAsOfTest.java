package kz.agyn.registry.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.agyn.AgynTest;
import kz.agyn.demo.registry.SyntheticRegistry;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Incentives as of a day other than today: a returnee whose job in Kazakhstan ended years ago qualified then and
 * not now; the count and the list agree on any day; the page and the list carry the day in their heading and
 * links, offer the note's day, and tell a day that is not one on the page with 400.
 */
class IncentiveAsOfTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("asof-analyst").roles("ANALYST");
    static final LocalDate THEN = LocalDate.of(2020, 6, 1);
    static final String JETISU = "330000000";

    @Autowired
    IncentiveService incentives;

    @Autowired
    ScholarService scholarService;

    @Autowired
    MockMvc mvc;

    long pastReturnee() {
        TestScholars make = new TestScholars(scholarService);
        long id = make.scholar(make.freshIin(LocalDate.of(1988, 3, 9), Sex.MALE), "Өткен", "Күн");
        make.award(id, LocalDate.of(2019, 6, 30), true, "GB");
        make.job(id, "RESEARCH_HE", JETISU, "KZ", LocalDate.of(2019, 9, 1), LocalDate.of(2020, 12, 31), "B3");
        return id;
    }

    List<Long> eligible(String code, LocalDate day) {
        return incentives.eligibility(code, Access.PSEUDONYMISED, day).stream().map(Eligibility::scholarId).toList();
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).param("lang", "en").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void aReturneeWhoseJobEndedQualifiedThenAndNotNow() {
        long id = pastReturnee();
        assertThat(eligible(IncentiveService.RESEARCH_SUPPLEMENT, THEN)).contains(id);
        assertThat(eligible(IncentiveService.TAX_EXEMPTION, THEN)).contains(id);
        assertThat(eligible(IncentiveService.RESEARCH_SUPPLEMENT, LocalDate.now())).doesNotContain(id);
        assertThat(eligible(IncentiveService.TAX_EXEMPTION, LocalDate.now())).doesNotContain(id);
        // Before the return, nothing yet.
        assertThat(eligible(IncentiveService.TAX_EXEMPTION, LocalDate.of(2019, 8, 1))).doesNotContain(id);
    }

    @Test
    void theCountAndTheListAgreeOnAnyDay() {
        for (LocalDate day : new LocalDate[] {THEN, SyntheticRegistry.AS_OF, LocalDate.now()}) {
            Map<String, IncentiveCost> costs = incentives.costs(Access.PSEUDONYMISED, day).stream()
                    .collect(Collectors.toMap(IncentiveCost::code, Function.identity()));
            for (IncentiveCost c : costs.values()) {
                assertThat(incentives.eligibility(c.code(), Access.PSEUDONYMISED, day)).as(c.code() + " " + day)
                        .hasSize(c.eligible());
            }
        }
        // The synthetic registry describes the note's day: someone qualifies then.
        assertThat(incentives.costs(Access.PSEUDONYMISED, SyntheticRegistry.AS_OF).stream()
                .mapToInt(IncentiveCost::eligible).sum()).isPositive();
    }

    @Test
    void thePagesShowTheDayAndCarryIt() throws Exception {
        long id = pastReturnee();
        Document today = page("/registry/incentives");
        assertThat(today.select("#incentives-as-of").attr("data-day")).isEqualTo(LocalDate.now().toString());
        assertThat(today.select("#as-of-note").attr("href")).isEqualTo("/registry/incentives?asOf=2024-11-06");
        assertThat(today.select("#as-of-form input[name=asOf]").attr("type")).isEqualTo("date");

        Document then = page("/registry/incentives?asOf=" + THEN);
        assertThat(then.select("h1").text()).isEqualTo("Returnee incentives as of 2020-06-01");
        assertThat(then.select("#as-of-form input[name=asOf]").val()).isEqualTo("2020-06-01");
        String link = then.select("#eligible-" + IncentiveService.RESEARCH_SUPPLEMENT).attr("href");
        assertThat(link).isEqualTo("/registry/incentives/RESEARCH_SUPPLEMENT/eligible?asOf=2020-06-01");
        int count = Integer.parseInt(then.select("#eligible-" + IncentiveService.RESEARCH_SUPPLEMENT).text()
                .replaceAll("\\D", ""));

        Document list = page(link);
        assertThat(list.select("#incentives-as-of").attr("data-day")).isEqualTo("2020-06-01");
        var rows = list.select("#eligible-table tbody tr a");
        assertThat(rows).hasSize(count);
        assertThat(rows.eachAttr("href")).contains("/registry/scholars/" + id);
        assertThat(page("/registry/incentives/RESEARCH_SUPPLEMENT/eligible").select("#eligible-table tbody tr a")
                .eachAttr("href")).doesNotContain("/registry/scholars/" + id);
    }

    @Test
    void aDayThatIsNotOneIsToldOnThePage() throws Exception {
        for (String bad : new String[] {"2020-13-45", "yesterday", "1900-01-01", "2024-11-06T00:00"}) {
            Document doc = Jsoup.parse(mvc.perform(get("/registry/incentives").param("asOf", bad).param("lang", "en")
                    .with(ANALYST)).andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString());
            assertThat(doc.select("#as-of-error").text()).as(bad).startsWith("“" + bad + "” is not a date");
            // The page still works, as of today.
            assertThat(doc.select("#incentives-as-of").attr("data-day")).isEqualTo(LocalDate.now().toString());
            assertThat(doc.select("#incentive-" + IncentiveService.TAX_EXEMPTION)).hasSize(1);
        }
        mvc.perform(get("/registry/incentives/TAX_EXEMPTION/eligible").param("asOf", "nope").with(ANALYST))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/registry/incentives").param("asOf", "2020-06-01")
                .with(user("asof-viewer").roles("VIEWER"))).andExpect(status().isForbidden());
    }
    /** The API takes the same day: its counts are the service's, and a day out of range or not a day is a 400. */
    @Test
    void theApiTakesTheDayToo() throws Exception {
        long id = pastReturnee();
        String body = mvc.perform(get("/api/v1/registry/incentives").param("asOf", THEN.toString()).with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, IncentiveCost> costs = incentives.costs(Access.PSEUDONYMISED, THEN).stream()
                .collect(Collectors.toMap(IncentiveCost::code, Function.identity()));
        for (IncentiveCost c : costs.values()) {
            assertThat(body).contains("\"code\":\"" + c.code() + "\"");
        }
        assertThat(body).contains("\"eligible\":" + costs.get(IncentiveService.RESEARCH_SUPPLEMENT).eligible());
        assertThat(eligible(IncentiveService.RESEARCH_SUPPLEMENT, THEN)).contains(id);
        for (String bad : List.of("1800-01-01", "2024-13-40", "yesterday")) {
            String problem = mvc.perform(get("/api/v1/registry/incentives").param("asOf", bad).with(ANALYST)
                            .header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(problem).as(bad).contains(bad);
        }
    }
}
