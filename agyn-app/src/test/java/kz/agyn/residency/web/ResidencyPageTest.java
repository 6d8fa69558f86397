package kz.agyn.residency.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.residency.ResidencyRuns;
import kz.agyn.residency.RunsToEnd;
import kz.agyn.residency.StoredCell;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The hidden-emigration pages: an analyst starts a run from the form and reads its results (totals, accuracy, the
 * map, every breakdown, the calibration) in each language; a viewer reads them with counts of 1–4 hidden and may
 * not start one; a registry officer has no business here; bad numbers come back with the form and a message.
 */
class ResidencyPageTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("residency-page-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("residency-page-viewer").roles("VIEWER");
    static final RequestPostProcessor OFFICER = user("residency-page-officer").roles("REGISTRY_OFFICER");

    @Autowired
    MockMvc mvc;

    @Autowired
    Jobs jobs;

    @Autowired
    ResidencyRuns runs;

    @Test
    void anAnalystStartsARunAndReadsItsResultsInEachLanguage() throws Exception {
        String location = mvc.perform(post("/residency/runs").param("persons", "20 000").param("seed", "7")
                        .with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/residency/runs/");
        UUID id = UUID.fromString(location.substring("/residency/runs/".length()));
        assertThat(waitFor(id).state()).isEqualTo(JobState.SUCCEEDED);

        Document en = page(get(location).param("lang", "en").with(ANALYST));
        List<StoredCell> cells = runs.cells(id);
        StoredCell total = cells.stream().filter(c -> c.dimension().equals("TOTAL")).findFirst().orElseThrow();
        assertThat(en.select("#total-emigrated").text()).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d",
                total.emigrated()));
        assertThat(en.select("#total-hidden").text()).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d",
                total.emigrated() - total.official()));
        assertThat(en.select("#run-accuracy").text()).contains("Precision", "recall");
        assertThat(en.select("#residency-map").attr("data-option")).contains("\"map\":\"kz\"", "750000000");
        for (String d : ResidencyPresenter.DIMENSIONS) {
            assertThat(en.select("#by-" + d + " tbody tr")).as(d).isNotEmpty();
        }
        assertThat(en.select("#by-REGION").text()).contains("Almaty");
        assertThat(en.select("#by-ISCO").text()).contains("Professionals");
        assertThat(en.select("#run-fit tbody tr")).hasSize(12);
        assertThat(en.select("#run-synthetic").text()).startsWith("SYNTHETIC");
        // The mirror comparison: a destination's record beside the official count, each with its source.
        assertThat(en.select("#mirror tbody tr").first().text()).startsWith("Germany 2024 3,254 E NOT CHECKED");
        assertThat(en.select("#mirror-split").text()).startsWith("In 2024, the ").contains("deregistration misses");
        assertThat(en.select("#mirror-sources").text()).contains("Eurostat", "CC BY 4.0", "synthetic");

        Document kk = page(get(location).param("lang", "kk").with(ANALYST));
        assertThat(kk.select("h1").text()).isEqualTo("Жасырын эмиграцияны бағалау");
        assertThat(kk.select("#by-REGION h2").text()).isEqualTo("Өңірлер бойынша");
        assertThat(kk.select("main").text()).doesNotContain("Emigrated", "Precision", "Register");
        Document ru = page(get(location).param("lang", "ru").with(ANALYST));
        assertThat(ru.select("#run-fit h2").text()).isEqualTo("Калибровка");
        assertThat(ru.select("#mirror h2").text()).isEqualTo("Зеркальная статистика");
        assertThat(ru.select("#mirror tbody tr").first().text()).startsWith("Германия 2024");

        Document list = page(get("/residency").param("lang", "en").with(ANALYST));
        assertThat(list.select("#residency-runs a[href=" + location + "]")).hasSize(1);
        assertThat(list.select("#residency-form")).hasSize(1);
    }

    @Test
    void aViewerReadsWithoutSmallCellsAndCannotStartARun() throws Exception {
        UUID id = runs.startSynthetic(3_000, 11, "residency-page-analyst");
        assertThat(waitFor(id).state()).isEqualTo(JobState.SUCCEEDED);
        boolean small = runs.cells(id).stream().anyMatch(c -> c.emigrated() >= 1 && c.emigrated() <= 4);
        assertThat(small).as("a country this small has cells of 1–4 emigrants").isTrue();
        String viewer = page(get("/residency/runs/" + id).param("lang", "en").with(VIEWER)).select("#results table")
                .text();
        assertThat(viewer).contains("<5");
        String analyst = page(get("/residency/runs/" + id).param("lang", "en").with(ANALYST))
                .select("#results table").text();
        assertThat(analyst).doesNotContain("<5");
        assertThat(page(get("/residency").with(VIEWER)).select("#residency-form")).isEmpty();
        mvc.perform(post("/residency/runs").param("persons", "1000").param("seed", "1").with(VIEWER).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/residency").with(OFFICER)).andExpect(status().isForbidden());
        mvc.perform(get("/residency/runs/" + UUID.randomUUID()).with(VIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void badNumbersComeBackWithTheFormInTheReadersLanguage() throws Exception {
        String kk = mvc.perform(post("/residency/runs").param("persons", "жүз мың").param("seed", "1")
                        .with(ANALYST).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(kk).select("#residency-error").text())
                .isEqualTo("Адам саны 1-ден 20 000 000-ге дейінгі бүтін сан болуы керек.");
        String ru = mvc.perform(post("/residency/runs").param("persons", "0").param("seed", "1").param("lang", "ru")
                        .with(ANALYST).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(ru).select("#residency-error").text()).startsWith("Число лиц должно быть");
        String en = mvc.perform(post("/residency/runs").param("persons", "1000").param("seed", "x").param("lang", "en")
                        .with(ANALYST).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(en).select("#residency-error").text()).isEqualTo("The seed must be a whole number.");
        assertThat(Jsoup.parse(en).select("#persons").val()).isEqualTo("1000");
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private JobView waitFor(UUID run) throws InterruptedException {
        return RunsToEnd.waitFor(jobs, run);
    }
}
