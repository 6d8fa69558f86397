package kz.agyn.costmodel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.costmodel.ParameterSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost model over the API: the total reproduced from the documented parameters by a formula written out again
 * here, overrides that move it, and bad overrides refused with a 400 that names the parameter in the caller's
 * language.
 *
 * <p>The inputs are pinned: every parameter is the documented default of costmodel/defaults.properties except the
 * one the indicator warehouse holds as a published figure ({@link #WAREHOUSE}), whose value is written out here
 * and checked against the shipped file. The synthetic emigrants by education of the demonstration data are not
 * taken (decision 0023). If another test loaded published emigrants by education, the model would take those,
 * and this test would say so.
 */
class CostModelApiTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("cost-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("cost-viewer").roles("VIEWER");

    /**
     * The parameter the model takes from the warehouse's demonstration data: the note's average pay of university
     * teachers (ISCO-08 23) in 2022, a published figure, which the synthetic pay of all professionals (ISCO-08 2,
     * 2024) does not displace. The synthetic emigrants by education are not taken (decision 0023).
     */
    static final Map<String, Double> WAREHOUSE = Map.of("pay_highly_skilled", 272_188.0);

    /**
     * The cost to the country at the central values of the pinned inputs, computed outside Agyn with Python 3
     * (float64) from the base values of costmodel/defaults.properties and {@link #WAREHOUSE} by the formula in
     * CostModel's class comment: taxes are income tax + social tax (the pension contribution is private, decision
     * 0023); a(0.05, 30) = 15.372451026883; per bachelor's emigrant 22,560,009.72 KZT; total 0 × school + 4,693 ×
     * bachelor + 1,251 × master + 313 × doctorate.
     */
    static final double HAND_TOTAL = 145_504_458_833.66757;
    /** The same with return_probability = 0.4 instead of 0.2. */
    static final double HAND_TOTAL_RETURN_04 = 111_682_964_599.25067;

    static final Properties defaults;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    // Read once on first use, not in a @BeforeAll: CostModelOccupationTest reads it too, in its own class.
    static {
        defaults = new Properties();
        try (Reader r = new InputStreamReader(CostModelApiTest.class.getResourceAsStream(
                "/costmodel/defaults.properties"), StandardCharsets.UTF_8)) {
            defaults.load(r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The pinned input of a parameter: the warehouse's figure where it holds one, else the documented default. */
    static double base(String code) {
        Double fromWarehouse = WAREHOUSE.get(code);
        return fromWarehouse != null ? fromWarehouse
                : Double.parseDouble(defaults.getProperty(code + ".base").strip());
    }

    @Test
    void thePinnedWarehouseFiguresAreThoseOfTheShippedFiles() throws Exception {
        String emigration = resource("/demo/synthetic-emigration-2010-2024.csv");
        assertThat(emigration).contains("EMIGRANTS,2024,000000000,_T,6,_T,_T,_T,EMI,4667,0,E\n",
                "EMIGRANTS,2024,000000000,_T,7,_T,_T,_T,EMI,1753,0,E\n",
                "EMIGRANTS,2024,000000000,_T,8,_T,_T,_T,EMI,294,0,E\n");
        assertThat(emigration).doesNotContain("EMIGRANTS,2025,");
        assertThat(resource("/demo/note-2024-11-06.csv"))
                .contains("WAGE_AVG,2022,000000000,23,_T,_T,_T,_T,_Z,272188,0,A\n");
    }

    static String resource(String path) throws Exception {
        try (var in = CostModelApiTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The model's formula written out again from its documentation, reading the defaults file directly, so that a
     * slip in the evaluator, the parameter loading or the API's mapping cannot hide behind the same code.
     */
    static double documentedTotal(double returnProbability) {
        double total = 0;
        for (int i = 0; i < LEVELS.length; i++) {
            String l = LEVELS[i];
            double pay = l.equals("school") ? base("pay_school") : base("pay_highly_skilled");
            total += base("emigrants_" + l) * documentedPerEmigrant(i, pay, returnProbability);
        }
        return total;
    }

    static final String[] LEVELS = {"school", "bachelor", "master", "phd"};

    /** The documented cost of one emigrant of level {@code LEVELS[i]} paid {@code pay} KZT a month. */
    static double documentedPerEmigrant(int i, double pay, double returnProbability) {
        double r = base("discount_rate");
        double n = base("working_years");
        double a = (1 - Math.pow(1 + r, -n)) / r;
        String l = LEVELS[i];
        double education = 0;
        for (int k = 0; k < i; k++) {
            education += base("spending_" + LEVELS[k]) * base("years_" + LEVELS[k]);
        }
        double domestic = base("spending_" + l) * base("years_" + l);
        if (l.equals("master") || l.equals("phd")) {
            double s = base("scholar_share_" + l);
            education += (1 - s) * domestic
                    + s * base("scholarship_" + l) * (1 - base("scholarship_recovered_share"));
        } else {
            education += domestic;
        }
        double taxes = 12 * pay * (base("income_tax_rate") + base("social_tax_rate")) * a;
        double output = l.equals("school") ? 0 : 12 * pay * base("productivity_premium") * a;
        double replacement = base("replacement_months") * pay;
        double remittances = base("remittances_per_year") * a;
        return (1 - returnProbability) * (education + taxes + output - remittances) + replacement;
    }

    private JsonNode run(String body) throws Exception {
        String text = mvc.perform(post("/api/v1/cost-model/run").with(ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(text);
    }

    private ResultActions refused(String body, String language) throws Exception {
        var request = post("/api/v1/cost-model/run").with(ANALYST).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return mvc.perform(request).andExpect(status().isBadRequest());
    }

    @Test
    void listsEveryParameterWithNameUnitRangeAndSource() throws Exception {
        String text = mvc.perform(get("/api/v1/cost-model").with(VIEWER).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode model = json.readTree(text);
        List<String> codes = ParameterSet.defaults().codes();
        assertThat(model.get("parameters").size()).isEqualTo(codes.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode p : model.get("parameters")) {
            String code = p.get("code").asText();
            seen.add(code);
            assertThat(p.get("name").asText()).as(code).isNotBlank().isNotEqualTo(code);
            assertThat(p.get("source").asText()).as(code).isNotBlank();
            assertThat(p.get("unit").asText()).as(code).isNotBlank();
            assertThat(p.get("low").asDouble()).as(code).isLessThanOrEqualTo(p.get("value").asDouble());
            assertThat(p.get("high").asDouble()).as(code).isGreaterThanOrEqualTo(p.get("value").asDouble());
            assertThat(p.get("value").asDouble()).as(code).isEqualTo(base(code));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(codes);
        JsonNode ret = find(model.get("parameters"), "return_probability");
        assertThat(ret.get("name").asText()).isEqualTo("Probability of return");
        assertThat(ret.get("low").asDouble()).isEqualTo(0.05);
        assertThat(ret.get("high").asDouble()).isEqualTo(0.6);
        assertThat(ret.get("distribution").asText()).isEqualTo("TRIANGULAR");
        assertThat(ret.get("assumption").asBoolean()).isTrue();
        JsonNode tax = find(model.get("parameters"), "income_tax_rate");
        assertThat(tax.get("url").asText()).startsWith("https://adilet.zan.kz/");
        assertThat(model.get("claim").get("value").asDouble()).isEqualTo(25e9);
        assertThat(model.get("claim").get("citation").asText()).isNotBlank();
        assertThat(model.get("maxDraws").asInt()).isEqualTo(20_000);

        mvc.perform(get("/api/v1/cost-model").with(VIEWER).header("Accept-Language", "ru"))
                .andExpect(jsonPath("$.parameters[?(@.code == 'return_probability')].name")
                        .value("Вероятность возвращения"));
        mvc.perform(get("/api/v1/cost-model").with(VIEWER))
                .andExpect(jsonPath("$.parameters[?(@.code == 'return_probability')].name")
                        .value("Оралу ықтималдығы"));
    }

    private static JsonNode find(JsonNode parameters, String code) {
        for (JsonNode p : parameters) {
            if (p.get("code").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + code);
    }

    @Test
    void totalIsReproducedFromTheDocumentedDefaults() throws Exception {
        JsonNode result = run("{}");
        double total = result.get("atCentralValues").asDouble();
        assertThat(total).isCloseTo(documentedTotal(base("return_probability")), within(1e-3));
        assertThat(total).isCloseTo(HAND_TOTAL, within(1.0));
        // The headline is the Monte Carlo mean, within its band.
        assertThat(result.get("totalMeasure").asText()).isEqualTo("MONTE_CARLO_MEAN");
        assertThat(result.get("total").asDouble()).isEqualTo(result.get("mean").asDouble())
                .isBetween(result.get("low").asDouble(), result.get("high").asDouble());
        assertThat(result.get("currency").asText()).isEqualTo("KZT");
        assertThat(result.get("draws").asInt()).isEqualTo(2000);
        assertThat(result.get("overridden").size()).isZero();

        double low = result.get("low").asDouble();
        double high = result.get("high").asDouble();
        assertThat(low).isPositive().isLessThan(result.get("median").asDouble());
        assertThat(high).isGreaterThan(result.get("median").asDouble());

        JsonNode levels = result.get("perEmigrant");
        assertThat(levels.size()).isEqualTo(4);
        assertThat(levels.get(1).get("level").asText()).isEqualTo("BACHELOR");
        assertThat(levels.get(1).get("isced").asText()).isEqualTo("6");
        assertThat(levels.get(1).get("name").asText()).isEqualTo("Bachelor’s");
        // Hand check: 600,000 × 11 years of school + 700,000 × 4 years of bachelor's = 9,400,000 KZT.
        assertThat(levels.get(1).get("components").get("educationInvested").asDouble()).isEqualTo(9_400_000.0);
        assertThat(levels.get(1).get("cost").asDouble()).isCloseTo(22_560_009.722, within(0.01));
        double sum = 0;
        for (JsonNode l : levels) {
            sum += l.get("total").asDouble();
            assertThat(l.get("costLow").asDouble()).isLessThanOrEqualTo(l.get("costHigh").asDouble());
        }
        assertThat(sum).isCloseTo(total, within(1e-3));
        JsonNode views = result.get("views");
        assertThat(views.size()).isEqualTo(3);
        assertThat(views.get(0).get("mean").asDouble() + views.get(1).get("mean").asDouble())
                .isCloseTo(result.get("total").asDouble(), within(1e-6 * total));
        assertThat(views.get(2).get("inCountryCost").asBoolean()).isFalse();

        JsonNode tornado = result.get("tornado");
        assertThat(tornado.size()).isGreaterThan(10);
        for (int i = 1; i < tornado.size(); i++) {
            assertThat(tornado.get(i).get("swing").asDouble())
                    .isLessThanOrEqualTo(tornado.get(i - 1).get("swing").asDouble());
        }
        assertThat(tornado.get(0).get("name").asText()).isNotBlank();
    }

    @Test
    void theClaimIsCheckedAgainstTheNotesFigure() throws Exception {
        JsonNode claim = run("{}").get("claim");
        assertThat(claim.get("claimed").asDouble()).isEqualTo(25e9);
        assertThat(claim.get("source").get("figure").asText()).isEqualTo("outflow_cost_per_year");
        assertThat(claim.get("source").get("quote").asText()).contains("25 миллиард");
        // At the pinned inputs the model gives about 146 bn, far above the note's 25 bn.
        assertThat(claim.get("position").asText()).isEqualTo("BELOW");
        assertThat(claim.get("percentile").asDouble()).isZero();
        assertThat(claim.get("summary").asText()).contains("25").contains("below the band");
        // 25e9 × (4,693 + 1,251 + 313) / 145.5e9 ≈ 1,075 emigrants a year, at the central values.
        assertThat(claim.get("impliedEmigrants").asDouble()).isCloseTo(25e9 * 6257 / HAND_TOTAL, within(1e-6));
        assertThat(claim.get("solutions").size()).isEqualTo(5);
        for (JsonNode s : claim.get("solutions")) {
            if (s.get("reachable").asBoolean()) {
                assertThat(s.get("claimValue").asDouble()).isBetween(s.get("low").asDouble(),
                        s.get("high").asDouble());
            } else {
                assertThat(s.get("claimValue").isNull()).isTrue();
            }
        }
    }

    @Test
    void anOverrideRecomputesTotalBandAndTornado() throws Exception {
        JsonNode before = run("{\"seed\": 7}");
        JsonNode after = run("{\"overrides\": {\"return_probability\": 0.4}, \"seed\": 7}");
        assertThat(after.get("atCentralValues").asDouble()).isCloseTo(documentedTotal(0.4), within(1e-3));
        assertThat(after.get("atCentralValues").asDouble()).isCloseTo(HAND_TOTAL_RETURN_04, within(1.0));
        assertThat(after.get("total").asDouble()).isBetween(after.get("low").asDouble(), after.get("high").asDouble());
        assertThat(after.get("overridden").get(0).asText()).isEqualTo("return_probability");
        assertThat(after.get("high").asDouble()).isLessThan(before.get("high").asDouble());
        assertThat(after.get("tornado").get(0).get("totalAtLow").asDouble())
                .isNotEqualTo(before.get("tornado").get(0).get("totalAtLow").asDouble());

        JsonNode text = run("{\"overrides\": {\"return_probability\": \"0,4\"}, \"seed\": 7}");
        assertThat(text.get("total").asDouble()).isEqualTo(after.get("total").asDouble());
        JsonNode again = run("{\"overrides\": {\"return_probability\": 0.4}, \"seed\": 7}");
        assertThat(again.get("low").asDouble()).isEqualTo(after.get("low").asDouble());

        JsonNode fixed = run("{\"overrides\": {\"years_school\": 12}}");
        assertThat(fixed.get("perEmigrant").get(1).get("components").get("educationInvested").asDouble())
                .isEqualTo(600_000.0 * 12 + 700_000.0 * 4);
    }

    @Test
    void bothEndpointsAreInTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/api/openapi")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("/api/v1/cost-model/run").contains("\"Cost model\"")
                .contains("Run the cost model").contains("The cost model's parameters");
    }

    @Test
    void unknownParameterIsRefusedByName() throws Exception {
        refused("{\"overrides\": {\"return_probabilty\": 0.3}}", "en")
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("costmodel.error.override.unknown"))
                .andExpect(jsonPath("$.detail").value(
                        "Unknown parameter “return_probabilty”: GET /api/v1/cost-model lists the codes."));
        refused("{\"overrides\": {\"return_probabilty\": 0.3}}", "ru")
                .andExpect(jsonPath("$.detail").value(
                        "Неизвестный параметр «return_probabilty»: коды перечислены в GET /api/v1/cost-model."));
    }

    @Test
    void valueOutsideTheBoundsIsRefusedWithTheBounds() throws Exception {
        // Outside the plausible range (0.05–0.6) but within the bounds: accepted, and fixed at the value.
        JsonNode high = run("{\"overrides\": {\"return_probability\": 0.9}}");
        assertThat(high.get("total").asDouble()).isBetween(high.get("low").asDouble(), high.get("high").asDouble());
        refused("{\"overrides\": {\"return_probability\": 1.5}}", "en")
                .andExpect(jsonPath("$.code").value("costmodel.error.override.outsideRange"))
                .andExpect(jsonPath("$.detail").value("Probability of return (return_probability): 1.5 is outside "
                        + "the allowed bounds 0 to 1."));
        refused("{\"overrides\": {\"return_probability\": 1.5}}", "ru")
                .andExpect(jsonPath("$.detail").value("Вероятность возвращения (return_probability): 1.5 вне "
                        + "допустимых границ от 0 до 1."));
        refused("{\"overrides\": {\"return_probability\": 1.5}}", null)
                .andExpect(jsonPath("$.detail").value("Оралу ықтималдығы (return_probability): 1.5 мәні 0 мен "
                        + "1 аралығындағы рұқсат етілген шектерден тыс."));
        refused("{\"overrides\": {\"years_school\": 70}}", "en")
                .andExpect(jsonPath("$.code").value("costmodel.error.override.outsideRange"))
                .andExpect(jsonPath("$.detail").value("Years of school (years_school): 70 is outside the allowed "
                        + "bounds 0 to 12."));
        refused("{\"overrides\": {\"emigrants_school\": -5}}", "en")
                .andExpect(jsonPath("$.detail").value("Emigrants with secondary school only (emigrants_school): "
                        + "-5 is outside the allowed bounds 0 to 1000000."));
    }

    @Test
    void valueThatIsNotANumberIsRefusedByName() throws Exception {
        refused("{\"overrides\": {\"discount_rate\": \"five percent\"}}", "en")
                .andExpect(jsonPath("$.code").value("costmodel.error.override.notANumber"))
                .andExpect(jsonPath("$.detail").value("Discount rate (discount_rate): “five percent” is not a number."));
        refused("{\"overrides\": {\"discount_rate\": true}}", "ru")
                .andExpect(jsonPath("$.detail").value("Ставка дисконтирования (discount_rate): «true» — не число."));
        refused("{\"overrides\": {\"discount_rate\": null}}", "en")
                .andExpect(jsonPath("$.code").value("costmodel.error.override.notANumber"));
    }

    @Test
    void drawsOutsideTheirBoundsAndUnreadableBodiesAreRefused() throws Exception {
        refused("{\"draws\": 50}", "en")
                .andExpect(jsonPath("$.detail").value(
                        "The number of draws “50” must be a whole number from 100 to 20000."));
        refused("{\"draws\": 50000}", "ru")
                .andExpect(jsonPath("$.detail").value(
                        "Число испытаний «50000» должно быть целым от 100 до 20000."));
        refused("{\"overrides\": [1, 2]}", "en").andExpect(jsonPath("$.status").value(400));
        refused("not json", "en").andExpect(jsonPath("$.status").value(400));
    }
}
