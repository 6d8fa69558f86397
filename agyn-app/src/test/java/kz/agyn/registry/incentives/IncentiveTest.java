package kz.agyn.registry.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import kz.agyn.AgynTest;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Incentive eligibility and cost on a small constructed case, checked by hand against the change it makes to the
 * programme totals (the synthetic registry is there too), and the rules editor's located, localized errors.
 */
class IncentiveTest extends AgynTest {

    static final RequestPostProcessor OFFICER = user("inc-officer").roles("REGISTRY_OFFICER");
    static final RequestPostProcessor ANALYST = user("inc-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("inc-viewer").roles("VIEWER");
    static final LocalDate BORN = LocalDate.of(1986, 11, 3);
    static final String JETISU = "330000000";
    static final String ASTANA = "710000000";

    @Autowired
    IncentiveService incentives;

    @Autowired
    ScholarService scholarService;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eligibilityAndCostOfAConstructedCase() {
        LocalDate today = LocalDate.now();
        Map<String, IncentiveCost> before = costs();
        TestScholars make = new TestScholars(scholarService);
        // A: back 300 days ago, research in Jetisu, band B3: both incentives.
        long a = returnee(make, 7301, today.minusDays(400), "RESEARCH_HE", JETISU, today.minusDays(300), null, "B3");
        // B: research in Astana, band B2: the tax exemption only (wrong region for the supplement).
        long b = returnee(make, 7302, today.minusDays(400), "RESEARCH_HE", ASTANA, today.minusDays(300), null, "B2");
        // C: research in Jetisu but back 1,000 days ago: the two years are over.
        returnee(make, 7303, today.minusDays(1100), "RESEARCH_HE", JETISU, today.minusDays(1000), null, "B3");
        // D: private sector in Jetisu, no band reported: tax exemption at the assumed average salary.
        long d = returnee(make, 7304, today.minusDays(200), "PRIVATE", JETISU, today.minusDays(100), null, null);
        // E: research in Jetisu, back, but the job ended ten days ago: no job today, nothing.
        returnee(make, 7305, today.minusDays(400), "RESEARCH_HE", JETISU, today.minusDays(300), today.minusDays(10),
                "B3");
        Map<String, IncentiveCost> after = costs();

        // Supplement: 272,188 KZT x 12 x 20% = 653,251.2, rounded to 653,251, for A alone.
        IncentiveCost r0 = before.get(IncentiveService.RESEARCH_SUPPLEMENT);
        IncentiveCost r1 = after.get(IncentiveService.RESEARCH_SUPPLEMENT);
        assertThat(r1.eligible() - r0.eligible()).isEqualTo(1);
        assertThat(r1.annualCostKzt().subtract(r0.annualCostKzt())).isEqualByComparingTo("653251");
        assertThat(r1.perPersonKzt()).isEqualByComparingTo("653251");

        // Tax: 10% of 90% of a year's salary. A at B3 (450,000): 486,000; B at B2 (225,000): 243,000;
        // D at the assumed 272,188: 293,963.04, rounded to 293,963. Together 1,022,963.
        IncentiveCost t0 = before.get(IncentiveService.TAX_EXEMPTION);
        IncentiveCost t1 = after.get(IncentiveService.TAX_EXEMPTION);
        assertThat(t1.eligible() - t0.eligible()).isEqualTo(3);
        assertThat(t1.bandBased() - t0.bandBased()).isEqualTo(2);
        assertThat(t1.assumed() - t0.assumed()).isEqualTo(1);
        assertThat(t1.annualCostKzt().subtract(t0.annualCostKzt())).isEqualByComparingTo("1022963");

        Map<Long, Eligibility> tax = incentives.eligibility(IncentiveService.TAX_EXEMPTION, Access.PSEUDONYMISED)
                .stream().collect(Collectors.toMap(Eligibility::scholarId, Function.identity()));
        assertThat(tax.get(a).annualKzt()).isEqualByComparingTo("486000");
        assertThat(tax.get(b).annualKzt()).isEqualByComparingTo("243000");
        assertThat(tax.get(d).annualKzt()).isEqualByComparingTo("293963");
        assertThat(tax.get(d).bandBased()).isFalse();
        assertThat(tax.get(a).until()).isEqualTo(today.minusDays(300).plusYears(2).minusDays(1));
        List<Long> research = incentives.eligibility(IncentiveService.RESEARCH_SUPPLEMENT, Access.PSEUDONYMISED)
                .stream().map(Eligibility::scholarId).toList();
        assertThat(research).contains(a).doesNotContain(b, d);
    }

    @Test
    void pagesAndApiByRole() throws Exception {
        String page = mvc.perform(get("/registry/incentives").with(OFFICER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("incentive-RESEARCH_SUPPLEMENT", "incentive-TAX_EXEMPTION", "272", "name=\"durationYears\"",
                "/registry/worklist").doesNotContain("??");
        for (String lang : new String[] {"kk", "ru", "en"}) {
            assertThat(mvc.perform(get("/registry/incentives").with(OFFICER).cookie(new Cookie("agyn-lang", lang)))
                    .andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("??");
        }
        String analyst = mvc.perform(get("/registry/incentives").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // Analysts read the rules in the same labelled fields, which they cannot change or send.
        assertThat(analyst).contains("<fieldset disabled").doesNotContain("Ережелерді сақтау");
        mvc.perform(get("/registry/incentives").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registry/incentives").with(ANALYST)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'TAX_EXEMPTION')].rule.taxRate").value(0.10));
        mvc.perform(post("/registry/incentives/TAX_EXEMPTION").with(csrf()).with(ANALYST).param("rules", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadRuleTextGetsLocatedLocalizedErrors() throws Exception {
        String text = IncentiveService.TAX_RULES.replace("taxRate = 0.10", "taxRate = ten per cent")
                .replace("regions = *", "regions = 999999999") + "colour = blue\n";
        int taxLine = lineOf(text, "taxRate =");
        int colourLine = lineOf(text, "colour =");
        String html = mvc.perform(post("/registry/incentives/TAX_EXEMPTION").with(csrf()).with(OFFICER)
                        .cookie(new Cookie("agyn-lang", "en")).param("rules", text))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Line " + taxLine + ": &quot;taxRate&quot; must be a number, not &quot;ten per cent"
                + "&quot;.", "Line " + colourLine + ": unknown key &quot;colour&quot;.",
                "&quot;999999999&quot; is not a current first-level region", "ten per cent");
        String kk = mvc.perform(post("/registry/incentives/TAX_EXEMPTION").with(csrf()).with(OFFICER)
                        .cookie(new Cookie("agyn-lang", "kk")).param("rules", text))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(kk).contains(colourLine + "-жол: «colour» кілті белгісіз.");
        mvc.perform(put("/api/v1/registry/incentives/TAX_EXEMPTION").with(csrf()).with(OFFICER)
                        .header("Accept-Language", "ru").contentType(MediaType.TEXT_PLAIN).content("kind = GIFT\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Строка 1: kind должен быть SALARY_SUPPLEMENT или TAX_EXEMPTION."));
        // Nothing was stored.
        assertThat(costs().get(IncentiveService.TAX_EXEMPTION).rule().taxRate()).isEqualByComparingTo("0.10");
        assertThat(new BigDecimal("0.09")).isEqualByComparingTo(
                costs().get(IncentiveService.TAX_EXEMPTION).rule().annualShare());
    }

    long returnee(TestScholars make, int serial, LocalDate studyEnd, String sector, String region, LocalDate start,
                  LocalDate end, String band) {
        long id = make.scholar(TestScholars.iin(BORN, serial), "Сынақ", "Адам");
        make.award(id, studyEnd, true, "GB");
        make.job(id, sector, region, "KZ", start, end, band);
        return id;
    }

    Map<String, IncentiveCost> costs() {
        return incentives.costs(Access.PSEUDONYMISED).stream()
                .collect(Collectors.toMap(IncentiveCost::code, Function.identity()));
    }

    /** A stored rule that no longer validates: the page says each problem at its line, the API gives them as ever. */
    @Test
    void aStoredRuleThatNoLongerValidatesShowsItsProblems() throws Exception {
        String code = "TAX_EXEMPTION";
        String before = jdbc.sql("SELECT rules FROM reg_incentive WHERE code = ?").param(code).query(String.class)
                .single();
        String broken = before + "colour = blue\n";
        int line = lineOf(broken, "colour =");
        try {
            jdbc.sql("UPDATE reg_incentive SET rules = ? WHERE code = ?").params(broken, code).update();
            String page = mvc.perform(get("/registry/incentives").with(OFFICER).cookie(new Cookie("agyn-lang", "en")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Line " + line + ": unknown key &quot;colour&quot;.");
            mvc.perform(get("/api/v1/registry/incentives").with(ANALYST))
                    .andExpect(jsonPath("$[?(@.code == 'TAX_EXEMPTION')].problems[0].line").value(line))
                    .andExpect(jsonPath("$[?(@.code == 'TAX_EXEMPTION')].problems[0].code")
                            .value("monitoring.rule.unknownKey"))
                    .andExpect(jsonPath("$[?(@.code == 'TAX_EXEMPTION')].problems[0].args[1]").value("colour"));
        } finally {
            jdbc.sql("UPDATE reg_incentive SET rules = ? WHERE code = ?").params(before, code).update();
        }
    }

    static int lineOf(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start);
    }

    @Test
    void theEligibleListMatchesTheCountAndLinksToCards() throws Exception {
        LocalDate today = LocalDate.now();
        long scholar = returnee(new TestScholars(scholarService), 7311, today.minusDays(300), "RESEARCH_HE", JETISU,
                today.minusDays(100), null, "B4");
        var cost = incentives.costs(kz.agyn.registry.Access.PSEUDONYMISED).stream()
                .filter(c -> c.code().equals(IncentiveService.RESEARCH_SUPPLEMENT)).findFirst().orElseThrow();
        var page = org.jsoup.Jsoup.parse(mvc.perform(get("/registry/incentives/" + cost.code() + "/eligible")
                .with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var rows = page.select("#eligible-table tbody tr a");
        assertThat(rows).hasSize(cost.eligible());
        assertThat(rows.eachAttr("href")).contains("/registry/scholars/" + scholar);
        assertThat(rows.eachAttr("href")).allMatch(h -> h.matches("/registry/scholars/\\d+"));
        // The supplement uses the assumed average salary; this scholar reported B4, and the list says so rather
        // than "not reported" (issue 15).
        var en = org.jsoup.Jsoup.parse(mvc.perform(get("/registry/incentives/" + cost.code() + "/eligible")
                .param("lang", "en").with(ANALYST)).andReturn().getResponse().getContentAsString());
        var row = en.select("#eligible-table tbody tr:has(a[href=/registry/scholars/" + scholar + "])").text();
        assertThat(row).contains("B4").doesNotContain("not reported");
        mvc.perform(get("/registry/incentives/NO_SUCH/eligible").with(ANALYST)).andExpect(status().isNotFound());
        mvc.perform(get("/registry/incentives/" + cost.code() + "/eligible").with(VIEWER))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOfficerSwitchesAnIncentiveOffAndOnAndItStaysOnRecord() throws Exception {
        String code = IncentiveService.TAX_EXEMPTION;
        mvc.perform(post("/registry/incentives/" + code + "/active").with(csrf()).with(ANALYST).param("active", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/registry/incentives/" + code + "/active").with(csrf()).with(OFFICER).param("active", "false"))
                .andExpect(status().is3xxRedirection());
        var off = incentives.costs(Access.PSEUDONYMISED).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow();
        assertThat(off.active()).isFalse();
        assertThat(off.rules()).isNotBlank();
        String page = mvc.perform(get("/registry/incentives").param("lang", "en").with(OFFICER))
                .andReturn().getResponse().getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(page).select("#incentive-" + code + " .badge").text()).contains("inactive");
        mvc.perform(post("/registry/incentives/" + code + "/active").with(csrf()).with(OFFICER).param("active", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(incentives.costs(Access.PSEUDONYMISED).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow().active()).isTrue();
    }
}
