package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.survey.internal.SurveyRepository.RespondentRow;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Survey weights raked to the population the indicator warehouse holds: the demonstration survey meets the
 * synthetic young-specialist margins of 2024, its results name that dataset, and a survey whose respondents give
 * a category the warehouse does not count is refused in words.
 */
class SurveyWarehouseMarginsTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("margins-analyst").roles("ANALYST");
    static final String COUNTRY = "000000000";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyRepository repository;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ImportService imports;

    private Survey demo() {
        return surveys.survey("demo-young-specialists-2024").orElseThrow();
    }

    /**
     * The targets read straight from the shipped CSV's subtotal rows (one dimension broken down, every other at
     * its total), not through the code that sums the warehouse's cells, keyed by the survey's variable and answer.
     */
    private static Map<String, Map<String, Double>> shippedTargets() throws Exception {
        String csv;
        try (InputStream in = SurveyWarehouseMarginsTest.class.getResourceAsStream(
                "/demo/synthetic-population-2010-2024.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
        for (String v : List.of("region", "age_group", "sex", "education")) {
            targets.put(v, new LinkedHashMap<>());
        }
        Map<String, String> ages = Map.of("Y18T24", "18-24", "Y25T29", "25-29", "Y30T35", "30-35");
        for (String line : csv.lines().skip(1).toList()) {
            String[] f = line.split(",");
            if (!f[0].equals("POP_YOUNG_SPECIALISTS") || !f[1].equals("2024")) {
                continue;
            }
            boolean region = !f[2].equals(COUNTRY);
            boolean education = !f[4].equals("_T");
            boolean sex = !f[6].equals("_T");
            boolean age = !f[7].equals("_T");
            int broken = (region ? 1 : 0) + (education ? 1 : 0) + (sex ? 1 : 0) + (age ? 1 : 0);
            if (broken != 1) {
                continue;
            }
            double persons = Double.parseDouble(f[9]);
            if (region) {
                targets.get("region").put(f[2], persons);
            } else if (education) {
                targets.get("education").put(f[4], persons);
            } else if (sex) {
                targets.get("sex").put(f[6], persons);
            } else {
                targets.get("age_group").put(ages.get(f[7]), persons);
            }
        }
        return targets;
    }

    @Test
    void theDemonstrationSurveyMeetsTheWarehouseMargins() throws Exception {
        Survey survey = demo();
        assertThat(survey.marginDataset()).isEqualTo("synthetic-population");
        assertThat(survey.marginPeriod()).isEqualTo("2024");
        List<Question> questions = surveys.questions(survey.id());
        List<RespondentRow> respondents = repository.respondents(survey.id());

        SurveyService.Weights weights = surveys.weights(survey, questions, respondents);

        assertThat(weights.info().raked()).isTrue();
        assertThat(weights.info().iterations()).as("the sample is not the population").isGreaterThan(1);
        Map<String, Map<String, Double>> targets = shippedTargets();
        assertThat(targets.get("region")).hasSize(20);
        assertThat(targets.get("education")).hasSize(5);
        assertThat(weights.info().variables()).containsExactlyInAnyOrderElementsOf(targets.keySet());
        targets.forEach((variable, categories) -> categories.forEach((category, target) -> {
            double sum = 0;
            for (int i = 0; i < respondents.size(); i++) {
                if (category.equals(respondents.get(i).profile().get(variable))) {
                    sum += weights.weights().get(i);
                }
            }
            assertThat(sum / target).as(variable + " = " + category).isCloseTo(1.0, within(1e-6));
        }));
        double total = targets.get("sex").values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(weights.info().warehouse().population()).isEqualTo(total);
    }

    @Test
    void theEstimatesNameTheWarehouseDataset() throws Exception {
        JsonNode e = json.readTree(mvc.perform(get("/api/v1/surveys/" + demo().id() + "/estimates")
                        .param("question", "reasons_main").with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode w = e.get("weighting");
        assertThat(w.get("raked").asBoolean()).isTrue();
        JsonNode source = w.get("warehouse");
        assertThat(source.get("dataset").asText()).isEqualTo("synthetic-population");
        assertThat(source.get("title").get("en").asText()).isEqualTo("Population 2010–2024 (synthetic)");
        assertThat(source.get("publisher").asText()).isEqualTo("Agyn");
        assertThat(source.get("version").asInt())
                .isEqualTo(warehouse.dataset("synthetic-population").orElseThrow().currentVersion());
        assertThat(source.get("period").asText()).isEqualTo("2024");
        assertThat(source.get("indicator").asText()).isEqualTo("POP_YOUNG_SPECIALISTS");
        assertThat(source.get("synthetic").asBoolean()).isTrue();
        assertThat(w.get("marginSource").asText()).contains("synthetic-population", "2024", "SYNTHETIC");
    }

    @Test
    void theResultsPageShowsTheSourceWithItsSyntheticBadge() throws Exception {
        int version = warehouse.dataset("synthetic-population").orElseThrow().currentVersion();
        String en = mvc.perform(get("/surveys/" + demo().id()).param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("id=\"weighting\"").contains("Young specialists (aged 18–35, ISCED 4–8) in 2024")
                .contains("dataset “Population 2010–2024 (synthetic)” (Agyn), "
                        + "version " + version)
                .contains("SYNTHETIC MARGINS");
        String kk = mvc.perform(get("/surveys/" + demo().id()).param("lang", "kk").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(kk).contains("Халық саны 2010–2024 (синтетикалық)").contains("СИНТЕТИКАЛЫҚ МАРГИНАЛДАР");
        String crosstab = mvc.perform(get("/surveys/" + demo().id() + "/crosstab").param("lang", "ru")
                        .with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(crosstab).contains("Население 2010–2024 (синтетические данные)")
                .contains("СИНТЕТИЧЕСКИЕ МАРГИНАЛЫ");
    }

    /**
     * A warehouse dataset that counts the young specialists of Zhetysu only, and a survey with respondents in
     * Zhetysu and in Almaty: Almaty has no margin, and the answer says so, naming the dataset and the year.
     */
    @Test
    void aCategoryTheWarehouseDoesNotCountIsReported() throws Exception {
        String dataset = "test-partial-young-specialists";
        if (warehouse.dataset(dataset).isEmpty()) {
            warehouse.createDataset(dataset, new Names("Сынақ", "Тест", "Test: Zhetysu only"), "Agyn tests", null,
                    null, null, true);
            StringBuilder csv = new StringBuilder(
                    "INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,FLOW,OBS_VALUE,"
                            + "UNIT_MULT,OBS_STATUS\n");
            for (String age : List.of("Y25T29", "Y30T35")) {
                for (String sex : List.of("M", "F")) {
                    for (String education : List.of("6", "7")) {
                        csv.append("POP_YOUNG_SPECIALISTS,2024,330000000,_T,").append(education).append(",_T,")
                                .append(sex).append(',').append(age).append(",_Z,1000,0,E\n");
                    }
                }
            }
            ImportReport report = imports.upload(dataset, "partial.csv",
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "csv",
                    ImportMapping.empty(), "test", Locale.ENGLISH);
            assertThat(report.problemCount()).as(report.problems().toString()).isZero();
            imports.accept(report.id(), "test", Locale.ENGLISH);
        }
        Survey survey = surveys.survey("test-warehouse-partial").orElseGet(() -> surveys.create(
                "test-warehouse-partial", "migration-intentions", 1, new Names("Сынақ", "Тест", "Test"), "2024"));
        if (survey.respondents() == 0) {
            List<Response> responses = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                Map<String, List<String>> choices = new LinkedHashMap<>();
                choices.put("age_group", List.of(i % 2 == 0 ? "25-29" : "30-35"));
                choices.put("sex", List.of(i % 3 == 0 ? "M" : "F"));
                choices.put("region", List.of(i < 12 ? "330000000" : "750000000"));
                choices.put("education", List.of(i % 2 == 0 ? "6" : "7"));
                choices.put("intend_leave", List.of("no"));
                choices.put("reasons_main", List.of("pay"));
                responses.add(new Response("p" + i, 1.0, choices, Map.of(), Map.of()));
            }
            repository.insertResponses(survey.id(), "IMPORT", null, surveys.questions(survey.id()), responses);
        }
        repository.warehouseMargins(survey.id(), dataset, "2024");

        mvc.perform(get("/api/v1/surveys/" + survey.id() + "/estimates").param("question", "reasons_main")
                        .with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.margins.warehouse.categoryAbsent"))
                .andExpect(jsonPath("$.detail").value("3 respondents answered \"750000000\" for \"region\", but "
                        + "warehouse dataset \"" + dataset + "\" holds no POP_YOUNG_SPECIALISTS for it in 2024 "
                        + "(warehouse code 750000000), so no margin can weight them. Choose a dataset that covers "
                        + "this category, or merge it in the survey."));
        String page = mvc.perform(get("/surveys/" + survey.id()).param("lang", "ru").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("3 респондентов ответили «750000000» на «region»");

        // A year the dataset does not hold: nothing to weight to, said as much.
        repository.warehouseMargins(survey.id(), dataset, "2023");
        mvc.perform(get("/api/v1/surveys/" + survey.id() + "/estimates").param("question", "reasons_main")
                        .with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.margins.warehouse.empty"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("holds no POP_YOUNG_SPECIALISTS "
                        + "for 2023")));
        repository.warehouseMargins(survey.id(), "no-such-dataset", "2024");
        mvc.perform(get("/api/v1/surveys/" + survey.id() + "/estimates").param("question", "reasons_main")
                        .with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.margins.warehouse.noDataset"));
    }
}
