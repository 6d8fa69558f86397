package kz.agyn.costmodel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The findings of issue 15 on the cost model, reproduced over the API: overrides at the ends of their ranges put
 * the headline total outside its own band, and an unbounded count (1e300, 1e305) answered Infinity or a 500.
 */
class CostModelIssue15ApiTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private String send(String body, String language, int status) throws Exception {
        return mvc.perform(post("/api/v1/cost-model/run").with(CostModelApiTest.ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", language))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void overridesAtTheEndsOfTheirRangesKeepTheTotalInsideItsBand() throws Exception {
        JsonNode before = json.readTree(send("{}", "en", 200));
        // Every parameter that moves the total, at the end of its range that lowers it: the checkers' case.
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (JsonNode bar : before.get("tornado")) {
            boolean lowIsLower = bar.get("totalAtLow").asDouble() <= bar.get("totalAtHigh").asDouble();
            overrides.put(bar.get("code").asText(), bar.get(lowIsLower ? "low" : "high").asDouble());
        }
        String text = send(json.writeValueAsString(Map.of("overrides", overrides)), "en", 200);
        JsonNode after = json.readTree(text);
        assertThat(after.get("total").asDouble()).isBetween(after.get("low").asDouble(), after.get("high").asDouble());
        assertThat(text).doesNotContain("Infinity").doesNotContain("NaN");
    }

    @Test
    void anUnboundedCountIsRefusedWith400NotInfinityOrA500() throws Exception {
        for (String value : new String[] {"1e300", "1e305", "\"1e305\""}) {
            String body = "{\"overrides\": {\"emigrants_school\": " + value + "}}";
            for (String language : new String[] {"kk", "ru", "en"}) {
                String text = send(body, language, 400);
                assertThat(text).contains("emigrants_school").doesNotContain("Infinity");
            }
        }
    }

    @Test
    void theViewsSeparateThePartsAndLeaveThePensionOutOfTheHeadline() throws Exception {
        JsonNode before = json.readTree(send("{\"seed\": 11}", "en", 200));
        JsonNode noPension = json.readTree(send(
                "{\"overrides\": {\"pension_contribution_rate\": 0}, \"seed\": 11}", "en", 200));
        // The pension contributions are the leaver's own savings: they move the private view only.
        assertThat(noPension.get("atCentralValues").asDouble())
                .isCloseTo(before.get("atCentralValues").asDouble(), org.assertj.core.api.Assertions.within(1e-3));
        assertThat(view(noPension, "PRIVATE").get("atCentralValues").asDouble())
                .isLessThan(view(before, "PRIVATE").get("atCentralValues").asDouble());
        JsonNode fiscal = view(before, "FISCAL");
        assertThat(fiscal.get("inCountryCost").asBoolean()).isTrue();
        assertThat(fiscal.get("parts").size()).isEqualTo(2);
        assertThat(view(before, "ECONOMIC").get("parts").get(0).get("code").asText()).isEqualTo("output");
        assertThat(view(before, "PRIVATE").get("inCountryCost").asBoolean()).isFalse();
        for (String code : new String[] {"FISCAL", "ECONOMIC", "PRIVATE"}) {
            JsonNode v = view(before, code);
            assertThat(v.get("mean").asDouble()).as(code).isBetween(v.get("low").asDouble(), v.get("high").asDouble());
            assertThat(v.get("explanation").asText()).as(code).isNotBlank();
        }
        String ru = send("{}", "ru", 200);
        assertThat(ru).contains("Бюджетный: государственный бюджет").contains("Едином накопительном пенсионном фонде");
    }

    @Test
    void theNotesReadingIsANamedScenarioOverTheApi() throws Exception {
        JsonNode r = json.readTree(send("{\"scenario\": \"note_25bn\"}", "en", 200));
        assertThat(r.get("scenario").asText()).isEqualTo("note_25bn");
        assertThat(r.get("reading").get("atCentralValues").asDouble())
                .isCloseTo(25_143_617_500.0, org.assertj.core.api.Assertions.within(1.0));
        JsonNode reading = r.get("reading");
        assertThat(reading.get("mean").asDouble()).isBetween(reading.get("low").asDouble(),
                reading.get("high").asDouble());
        assertThat(r.get("total").asDouble()).isBetween(r.get("low").asDouble(), r.get("high").asDouble());
        // An override on top of the scenario still applies.
        JsonNode more = json.readTree(send("{\"scenario\": \"note_25bn\", \"overrides\": "
                + "{\"emigrants_bachelor\": 5667}}", "en", 200));
        assertThat(more.get("reading").get("atCentralValues").asDouble() - reading.get("atCentralValues").asDouble())
                .isCloseTo(1000 * 2_800_000.0, org.assertj.core.api.Assertions.within(1.0));
        JsonNode model = json.readTree(send("{}", "en", 200));
        assertThat(model.get("scenario").asText()).isEqualTo("model");
        assertThat(model.get("reading").get("synthetic").asBoolean()).isFalse();
        for (String language : new String[] {"kk", "ru", "en"}) {
            String text = send("{\"scenario\": \"note_26bn\"}", language, 400);
            assertThat(text).contains("note_26bn").contains("note_25bn").contains("costmodel.error.override.scenario");
        }
    }

    @Test
    void everyParameterHasFiniteBoundsInTheModel() throws Exception {
        String text = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/cost-model").with(CostModelApiTest.VIEWER).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode model = json.readTree(text);
        for (JsonNode p : model.get("parameters")) {
            assertThat(p.get("allowedHigh").isNumber()).as(p.get("code").asText()).isTrue();
            assertThat(p.get("allowedLow").asDouble()).isLessThanOrEqualTo(p.get("low").asDouble());
            assertThat(p.get("allowedHigh").asDouble()).isGreaterThanOrEqualTo(p.get("high").asDouble());
        }
        assertThat(model.get("scenarios").size()).isEqualTo(2);
    }

    private static JsonNode view(JsonNode result, String code) {
        for (JsonNode v : result.get("views")) {
            if (v.get("code").asText().equals(code)) {
                return v;
            }
        }
        throw new AssertionError("no view " + code);
    }
}
