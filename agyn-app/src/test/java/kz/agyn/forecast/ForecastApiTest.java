package kz.agyn.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.forecast.engine.Method;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.warehouse.Dimension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/forecasts} on the demonstration data, its refusals of bad input (each a 400 or 404 with the
 * reason in the reader's language, never a 500), the page's own errors, and a FORECAST batch stored with the
 * data version it read.
 */
class ForecastApiTest extends AgynTest {

    static final String DATASET = "test-forecast-gaps";
    /** A series with 2012 missing (country KG, women), and one with a zero (country KG, men). */
    static final String CSV = """
            indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status
            EMIGRANTS,2010,KZ,,,KG,F,,EMI,120,PERSONS,A
            EMIGRANTS,2011,KZ,,,KG,F,,EMI,130,PERSONS,A
            EMIGRANTS,2013,KZ,,,KG,F,,EMI,150,PERSONS,A
            EMIGRANTS,2014,KZ,,,KG,F,,EMI,160,PERSONS,A
            EMIGRANTS,2015,KZ,,,KG,F,,EMI,165,PERSONS,A
            EMIGRANTS,2016,KZ,,,KG,F,,EMI,171,PERSONS,A
            EMIGRANTS,2010,KZ,,,KG,M,,EMI,0,PERSONS,A
            EMIGRANTS,2011,KZ,,,KG,M,,EMI,110,PERSONS,A
            EMIGRANTS,2012,KZ,,,KG,M,,EMI,115,PERSONS,A
            EMIGRANTS,2013,KZ,,,KG,M,,EMI,121,PERSONS,A
            EMIGRANTS,2014,KZ,,,KG,M,,EMI,125,PERSONS,A
            EMIGRANTS,2015,KZ,,,KG,M,,EMI,131,PERSONS,A
            """;
    @Autowired
    kz.agyn.jobs.Jobs jobs;

    static final RequestPostProcessor ANALYST = user("forecast-analyst").roles("ANALYST");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ForecastService forecasts;

    @Autowired
    kz.agyn.warehouse.Warehouse warehouse;

    @BeforeEach
    void loaded() throws Exception {
        load(DATASET, CSV);
    }

    private void load(String dataset, String csv) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(dataset).query(Integer.class)
                .single() > 0) {
            return;
        }
        mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + dataset + "\",\"titleKk\":\"Тест\",\"titleRu\":\"Тест\","
                                + "\"titleEn\":\"Test\",\"publisher\":\"Agyn tests\"}"))
                .andExpect(status().isCreated());
        String report = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "series.csv",
                                "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("dataset", dataset).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(report).get("status").asText()).as(report).isEqualTo("VALID");
        mvc.perform(post("/api/v1/imports/" + json.readTree(report).get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk());
    }

    /**
     * Found in CI: another dataset's EMIGRANTS without a flow (stored "_Z", not applicable) made the form select
     * "_Z" by default on the demonstration series, which has only EMI and IMM, and the forecast found no figures.
     * The form now offers and selects only what the dataset it reads holds, as the service resolves it.
     */
    @Test
    void theFormOffersOnlyTheCodesOfTheDatasetItReads() throws Exception {
        load("test-forecast-no-flow", """
                indicator,period,region,occupation,education,country,sex,age,value,unit,status
                EMIGRANTS,2010,KZ,,,,,,100,PERSONS,A
                EMIGRANTS,2011,KZ,,,,,,110,PERSONS,A
                EMIGRANTS,2012,KZ,,,,,,121,PERSONS,A
                EMIGRANTS,2013,KZ,,,,,,130,PERSONS,A
                EMIGRANTS,2014,KZ,,,,,,142,PERSONS,A
                EMIGRANTS,2015,KZ,,,,,,150,PERSONS,A
                """);
        String html = mvc.perform(get("/forecast").param("indicator", "EMIGRANTS")
                        .param("dataset", "synthetic-emigration").header("Accept-Language", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        // The demonstration's emigrants are all EMI: no choice of flow to make, where "_Z" was offered and selected.
        assertThat(page.select("#forecast-form").isEmpty()).isFalse();
        assertThat(page.select("#forecast-flow")).isEmpty();
        assertThat(page.select("#forecast-occupation option").eachAttr("value")).contains("2", "_T");
        assertThat(page.select("#forecast-occupation option[selected]").eachAttr("value")).containsExactly("_T");
        assertThat(page.select("#forecast-dataset option[selected]").eachAttr("value"))
                .containsExactly("synthetic-emigration");
        // Without a dataset named, the longest series is read (each dataset's unnamed dimensions resolved in its
        // own codes), the form shows that dataset's codes, and offers every dataset holding the indicator.
        org.jsoup.nodes.Document any = org.jsoup.Jsoup.parse(mvc.perform(get("/forecast")
                        .param("indicator", "EMIGRANTS").param("occupation", "2").param("method", "NAIVE")
                        .with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(any.select("#forecast-error")).isEmpty();
        assertThat(any.select("#forecast-source").text()).isNotBlank();
        assertThat(forecasts.series(SeriesChoice.of("EMIGRANTS", null, "2", null, null, null, null, null, null),
                Set.of("ANALYST")).dataset().code()).isEqualTo("synthetic-emigration");
        assertThat(any.select("#forecast-flow")).isEmpty();
        assertThat(any.select("#forecast-dataset option").eachAttr("value"))
                .contains("", "synthetic-emigration", "test-forecast-no-flow");
        assertThat(any.select("#forecast-dataset option[selected]").eachAttr("value")).containsExactly("");
        assertThat(forecasts.resolved(SeriesChoice.of("EMIGRANTS", null, "2", null, null, null, null, null,
                "synthetic-emigration")).filters()).containsEntry(Dimension.FLOW, "EMI");
        assertThat(forecasts.resolved(SeriesChoice.of("EMIGRANTS", null, null, null, null, null, null, null,
                "test-forecast-no-flow")).filters()).containsEntry(Dimension.FLOW, "_Z");
        // The form as a browser sends it finds the series.
        mvc.perform(get("/forecast").param("indicator", "EMIGRANTS").param("dataset", "synthetic-emigration")
                        .param("occupation", "2").param("horizon", "6").param("method", "NAIVE")
                        .header("Accept-Language", "en").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("forecast-error"))));
    }

    @Test
    void professionalsEmigrationTo2030WithIntervalsModelBacktestAndDataVersion() throws Exception {
        String body = mvc.perform(get("/api/v1/forecasts").param("indicator", "EMIGRANTS").param("occupation", "2")
                        .param("horizon", "6").header("Accept-Language", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode r = json.readTree(body);
        assertThat(r.get("indicator").asText()).isEqualTo("EMIGRANTS");
        assertThat(r.get("selection").get("occupation").asText()).isEqualTo("2");
        assertThat(r.get("selection").get("region").asText()).isEqualTo("KZ");
        assertThat(r.get("periodsPerYear").asInt()).isEqualTo(1);
        assertThat(r.get("observed")).hasSize(15);
        assertThat(r.get("observed").get(0).get("period").asText()).isEqualTo("2010");
        assertThat(r.get("dataset").asText()).isNotBlank();
        assertThat(r.get("datasetVersion").asInt()).isPositive();
        assertThat(r.get("synthetic").asBoolean()).isTrue();
        assertThat(r.get("automatic").asBoolean()).isTrue();
        JsonNode f = r.get("forecast");
        assertThat(f).hasSize(6);
        assertThat(f.get(5).get("period").asText()).isEqualTo("2030");
        for (JsonNode p : f) {
            assertThat(p.get("lo95").asDouble()).isLessThanOrEqualTo(p.get("lo80").asDouble());
            assertThat(p.get("lo80").asDouble()).isLessThan(p.get("mean").asDouble());
            assertThat(p.get("mean").asDouble()).isLessThan(p.get("hi80").asDouble());
            assertThat(p.get("hi80").asDouble()).isLessThanOrEqualTo(p.get("hi95").asDouble());
        }
        JsonNode bt = r.get("backtest");
        assertThat(bt.get("origins").asInt()).isEqualTo(8);
        assertThat(bt.get("horizon").asInt()).isEqualTo(3);
        assertThat(bt.get("methods")).hasSize(6);
        assertThat(bt.get("naive2").get("mase").asDouble()).isPositive();
        // The method chosen is the one with the lowest backtest MASE.
        String chosen = r.get("method").asText();
        double best = Double.MAX_VALUE;
        String bestMethod = null;
        for (JsonNode m : bt.get("methods")) {
            if (!m.get("mase").isNull() && m.get("mase").asDouble() < best) {
                best = m.get("mase").asDouble();
                bestMethod = m.get("method").asText();
            }
        }
        assertThat(chosen).isEqualTo(bestMethod);
        assertThat(r.get("model").get("description").toString()).contains("Chosen automatically");
    }

    @Test
    void tramoAskedForDescribesOrdersTransformationAndFitInRussian() throws Exception {
        mvc.perform(get("/api/v1/forecasts").param("indicator", "EMIGRANTS").param("horizon", "5")
                        .param("method", "tramo").header("Accept-Language", "ru").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.method").value("TRAMO"))
                .andExpect(jsonPath("$.model.orders").isNotEmpty())
                .andExpect(jsonPath("$.model.description[0]", containsString("автоматическое моделирование")))
                .andExpect(jsonPath("$.forecast.length()").value(5));
    }

    @Test
    void badInputIsToldNeverA500() throws Exception {
        expect(Map.of("indicator", "NO_SUCH_THING"), 404, "No indicator with the code NO_SUCH_THING");
        expect(Map.of("indicator", "EMIGRANTS", "horizon", "0"), 400, "Horizon 0 is out of range: give 1 to 10");
        expect(Map.of("indicator", "EMIGRANTS", "horizon", "1000"), 400, "Horizon 1000 is out of range");
        expect(Map.of("indicator", "EMIGRANTS", "horizon", "ten"), 400, "whole number");
        expect(Map.of("indicator", "EMIGRANTS", "method", "ORACLE"), 400, "Unknown method");
        // One year of ISCO 2 with education level 3: a single point.
        expect(Map.of("indicator", "EMIGRANTS", "occupation", "2", "education", "3"), 400,
                "The series has 1 points; a forecast needs at least 5");
        expect(Map.of("indicator", "EMIGRANTS", "country", "KG", "sex", "F", "dataset", DATASET), 400,
                "2012 is missing before 2013");
        expect(Map.of("indicator", "EMIGRANTS", "country", "KG", "sex", "M", "dataset", DATASET, "method", "TRAMO",
                "transform", "LOG"), 400, "A logarithm needs positive values");
        expect(Map.of("indicator", "EMIGRANTS", "country", "ZZ"), 404, "no figures of EMIGRANTS");
    }

    @Test
    void thePageSaysWhatIsWrongAboveTheForm() throws Exception {
        mvc.perform(get("/forecast").param("indicator", "EMIGRANTS").param("horizon", "1000")
                        .header("Accept-Language", "kk").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("көкжиегі рұқсат етілген шектен тыс")));
    }

    @Test
    void aBatchForecastsEveryOccupationGroupAndStoresTheDataVersion() {
        ForecastService.Batch batch = new ForecastService.Batch("EMIGRANTS", Map.of(), List.of(Dimension.OCCUPATION),
                3, Method.THETA);
        int series = forecasts.batchSeries(batch).size();
        assertThat(series).isGreaterThanOrEqualTo(11);
        JobView job = forecasts.runBatch(batch, "forecast-analyst", Set.of("ANALYST"));
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.done()).isEqualTo(series);
        var stored = forecasts.stored(job.id());
        assertThat(stored).hasSize(series);
        var professionals = stored.stream().filter(s -> "2".equals(s.filters().get("OCCUPATION"))).findFirst()
                .orElseThrow();
        assertThat(professionals.error()).isNull();
        assertThat(professionals.method()).isEqualTo("THETA");
        assertThat(professionals.lastPeriod()).isEqualTo("2024");
        assertThat(professionals.datasetVersion())
                .isEqualTo(warehouse.dataset(professionals.dataset()).orElseThrow().currentVersion());
        assertThat(job.outcome()).isEqualTo("forecast.batch.outcome");
        assertThat(job.resultLink()).isEqualTo("/forecast/batch/" + job.id());
    }

    @Test
    void theBatchFormStartsAJobWhosePageNamesEverySeriesInTheReadersLanguage() throws Exception {
        String location = mvc.perform(post("/forecast/batch").param("indicator", "EMIGRANTS").param("horizon", "3")
                        .param("method", "NAIVE").param("across", "OCCUPATION")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()).with(ANALYST))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/forecast/batch/");
        java.util.UUID id = java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        for (int i = 0; i < 1200 && jobs.find(id).orElseThrow().state() == JobState.RUNNING; i++) {
            Thread.sleep(100);
        }
        assertThat(jobs.find(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        String page = mvc.perform(get(location).param("lang", "kk").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var rows = org.jsoup.Jsoup.parse(page).select("#forecast-batch-results tbody tr");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(11);
        assertThat(page).doesNotContain("OCCUPATION=").contains("Эмигранттар")
                .contains("(2)").contains("Аңғал");
    }

    private void expect(Map<String, String> params, int status, String detail) throws Exception {
        var request = get("/api/v1/forecasts").header("Accept-Language", "en").with(ANALYST);
        params.forEach(request::param);
        String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(body).get("detail").asText()).as(params.toString()).contains(detail);
    }

}
