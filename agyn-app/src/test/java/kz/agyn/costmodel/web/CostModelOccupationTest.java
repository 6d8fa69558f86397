package kz.agyn.costmodel.web;

import static kz.agyn.costmodel.web.CostModelApiTest.ANALYST;
import static kz.agyn.costmodel.web.CostModelApiTest.base;
import static kz.agyn.costmodel.web.CostModelApiTest.documentedPerEmigrant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The breakdown by occupation over the API and on the page, checked against the shipped demonstration files read
 * here (pay of each ISCO-08 major group, emigrants by occupation × ISCED) and the documented formula of
 * {@link CostModelApiTest}: an occupation's cost per emigrant of a level is that level's documented cost at the
 * occupation's pay, and its emigrants are its share of each level's.
 */
class CostModelOccupationTest extends AgynTest {

    static final List<String> CODES = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "_U");
    static final String[] ISCED = {"3", "6", "7", "8"};

    /** ISCO code → WAGE_AVG of 2024, from the shipped synthetic occupation file. */
    static Map<String, Double> wage = new HashMap<>();
    /** ISCO code → ISCED → emigrants of 2024. */
    static Map<String, Map<String, Double>> cross = new HashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void readShippedFile() throws Exception {
        for (String line : CostModelApiTest.resource("/demo/synthetic-occupations-2024.csv").lines().skip(1).toList()) {
            String[] r = line.split(",");
            if (r[0].equals("WAGE_AVG")) {
                wage.put(r[3], Double.parseDouble(r[9]));
            } else {
                cross.computeIfAbsent(r[3], k -> new HashMap<>()).put(r[4], Double.parseDouble(r[9]));
            }
        }
    }

    /** The emigrants of occupation {@code code}: Σ_L emigrants_L × n(code, L) / Σ_j n(j, L). */
    static double emigrants(String code) {
        double n = 0;
        for (int i = 0; i < ISCED.length; i++) {
            final String isced = ISCED[i];
            double all = cross.values().stream().mapToDouble(m -> m.getOrDefault(isced, 0.0)).sum();
            n += base("emigrants_" + CostModelApiTest.LEVELS[i]) * cross.get(code).getOrDefault(isced, 0.0) / all;
        }
        return n;
    }

    private JsonNode run(String body) throws Exception {
        String text = mvc.perform(post("/api/v1/cost-model/run").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(text);
    }

    private static JsonNode row(JsonNode result, String code) {
        for (JsonNode o : result.get("perEmigrantByOccupation").get("occupations")) {
            if (o.get("code").asText().equals(code)) {
                return o;
            }
        }
        throw new AssertionError("no occupation " + code);
    }

    @Test
    void everyOccupationIsPricedAtItsPayAndHoldsItsShareOfEachLevel() throws Exception {
        JsonNode result = run("{\"draws\": 100}");
        JsonNode occ = result.get("perEmigrantByOccupation");
        assertThat(occ.get("occupations")).extracting(o -> o.get("code").asText()).containsExactlyElementsOf(CODES);
        double returnProbability = base("return_probability");
        double sum = 0;
        for (String code : CODES) {
            JsonNode o = row(result, code);
            for (int i = 0; i < ISCED.length; i++) {
                // The unknown occupation has no pay of its own: each level's pay stands in.
                double pay = code.equals("_U")
                        ? base(i == 0 ? "pay_school" : "pay_highly_skilled") : wage.get(code);
                double expected = documentedPerEmigrant(i, pay, returnProbability);
                assertThat(o.get("byLevel").get(i).get("cost").asDouble()).as("%s %s", code, ISCED[i])
                        .isCloseTo(expected, within(1e-6 * expected));
            }
            assertThat(o.get("emigrants").asDouble()).as(code).isCloseTo(emigrants(code), within(1e-6));
            sum += o.get("total").asDouble();
        }
        assertThat(occ.get("total").asDouble()).isCloseTo(sum, within(1e-3));
        assertThat(occ.get("low").asDouble()).isLessThan(occ.get("high").asDouble());
        for (JsonNode o : occ.get("occupations")) {
            assertThat(o.get("costLow").asDouble()).isLessThanOrEqualTo(o.get("costHigh").asDouble());
            assertThat(o.get("totalLow").asDouble()).isLessThanOrEqualTo(o.get("totalHigh").asDouble());
        }
        double allEmigrants = base("emigrants_school") + base("emigrants_bachelor") + base("emigrants_master")
                + base("emigrants_phd");
        assertThat(occ.get("emigrants").asDouble()).isCloseTo(allEmigrants, within(1e-6));
        assertThat(occ.get("levelTotal").asDouble()).isEqualTo(result.get("atCentralValues").asDouble());
        assertThat(occ.get("shares").asText()).contains("synthetic", "2024", "SYNTHETIC");
        assertThat(occ.get("summary").asText()).contains("from pay alone")
                .contains("pay is of 2024 and the pay of the highly skilled of 2022");
        assertThat(row(result, "2").get("paySource").asText()).contains("ISCO-08 2", "2024");
        assertThat(row(result, "_U").get("paySource").asText()).contains("each level’s own pay");
    }

    @Test
    void settingAnOccupationsPayMovesItsRowAndNotTheAnnualTotal() throws Exception {
        JsonNode before = run("{\"draws\": 100}");
        JsonNode after = run("{\"draws\": 100, \"occupationPay\": {\"2\": \"600 000\"}}");
        assertThat(after.get("total").asDouble()).isEqualTo(before.get("total").asDouble());
        JsonNode professionals = row(after, "2");
        assertThat(professionals.get("pay").asDouble()).isEqualTo(600_000);
        assertThat(professionals.get("payOverridden").asBoolean()).isTrue();
        double phd = documentedPerEmigrant(3, 600_000, base("return_probability"));
        assertThat(professionals.get("byLevel").get(3).get("cost").asDouble()).isCloseTo(phd, within(1e-6 * phd));
        assertThat(row(after, "1").get("total").asDouble()).isEqualTo(row(before, "1").get("total").asDouble());
        double moved = after.get("perEmigrantByOccupation").get("total").asDouble()
                - before.get("perEmigrantByOccupation").get("total").asDouble();
        assertThat(moved).isCloseTo(professionals.get("total").asDouble() - row(before, "2").get("total").asDouble(),
                within(1e-3));
    }

    @Test
    void aBadOccupationOrPayIsRefusedByName() throws Exception {
        for (String body : List.of("{\"occupationPay\": {\"2\": \"a lot\"}}", "{\"occupationPay\": {\"2\": -1}}",
                "{\"occupationPay\": {\"2\": 1e12}}")) {
            mvc.perform(post("/api/v1/cost-model/run").with(ANALYST).with(csrf()).header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("occupation 2")));
        }
        for (String code : List.of("_U", "23", "x")) {
            mvc.perform(post("/api/v1/cost-model/run").with(ANALYST).with(csrf()).header("Accept-Language", "ru")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"occupationPay\": {\"" + code + "\": 100000}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Неизвестное занятие")));
        }
    }

    @Test
    void theParametersListTheOccupationsPayWithItsSource() throws Exception {
        String text = mvc.perform(get("/api/v1/cost-model").with(ANALYST).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode pay = json.readTree(text).get("occupationPay");
        assertThat(pay).hasSize(CODES.size());
        for (JsonNode p : pay) {
            String code = p.get("code").asText();
            if (code.equals("_U")) {
                assertThat(p.get("editable").asBoolean()).isFalse();
                assertThat(p.get("pay").isNull()).isTrue();
            } else {
                assertThat(p.get("pay").asDouble()).as(code).isEqualTo(wage.get(code));
                assertThat(p.get("synthetic").asBoolean()).isTrue();
                assertThat(p.get("name").asText()).startsWith(code + " ");
            }
        }
    }

    @Test
    void thePageShowsTheTableAndRecomputesAPayTypedInTheForm() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/cost-model").with(ANALYST).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#occupation-table tbody tr")).hasSize(CODES.size());
        // Every row fills every column: occupation, emigrants, pay, four levels, its mix and its total.
        for (Element tr : page.select("#occupation-table tbody tr")) {
            assertThat(tr.select("td")).hasSize(9);
        }
        assertThat(page.select("#group-occupation-pay input")).hasSize(10);
        assertThat(page.select("#op-2").attr("name")).isEqualTo("occupation_pay_2");
        String before = page.select("#occupation-total").attr("data-total");
        // The level model at its central values: an occupation's pay must not move it (the headline, a Monte
        // Carlo mean, moves with the number of draws, which this post changes).
        String total = page.select("#cost-central-total").attr("data-total");

        Document after = Jsoup.parse(mvc.perform(post("/cost-model").with(ANALYST).with(csrf()).param("lang", "en")
                        .param("occupation_pay_2", "600000").param("draws", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(after.select("#cost-errors")).isEmpty();
        assertThat(after.select("#cost-central-total").attr("data-total")).isEqualTo(total);
        assertThat(after.select("#occupation-total").attr("data-total")).isNotEqualTo(before);
        assertThat(after.select("#occupation-table tr[data-occupation=2] td.overridden").text()).contains("600");
        assertThat(after.select("#group-occupation-pay .cost-param.overridden").attr("data-occupation"))
                .isEqualTo("2");

        Document refused = Jsoup.parse(mvc.perform(post("/cost-model").with(ANALYST).with(csrf()).param("lang", "en")
                        .param("occupation_pay_2", "-5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#cost-errors").text()).contains("occupation 2", "-5");
    }
}
