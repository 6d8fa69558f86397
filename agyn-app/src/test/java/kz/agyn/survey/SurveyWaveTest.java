package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.demo.survey.SyntheticSurvey;
import kz.agyn.reference.Names;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wave comparison on the two seeded synthetic waves: the 2025 wave moves pay up 5 points and socio-political
 * reasons down 5 (see {@link SyntheticSurvey#WAVE_2025}); those changes are flagged and the unchanged options are
 * not. Respondents that other tests add to the 2024 wave through the form are too few to move this.
 */
class SurveyWaveTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("wave-analyst").roles("ANALYST");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    SurveyService surveys;

    @Autowired
    JdbcClient jdbc;

    int id(String code) {
        return surveys.survey(code).orElseThrow().id();
    }

    @Test
    void theSecondWaveIsSeededWithTheDocumentedShifts() {
        var wave = SyntheticSurvey.generate(SyntheticSurvey.WAVE_2025);
        assertThat(wave).hasSize(1500).isEqualTo(SyntheticSurvey.generate(SyntheticSurvey.WAVE_2025));
        Map<String, Integer> main = new HashMap<>();
        wave.forEach(r -> main.merge(r.choices().get("reasons_main").get(0), 1, Integer::sum));
        assertThat(main).isEqualTo(Map.of("pay", 750, "growth", 375, "sociopolitical", 150, "research_infra", 150,
                "living", 75));
        Survey s = surveys.survey("demo-young-specialists-2025").orElseThrow();
        assertThat(s.synthetic()).isTrue();
        assertThat(s.wave()).isEqualTo("2025");
        assertThat(s.respondents()).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void theShiftedReasonsAreFlaggedAndTheOthersAreNot() throws Exception {
        int later = id("demo-young-specialists-2025");
        int earlier = id("demo-young-specialists-2024");
        JsonNode c = json.readTree(mvc.perform(get("/api/v1/surveys/" + later + "/compare")
                        .param("with", String.valueOf(earlier)).param("question", "reasons_main").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(c.get("survey").get("id").asInt()).isEqualTo(later);
        assertThat(c.get("with").get("id").asInt()).isEqualTo(earlier);
        assertThat(c.get("basis").asText()).isEqualTo("FIRST_RANK");
        assertThat(c.get("options")).hasSize(5);
        Map<String, JsonNode> byOption = new HashMap<>();
        c.get("options").forEach(o -> byOption.put(o.get("option").asText(), o));
        JsonNode pay = byOption.get("pay");
        assertThat(pay.get("significant").asBoolean()).as(pay.toString()).isTrue();
        assertThat(pay.get("difference").asDouble()).isBetween(0.03, 0.07);
        assertThat(pay.get("ciLow").asDouble()).isPositive();
        assertThat(pay.get("pValue").asDouble()).isLessThan(0.05);
        assertThat(pay.get("difference").asDouble())
                .isCloseTo(pay.get("share").asDouble() - pay.get("withShare").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-12));
        JsonNode politics = byOption.get("sociopolitical");
        assertThat(politics.get("significant").asBoolean()).as(politics.toString()).isTrue();
        assertThat(politics.get("ciHigh").asDouble()).isNegative();
        for (String unchanged : Set.of("growth", "research_infra", "living")) {
            JsonNode o = byOption.get(unchanged);
            assertThat(o.get("significant").asBoolean()).as(o.toString()).isFalse();
            assertThat(o.get("ciLow").asDouble()).isNegative();
            assertThat(o.get("ciHigh").asDouble()).isPositive();
            assertThat(o.get("pValue").asDouble()).isGreaterThanOrEqualTo(0.05);
        }
        // The flags follow the Holm-adjusted p-values over the five options, computed here from the raw ones.
        List<String> order = List.of("pay", "growth", "sociopolitical", "research_infra", "living");
        double[] raw = order.stream().mapToDouble(o -> byOption.get(o).get("pValue").asDouble()).toArray();
        double[] holm = kz.agyn.survey.estimation.Holm.adjust(raw);
        for (int i = 0; i < order.size(); i++) {
            JsonNode o = byOption.get(order.get(i));
            assertThat(o.get("adjustedPValue").asDouble()).as(order.get(i)).isCloseTo(holm[i],
                    org.assertj.core.data.Offset.offset(1e-12));
            assertThat(o.get("significant").asBoolean()).isEqualTo(holm[i] < 0.05);
        }
    }

    @Test
    void intentionsToLeaveDidNotChange() throws Exception {
        JsonNode c = json.readTree(mvc.perform(get("/api/v1/surveys/" + id("demo-young-specialists-2025")
                                + "/compare").param("with", String.valueOf(id("demo-young-specialists-2024")))
                        .param("question", "intend_leave").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        c.get("options").forEach(o -> assertThat(o.get("significant").asBoolean()).as(o.toString()).isFalse());
    }

    @Test
    void surveysOfDifferentQuestionnairesAreNotCompared() throws Exception {
        jdbc.sql("""
                INSERT INTO survey_questionnaire (code, version, title_kk, title_ru, title_en)
                VALUES ('test-other-questionnaire', 1, 'Басқа', 'Другая', 'Other') ON CONFLICT DO NOTHING""").update();
        Survey other = surveys.survey("test-other-wave").orElseGet(() -> surveys.create("test-other-wave",
                "test-other-questionnaire", 1, new Names("Басқа", "Другой", "Other"), "2025"));
        int demo = id("demo-young-specialists-2024");
        mvc.perform(get("/api/v1/surveys/" + demo + "/compare").param("with", String.valueOf(other.id()))
                        .param("question", "reasons_main").with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.compare.differentQuestionnaire"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "only waves of the same questionnaire can be compared")));
        mvc.perform(get("/api/v1/surveys/" + demo + "/compare").param("with", String.valueOf(demo))
                        .param("question", "reasons_main").with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("survey.compare.sameSurvey"));
        mvc.perform(get("/api/v1/surveys/" + demo + "/compare").param("with", "999999")
                        .param("question", "reasons_main").with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("survey.notFound"));
        mvc.perform(get("/api/v1/surveys/" + demo + "/compare").param("with", String.valueOf(
                        id("demo-young-specialists-2025"))).param("question", "no_such_question").with(ANALYST))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("survey.question.notFound"));
        mvc.perform(get("/api/v1/surveys/" + demo + "/compare").param("with", String.valueOf(
                        id("demo-young-specialists-2025"))).param("question", "pay_expected").with(ANALYST))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("survey.compare.notCategorical"));
        mvc.perform(get("/api/v1/surveys/" + demo + "/compare").param("question", "reasons_main").with(ANALYST))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePageFlagsTheSignificantChanges() throws Exception {
        int later = id("demo-young-specialists-2025");
        String html = mvc.perform(get("/surveys/" + later + "/compare").param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        // Opens on the other wave of the questionnaire and on the main reasons.
        assertThat(page.select("#compare-with option[selected]").attr("value"))
                .isEqualTo(String.valueOf(id("demo-young-specialists-2024")));
        Map<String, Boolean> flagged = new HashMap<>();
        for (Element row : page.select("#compare-table tbody tr")) {
            flagged.put(row.attr("data-code"), row.hasClass("significant"));
        }
        assertThat(flagged).isEqualTo(Map.of("pay", true, "sociopolitical", true, "growth", false,
                "research_infra", false, "living", false));
        assertThat(page.selectFirst("#compare-table tr[data-code=pay] td.flag").text()).contains("significant");
        assertThat(page.selectFirst("#compare-table tr[data-code=pay] td.difference").text()).startsWith("+");
        assertThat(page.selectFirst("#compare-chart").attr("data-option")).contains("\"bar\"");

        String kk = mvc.perform(get("/surveys/" + later + "/compare").param("question", "no_such_question")
                        .param("lang", "kk").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(kk).selectFirst(".alert.error").text()).contains("no_such_question");
    }

    /** Both new endpoints are in the OpenAPI document with their parameters. */
    @Test
    void theEndpointsAreDocumented() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/api/openapi")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode crosstab = api.get("paths").get("/api/v1/surveys/{id}/crosstab").get("get");
        assertThat(crosstab.get("description").asText()).contains("RAO_SCOTT_SECOND_ORDER_F", "fewer than 10");
        assertThat(crosstab.get("parameters").toString()).contains("\"row\"", "\"column\"");
        JsonNode compare = api.get("paths").get("/api/v1/surveys/{id}/compare").get("get");
        assertThat(compare.get("parameters").toString()).contains("\"with\"", "\"question\"");
        assertThat(compare.get("description").asText()).contains("significant");
    }

    @Test
    void aSurveyWithoutAnotherWaveSaysSo() throws Exception {
        jdbc.sql("""
                INSERT INTO survey_questionnaire (code, version, title_kk, title_ru, title_en)
                VALUES ('test-other-questionnaire', 1, 'Басқа', 'Другая', 'Other') ON CONFLICT DO NOTHING""").update();
        Survey other = surveys.survey("test-other-wave").orElseGet(() -> surveys.create("test-other-wave",
                "test-other-questionnaire", 1, new Names("Басқа", "Другой", "Other"), "2025"));
        String html = mvc.perform(get("/surveys/" + other.id() + "/compare").param("lang", "ru").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(html).selectFirst("#no-other-wave").text()).contains("Нет другой волны");
    }
}
