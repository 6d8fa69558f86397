package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.reference.Names;
import kz.agyn.survey.estimation.IntervalMethod;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample design form and API, the interval method they choose stated wherever an interval shows (the results,
 * the cross-tabulation, the comparison of waves, their API answers), and the design columns of the response
 * import: a declared variable missing from the file or a row, an impossible or inconsistent population size, each
 * refused with its file, row and column. The survey: 3 strata of 3 PSUs of 4 respondents, no margins, so the
 * design's degrees of freedom are 9 PSUs less 3 strata = 6.
 */
class SurveyDesignFormTest extends AgynTest {

    static final String CODE = "test-design-form";
    static final RequestPostProcessor ANALYST = user("design-analyst").roles("ANALYST");
    static final String HEADER = "respondent_id,weight,stratum,psu,fpc1,age_group,sex,region,education,intend_leave,"
            + "reasons_main\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyDesignService designs;

    @Autowired
    ResponseImportService imports;

    int surveyId;

    @BeforeEach
    void survey() {
        Survey s = surveys.survey(CODE).orElseGet(() -> surveys.create(CODE, "migration-intentions", 1,
                new Names("Тест: дизайн", "Тест: дизайн", "Test: design"), "test"));
        surveyId = s.id();
        designs.declare(surveyId, SurveyDesignDeclaration.DEFAULT);
        if (s.respondents() == 0) {
            ResponseImportReport report = upload(file(0, 3, 20));
            assertThat(report.status()).as(report.toString()).isEqualTo(ResponseImportStatus.VALID);
            imports.accept(surveyId, report.id(), "design-analyst", Locale.ENGLISH);
        }
    }

    @AfterEach
    void back() {
        designs.declare(surveyId, SurveyDesignDeclaration.DEFAULT);
    }

    /** 3 strata × {@code psus} PSUs × 4 respondents, ids from {@code from}, each stratum's fpc1 {@code fpc}. */
    static String file(int from, int psus, int fpc) {
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> intend = List.of("within_1y", "within_3y", "no", "undecided");
        int id = from;
        for (int h = 0; h < 3; h++) {
            for (int c = 0; c < psus; c++) {
                for (int k = 0; k < 4; k++) {
                    id++;
                    csv.append("d").append(id).append(",1.5,h").append(h).append(",p").append(c).append(',')
                            .append(fpc).append(k % 2 == 0 ? ",25-29,M," : ",30-35,F,")
                            .append(h == 0 ? "710000000" : "750000000").append(",6,")
                            .append(intend.get((h + c + k) % 4)).append(",pay\n");
                }
            }
        }
        return csv.toString();
    }

    ResponseImportReport upload(String csv) {
        return imports.upload(surveyId, "design.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ResponseMapping.empty(), "design-analyst", Locale.ENGLISH);
    }

    JsonNode api(String path, String lang) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/surveys/" + surveyId + path).with(ANALYST)
                        .header("Accept-Language", lang))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    Document page(String path, String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get("/surveys/" + surveyId + path).param("lang", lang).with(ANALYST))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theApiDeclaresTheDesignAndTheEstimatesStateTheMethodAndTheDesignsDegreesOfFreedom() throws Exception {
        assertThat(api("/design", "en").get("intervals").asText()).isEqualTo("LOGIT");
        JsonNode declared = json.readTree(mvc.perform(put("/api/v1/surveys/" + surveyId + "/design").with(ANALYST)
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strata\": true, \"stages\": 1, \"fpc\": true, \"intervals\": \"BETA\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(declared.get("stages").asInt()).isEqualTo(1);
        JsonNode intervals = api("/estimates?question=intend_leave", "en").get("intervals");
        assertThat(intervals.get("method").asText()).isEqualTo("BETA");
        assertThat(intervals.get("degreesOfFreedom").asInt()).isEqualTo(6);
        assertThat(intervals.get("statement").asText()).isEqualTo("95% Korn–Graubard interval, 6 degrees of freedom");
        JsonNode crosstab = api("/crosstab?row=intend_leave&column=sex", "ru").get("intervals");
        assertThat(crosstab.get("method").asText()).isEqualTo("BETA");
        assertThat(crosstab.get("statement").asText()).contains("Граубард").contains(", 6 ");

        // Two stages need the column ssu, which no respondent has: refused, in the caller's language, unchanged.
        String refused = mvc.perform(put("/api/v1/surveys/" + surveyId + "/design").with(ANALYST).with(csrf())
                        .header("Accept-Language", "kk").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strata\": true, \"stages\": 2, \"fpc\": false, \"intervals\": \"LOGIT\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("ssu").contains("дизайн").doesNotContain("Exception");
        assertThat(api("/design", "en").get("stages").asInt()).isEqualTo(1);
        assertThat(api("/design", "en").get("intervals").asText()).isEqualTo("BETA");

        mvc.perform(put("/api/v1/surveys/" + surveyId + "/design").with(user("v").roles("VIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strata\": false, \"stages\": 0, \"fpc\": false, \"intervals\": \"WALD\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFormSavesTheMethodThePagesStateItAndARefusalIsShownByTheForm() throws Exception {
        mvc.perform(post("/surveys/" + surveyId + "/design").param("strata", "true").param("stages", "1")
                        .param("fpc", "true").param("intervals", "WALD").param("question", "intend_leave")
                        .param("lang", "ru").with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(surveys.design(surveyId)).isEqualTo(new SurveyDesignDeclaration(true, 1, true,
                IntervalMethod.WALD));
        Document results = page("?question=intend_leave", "ru");
        assertThat(results.select("#interval-statement").text()).isEqualTo("95% вальдовский (обрезанный до 0–100%) интервал, 6 степеней свободы");
        assertThat(results.select("#design-intervals option[selected]").attr("value")).isEqualTo("WALD");
        // The chart's interval series is named by the method, so a downloaded chart says which interval it draws.
        assertThat(results.select("#survey-chart").attr("data-option"))
                .contains(results.select("#interval-statement").text());
        assertThat(page("/crosstab?row=intend_leave&column=sex", "en").select("#crosstab-interval-statement").text())
                .contains("95% Wald (clipped to 0–100%) interval, 6 degrees of freedom");

        String refused = mvc.perform(post("/surveys/" + surveyId + "/design").param("strata", "true")
                        .param("stages", "2").param("intervals", "LOGIT").param("lang", "en").with(ANALYST)
                        .with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document form = Jsoup.parse(refused);
        assertThat(form.select("#design-error").text()).contains("\"ssu\"").contains("Import the responses");
        assertThat(form.select("#design-stages option[selected]").attr("value")).isEqualTo("2");
        assertThat(surveys.design(surveyId).stages()).isEqualTo(1);
    }

    @Test
    void theComparisonOfWavesStatesItsIntervalOnThePageAndInTheApi() throws Exception {
        int later = surveys.survey("demo-young-specialists-2025").orElseThrow().id();
        int earlier = surveys.survey("demo-young-specialists-2024").orElseThrow().id();
        JsonNode c = json.readTree(mvc.perform(get("/api/v1/surveys/" + later + "/compare")
                        .param("with", String.valueOf(earlier)).param("question", "reasons_main").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(c.get("intervalMethod").asText()).isEqualTo("WALD_DIFFERENCE");
        assertThat(c.get("intervalStatement").asText()).startsWith("95% Wald interval of the change");
        Document page = Jsoup.parse(mvc.perform(get("/surveys/" + later + "/compare")
                        .param("with", String.valueOf(earlier)).param("question", "reasons_main").param("lang", "kk")
                        .with(ANALYST))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#compare-interval-statement").text()).isEqualTo(
                "Өзгерістің 95% Вальд аралығы (қалыпты жуықтау; толқындар — тәуелсіз іріктемелер)");
        assertThat(page.select("#compare-chart").attr("data-option")).contains("Өзгерістің 95% Вальд аралығы");
    }

    @Test
    void theImportRefusesMissingAndImpossibleDesignValuesNamingFileRowAndColumn() {
        designs.declare(surveyId, new SurveyDesignDeclaration(true, 1, true, IntervalMethod.LOGIT));

        ShownProblem noPsu = only(upload(file(1000, 2, 20).replace(",psu,", ",cluster,")));
        assertThat(noPsu.code()).isEqualTo("survey.import.missingDesignColumn");
        assertThat(noPsu.column()).isEqualTo("psu");
        assertThat(noPsu.file()).isEqualTo("design.csv");
        assertThat(noPsu.message()).contains("\"psu\"").contains("Sample design");

        String blankStratum = file(1000, 2, 20).replaceFirst("d1003,1.5,h0,", "d1003,1.5,,");
        ShownProblem blank = only(upload(blankStratum));
        assertThat(blank.code()).isEqualTo("survey.import.missingDesignValue");
        assertThat(blank.row()).isEqualTo(4);
        assertThat(blank.column()).isEqualTo("stratum");

        ShownProblem notANumber = only(upload(file(1000, 2, 20).replaceFirst("d1005,1.5,h0,p1,20,",
                "d1005,1.5,h0,p1,many,")));
        assertThat(notANumber.code()).isEqualTo("survey.import.badPopulationSize");
        assertThat(notANumber.row()).isEqualTo(6);
        assertThat(notANumber.column()).isEqualTo("fpc1");

        ShownProblem varies = only(upload(file(1000, 2, 20).replaceFirst("d1006,1.5,h0,p1,20,",
                "d1006,1.5,h0,p1,30,")));
        assertThat(varies.code()).isEqualTo("survey.import.fpcVaries");
        assertThat(varies.row()).isEqualTo(7);
        assertThat(varies.message()).isEqualTo("The population size fpc1 of stratum \"h0\" is 30 here but 20 in row 2: "
                + "it must be the same in every row of a stratum.");

        ResponseImportReport tooSmall = upload(file(1000, 2, 1));
        assertThat(tooSmall.status()).isEqualTo(ResponseImportStatus.INVALID);
        assertThat(tooSmall.problems()).hasSize(3).allSatisfy(p -> {
            assertThat(p.shown().code()).isEqualTo("survey.import.fpcTooSmall");
            assertThat(p.shown().column()).isEqualTo("fpc1");
            assertThat(p.messages().get("ru")).contains("меньше, чем 2 единиц");
        });
        assertThat(tooSmall.problems().get(1).shown().row()).isEqualTo(10);

        // The same file is accepted when the design does not declare clusters or population sizes.
        designs.declare(surveyId, SurveyDesignDeclaration.DEFAULT);
        assertThat(upload(file(1000, 2, 20).replace(",psu,", ",cluster,")).status())
                .isEqualTo(ResponseImportStatus.VALID);
    }

    static ShownProblem only(ResponseImportReport report) {
        assertThat(report.status()).isEqualTo(ResponseImportStatus.INVALID);
        assertThat(report.problems()).as(report.toString()).hasSize(1);
        return report.problems().get(0).shown();
    }
}
