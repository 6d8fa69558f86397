package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobFilter;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.reference.Names;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cross-tabulation API and page. The reference survey is the fixed sample {@code crosstab-sample.csv} (80
 * respondents with design weights, no strata, no population margins, so the weights are the file's), imported
 * through the ordinary import; its intend_leave × sex table is checked against R 4.2.2 with the survey package
 * 4.1.1 (Debian's r-cran-survey), run by {@code crosstab-reference.R} next to the sample:
 * {@code svydesign(ids = ~1, weights = ~weight)}, {@code svychisq(~intend_leave + sex, statistic = "F")} and
 * {@code statistic = "Chisq"}, {@code svymean(~interaction(intend_leave, sex))} and {@code prop.table} of
 * {@code svytable}. Its printed values are pasted below; the build never calls R. Agreement to 1e-6.
 */
class SurveyCrossTabTest extends AgynTest {

    static final double TOLERANCE = 1e-6;
    static final RequestPostProcessor ANALYST = user("crosstab-analyst").roles("ANALYST");
    static final List<String> INTEND = List.of("within_1y", "within_3y", "within_5y", "no", "undecided");
    static final List<String> SEX = List.of("M", "F");

    // Output of crosstab-reference.R; vectors run over intend_leave fastest, then sex (M, F).
    static final double F_STATISTIC = 2.7964766707475195;
    static final double[] F_DF = {3.9587194774758951, 312.73883872059571};
    static final double F_P = 0.026741958421630047;
    static final double CHISQ_STATISTIC = 14.802764746867298;
    static final double CHISQ_DF = 4;
    static final double CHISQ_P = 0.024552246093281459;
    static final double[] CELL_SHARE = {0, 0.056074766355140186, 0.051401869158878503, 0.17757009345794392,
        0.11682242990654206, 0.13551401869158877, 0.16355140186915887, 0.070093457943925228, 0.17757009345794392,
        0.051401869158878503};
    static final double[] CELL_SE = {0, 0.033332411925053929, 0.025647218954675737, 0.044326379588424836,
        0.045475356582563894, 0.042383252654923431, 0.045000644679417716, 0.034659234359852312,
        0.049781177469519315, 0.028574340697547201};
    static final double[] ROW_PERCENT = {0, 0.25531914893617019, 0.42307692307692307, 0.5, 0.69444444444444442, 1,
        0.74468085106382975, 0.57692307692307687, 0.5, 0.30555555555555558};
    static final double[] COLUMN_PERCENT = {0, 0.13953488372093023, 0.12790697674418605, 0.44186046511627908,
        0.29069767441860467, 0.2265625, 0.2734375, 0.1171875, 0.296875, 0.0859375};
    /** Unweighted counts of the sample, by the same order. */
    static final int[] CELL_N = {0, 3, 4, 17, 7, 12, 15, 5, 13, 4};

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    SurveyService surveys;

    @Autowired
    ResponseImportService imports;

    int surveyId;

    /** The reference survey, imported once per database (other tests may run first or after). */
    @BeforeEach
    void reference() throws Exception {
        Survey s = surveys.survey("test-crosstab-reference").orElseGet(() -> surveys.create(
                "test-crosstab-reference", "migration-intentions", 1, new Names("Тест", "Тест", "Test"), "test"));
        surveyId = s.id();
        if (s.respondents() == 0) {
            byte[] file;
            try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("crosstab-sample.csv"))) {
                file = in.readAllBytes();
            }
            ResponseImportReport report = imports.upload(surveyId, "crosstab-sample.csv",
                    new java.io.ByteArrayInputStream(file),
                    ResponseMapping.empty(), "crosstab-analyst", Locale.ENGLISH);
            assertThat(report.status()).as(report.toString()).isEqualTo(ResponseImportStatus.VALID);
            imports.accept(surveyId, report.id(), "crosstab-analyst", Locale.ENGLISH);
        }
    }

    @Test
    void theResponsesImportIsRecordedAsAJob(@Autowired Jobs jobs) {
        JobView job = jobs.list(new JobFilter(JobKind.SURVEY_IMPORT, "crosstab-analyst", null, 10)).get(0);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.parameters()).containsEntry("survey", "test-crosstab-reference")
                .containsEntry("file", "crosstab-sample.csv");
        assertThat(job.outcome()).isEqualTo("jobs.outcome.surveyWritten");
        assertThat(job.outcomeArgs().get(1)).isEqualTo(String.valueOf(surveys.survey(surveyId).respondents()));
        assertThat(job.resultLink()).isEqualTo("/surveys/" + surveyId);
    }

    JsonNode crosstab(int id, String row, String column) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/surveys/" + id + "/crosstab").param("row", row)
                        .param("column", column).with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theTestAndTheSharesAreRsOnTheFixedSample() throws Exception {
        JsonNode x = crosstab(surveyId, "intend_leave", "sex");
        assertThat(x.get("respondents").asInt()).isEqualTo(80);
        assertThat(x.get("answeredBoth").asInt()).isEqualTo(80);
        assertThat(x.get("weighting").get("raked").asBoolean()).isFalse();
        JsonNode t = x.get("test");
        assertThat(t.get("correction").asText()).isEqualTo("RAO_SCOTT_SECOND_ORDER_F");
        assertThat(t.get("statistic").asDouble()).isCloseTo(F_STATISTIC, within(TOLERANCE));
        assertThat(t.get("numeratorDf").asDouble()).isCloseTo(F_DF[0], within(TOLERANCE));
        assertThat(t.get("denominatorDf").asDouble()).isCloseTo(F_DF[1], within(TOLERANCE));
        assertThat(t.get("pValue").asDouble()).isCloseTo(F_P, within(TOLERANCE));
        assertThat(t.get("significant").asBoolean()).isTrue();
        assertThat(t.get("chiSquare").asDouble()).isCloseTo(CHISQ_STATISTIC, within(TOLERANCE));
        assertThat(t.get("degreesOfFreedom").asDouble()).isEqualTo(CHISQ_DF);
        assertThat(t.get("firstOrderPValue").asDouble()).isCloseTo(CHISQ_P, within(TOLERANCE));

        JsonNode cells = x.get("cells");
        assertThat(cells).hasSize(10);
        for (JsonNode c : cells) {
            int k = INTEND.indexOf(c.get("row").asText()) + 5 * SEX.indexOf(c.get("column").asText());
            assertThat(c.get("n").asInt()).as(c.toString()).isEqualTo(CELL_N[k]);
            if (CELL_N[k] < 10) {
                assertThat(c.get("suppressed").asBoolean()).isTrue();
                assertThat(c.get("share").isNull()).isTrue();
                assertThat(c.get("rowShare").isNull()).isTrue();
                assertThat(c.get("columnShare").isNull()).isTrue();
            } else {
                assertThat(c.get("suppressed").asBoolean()).isFalse();
                assertThat(c.get("share").asDouble()).isCloseTo(CELL_SHARE[k], within(TOLERANCE));
                assertThat(c.get("rowShare").asDouble()).isCloseTo(ROW_PERCENT[k], within(TOLERANCE));
                assertThat(c.get("columnShare").asDouble()).isCloseTo(COLUMN_PERCENT[k], within(TOLERANCE));
                // 95% logit interval with the design's 79 degrees of freedom, as svyciprop(method = "logit")
                double p = CELL_SHARE[k];
                double q = new org.hipparchus.distribution.continuous.TDistribution(79)
                        .inverseCumulativeProbability(0.975);
                double low = 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) - q * CELL_SE[k] / (p * (1 - p)))));
                assertThat(c.get("ciLow").asDouble()).isCloseTo(low, within(TOLERANCE));
            }
        }
        JsonNode rows = x.get("rows");
        assertThat(rows).hasSize(5);
        // within_5y: 9 respondents in all, so its total is held back too
        assertThat(rows.get(2).get("n").asInt()).isEqualTo(9);
        assertThat(rows.get(2).get("suppressed").asBoolean()).isTrue();
        assertThat(rows.get(3).get("share").asDouble()).isCloseTo(CELL_SHARE[3] + CELL_SHARE[8], within(TOLERANCE));
        assertThat(x.get("columns").get(1).get("share").asDouble())
                .isCloseTo(CELL_SHARE[5] + CELL_SHARE[6] + CELL_SHARE[7] + CELL_SHARE[8] + CELL_SHARE[9],
                        within(TOLERANCE));
    }

    @Test
    void badParametersAreClearProblems() throws Exception {
        String path = "/api/v1/surveys/" + surveyId + "/crosstab";
        mvc.perform(get(path).param("row", "intend_leave").param("column", "shoe_size").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("survey.question.notFound"));
        mvc.perform(get(path).param("row", "sex").param("column", "sex").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("survey.crosstab.sameQuestion"));
        mvc.perform(get(path).param("row", "conditions_stay").param("column", "sex").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.crosstab.notSingleChoice"));
        mvc.perform(get(path).param("row", "intend_leave").with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/surveys/999999/crosstab").param("row", "intend_leave").param("column", "sex")
                        .with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("survey.notFound"));
    }

    /** The demonstration survey: a ranking question by its first rank against a profile question. */
    @Test
    void theDemonstrationSurveyCrossTabulatesReasonsByEducation() throws Exception {
        int demo = surveys.survey("demo-young-specialists-2024").orElseThrow().id();
        JsonNode x = crosstab(demo, "reasons_main", "education");
        assertThat(x.get("row").get("basis").asText()).isEqualTo("FIRST_RANK");
        assertThat(x.get("weighting").get("raked").asBoolean()).isTrue();
        assertThat(x.get("answeredBoth").asInt()).isGreaterThanOrEqualTo(2000);
        assertThat(x.get("cells")).hasSize(25);
        double total = 0;
        for (JsonNode c : x.get("cells")) {
            assertThat(c.get("suppressed").asBoolean()).isEqualTo(c.get("n").asInt() < 10);
            if (!c.get("share").isNull()) {
                total += c.get("share").asDouble();
            }
        }
        assertThat(total).isBetween(0.9, 1.0 + 1e-9);
        // The generator allocates the main reason independently of the profile.
        assertThat(x.get("test").get("numeratorDf").asDouble()).isPositive();
    }

    @Test
    void thePageShowsTheTableTheSentenceAndTheChart() throws Exception {
        String html = mvc.perform(get("/surveys/" + surveyId + "/crosstab").param("row", "intend_leave")
                        .param("column", "sex").param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#crosstab-table tbody tr")).hasSize(5);
        assertThat(page.select("#crosstab-table td.suppressed")).isNotEmpty();
        String sentence = page.selectFirst("#crosstab-test").text();
        assertThat(sentence).contains("significant at 5%").contains("χ² = 14.80").contains("p = 0.027");
        String option = page.selectFirst("#crosstab-chart").attr("data-option");
        JsonNode chart = json.readTree(option);
        assertThat(chart.get("series").get(0).get("type").asText()).isEqualTo("heatmap");

        String kk = mvc.perform(get("/surveys/" + surveyId + "/crosstab").param("row", "intend_leave")
                        .param("column", "sex").param("lang", "kk").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(kk).selectFirst("#crosstab-test").text()).contains("маңызды", "χ² = 14,80", "p = 0,027");
    }

    @Test
    void thePageShowsBadChoicesInline() throws Exception {
        String html = mvc.perform(get("/surveys/" + surveyId + "/crosstab").param("row", "sex")
                        .param("column", "sex").param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst(".alert.error").text()).contains("twice");
        assertThat(page.select("#crosstab-table")).isEmpty();
        assertThat(page.select("form#crosstab-form select[name=row]")).hasSize(1);
    }
}
