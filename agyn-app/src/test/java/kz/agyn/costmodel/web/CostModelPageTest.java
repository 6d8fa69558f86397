package kz.agyn.costmodel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.AgynTest;
import kz.agyn.costmodel.ParameterSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The page: every parameter in the form, the figures with their sources, recomputation with and without htmx. */
class CostModelPageTest extends AgynTest {

    static final RequestPostProcessor VIEWER = user("cost-page-viewer").roles("VIEWER");
    /** The cost to the country at the central values, which the hand computations give; the headline is its mean. */
    static final Pattern TOTAL = Pattern.compile("id=\"cost-central-total\" data-total=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    private String page(String lang) throws Exception {
        return mvc.perform(get("/cost-model").param("lang", lang).with(VIEWER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static double total(String html) {
        Matcher m = TOTAL.matcher(html);
        assertThat(m.find()).as("the total on the page").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void showsEveryParameterWithItsSourceAndTheResults() throws Exception {
        String html = page("en");
        for (String code : ParameterSet.defaults().codes()) {
            assertThat(html).as(code).contains("name=\"" + code + "\"");
        }
        assertThat(html).contains("href=\"/cost-model\"").contains("Cost of brain drain")
                .contains("Probability of return").contains("range 0.05 – 0.6, triangular")
                .contains("Tax Code of the Republic of Kazakhstan").contains("id=\"tornado-chart\"")
                .contains("data-option=").contains("Bachelor’s").contains("ISCED 6")
                .contains("The note’s “about 25 bn KZT a year”").contains("below the band")
                // A GET form: the scenario lives in the address, so that a link reopens it.
                .contains("Қасымов Ж.").contains("action=\"/cost-model\" method=\"get\"").contains("hx-get=\"/cost-model\"");
        assertThat(total(html)).isCloseTo(CostModelApiTest.HAND_TOTAL, org.assertj.core.api.Assertions.within(1.0));
        assertThat(html).contains("145.5\u00A0bn\u00A0₸").contains("id=\"cost-views\"")
                .contains("Fiscal: the state budget").contains("not in the cost to the country")
                .contains("Annual cost to the country (Monte Carlo mean)").contains("allowed 0 – 1");
        assertThat(page("kk")).contains("Ақыл-ой ағынының құны").contains("Оралу ықтималдығы")
                .contains("145,5\u00A0млрд\u00A0₸").contains("Бюджеттік: мемлекеттік бюджет");
        assertThat(page("ru")).contains("Цена утечки мозгов").contains("Вероятность возвращения");
    }

    @Test
    void everyRowOfTheLevelTableFillsEachColumn() throws Exception {
        var table = org.jsoup.Jsoup.parse(page("en")).select("#cost-levels table").first();
        int columns = table.select("thead th").size();
        assertThat(table.select("tbody tr")).isNotEmpty().allSatisfy(tr -> assertThat(tr.select("td")).hasSize(columns));
        assertThat(table.select("tfoot tr td")).hasSize(columns);
        // The education part of the total row is its own figure, not the total shifted into its place.
        assertThat(table.select("tfoot tr td").get(4).text()).isNotEqualTo(table.select("tfoot tr td").last().text());
    }

    @Test
    void submittingTheFormRecomputes() throws Exception {
        String html = mvc.perform(post("/cost-model").param("lang", "en").with(VIEWER).with(csrf())
                        .param("return_probability", "0.4").param("draws", "500").param("seed", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(total(html)).isCloseTo(CostModelApiTest.HAND_TOTAL_RETURN_04,
                org.assertj.core.api.Assertions.within(1.0));
        assertThat(html).contains("<html").contains("id=\"cost-overridden\"").contains("500 Monte Carlo draws, seed 3");

        String fragment = mvc.perform(post("/cost-model").param("lang", "en").with(VIEWER).with(csrf())
                        .header("HX-Request", "true").param("return_probability", "0,4"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).doesNotContain("<html").contains("id=\"cost-result-body\"").contains("tornado-chart");
        assertThat(total(fragment)).isCloseTo(CostModelApiTest.HAND_TOTAL_RETURN_04,
                org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void badValuesAreListedByNameAndTheRestStillCounts() throws Exception {
        String html = mvc.perform(post("/cost-model").param("lang", "en").with(VIEWER).with(csrf())
                        .header("HX-Request", "true").param("return_probability", "0.4")
                        .param("discount_rate", "0.9").param("working_years", "thirty").param("draws", "5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"cost-errors\"")
                .contains("Discount rate (discount_rate): 0.9 is outside the allowed bounds 0 to 0.2.")
                .contains("Remaining working years (working_years): “thirty” is not a number.")
                .contains("The number of draws “5” must be a whole number from 100 to 20000.");
        assertThat(total(html)).isCloseTo(CostModelApiTest.HAND_TOTAL_RETURN_04,
                org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void theFormNeedsItsCsrfToken() throws Exception {
        mvc.perform(post("/cost-model").with(VIEWER).param("return_probability", "0.4"))
                .andExpect(status().isForbidden());
    }
}
