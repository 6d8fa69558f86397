package kz.agyn.residency.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.Jobs;
import kz.agyn.residency.ResidencyRun;
import kz.agyn.residency.ResidencyRuns;
import kz.agyn.residency.RunSource;
import kz.agyn.residency.RunsToEnd;
import kz.agyn.residency.StoredCell;
import kz.agyn.residency.engine.ExtractsCsv;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Estimate;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Register extracts that nobody generated in this process, uploaded as a statistics office would (issue 20): the page
 * and the API run the estimate over them as a job and show the same aggregates as the engine gives on the same
 * files; a refused upload shows every problem located and in the reader's language, and keeps nothing (no aggregate,
 * no copy of the files, never the IIN written in clear); viewers read aggregates without counts of 1–4 and may not
 * upload.
 */
class ResidencyUploadTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("residency-upload-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("residency-upload-viewer").roles("VIEWER");

    /** The three files of a small synthetic country, as `agyn residency generate` writes them. */
    static String extracts;
    static String crossings;
    static String statuses;

    @Autowired
    MockMvc mvc;

    @Autowired
    Jobs jobs;

    @Autowired
    ResidencyRuns runs;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Value("${agyn.imports.directory}")
    Path imports;

    @BeforeAll
    static void files() {
        Country country = CountryGenerator.generate(CountrySettings.defaults(4_000, 23)
                .withPeriod(Period.defaultPeriod()));
        StringWriter e = new StringWriter();
        StringWriter c = new StringWriter();
        StringWriter s = new StringWriter();
        ExtractsCsv.write(country.extracts(), e, c, s);
        extracts = e.toString();
        crossings = c.toString();
        statuses = s.toString();
    }

    static MockMultipartFile file(String part, String name, String content) {
        return new MockMultipartFile(part, name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    /** What the engine itself says of the same three files. */
    static Cell expectedTotal() {
        Estimate e = Estimator.run(ExtractsCsv.read(Period.defaultPeriod(), new StringReader(extracts),
                new StringReader(crossings), new StringReader(statuses)), EstimatorSettings.defaults());
        return e.total();
    }

    @Test
    void anAnalystUploadsExtractsAndReadsTheEstimateTheEngineGives() throws Exception {
        String location = mvc.perform(multipart("/residency/uploads")
                        .file(file("extracts", "extracts.csv", extracts))
                        .file(file("crossings", "crossings.csv", crossings))
                        .file(file("statuses", "statuses.csv", statuses))
                        .param("from", "2024-01").param("months", "24").with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/residency/runs/".length()));
        assertThat(RunsToEnd.waitFor(jobs, id).state()).isEqualTo(JobState.SUCCEEDED);

        ResidencyRun run = runs.run(id).orElseThrow();
        assertThat(run.source()).isEqualTo(RunSource.UPLOAD);
        assertThat(run.persons()).isEqualTo(4_000);
        assertThat(run.seed()).isNull();
        assertThat(run.precision()).as("no truth came with the files").isNull();
        Cell expected = expectedTotal();
        StoredCell total = runs.cells(id).stream().filter(c -> c.dimension().equals("TOTAL")).findFirst()
                .orElseThrow();
        assertThat(new long[] {total.persons(), total.emigrated(), total.official(), total.uncertain()})
                .containsExactly(expected.persons(), expected.emigrated(), expected.official(),
                        expected.uncertain());
        assertThat(total.truth()).isNull();
        assertThat(uploadFolder(id)).as("the copies of the files are deleted when the run ends").doesNotExist();

        Document en = page(location, "en", ANALYST);
        assertThat(en.select("#run-settings").text()).startsWith("4,000 persons from uploaded register extracts, "
                + "24 months from 2024-01");
        assertThat(en.select("#run-uploaded")).hasSize(1);
        assertThat(en.select("#run-synthetic")).as("real extracts are not labelled synthetic").isEmpty();
        assertThat(en.select("#run-accuracy")).isEmpty();
        assertThat(en.select("#total-emigrated").text()).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d",
                expected.emigrated()));
        assertThat(en.select("#run-fit tbody tr")).hasSize(12);
        Document kk = page(location, "kk", ANALYST);
        assertThat(kk.select("#run-settings").text()).startsWith("Жүктелген тіркелім үзінділерінен 4 000 тұлға");
        assertThat(kk.select("main").text()).doesNotContain("uploaded", "persons");
        Document list = page("/residency", "ru", ANALYST);
        assertThat(list.select("#residency-runs a[href=" + location + "]").first().parent().parent().text())
                .contains("загруженные выгрузки");
    }

    @Test
    void aRefusedUploadShowsEveryProblemLocatedAndKeepsNothing() throws Exception {
        String[] lines = extracts.split("\n");
        String header = lines[0];
        // Line 3 holds an IIN in clear where the keyed hash belongs; line 4 an unknown register.
        String third = "880101300123" + lines[2].substring(lines[2].indexOf(','));
        String[] f = lines[3].split(",", -1);
        List<String> columns = List.of(header.split(","));
        f[columns.indexOf("register")] = "CASINO";
        String bad = header + "\n" + lines[1] + "\n" + third + "\n" + String.join(",", f) + "\n";
        String location = mvc.perform(multipart("/residency/uploads").file(file("extracts", "extracts.csv", bad))
                        .param("from", "2024-01").param("months", "24").with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/residency/runs/".length()));
        assertThat(RunsToEnd.waitFor(jobs, id).state()).isEqualTo(JobState.FAILED);
        assertThat(runs.cells(id)).isEmpty();
        assertThat(runs.fit(id)).isEmpty();
        assertThat(uploadFolder(id)).doesNotExist();

        Document kk = page(location, "kk", ANALYST);
        List<String> problems = kk.select("#run-problems li").eachText();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("extracts.csv").contains("3").contains("ЖСН");
        assertThat(problems.get(1)).startsWith("extracts.csv").contains("4");
        assertThat(kk.select("#run-ended").text()).contains("ештеңе сақталмады");
        Document en = page(location, "en", ANALYST);
        assertThat(en.select("#run-problems li").eachText()).containsExactly(
                "extracts.csv, line 3: the person column holds an IIN in clear; a keyed hash of the IIN (64 hex "
                        + "digits) is required. Nothing was stored.",
                "extracts.csv, line 4: unknown register code; allowed: TAX, PENSION, SOCIAL, HEALTH, MEDICAL, "
                        + "EDUCATION, BENEFIT, EMPLOYMENT, VEHICLE, PROPERTY, UTILITY, BANK.");
        // The IIN is in no page, no answer and no row.
        assertThat(en.html()).doesNotContain("880101300123");
        assertThat(api("/api/v1/residency/runs/" + id, "en", ANALYST).toString()).doesNotContain("880101300123");
        assertThat(jdbc.sql("SELECT count(*) FROM residency_run WHERE problems::text LIKE '%880101300123%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theFormRefusesAMissingFileOrABadPeriodInTheReadersLanguage() throws Exception {
        Document kk = Jsoup.parse(mvc.perform(multipart("/residency/uploads")
                        .file(file("extracts", "extracts.csv", extracts))
                        .param("from", "2024-13").param("months", "24").with(ANALYST).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(kk.select("#upload-error").text())
                .isEqualTo("Бірінші ай ЖЖЖЖ-АА түрінде беріледі (мысалы, 2024-01).");
        assertThat(kk.select("#upload-from").val()).isEqualTo("2024-13");
        Document ru = Jsoup.parse(mvc.perform(multipart("/residency/uploads")
                        .param("from", "2024-01").param("months", "24").param("lang", "ru").with(ANALYST).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(ru.select("#upload-error").text()).startsWith("Выберите файл выгрузок из регистров");
        Document en = Jsoup.parse(mvc.perform(multipart("/residency/uploads")
                        .file(file("extracts", "extracts.csv", extracts))
                        .param("from", "2024-01").param("months", "40").param("lang", "en").with(ANALYST)
                        .with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(en.select("#upload-error").text())
                .isEqualTo("The number of months must be a whole number from 1 to 32.");
        mvc.perform(multipart("/residency/uploads").file(file("extracts", "extracts.csv", extracts))
                .with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        assertThat(page("/residency", "en", VIEWER).select("#residency-upload")).isEmpty();
        assertThat(page("/residency", "en", ANALYST).select("#residency-upload input[type=file]")).hasSize(3);
    }

    @Test
    void scriptsStartRunsAndReadTheResultsThroughTheApi() throws Exception {
        JsonNode started = json.readTree(mvc.perform(multipart("/api/v1/residency/uploads")
                        .file(file("extracts", "extracts.csv", extracts))
                        .file(file("statuses", "statuses.csv", statuses))
                        .with(ANALYST).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(started.path("runId").asString());
        assertThat(RunsToEnd.waitFor(jobs, id).state()).isEqualTo(JobState.SUCCEEDED);
        JsonNode analyst = api("/api/v1/residency/runs/" + id, "en", ANALYST);
        assertThat(analyst.path("run").path("source").asString()).isEqualTo("UPLOAD");
        assertThat(analyst.path("run").path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(analyst.path("run").path("persons").asInt()).isEqualTo(4_000);
        assertThat(analyst.path("calibration").path("weights").size()).isEqualTo(12);
        assertThat(analyst.path("calibration").path("auc").asDouble()).isBetween(0.5, 1.0);
        JsonNode total = analyst.path("aggregates").get(0);
        boolean anySmall = false;
        for (JsonNode a : analyst.path("aggregates")) {
            if (a.path("dimension").asString().equals("TOTAL")) {
                total = a;
            }
            long e = a.path("emigrated").asLong();
            anySmall |= e >= 1 && e <= 4;
        }
        // The engine on the same two files (no crossings): the same total.
        Cell expected = Estimator.run(ExtractsCsv.read(Period.defaultPeriod(), new StringReader(extracts), null,
                new StringReader(statuses)), EstimatorSettings.defaults()).total();
        assertThat(new long[] {total.path("persons").asLong(), total.path("emigrated").asLong(),
            total.path("official").asLong(), total.path("uncertain").asLong()})
                .containsExactly(expected.persons(), expected.emigrated(), expected.official(), expected.uncertain());
        assertThat(total.path("hidden").asLong())
                .isEqualTo(total.path("emigrated").asLong() - total.path("official").asLong());
        assertThat(anySmall).as("a country this small has cells of 1–4 emigrants").isTrue();
        for (JsonNode a : api("/api/v1/residency/runs/" + id, "en", VIEWER).path("aggregates")) {
            if (!a.path("emigrated").isNull()) {
                assertThat(a.path("emigrated").asLong()).as(a.toString()).matches(e -> e == 0 || e > 4);
            } else {
                assertThat(a.path("suppressed").asBoolean()).isTrue();
                assertThat(a.path("low").isNull()).isTrue();
            }
        }
        assertThat(api("/api/v1/residency/runs?limit=5", "en", VIEWER).toString()).contains(id.toString());

        // Refusals in the caller's language, as problem details.
        JsonNode ru = json.readTree(mvc.perform(post("/api/v1/residency/runs").contentType("application/json")
                        .content("{\"persons\": 0}").header("Accept-Language", "ru").with(ANALYST).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(ru.path("detail").asString()).startsWith("Число лиц должно быть");
        mvc.perform(post("/api/v1/residency/runs").contentType("application/json").content("{\"persons\": 10}")
                .with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/residency/runs/" + id + "/cancel").with(ANALYST).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/residency/runs/" + UUID.randomUUID()).with(VIEWER))
                .andExpect(status().isNotFound());
        JsonNode synthetic = json.readTree(mvc.perform(post("/api/v1/residency/runs")
                        .contentType("application/json").content("{\"persons\": 2000, \"seed\": 4}")
                        .with(ANALYST).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        UUID s = UUID.fromString(synthetic.path("runId").asString());
        assertThat(RunsToEnd.waitFor(jobs, s).state()).isEqualTo(JobState.SUCCEEDED);
        JsonNode done = api("/api/v1/residency/runs/" + s, "en", ANALYST);
        assertThat(done.path("run").path("source").asString()).isEqualTo("SYNTHETIC");
        assertThat(done.path("run").path("precision").asDouble()).isPositive();
    }

    /**
     * A finished run's estimate becomes the current version of the estimates' dataset: the explorer shows it by
     * region, marked estimated; publishing the same run again makes its version current again; a synthetic run goes
     * to a dataset of its own that is labelled synthetic; viewers may not publish.
     */
    @Test
    void aRunsEstimateIsPublishedToTheWarehouseAndReadInTheExplorer(@Autowired kz.agyn.warehouse.Warehouse warehouse)
            throws Exception {
        UUID id = runs.startUpload(Period.defaultPeriod(), new org.springframework.core.io.ByteArrayResource(
                extracts.getBytes(StandardCharsets.UTF_8)), new org.springframework.core.io.ByteArrayResource(
                crossings.getBytes(StandardCharsets.UTF_8)), new org.springframework.core.io.ByteArrayResource(
                statuses.getBytes(StandardCharsets.UTF_8)), "residency-upload-analyst");
        assertThat(RunsToEnd.waitFor(jobs, id).state()).isEqualTo(JobState.SUCCEEDED);
        mvc.perform(post("/residency/runs/" + id + "/publish").with(VIEWER).with(csrf()))
                .andExpect(status().isForbidden());
        String location = mvc.perform(post("/residency/runs/" + id + "/publish").param("lang", "en")
                        .with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/residency/runs/" + id);
        ResidencyRun run = runs.run(id).orElseThrow();
        assertThat(run.publishedDataset()).isEqualTo("residency-estimate");
        int version = run.publishedVersion();
        kz.agyn.warehouse.DatasetInfo d = warehouse.dataset("residency-estimate").orElseThrow();
        assertThat(d.synthetic()).isFalse();
        assertThat(d.currentVersion()).isEqualTo(version);

        StoredCell total = runs.cells(id).stream().filter(c -> c.dimension().equals("TOTAL")).findFirst()
                .orElseThrow();
        java.util.Map<kz.agyn.warehouse.Dimension, String> country = new java.util.EnumMap<>(
                kz.agyn.warehouse.Dimension.class);
        for (kz.agyn.warehouse.Dimension dim : List.of(kz.agyn.warehouse.Dimension.OCCUPATION,
                kz.agyn.warehouse.Dimension.EDUCATION, kz.agyn.warehouse.Dimension.COUNTRY,
                kz.agyn.warehouse.Dimension.SEX, kz.agyn.warehouse.Dimension.AGE)) {
            country.put(dim, "_T");
        }
        country.put(kz.agyn.warehouse.Dimension.REGION, "000000000");
        country.put(kz.agyn.warehouse.Dimension.FLOW, "EMI");
        List<kz.agyn.warehouse.Observation> hidden = warehouse.observations(new kz.agyn.warehouse.ObservationQuery(
                "EMIGRANTS_HIDDEN", country, "2025-12", "2025-12", "residency-estimate", null, 0, 10));
        assertThat(hidden).hasSize(1);
        assertThat(hidden.get(0).scaledValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(
                total.emigrated() - total.official()));
        assertThat(hidden.get(0).status()).isEqualTo("E");

        Document page = page(location, "en", ANALYST);
        assertThat(page.select("#publish-state").text()).startsWith("This run's estimate is version " + version
                + " of the dataset residency-estimate.");
        Document explorer = page(page.select("#publish-explore").attr("href"), "en", VIEWER);
        assertThat(explorer.select("#no-data")).isEmpty();
        assertThat(explorer.select("#pivot tbody tr").size()).isGreaterThan(5);
        assertThat(explorer.text()).contains("Hidden emigrants (estimate)", "Agyn");

        // The same run again: its version becomes current again, no new version is made.
        mvc.perform(post("/residency/runs/" + id + "/publish").with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(warehouse.dataset("residency-estimate").orElseThrow().currentVersion()).isEqualTo(version);

        UUID synthetic = runs.startSynthetic(3_000, 5, "residency-upload-analyst");
        assertThat(RunsToEnd.waitFor(jobs, synthetic).state()).isEqualTo(JobState.SUCCEEDED);
        JsonNode published = json.readTree(mvc.perform(post("/api/v1/residency/runs/" + synthetic + "/publish")
                        .with(ANALYST).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(published.path("dataset").asString()).isEqualTo("residency-estimate-synthetic");
        assertThat(warehouse.dataset("residency-estimate-synthetic").orElseThrow().synthetic()).isTrue();
        assertThat(warehouse.dataset("residency-estimate").orElseThrow().currentVersion()).isEqualTo(version);
    }

    private Path uploadFolder(UUID id) {
        return imports.resolve("residency").resolve(id.toString());
    }

    private Document page(String url, String lang, RequestPostProcessor who) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).param("lang", lang).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode api(String url, String lang, RequestPostProcessor who) throws Exception {
        return json.readTree(mvc.perform(get(url).header("Accept-Language", lang).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
