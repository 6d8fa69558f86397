package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import kz.agyn.AgynTest;
import kz.agyn.warehouse.metrics.Metric;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small cells in the metrics, for every metric there is: a dataset where emigrants, their breakdowns by education
 * and occupation, and immigrants are 1–4 persons in some years and hundreds in others, beside wages, rates and R&D
 * shares that are never whole numbers from 1 to 4. Computed for an analyst and for a viewer, through the API and
 * the page:
 * <ul>
 *   <li>no input a viewer receives is a count of 1–4 (the parameters echoed back, {@code window} and the number of
 *       years {@code n}, are not counts);</li>
 *   <li>a point whose inputs include such a count has its value withheld too (a ratio with its other inputs would
 *       give the count back) and says {@code suppressed}; {@code suppressedPoints} counts them;</li>
 *   <li>every other point is exactly what the analyst sees, so nothing is hidden needlessly;</li>
 *   <li>every small input the analyst sees is one the API names in {@code personCounts}, and every metric that
 *       reads counts has some here, so the test exercises each.</li>
 * </ul>
 */
class MetricsSuppressionTest extends AgynTest {

    static final String DATASET = "test-metric-small-cells";
    static final RequestPostProcessor VIEWER = user("metrics-viewer").roles("VIEWER");
    static final RequestPostProcessor ANALYST = user("metrics-analyst").roles("ANALYST");
    // Parameters of a metric, not counts of persons: the averaging window, a number of peers, a growth step in years.
    static final Set<String> PARAMETERS = Set.of("window", "n", "s");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** The file: indicator,period,region,occupation,education,country,sex,age,flow,value. */
    static String csv() {
        StringBuilder sb = new StringBuilder("indicator,period,region,occupation,education,country,sex,age,flow,value\n");
        int[] emigrants = {3, 120, 2, 400, 4, 1000, 1010, 320};
        int[] immigrants = {2, 500, 700, 3, 800, 900, 950, 990};
        String[][] education = {{"3:1", "5:1", "_U:1"}, {"3:50", "5:30", "6:20", "_U:20"}, {"3:1", "6:1"},
            {"3:200", "5:100", "7:50", "_U:50"}, {"3:2", "8:2"}, {"3:500", "5:200", "6:200", "_U:100"},
            {"3:600", "5:150", "6:160", "_U:100"}, {"3:100", "6:216", "_U:4"}};
        String[][] occupation = {{"2:1", "5:1", "_U:1"}, {"2:40", "3:20", "7:40", "_U:20"}, {"1:1", "9:1"},
            {"2:150", "5:150", "_U:100"}, {"2:3", "_U:1"}, {"1:300", "2:300", "9:300", "_U:100"},
            {"2:400", "3:310", "9:200", "_U:100"}, {"2:316", "_U:4"}};
        for (int i = 0; i < 8; i++) {
            int year = 2010 + i;
            sb.append(row("EMIGRANTS", year, "", "", "", "EMI", emigrants[i]));
            sb.append(row("IMMIGRANTS", year, "", "", "", "IMM", immigrants[i]));
            for (String e : education[i]) {
                sb.append(row("EMIGRANTS", year, "", e.split(":")[0], "", "EMI", e.split(":")[1]));
            }
            for (String o : occupation[i]) {
                sb.append(row("EMIGRANTS", year, o.split(":")[0], "", "", "EMI", o.split(":")[1]));
            }
            sb.append(row("POP_TERTIARY_25PLUS", year, "", "", "", "", 2_500_000 + i * 10_000));
            sb.append(row("WAGE_AVG", year, "", "", "", "", 150_000 + i * 25_000));
            sb.append(row("WAGE_ABROAD", year, "", "", "DE", "", 45_000 + i * 1_000));
            sb.append(row("EXCHANGE_RATE", year, "", "", "KZ", "", "147.35"));
            sb.append(row("PPP_FACTOR", year, "", "", "KZ", "", "95.5"));
            sb.append(row("PPP_FACTOR", year, "", "", "DE", "", "0.78"));
            sb.append(row("EXCHANGE_RATE", year, "", "", "DE", "", "0.85"));
            // Stocks of emigrants living abroad, small in the same years as the flows.
            sb.append(row("MIGRANT_STOCK", year, "", "", "DE", "EMI", emigrants[i]));
            sb.append(row("MIGRANT_STOCK", year, "", "6", "DE", "EMI", emigrants[i]));
            sb.append(row("GERD_GDP", year, "", "", "KZ", "", "0.15"));
            sb.append(row("GERD_GDP", year, "", "", "KR", "", "4.15"));
            sb.append(row("GERD_GDP", year, "", "", "JP", "", "3.25"));
        }
        for (int year = 2010; year <= 2018; year++) {
            sb.append(row("POPULATION", year, "", "", "", "", 19_000_000 + (year - 2010) * 250_000));
        }
        return sb.toString();
    }

    private static String row(String indicator, int year, String occupation, String education, String country,
                              String flow, Object value) {
        return String.join(",", indicator, String.valueOf(year), "KZ", occupation, education, country, "", "", flow,
                String.valueOf(value)) + "\n";
    }

    @BeforeEach
    void loaded() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(DATASET).query(Integer.class)
                .single() > 0) {
            return;
        }
        mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + DATASET + "\",\"titleKk\":\"Тест\",\"titleRu\":\"Тест\","
                                + "\"titleEn\":\"Small cells test\",\"publisher\":\"Agyn tests\"}"))
                .andExpect(status().isCreated());
        String report = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "small.csv",
                                "text/csv", csv().getBytes(StandardCharsets.UTF_8)))
                        .param("dataset", DATASET).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(report).get("status").asText()).as(report).isEqualTo("VALID");
        mvc.perform(post("/api/v1/imports/" + json.readTree(report).get("id").asText() + "/accept")
                .with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk());
    }

    private MockHttpServletRequestBuilder withSelection(MockHttpServletRequestBuilder r) {
        return r.param("dataset", DATASET).param("window", "1").param("country", "DE").param("peers", "KR,JP")
                .header("Accept-Language", "en");
    }

    private JsonNode api(Metric metric, RequestPostProcessor who) throws Exception {
        return json.readTree(mvc.perform(withSelection(get("/api/v1/metrics/" + metric.key())).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void aViewerReceivesNoCountOfOneToFourNorAValueComputedFromOne(Metric metric) throws Exception {
        JsonNode analyst = api(metric, ANALYST);
        JsonNode viewer = api(metric, VIEWER);
        Set<String> counts = strings(analyst.get("personCounts"));
        assertThat(strings(viewer.get("personCounts"))).isEqualTo(counts);
        Map<String, JsonNode> shown = byPeriod(viewer);
        assertThat(shown.keySet()).as("a suppressed point is kept, with its value withheld")
                .isEqualTo(byPeriod(analyst).keySet());

        int suppressed = 0;
        for (JsonNode a : analyst.get("points")) {
            assertThat(a.get("suppressed").asBoolean()).as("an analyst sees small cells").isFalse();
            Set<String> small = new TreeSet<>();
            for (Map.Entry<String, JsonNode> in : a.get("inputs").properties()) {
                if (smallCount(in.getKey(), in.getValue())) {
                    small.add(in.getKey());
                }
            }
            assertThat(counts).as("%s %s: the API names every small input a count of persons", metric,
                    a.get("period").asText()).containsAll(small);
            JsonNode v = shown.get(a.get("period").asText());
            for (Map.Entry<String, JsonNode> in : v.get("inputs").properties()) {
                assertThat(smallCount(in.getKey(), in.getValue())).as("%s %s: the viewer receives %s = %s", metric,
                        a.get("period").asText(), in.getKey(), in.getValue()).isFalse();
            }
            if (small.isEmpty()) {
                assertThat(v).as("%s %s: nothing to hide, nothing hidden", metric, a.get("period").asText())
                        .isEqualTo(a);
                continue;
            }
            suppressed++;
            assertThat(v.get("suppressed").asBoolean()).isTrue();
            assertThat(v.get("value").isNull()).as("%s %s: the value computed from a small count", metric,
                    a.get("period").asText()).isTrue();
            for (Map.Entry<String, JsonNode> in : a.get("inputs").properties()) {
                JsonNode seen = v.get("inputs").get(in.getKey());
                if (small.contains(in.getKey())) {
                    assertThat(seen.isNull()).isTrue();
                } else {
                    assertThat(seen).as("%s: a larger input stays", in.getKey()).isEqualTo(in.getValue());
                }
            }
        }
        assertThat(viewer.get("suppressedPoints").asInt()).isEqualTo(suppressed);
        assertThat(analyst.get("suppressedPoints").asInt()).isZero();
        if (!counts.isEmpty()) {
            assertThat(suppressed).as("%s reads counts of persons: the test data give it small ones", metric)
                    .isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void thePageShowsAViewerNoSmallCountAndSaysThatCellsWereHidden(Metric metric) throws Exception {
        Document viewer = page(metric, VIEWER);
        for (Element chip : viewer.select("#metric-table .chip")) {
            String[] parts = chip.text().split(" = ", 2);
            assertThat(parts).hasSize(2);
            String value = parts[1].replaceAll("[\\s\\u00A0\\u202F]", "");
            assertThat(!PARAMETERS.contains(parts[0]) && value.matches("[1-4]"))
                    .as("%s page: %s", metric, chip.text()).isFalse();
        }
        int suppressed = api(metric, VIEWER).get("suppressedPoints").asInt();
        assertThat(viewer.select("#metric-table td.suppressed")).hasSize(suppressed);
        if (suppressed > 0) {
            assertThat(viewer.select("#metric-suppressed").text()).startsWith(suppressed + " values hidden");
            assertThat(viewer.select("#metric-table .chip.suppressed").text()).contains("<5");
            // The analyst's page shows the same points with their small counts.
            Document analyst = page(metric, ANALYST);
            assertThat(analyst.select("#metric-suppressed")).isEmpty();
            assertThat(analyst.select("#metric-table .chip").eachText())
                    .anyMatch(t -> t.split(" = ", 2)[1].matches("[1-4]"));
        } else {
            assertThat(viewer.select("#metric-suppressed")).isEmpty();
        }
    }

    private Document page(Metric metric, RequestPostProcessor who) throws Exception {
        return Jsoup.parse(mvc.perform(withSelection(get("/warehouse/metrics")).param("metric", metric.key())
                .param("lang", "en").with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Whether an input is a whole number from 1 to 4 that is not one of the request's own parameters. */
    private static boolean smallCount(String name, JsonNode value) {
        if (PARAMETERS.contains(name) || value == null || value.isNull()) {
            return false;
        }
        BigDecimal v = value.decimalValue();
        return v.signum() > 0 && v.compareTo(BigDecimal.valueOf(5)) < 0 && v.stripTrailingZeros().scale() <= 0;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, JsonNode> byPeriod(JsonNode result) {
        Map<String, JsonNode> out = new TreeMap<>();
        result.get("points").forEach(p -> out.put(p.get("period").asText(), p));
        return out;
    }
}
