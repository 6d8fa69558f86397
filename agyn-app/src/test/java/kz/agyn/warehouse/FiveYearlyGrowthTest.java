package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Growth rates of a series published every five years (as UN DESA's migrant stock is) used to come back empty:
 * the rate looked for the year before each value. They are now taken over the series' own step, which each point
 * states.
 */
class FiveYearlyGrowthTest extends AgynTest {

    static final String DATASET = "test-five-yearly";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void growthOfAFiveYearlySeriesIsOverFiveYears() throws Exception {
        mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + DATASET + "\",\"titleKk\":\"Бес жылдық\",\"titleRu\":\"Пятилетний\","
                                + "\"titleEn\":\"Five-yearly\",\"publisher\":\"Agyn tests\"}"))
                .andExpect(status().isCreated());
        String csv = """
                indicator,period,region,value
                POPULATION,1990,KZ,16000000
                POPULATION,1995,KZ,15800000
                POPULATION,2000,KZ,14900000
                POPULATION,2005,KZ,15100000
                """;
        String report = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "five.csv",
                                "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("dataset", DATASET).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VALID"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/imports/" + json.readTree(report).get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk());

        // (15,800,000 − 16,000,000) / 16,000,000 = −0.0125; (14.9 − 15.8) / 15.8 = −0.056962…;
        // (15.1 − 14.9) / 14.9 = 0.013423…
        String body = mvc.perform(get("/api/v1/metrics/growth_rate").param("indicator", "POPULATION").param("dataset", DATASET)
                        .param("region", "KZ").with(user("growth-viewer").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value("KZ"))
                .andExpect(jsonPath("$.points.length()").value(3))
                .andExpect(jsonPath("$.points[0].period").value("1995"))
                .andExpect(jsonPath("$.points[0].inputs.s").value(5))
                .andExpect(jsonPath("$.points[2].period").value("2005"))
                .andExpect(jsonPath("$.formula").value("rate = (x_t − x_{t−s}) / x_{t−s}"))
                .andReturn().getResponse().getContentAsString();
        var points = json.readTree(body).get("points");
        assertThat(points.get(0).get("value").asDouble()).isCloseTo(-0.0125, within(1e-12));
        assertThat(points.get(1).get("value").asDouble()).isCloseTo(-0.0569620253, within(1e-9));
        assertThat(points.get(2).get("value").asDouble()).isCloseTo(0.0134228188, within(1e-9));
    }
}
