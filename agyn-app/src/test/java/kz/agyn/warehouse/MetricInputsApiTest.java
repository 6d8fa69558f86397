package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two published datasets in the warehouse for one region (Pavlodar, where only synthetic data live otherwise): a
 * long one (2015–2022, two education levels a year) and a wide one (2021–2022, four levels a year, so more rows in a
 * short window). Before issue 15 the dataset with more rows in the window asked for won, so 2022's value changed with
 * the window; now the order is fixed from the whole series, and every value names its datasets, through the API and
 * on the page in each language.
 */
class MetricInputsApiTest extends AgynTest {

    static final String LONG = "test-mi-long";
    static final String WIDE = "test-mi-wide";
    static final String REGION = "550000000";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private static String row(String indicator, int year, String education, String flow, Object value) {
        return String.join(",", indicator, String.valueOf(year), REGION, "", education, "", "", "", flow,
                String.valueOf(value)) + "\n";
    }

    static String longCsv() {
        StringBuilder sb = new StringBuilder("indicator,period,region,occupation,education,country,sex,age,flow,value\n");
        for (int y = 2015; y <= 2022; y++) {
            sb.append(row("EMIGRANTS", y, "3", "EMI", 400 + y - 2015));
            sb.append(row("EMIGRANTS", y, "6", "EMI", 100 + 10 * (y - 2015)));
            sb.append(row("POP_TERTIARY_25PLUS", y, "", "", 300_000 + 1_000 * (y - 2015)));
        }
        return sb.toString();
    }

    static String wideCsv() {
        StringBuilder sb = new StringBuilder("indicator,period,region,occupation,education,country,sex,age,flow,value\n");
        for (int y = 2021; y <= 2022; y++) {
            for (String level : new String[] {"3", "5", "6", "7"}) {
                sb.append(row("EMIGRANTS", y, level, "EMI", 90 + y - 2021));
            }
            sb.append(row("POP_TERTIARY_25PLUS", y, "", "", 310_000));
        }
        return sb.toString();
    }

    @BeforeEach
    void loaded() throws Exception {
        load(LONG, longCsv());
        load(WIDE, wideCsv());
    }

    private void load(String code, String csv) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(code).query(Integer.class).single() > 0) {
            return;
        }
        mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"titleKk\":\"Тест\",\"titleRu\":\"Тест\","
                                + "\"titleEn\":\"Metric inputs test\",\"publisher\":\"Agyn tests\"}"))
                .andExpect(status().isCreated());
        String report = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", code + ".csv",
                                "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("dataset", code).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(report).get("status").asText()).as(report).isEqualTo("VALID");
        mvc.perform(post("/api/v1/imports/" + json.readTree(report).get("id").asText() + "/accept")
                .with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk());
    }

    private JsonNode api(MockHttpServletRequestBuilder r) throws Exception {
        return json.readTree(mvc.perform(r.with(user("mi-analyst").roles("ANALYST")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode point(JsonNode result, String period) {
        for (JsonNode p : result.get("points")) {
            if (p.get("period").asText().equals(period)) {
                return p;
            }
        }
        throw new AssertionError("no " + period + " in " + result);
    }

    @ParameterizedTest
    @CsvSource({"2015,2022", "2022,2022", "2021,2022", ",", "2022,"})
    void theValueOfAYearAndItsDatasetsAreTheSameForEveryWindow(String from, String to) throws Exception {
        MockHttpServletRequestBuilder r = get("/api/v1/metrics/skilled_outflow_rate").param("region", REGION);
        if (from != null) {
            r.param("from", from);
        }
        if (to != null) {
            r.param("to", to);
        }
        JsonNode p = point(api(r), "2022");
        // The long dataset has more periods: its 2022 is read whatever the window. 170 / (307,000 + 170).
        assertThat(p.get("inputs").get("F_h").decimalValue()).isEqualByComparingTo("170");
        assertThat(p.get("value").decimalValue().doubleValue()).isEqualTo(170 / 307_170.0, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(p.get("sources").get("F_h").asText()).startsWith(LONG + " v");
        assertThat(p.get("sources").get("N_h").asText()).startsWith(LONG + " v").endsWith("POP_TERTIARY_25PLUS");
    }

    @Test
    void theUsersOrderOfDatasetsIsFollowedAndEchoed() throws Exception {
        JsonNode r = api(get("/api/v1/metrics/skilled_outflow_rate").param("region", REGION)
                .param("dataset", WIDE + "," + LONG));
        assertThat(r.get("preference").get(0).asText()).isEqualTo(WIDE);
        // 2022 from the wide dataset (levels 5, 6, 7: 3 × 91), 2016 from the long one, each saying so.
        assertThat(point(r, "2022").get("inputs").get("F_h").decimalValue()).isEqualByComparingTo("273");
        assertThat(point(r, "2022").get("sources").get("F_h").asText()).startsWith(WIDE + " v");
        assertThat(point(r, "2016").get("sources").get("F_h").asText()).startsWith(LONG + " v");
        assertThat(r.get("syntheticSources")).isEmpty();
    }

    @Test
    void aWindowWithAGapIsListedWithTheYearItLacks() throws Exception {
        JsonNode r = api(get("/api/v1/metrics/skilled_outflow_rate").param("region", REGION).param("dataset", WIDE)
                .param("window", "2"));
        assertThat(r.get("points")).hasSize(1);
        assertThat(r.get("missing").toString()).contains("2021: no value: the 2-year window lacks 2020");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"en|The window must be a whole number of years from 1 to 50, not 0",
        "ru|Окно должно быть целым числом лет от 1 до 50, а не 0",
        "kk|Терезе 1-ден 50-ге дейінгі бүтін жыл саны болуы керек, 0 емес"})
    void aWindowOfZeroIsA400InTheUsersLanguage(String language, String message) throws Exception {
        String body = mvc.perform(get("/api/v1/metrics/skilled_outflow_rate").param("window", "0")
                        .header("Accept-Language", language).with(user("mi-analyst").roles("ANALYST")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(message);
        mvc.perform(get("/warehouse/metrics").param("metric", "skilled_outflow_rate").param("window", "-1")
                .param("lang", language).with(user("mi-analyst").roles("ANALYST"))).andExpect(status().isBadRequest());
    }

    @Test
    void otherMistakesAre400s() throws Exception {
        for (String[] q : new String[][] {{"peerGroup", "richest"}, {"from", "20x2"}, {"dataset", "no-such-set"}}) {
            mvc.perform(get("/api/v1/metrics/rd_gap").param(q[0], q[1]).header("Accept-Language", "en")
                    .with(user("mi-analyst").roles("ANALYST"))).andExpect(status().isBadRequest());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"en|Datasets, in order of preference|Read from|window lacks 2014",
        "ru|Наборы данных в порядке предпочтения|Откуда взято|нет 2014",
        "kk|Деректер жиынтықтары, артықшылық ретімен|Қайдан алынды|2014 жоқ"})
    void thePageShowsTheDatasetsOfEachValueAndTheReasonsInEachLanguage(String language, String preference,
                                                                       String column, String reason) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/warehouse/metrics").param("metric", "skilled_outflow_rate")
                        .param("region", REGION).param("dataset", WIDE + "," + LONG).param("window", "2")
                        .param("lang", language).with(user("mi-viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#metric-preference").text()).contains(preference).contains(WIDE + " → " + LONG);
        assertThat(page.select("#metric-dataset").attr("value")).isEqualTo(WIDE + "," + LONG);
        assertThat(page.select("#metric-table th").eachText()).contains(column);
        assertThat(page.select("#metric-table td.metric-sources").text()).contains(LONG + " v");
        // Stacked on a phone: every cell carries its column's name.
        assertThat(page.select("#metric-table").hasClass("stack")).isTrue();
        assertThat(page.select("#metric-table td.metric-sources").attr("data-label")).isEqualTo(column);
        assertThat(page.select("#metric-missing li").eachText()).anyMatch(t -> t.contains(reason));
    }

    @Test
    void theRdPageOffersTheIncomeMatchedGroup() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/warehouse/metrics").param("metric", "rd_gap")
                        .param("peerGroup", "income").param("lang", "en").with(user("mi-viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#metric-peer-group option[selected]").attr("value")).isEqualTo("income");
    }
}
