package kz.agyn.costmodel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.costmodel.ParameterSet;
import kz.agyn.demo.warehouse.Observation;
import kz.agyn.demo.warehouse.SyntheticSeries;
import kz.agyn.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost model's defaults from the indicator warehouse's demonstration data: emigrants at ISCED 6–8 of the
 * synthetic series' latest year, the note's pay of university teachers, each naming its dataset, year and version;
 * the rest still the documented defaults; overrides still checked against the ranges.
 */
class CostModelWarehouseInputsTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Warehouse warehouse;

    /** National emigrants of 2024 at an ISCED code, from the generator itself rather than the model's lookup. */
    private static long generated(String education) {
        List<Observation> rows = SyntheticSeries.generate(SyntheticSeries.SEED).stream()
                .filter(o -> o.indicator().equals("EMIGRANTS") && o.timePeriod() == 2024
                        && o.refArea().equals("000000000") && o.occupation().equals("_T")
                        && o.counterpartArea().equals("_T") && o.sex().equals("_T") && o.age().equals("_T")
                        && o.education().equals(education))
                .toList();
        assertThat(rows).hasSize(1);
        return rows.get(0).obsValue();
    }

    private JsonNode model(String language) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/cost-model").with(CostModelApiTest.VIEWER)
                        .header("Accept-Language", language)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode parameter(JsonNode model, String code) {
        for (JsonNode p : model.get("parameters")) {
            if (p.get("code").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + code);
    }

    @Test
    void syntheticEmigrantCountsAreNotTakenForTheHeadline() throws Exception {
        // Issue 15: the headline priced the synthetic 2024 series. The warehouse holds no published emigrants by
        // education, so the documented defaults (from the note's published 31,287) stand.
        JsonNode model = model("en");
        for (String level : new String[] {"bachelor", "master", "phd"}) {
            JsonNode p = parameter(model, "emigrants_" + level);
            ParameterSet d = ParameterSet.defaults();
            assertThat(p.get("value").asDouble()).as(level).isEqualTo(d.value("emigrants_" + level));
            assertThat(p.get("warehouse").isNull()).as(level).isTrue();
            assertThat(p.get("source").asText()).isEqualTo(d.get("emigrants_" + level).source().citation());
            assertThat(p.get("assumption").asBoolean()).isTrue();
        }
        JsonNode school = parameter(model, "emigrants_school");
        assertThat(school.get("warehouse").isNull()).isTrue();
        assertThat(school.get("value").asDouble()).isZero();
        assertThat(model.get("warehouseInputs").asText()).contains("indicator warehouse")
                .contains("costmodel/defaults.properties").contains("synthetic");
    }

    @Test
    void theNotesScenarioUsesTheSyntheticCountsAndSaysSo() throws Exception {
        // The scenario's counts (costmodel/scenarios.properties) are the generator's 2024 figures.
        JsonNode r = run("{\"scenario\": \"note_25bn\"}");
        assertThat(r.get("scenario").asText()).isEqualTo("note_25bn");
        for (String[] level : new String[][] {{"1", "6"}, {"2", "7"}, {"3", "8"}}) {
            assertThat(r.get("perEmigrant").get(Integer.parseInt(level[0])).get("emigrants").asDouble())
                    .isEqualTo(generated(level[1]));
        }
        assertThat(r.get("reading").get("atCentralValues").asDouble()).isCloseTo(25_143_617_500.0, within(1.0));
        assertThat(r.get("reading").get("synthetic").asBoolean()).isTrue();
        assertThat(r.get("reading").get("explanation").asText()).contains("25.1").contains("synthetic");
    }

    @Test
    void payOfTheHighlySkilledIsTheNotesFigureFromTheWarehouse() throws Exception {
        JsonNode p = parameter(model("en"), "pay_highly_skilled");
        assertThat(p.get("value").asDouble()).isEqualTo(272_188.0);
        JsonNode w = p.get("warehouse");
        assertThat(w.get("dataset").asText()).isEqualTo("note-2024-11-06");
        assertThat(w.get("indicator").asText()).isEqualTo("WAGE_AVG");
        assertThat(w.get("code").asText()).isEqualTo("23");
        assertThat(w.get("period").asText()).isEqualTo("2022");
        assertThat(w.get("synthetic").asBoolean()).isFalse();
        assertThat(p.get("assumption").asBoolean()).isFalse();
        // The documented range already holds the figure, so it stays.
        assertThat(p.get("low").asDouble()).isEqualTo(200_000.0);
        assertThat(p.get("high").asDouble()).isEqualTo(450_000.0);
        assertThat(p.get("source").asText()).startsWith("Indicator warehouse: Average wage, ISCO-08 23, "
                + "Kazakhstan, 2022; dataset “Analytical note, 06.11.2024”");
        JsonNode ru = parameter(model("ru"), "pay_highly_skilled");
        assertThat(ru.get("source").asText()).startsWith("Хранилище показателей: Средняя заработная плата, "
                + "МСКЗ-08 23, Казахстан, 2022; набор данных «Аналитическая записка, 06.11.2024»");
    }

    @Test
    void overridesOfEmigrantCountsFixThemWithinTheirBounds() throws Exception {
        double master = ParameterSet.defaults().value("emigrants_master");
        JsonNode base = run("{\"seed\": 5}");
        JsonNode changed = run("{\"overrides\": {\"emigrants_master\": " + (master + 40) + "}, \"seed\": 5}");
        assertThat(changed.get("overridden").get(0).asText()).isEqualTo("emigrants_master");
        double perMaster = base.get("perEmigrant").get(2).get("cost").asDouble();
        assertThat(changed.get("atCentralValues").asDouble() - base.get("atCentralValues").asDouble())
                .isCloseTo(40 * perMaster, within(1e-3));
        assertThat(changed.get("total").asDouble())
                .isBetween(changed.get("low").asDouble(), changed.get("high").asDouble());

        mvc.perform(post("/api/v1/cost-model/run").with(CostModelApiTest.ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"overrides\": {\"emigrants_master\": 1000001}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("costmodel.error.override.outsideRange"));
    }

    @Test
    void thePageShowsTheWarehouseSourceWithItsSyntheticBadge() throws Exception {
        String html = mvc.perform(get("/cost-model").param("lang", "ru").with(CostModelApiTest.VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-source=\"warehouse\"").contains("data-source=\"default\"")
                .contains("Хранилище показателей: Средняя заработная плата, МСКЗ-08 23, Казахстан, 2022")
                .doesNotContain("Хранилище показателей: Эмигранты, МСКО 6")
                .contains("СИНТЕТИЧЕСКИЕ ДАННЫЕ");
        String kk = mvc.perform(get("/cost-model").param("lang", "kk").param("scenario", "note_25bn")
                        .with(CostModelApiTest.VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(kk).contains("Жазбаның 25 млрд").contains("25,1").contains("СИНТЕТИКАЛЫҚ");
    }

    private JsonNode run(String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/cost-model/run").with(CostModelApiTest.ANALYST).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
