package kz.agyn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.survey.SurveyService;
import kz.agyn.warehouse.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Writes the pages that show formatted numbers and charts, in the three languages, to the folder named by
 * {@code -Dagyn.snapshots=DIR}, with the per-request tokens blanked. Run it before and after a change that
 * should not alter what readers see (shared formatting, chart builders) and compare the two folders with
 * {@code diff -r}: a page test checks a few strings, this sees every number and every chart option.
 * Off by default: the output depends on the demonstration data, so it is a tool, not an assertion.
 */
@EnabledIfSystemProperty(named = "agyn.snapshots", matches = ".+")
class PageSnapshots extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SurveyService surveys;

    @Test
    void write() throws Exception {
        Path dir = Path.of(System.getProperty("agyn.snapshots"));
        Files.createDirectories(dir);
        int first = surveys.survey("demo-young-specialists-2024").orElseThrow().id();
        int second = surveys.survey("demo-young-specialists-2025").orElseThrow().id();
        List<String> pages = new ArrayList<>(List.of("/", "/note", "/cost-model",
                "/warehouse/explore?indicator=EMIGRANTS&by=REGION&dataset=synthetic-emigration",
                "/warehouse/explore?indicator=EMIGRANTS&by=SEX&dataset=synthetic-emigration",
                "/warehouse/explore?indicator=EMIGRANTS&by=PERIOD&dataset=synthetic-emigration&from=2022&to=2022",
                "/surveys/" + first, "/surveys/" + second + "/crosstab",
                "/surveys/" + second + "/compare?with=" + first,
                "/registry/cohorts", "/registry/cohorts.csv", "/registry/cohorts?breakdown=SEX",
                "/registry/cohorts?breakdown=HOST_COUNTRY", "/registry/cohorts?breakdown=DEGREE"));
        for (Metric m : Metric.values()) {
            pages.add("/warehouse/metrics?metric=" + m.key());
        }
        for (String page : pages) {
            for (String lang : List.of("kk", "ru", "en")) {
                for (String role : List.of("ADMIN", "VIEWER")) {
                    String body = mvc.perform(get(page).param("lang", lang)
                                    .with(user("snapshot-" + role.toLowerCase()).roles(role)))
                            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                    body = body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"")
                            .replaceAll("(<meta name=\"_csrf\" content=\")[^\"]*\"", "$1\"")
                            .replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"");
                    String name = page.replaceAll("[^A-Za-z0-9]+", "_") + "." + lang + "." + role + ".html";
                    Files.writeString(dir.resolve(name), body);
                }
            }
        }
    }
}
