package kz.agyn.scenario.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.scenario.ScenarioService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The scenario pages: the shipped scenarios listed in the reader's language, and every bad input of the forms
 * (negative budget, pay change below −100%, horizon 0 or 500, draws 0 or 10⁷, text for a number) answered with the
 * form again and the message beside its field, never an error page.
 */
class ScenarioPageTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("scenario-page-analyst").roles("ANALYST");
    static final RequestPostProcessor OFFICER = user("scenario-officer").roles("REGISTRY_OFFICER");

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioService scenarios;

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theNotesRecommendationsAreListedInKazakh() throws Exception {
        Document d = page(get("/scenarios").with(ANALYST));
        assertThat(d.select("#scenario-list h2").text()).contains("Зерттеушілердің жалақысы +30%",
                "Ғылым бюджеті 5 → 10 млрд ₸", "Серіктестіктер 10 → 15");
        assertThat(d.select("#scenario-new")).hasSize(1);
        mvc.perform(get("/scenarios").with(OFFICER)).andExpect(status().isForbidden());
    }

    @Test
    void badLeversComeBackBesideTheirFields() throws Exception {
        Map<String, String[]> cases = Map.of(
                "researchBudgetBn", new String[] {"-5", "Сумма денег не может быть отрицательной."},
                "payChangePercent", new String[] {"-150", "Изменение зарплаты должно быть больше −100%"},
                "partnerships", new String[] {"пятнадцать", "Это не целое число."},
                "fairnessIndex", new String[] {"2", "Индекс справедливости — от 0 до 1."});
        for (var c : cases.entrySet()) {
            Document d = page(post("/scenarios").param("lang", "ru").with(ANALYST).with(csrf())
                    .param("name", "Плохой").param(c.getKey(), c.getValue()[0]));
            assertThat(d.select("#scenario-errors")).as(c.getKey()).hasSize(1);
            var label = d.select("input[name=" + c.getKey() + "]").parents().select("label").first();
            assertThat(label.hasClass("has-error")).as(c.getKey()).isTrue();
            assertThat(label.select(".field-error").text()).as(c.getKey()).startsWith(c.getValue()[1]);
            // What was typed comes back.
            assertThat(d.select("input[name=" + c.getKey() + "]").val()).isEqualTo(c.getValue()[0]);
        }
        Document noName = page(post("/scenarios").param("lang", "en").with(ANALYST).with(csrf())
                .param("name", " ").param("partnerships", "15"));
        assertThat(noName.select("label.has-error .field-error").text()).isEqualTo("Give the scenario a name.");
    }

    @Test
    void aGoodScenarioIsSavedAndOpened() throws Exception {
        String location = mvc.perform(post("/scenarios").with(ANALYST).with(csrf()).param("name", "Pay +30% research")
                        .param("paySectors", "RESEARCH", "EDUCATION").param("payChangePercent", "30")
                        .param("researchBudgetBn", "10"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document d = page(get(location).param("lang", "en").with(ANALYST));
        assertThat(d.select("#scenario-levers li").eachText()).containsExactly("Pay +30%: research institutes",
                "Pay +30%: universities", "Research budget 10 bn ₸ a year");
        assertThat(d.select("#run-form")).hasSize(1);
    }

    @Test
    void badRunSettingsComeBackBesideTheirFields() throws Exception {
        long id = scenarios.scenarios().get(0).id();
        Map<String, String[]> cases = Map.of(
                "horizon=0", new String[] {"horizon", "0", "Көкжиек: 1–20 жыл."},
                "horizon=500", new String[] {"horizon", "500", "Көкжиек: 1–20 жыл."},
                "draws=0", new String[] {"draws", "0", "Жүгіртулер саны: 1–100 000."},
                "draws=10^7", new String[] {"draws", "10000000", "Жүгіртулер саны: 1–100 000."});
        for (var c : cases.entrySet()) {
            String field = c.getValue()[0];
            Map<String, String> form = new java.util.HashMap<>(Map.of("horizon", "10", "draws", "50", "seed", "1",
                    "scale", "100"));
            form.put(field, c.getValue()[1]);
            MockHttpServletRequestBuilder request = post("/scenarios/" + id + "/runs").with(ANALYST).with(csrf());
            form.forEach(request::param);
            Document d = page(request);
            var label = d.select("#run-" + field).parents().select("label").first();
            assertThat(label.hasClass("has-error")).as(c.getKey()).isTrue();
            assertThat(label.select(".field-error").text().replace('\u00A0', ' ')).as(c.getKey()).isEqualTo(c.getValue()[2]);
        }
    }
}
