package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditEvent;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Choosing a survey's margin source over the API: the current source and the choices are read by anyone signed
 * in; an analyst switches between warehouse periods and back to the survey's own margins, and the estimates
 * follow at once; every refusal leaves the survey as it was, and says why in the caller's language.
 */
class SurveyMarginChoiceApiTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("margins-choice-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("margins-choice-viewer").roles("VIEWER");

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

    @Autowired
    AuditLog audit;

    MarginFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new MarginFixture(surveys, repository, warehouse, imports);
    }

    private JsonNode read(String path, RequestPostProcessor who, String... params) throws Exception {
        var request = get(path).with(who).header("Accept-Language", "en");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode margins(int id) throws Exception {
        return read("/api/v1/surveys/" + id + "/margins", ANALYST);
    }

    private JsonNode weighting(int id) throws Exception {
        return read("/api/v1/surveys/" + id + "/estimates", ANALYST, "question", "reasons_main").get("weighting");
    }

    private double payShare(int id) throws Exception {
        JsonNode e = read("/api/v1/surveys/" + id + "/estimates", ANALYST, "question", "reasons_main");
        for (JsonNode o : e.get("options")) {
            if (o.get("option").asText().equals("pay")) {
                return o.get("share").asDouble();
            }
        }
        throw new AssertionError("no share of pay in " + e);
    }

    private ResultActions choose(int id, String body, RequestPostProcessor who, String language) throws Exception {
        return mvc.perform(put("/api/v1/surveys/" + id + "/margins").with(who).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", language));
    }

    @Test
    void anyoneSignedInReadsTheSourceAndTheChoices() throws Exception {
        JsonNode m = read("/api/v1/surveys/" + fixture.withOwn.id() + "/margins", VIEWER);
        assertThat(m.get("current").get("kind").asText()).isEqualTo("OWN");
        assertThat(m.get("ownMargins").asBoolean()).isTrue();
        assertThat(m.get("ownSource").asText()).isEqualTo(MarginFixture.OWN_SOURCE);
        assertThat(m.get("indicator").asText()).isEqualTo("POP_YOUNG_SPECIALISTS");
        JsonNode test = null;
        JsonNode synthetic = null;
        for (JsonNode c : m.get("choices")) {
            if (c.get("dataset").asText().equals(MarginFixture.DATASET)) {
                test = c;
            } else if (c.get("dataset").asText().equals("synthetic-population")) {
                synthetic = c;
            }
        }
        assertThat(test).as("the test dataset is a choice").isNotNull();
        assertThat(test.get("periods").toString()).isEqualTo("[\"2024\",\"2023\"]");
        assertThat(test.get("title").get("en").asText()).isEqualTo(MarginFixture.TITLE_EN);
        assertThat(synthetic).as("the synthetic population is a choice").isNotNull();
        assertThat(synthetic.get("periods").toString()).contains("\"2024\"");
        assertThat(synthetic.get("synthetic").asBoolean()).isTrue();
        for (JsonNode c : m.get("choices")) {
            assertThat(c.get("dataset").asText()).as("only datasets that hold the margin indicator")
                    .isNotEqualTo("synthetic-emigration");
        }

        Survey demo = surveys.survey("demo-young-specialists-2024").orElseThrow();
        JsonNode current = read("/api/v1/surveys/" + demo.id() + "/margins", VIEWER).get("current");
        assertThat(current.get("kind").asText()).isEqualTo("WAREHOUSE");
        assertThat(current.get("dataset").asText()).isEqualTo("synthetic-population");
        assertThat(current.get("period").asText()).isEqualTo("2024");
        assertThat(current.get("title").get("en").asText()).isEqualTo("Population 2010–2024 (synthetic)");
        assertThat(current.get("publisher").asText()).isEqualTo("Agyn");
        assertThat(current.get("version").asInt())
                .isEqualTo(warehouse.dataset("synthetic-population").orElseThrow().currentVersion());
        assertThat(current.get("synthetic").asBoolean()).isTrue();

        assertThat(read("/api/v1/surveys/" + fixture.withoutOwn.id() + "/margins", VIEWER).get("current")
                .get("kind").asText()).isIn("NONE", "WAREHOUSE");
        mvc.perform(get("/api/v1/surveys/999999/margins").with(VIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void anAnalystSwitchesPeriodsAndBackAndTheEstimatesFollowAtOnce() throws Exception {
        int id = fixture.withOwn.id();
        try {
            assertThat(weighting(id).get("warehouse").isNull()).isTrue();
            assertThat(payShare(id)).isCloseTo(0.5, within(1e-6));

            JsonNode answer = json.readTree(choose(id, "{\"dataset\": \"" + MarginFixture.DATASET
                    + "\", \"period\": \"2024\"}", ANALYST, "en").andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(answer.get("current").get("kind").asText()).isEqualTo("WAREHOUSE");
            assertThat(answer.get("current").get("period").asText()).isEqualTo("2024");
            JsonNode w = weighting(id);
            assertThat(w.get("warehouse").get("dataset").asText()).isEqualTo(MarginFixture.DATASET);
            assertThat(w.get("warehouse").get("period").asText()).isEqualTo("2024");
            assertThat(w.get("marginSource").asText()).contains(MarginFixture.DATASET, "2024");
            assertThat(payShare(id)).isCloseTo(0.6, within(1e-6));

            choose(id, "{\"dataset\": \"" + MarginFixture.DATASET + "\", \"period\": \"2023\"}", ANALYST, "en")
                    .andExpect(status().isOk());
            assertThat(weighting(id).get("warehouse").get("period").asText()).isEqualTo("2023");
            assertThat(payShare(id)).isCloseTo(0.4, within(1e-6));

            choose(id, "{\"dataset\": null}", ANALYST, "en").andExpect(status().isOk())
                    .andExpect(jsonPath("$.current.kind").value("OWN"));
            w = weighting(id);
            assertThat(w.get("warehouse").isNull()).isTrue();
            assertThat(w.get("marginSource").asText()).isEqualTo(MarginFixture.OWN_SOURCE);
            assertThat(payShare(id)).isCloseTo(0.5, within(1e-6));

            List<String> details = new ArrayList<>();
            for (AuditEvent e : audit.search(new AuditQuery("margins-choice-analyst", AuditAction.UPDATE,
                    MarginService.AUDIT_SUBJECT, (long) id, null, null, 0, 3))) {
                assertThat(e.channel()).isEqualTo("API");
                details.add(e.detail());
            }
            assertThat(details).containsExactly(
                    "survey " + MarginFixture.WITH_OWN + " margin source warehouse " + MarginFixture.DATASET
                            + " 2023 -> own margins",
                    "survey " + MarginFixture.WITH_OWN + " margin source warehouse " + MarginFixture.DATASET
                            + " 2024 -> warehouse " + MarginFixture.DATASET + " 2023",
                    "survey " + MarginFixture.WITH_OWN + " margin source own margins -> warehouse "
                            + MarginFixture.DATASET + " 2024");
        } finally {
            repository.warehouseMargins(id, null, null);
        }
    }

    @Test
    void aRefusedChoiceLeavesTheSurveyAsItWas() throws Exception {
        int id = fixture.withOwn.id();
        JsonNode before = margins(id);
        long audited = audit.count(new AuditQuery(null, null, MarginService.AUDIT_SUBJECT, (long) id, null, null,
                0, 0));

        choose(id, "{\"dataset\": \"no-such-dataset\", \"period\": \"2024\"}", ANALYST, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.margins.choice.noDataset"))
                .andExpect(jsonPath("$.detail").value("The indicator warehouse has no dataset \"no-such-dataset\". "
                        + "Choose one of the datasets that hold POP_YOUNG_SPECIALISTS."));
        assertThat(margins(id)).isEqualTo(before);

        choose(id, "{\"dataset\": \"" + MarginFixture.DATASET + "\", \"period\": \"2019\"}", ANALYST, "ru")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("survey.margins.warehouse.empty"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("«" + MarginFixture.DATASET
                        + "» нет показателя POP_YOUNG_SPECIALISTS за 2019")));
        assertThat(margins(id)).isEqualTo(before);

        // The synthetic population counts every region, age group and education level; the survey's respondents
        // are in two regions only, so no weights can meet the other regions' margins.
        for (String[] language : new String[][] {
                {"en", "The weights cannot be raked to the population of 2024 in warehouse dataset "
                        + "\"synthetic-population\": Category \""},
                {"ru", "Веса нельзя откалибровать к численности за 2024 из набора данных хранилища "
                        + "«synthetic-population»: У категории «"},
                {"kk", "Салмақтарды қоймадағы «synthetic-population» деректер жиынтығының 2024 жылғы халық "
                        + "санына калибрлеу мүмкін емес: «"}}) {
            choose(id, "{\"dataset\": \"synthetic-population\", \"period\": \"2024\"}", ANALYST, language[0])
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("survey.margins.choice.rakingWarehouse"))
                    .andExpect(jsonPath("$.detail").value(Matchers.startsWith(language[1])));
        }
        assertThat(margins(id)).isEqualTo(before);

        choose(id, "{\"dataset\": \"" + MarginFixture.DATASET + "\", \"period\": \"2024\"}", VIEWER, "en")
                .andExpect(status().isForbidden());
        assertThat(margins(id)).isEqualTo(before);
        assertThat(audit.count(new AuditQuery(null, null, MarginService.AUDIT_SUBJECT, (long) id, null, null, 0,
                0))).as("nothing refused is audited as a change").isEqualTo(audited);
    }

    /**
     * A survey without margins of its own, weighted to a warehouse dataset, goes back to no margins at all: its
     * design weights as they are. Without this, a warehouse choice could never be undone for such a survey.
     */
    @Test
    void aSurveyWithoutMarginsOfItsOwnGoesBackToNone() throws Exception {
        int id = fixture.withoutOwn.id();
        try {
            repository.warehouseMargins(id, MarginFixture.DATASET, "2024");
            long audited = audit.count(new AuditQuery(null, null, MarginService.AUDIT_SUBJECT, (long) id, null, null,
                    0, 0));
            assertThat(margins(id).get("ownMargins").asBoolean()).isFalse();
            choose(id, "{\"dataset\": null}", ANALYST, "en").andExpect(status().isOk())
                    .andExpect(jsonPath("$.current.kind").value("NONE"));
            assertThat(margins(id).get("current").get("kind").asText()).isEqualTo("NONE");
            JsonNode warehouse = weighting(id).get("warehouse");
            assertThat(warehouse == null || warehouse.isNull()).as("no warehouse margins any more").isTrue();
            assertThat(audit.count(new AuditQuery(null, null, MarginService.AUDIT_SUBJECT, (long) id, null, null, 0,
                    0))).isEqualTo(audited + 1);
        } finally {
            repository.warehouseMargins(id, null, null);
        }
    }

    @Test
    void theOperationsAreDocumented() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/api/openapi")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode path = api.get("paths").get("/api/v1/surveys/{id}/margins");
        assertThat(path.get("get").get("description").asText()).contains("POP_YOUNG_SPECIALISTS", "choices");
        assertThat(path.get("put").get("description").asText()).contains("survey.margins.choice.noDataset",
                "ADMIN and ANALYST");
        assertThat(path.get("put").get("requestBody").toString()).contains("MarginChoice");
    }
}
