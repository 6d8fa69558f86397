package kz.agyn.scenario.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobState;
import kz.agyn.scenario.RunSettings;
import kz.agyn.scenario.Scenario;
import kz.agyn.scenario.ScenarioService;
import kz.agyn.scenario.internal.ScenarioRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios over the API: bad input refused with 400 and a message in the caller's language (never a 500), a run
 * through the job to its stored results, a cancelled run that keeps nothing, and the note's shipped scenarios run
 * end to end at a small scale.
 */
class ScenarioApiTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("scenario-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("scenario-viewer").roles("VIEWER");
    /** Small and quick: one agent for 2,000 persons (about 1,250 agents), three years. */
    static final String SMALL = "{\"horizon\": 3, \"draws\": 8, \"seed\": 7, \"scale\": 2000}";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ScenarioService scenarios;

    @Autowired
    ScenarioRepository repository;

    JsonNode refused(String path, String body, String language) throws Exception {
        String answer = mvc.perform(post(path).with(ANALYST).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", language).content(body))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }

    @Test
    void badLeversAreRefusedInTheCallersLanguage() throws Exception {
        JsonNode budget = refused("/api/v1/scenarios",
                "{\"name\": \"x\", \"levers\": {\"researchBudgetKzt\": -1e9}}", "ru");
        assertThat(budget.get("code").asString()).isEqualTo("scenario.invalid.negativeMoney");
        assertThat(budget.get("detail").asString()).contains("отрицательной");
        assertThat(budget.get("errors").get(0).get("field").asString()).isEqualTo("researchBudgetKzt");

        JsonNode pay = refused("/api/v1/scenarios",
                "{\"name\": \"x\", \"levers\": {\"payChanges\": [{\"change\": -1.5}]}}", "kk");
        assertThat(pay.get("code").asString()).isEqualTo("scenario.invalid.payBelow100");
        assertThat(pay.get("detail").asString()).contains("жалақы");

        JsonNode unknown = refused("/api/v1/scenarios",
                "{\"name\": \"x\", \"levers\": {\"salaryBoost\": 0.3}}", "en");
        assertThat(unknown.get("code").asString()).isEqualTo("scenario.invalid.unknownLever");
        assertThat(unknown.get("detail").asString()).contains("salaryBoost");

        JsonNode field = refused("/api/v1/scenarios", "{\"name\": \"x\", \"lever\": {}}", "en");
        assertThat(field.get("code").asString()).isEqualTo("scenario.invalid.unknownField");
    }

    @Test
    void badRunSettingsAreRefused() throws Exception {
        long id = shipped("partnerships_15").id();
        String path = "/api/v1/scenarios/" + id + "/runs";
        for (String body : List.of("{\"horizon\": 0}", "{\"horizon\": 500}", "{\"draws\": 0}",
                "{\"draws\": 10000000}", "{\"draws\": 1000000000000}", "{\"horizon\": \"ten\"}")) {
            JsonNode p = refused(path, body, "en");
            assertThat(p.get("errors")).as(body).isNotEmpty();
            assertThat(p.get("detail").asString()).as(body).isNotBlank();
        }
        JsonNode horizon = refused(path, "{\"horizon\": 500}", "ru");
        assertThat(horizon.get("detail").asString()).isEqualTo("Горизонт — от 1 до 20 лет.");
        // Within each limit but too many results to hold in memory together: refused before a job starts.
        JsonNode large = refused(path, "{\"horizon\": 20, \"draws\": 100000}", "en");
        assertThat(large.get("code").asString()).isEqualTo("scenario.invalid.tooLarge");
    }

    @Test
    void aViewerReadsButDoesNotRun() throws Exception {
        mvc.perform(get("/api/v1/scenarios").with(VIEWER)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/scenarios").with(VIEWER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\"}")).andExpect(status().isForbidden());
    }

    @Test
    void aRunGoesThroughTheJobToStoredResults() throws Exception {
        String created = mvc.perform(post("/api/v1/scenarios").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Researchers +30% and 10 bn", "levers": {
                                  "payChanges": [{"sector": "RESEARCH", "change": 0.3},
                                                 {"sector": "EDUCATION", "change": 0.3}],
                                  "researchBudgetKzt": 10000000000}}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        String started = mvc.perform(post("/api/v1/scenarios/" + id + "/runs").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(SMALL))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        UUID run = UUID.fromString(json.readTree(started).get("runId").asString());
        JsonNode done = await(run);
        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("finished").asBoolean()).isTrue();
        assertThat(done.get("startedBy").asString()).isEqualTo("scenario-analyst");
        List<String> measures = new ArrayList<>();
        done.get("results").forEach(b -> measures.add(b.get("measure").asString()));
        assertThat(measures).contains("KEPT_VS_BASELINE", "COST_PER_SPECIALIST_KEPT_KZT", "EMIGRANTS",
                "BUDGET_COST_KZT");
        // Positions 0 (baseline) and 1, 3 years, 10 measures.
        assertThat(done.get("results")).hasSize(2 * 3 * 10);
        assertThat(done.get("assumptions").get("fit")).isNotEmpty();
        assertThat(repository.resultCount(run)).isGreaterThan(60);
        // The research budget doubled costs the budget more than nothing in the first year.
        double budget = -1;
        for (JsonNode b : done.get("results")) {
            if (b.get("scenario").asInt() == 1 && b.get("measure").asString().equals("BUDGET_COST_KZT")) {
                budget = b.get("mean").asDouble();
                break;
            }
        }
        assertThat(budget).isGreaterThan(0);
        // The cost per specialist kept is the expected cumulative cost over the expected number kept.
        java.util.TreeMap<Integer, double[]> byYear = new java.util.TreeMap<>();
        for (JsonNode b : done.get("results")) {
            if (b.get("scenario").asInt() == 1) {
                double[] v = byYear.computeIfAbsent(b.get("year").asInt(), k -> new double[3]);
                switch (b.get("measure").asString()) {
                    case "BUDGET_COST_KZT" -> v[0] = b.get("mean").asDouble();
                    case "KEPT_VS_BASELINE" -> v[1] = b.get("mean").asDouble();
                    case "COST_PER_SPECIALIST_KEPT_KZT" -> v[2] = b.get("mean").isNumber()
                            ? b.get("mean").asDouble() : Double.NaN;
                    default -> { }
                }
            }
        }
        double cumulative = 0;
        int compared = 0;
        for (double[] v : byYear.values()) {
            cumulative += v[0];
            if (v[1] > 0) {
                compared++;
                assertThat(v[2]).isCloseTo(cumulative / v[1], org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
        }
        assertThat(compared).isPositive();
        String regional = mvc.perform(get("/api/v1/runs/" + run).param("dimension", "REGION").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(regional).get("results").size()).isGreaterThan(60);
        // Each lever's own cost: pay and research budget cost something, and with the scholars' repayments
        // recovered they make up the budget cost of every year (means add up).
        JsonNode levers = json.readTree(mvc.perform(get("/api/v1/runs/" + run).param("dimension", "LEVER")
                .with(VIEWER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("results");
        java.util.Map<String, Double> leverSum = new java.util.HashMap<>();
        java.util.Map<String, Double> total = new java.util.HashMap<>();
        List<String> kinds = new ArrayList<>();
        for (JsonNode b : levers) {
            String at = b.get("scenario").asInt() + "|" + b.get("year").asInt();
            if (b.get("dimension").asString().equals("LEVER")) {
                assertThat(b.get("measure").asString()).isEqualTo("BUDGET_COST_KZT");
                kinds.add(b.get("code").asString());
                leverSum.merge(at, b.get("mean").asDouble(), Double::sum);
            } else if (b.get("measure").asString().equals("BUDGET_COST_KZT")) {
                total.put(at, b.get("mean").asDouble());
            }
        }
        assertThat(kinds).contains("PAY_CHANGE", "RESEARCH_BUDGET").doesNotContain("PARTNERSHIPS");
        assertThat(leverSum).hasSize(3);
        leverSum.forEach((at, sum) -> {
            assertThat(sum).as(at).isGreaterThanOrEqualTo(total.get(at) - 1);
            // Repayments recovered beyond the baseline are small beside a doubled research budget.
            assertThat(sum - total.get(at)).as(at).isLessThan(0.2 * sum);
        });
    }

    @Test
    void aCancelledRunLeavesNoResults() throws Exception {
        Scenario s = shipped("research_budget_10bn");
        // Large enough to be cancelled while it runs: one agent for 10 persons, many draws.
        UUID run = scenarios.start(List.of(s.id()), new RunSettings(20, 400, 3, 10), "scenario-analyst");
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (scenarios.run(run).job() == null && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        mvc.perform(post("/api/v1/runs/" + run + "/cancel").with(ANALYST).with(csrf()))
                .andExpect(status().isAccepted());
        JsonNode ended = await(run);
        assertThat(ended.get("state").asString()).isEqualTo(JobState.CANCELLED.name());
        assertThat(ended.get("finished").asBoolean()).isFalse();
        assertThat(ended.get("results")).isEmpty();
        assertThat(repository.resultCount(run)).isZero();
        assertThat(repository.run(run).orElseThrow().finishedAt()).isNull();
    }

    @Test
    void theNotesRecommendationsRunEndToEnd() throws Exception {
        List<Scenario> shipped = scenarios.scenarios().stream().filter(s -> s.shipped() != null).toList();
        assertThat(shipped).extracting(Scenario::shipped).containsExactly("researchers_pay_30",
                "returnee_supplement_20", "returnee_tax_holiday_2", "research_budget_10bn", "partnerships_15");
        UUID first = scenarios.start(shipped.subList(0, 4).stream().map(Scenario::id).toList(),
                new RunSettings(3, 6, 11, 2000), "scenario-analyst");
        UUID second = scenarios.start(List.of(shipped.get(4).id()), new RunSettings(3, 6, 11, 2000),
                "scenario-analyst");
        for (UUID run : List.of(first, second)) {
            JsonNode done = await(run);
            assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("assumptions").get("inputs")).isNotEmpty();
        }
        // The page of the first: the table of every scenario, the fan chart and the assumptions.
        String page = mvc.perform(get("/scenarios/runs/" + first).param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"fan-chart\"", "id=\"results-table\"", "id=\"assumptions\"",
                "Researchers&#39; pay +30%", "Research budget 5 → 10 bn KZT", "Cost per specialist kept",
                "the note of 6 November 2024", "id=\"lever-costs\"", "Research budget</td>",
                "id=\"constants\"", "A year&#39;s cost of one agreement with a foreign university, KZT",
                "Emigration rate · 2 Professionals", "Emigration rate · ISCED 7 Master");
        // Emigrants: the statistics' own forecast beside the model's baseline, with what it read and how.
        String emigrants = mvc.perform(get("/scenarios/runs/" + first).param("lang", "en")
                        .param("measure", "EMIGRANTS").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(emigrants).contains("id=\"forecast-beside\"", "Forecast from the statistics (", "ISCED 5–8");
        // The exports: every band, codes as stored (the baseline is position 0), and the workbook.
        String csv = mvc.perform(get("/scenarios/runs/" + first + "/export/csv").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",",
                ScenarioExportController.COLUMNS));
        assertThat(csv).contains(",KEPT_VS_BASELINE,TOTAL,_T,", ",EMIGRANTS,REGION,");
        byte[] xlsx = mvc.perform(get("/scenarios/runs/" + first + "/export/xlsx").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThan(100);
        }
    }

    JsonNode await(UUID run) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            String body = mvc.perform(get("/api/v1/runs/" + run).with(VIEWER)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            JsonNode n = json.readTree(body);
            String state = n.get("state").isNull() ? "RUNNING" : n.get("state").asString();
            if (!state.equals("RUNNING") || Instant.now().isAfter(until)) {
                return n;
            }
            Thread.sleep(100);
        }
    }

    Scenario shipped(String code) {
        return scenarios.scenarios().stream().filter(s -> code.equals(s.shipped())).findFirst().orElseThrow();
    }
}
