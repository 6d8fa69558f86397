package kz.agyn.registry.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import kz.agyn.AgynTest;
import kz.agyn.registry.Access;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rules editor is a form: each key of an incentive's rule is a field labelled in the reader's language, the
 * saved text keeps its comments, a wrong value is told next to its field, and the rule's sources are given in the
 * reader's language. When nobody is eligible the page says which condition excludes how many.
 */
class IncentiveEditorTest extends AgynTest {

    static final RequestPostProcessor OFFICER = user("inc-editor").roles("REGISTRY_OFFICER");

    @Autowired
    MockMvc mvc;

    @Autowired
    IncentiveService incentives;

    @Autowired
    JdbcClient jdbc;

    Document page(String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get("/registry/incentives").with(OFFICER).cookie(new Cookie("agyn-lang", lang)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The editor's form for one incentive as the page fills it, ready to send. */
    MockHttpServletRequestBuilder filled(Document page, String code, Map<String, String> changes, String lang) {
        MockHttpServletRequestBuilder post = post("/registry/incentives/" + code).with(csrf()).with(OFFICER)
                .cookie(new Cookie("agyn-lang", lang));
        for (var e : page.select("#rules-" + code + " input[name], #rules-" + code + " select[name]")) {
            String name = e.attr("name");
            if (changes.containsKey(name)) {
                continue;
            }
            if (e.tagName().equals("select")) {
                post.param(name, e.select("option[selected]").attr("value"));
            } else if (!e.attr("type").equals("checkbox") || e.hasAttr("checked")) {
                post.param(name, e.attr("value"));
            }
        }
        changes.forEach(post::param);
        return post;
    }

    String stored(String code) {
        return jdbc.sql("SELECT rules FROM reg_incentive WHERE code = ?").param(code).query(String.class).single();
    }

    @Test
    void theRulesAreFieldsLabelledInTheReadersLanguage() throws Exception {
        Document kk = page("kk");
        var form = kk.selectFirst("#rules-" + IncentiveService.RESEARCH_SUPPLEMENT);
        assertThat(form).isNotNull();
        assertThat(form.select("textarea")).isEmpty();
        assertThat(form.select("label:has(input[name=durationYears]) > span").text())
                .isEqualTo("Оралғаннан кейінгі мерзімі, жыл");
        assertThat(form.select("input[name=durationYears]").attr("value")).isEqualTo("2");
        assertThat(form.select("select[name=kind] option[selected]").text()).isEqualTo("жалақыға үстеме");
        assertThat(form.select("input[name=sectors][checked]").attr("value")).isEqualTo("RESEARCH_HE");
        assertThat(form.select("input[name=sectors][value=RESEARCH_HE] + span").text())
                .isEqualTo("Ғылым және жоғары білім");
        assertThat(form.select("input[name=regions][checked]").attr("value")).isEqualTo("330000000");
        // The source is cited in the reader's language; its three languages are edited side by side.
        assertThat(kk.select("#incentive-RESEARCH_SUPPLEMENT .citation").text())
                .startsWith("Интеллектуалдық көші-қон туралы талдамалық жазба");
        assertThat(page("ru").select("#incentive-RESEARCH_SUPPLEMENT .citation").text())
                .startsWith("Аналитическая записка об интеллектуальной миграции");
        assertThat(form.select("input[name=source.en]").attr("lang")).isEqualTo("en");
    }

    @Test
    void savingTheFormKeepsTheCommentsAndChangesOnlyWhatWasChanged() throws Exception {
        String code = IncentiveService.TAX_EXEMPTION;
        String before = stored(code);
        try {
            mvc.perform(filled(page("kk"), code, Map.of("durationYears", "3"), "kk"))
                    .andExpect(status().is3xxRedirection());
            String after = stored(code);
            assertThat(after).contains("durationYears = 3", "taxRate = 0.10", "sectors = *",
                    "# Recommendation 2 of the note").doesNotContain("durationYears = 2").doesNotContain("rate = ");
            assertThat(after.lines().filter(l -> l.startsWith("#")).toList())
                    .isEqualTo(before.lines().filter(l -> l.startsWith("#")).toList());
            assertThat(incentives.costs(Access.PSEUDONYMISED).stream().filter(c -> c.code().equals(code))
                    .findFirst().orElseThrow().rule().durationYears()).isEqualTo(3);
        } finally {
            jdbc.sql("UPDATE reg_incentive SET rules = ? WHERE code = ?").params(before, code).update();
        }
    }

    @Test
    void aWrongValueIsToldNextToItsFieldInTheReadersLanguage() throws Exception {
        String code = IncentiveService.TAX_EXEMPTION;
        String before = stored(code);
        String html = mvc.perform(filled(page("ru"), code, Map.of("taxRate", "десять", "durationYears", "40"), "ru"))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        var form = doc.selectFirst("#rules-" + code);
        assertThat(form.select("label:has(input[name=taxRate]) .field-error").text())
                .isEqualTo("Введите число: «десять» — не число.");
        assertThat(form.select("label:has(input[name=taxRate])").hasClass("has-error")).isTrue();
        assertThat(form.select("label:has(input[name=durationYears]) .field-error").text())
                .isEqualTo("Введите число от 1 до 10.");
        // What was typed stays in the fields, and nothing was stored.
        assertThat(form.select("input[name=taxRate]").attr("value")).isEqualTo("десять");
        assertThat(doc.select(".rule-errors").text()).contains("ошибки показаны у полей");
        assertThat(stored(code)).isEqualTo(before);
    }

    @Test
    void whenNobodyIsEligibleThePageSaysWhichConditionExcludesHowMany() throws Exception {
        String code = IncentiveService.RESEARCH_SUPPLEMENT;
        String before = stored(code);
        try {
            // A rule few can meet: one year after the return, in a non-governmental organisation, in Jetisu only.
            Map<String, String> values = new java.util.HashMap<>(IncentiveRule.values(before));
            values.putAll(Map.of("durationYears", "1", "sectors", "NGO"));
            incentives.update(code, IncentiveRule.withValues(before, values), Access.PERSONAL, "inc-editor");
            IncentiveCost cost = incentives.costs(Access.PSEUDONYMISED).stream().filter(c -> c.code().equals(code))
                    .findFirst().orElseThrow();
            Exclusions x = cost.excluded();
            if (cost.eligible() > 0) {
                return; // the data changed so that someone qualifies even so: nothing to explain
            }
            assertThat(x.returnees()).isPositive();
            assertThat(x.otherSector() + x.ended() + x.otherRegion()).isGreaterThanOrEqualTo(x.returnees());
            for (String lang : new String[] {"kk", "ru", "en"}) {
                Document doc = page(lang);
                assertThat(doc.select("#why-none-" + code + " p").text()).as(lang).isNotBlank();
                assertThat(doc.select("#why-none-" + code + " li")).as(lang).isNotEmpty();
            }
            assertThat(page("kk").select("#why-none-" + code + " .why-sector").text().replaceAll("[\\s\u00a0\u202f]", ""))
                    .isEqualTo("басқасектордажұмысістейді:" + x.otherSector());
            String eligible = mvc.perform(get("/registry/incentives/" + code + "/eligible").with(OFFICER)
                            .cookie(new Cookie("agyn-lang", "ru")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(eligible).select("#why-none .why-sector").text().replaceAll("[\\s\u00a0\u202f]", ""))
                    .isEqualTo("работаютвдругомсекторе:" + x.otherSector());
        } finally {
            jdbc.sql("UPDATE reg_incentive SET rules = ? WHERE code = ?").params(before, code).update();
        }
    }
}
