package kz.agyn.residency.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import kz.agyn.AgynTest;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.Jobs;
import kz.agyn.residency.ResidencyRuns;
import kz.agyn.residency.RunsToEnd;
import kz.agyn.residency.StoredCell;
import kz.agyn.residency.engine.ExtractsCsv;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import kz.agyn.residency.parquet.ExtractsParquet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Register extracts uploaded as Parquet, the format statistics offices exchange (issue 20): the page and the API take
 * three Parquet files as they take three CSV files, and the run over a generated country's Parquet gives the
 * aggregates of the same country's CSV; a mix of the two formats and a Parquet file the reader refuses end the run
 * FAILED with the problem located (file, row, column) and nothing kept.
 */
class ResidencyParquetUploadTest extends AgynTest {

    static byte[] extracts;
    static byte[] crossings;
    static byte[] statuses;
    static String statusesCsv;
    static List<Cell> csvCells;

    @Autowired
    MockMvc mvc;

    @Autowired
    Jobs jobs;

    @Autowired
    ResidencyRuns runs;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void files(@TempDir Path dir) throws Exception {
        Country country = CountryGenerator.generate(CountrySettings.defaults(4_000, 31)
                .withPeriod(Period.defaultPeriod()));
        ExtractsParquet.write(country.extracts(), dir);
        extracts = Files.readAllBytes(dir.resolve(ExtractsParquet.EXTRACTS));
        crossings = Files.readAllBytes(dir.resolve(ExtractsParquet.CROSSINGS));
        statuses = Files.readAllBytes(dir.resolve(ExtractsParquet.STATUSES));
        StringWriter e = new StringWriter();
        StringWriter c = new StringWriter();
        StringWriter s = new StringWriter();
        ExtractsCsv.write(country.extracts(), e, c, s);
        statusesCsv = s.toString();
        csvCells = Estimator.run(ExtractsCsv.read(Period.defaultPeriod(), new StringReader(e.toString()),
                new StringReader(c.toString()), new StringReader(s.toString())), EstimatorSettings.defaults()).cells();
    }

    static MockMultipartFile file(String part, String name, byte[] content) {
        return new MockMultipartFile(part, name, "application/vnd.apache.parquet", content);
    }

    @Test
    void anUploadOfParquetGivesTheAggregatesOfTheSameCountrysCsv() throws Exception {
        String location = mvc.perform(multipart("/residency/uploads")
                        .file(file("extracts", "extracts.parquet", extracts))
                        .file(file("crossings", "crossings.parquet", crossings))
                        .file(file("statuses", "statuses.parquet", statuses))
                        .param("from", "2024-01").param("months", "24").with(ResidencyUploadTest.ANALYST)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/residency/runs/".length()));
        assertThat(RunsToEnd.waitFor(jobs, id).state()).as(() -> runs.run(id).orElseThrow().problems().toString())
                .isEqualTo(JobState.SUCCEEDED);
        assertThat(runs.run(id).orElseThrow().persons()).isEqualTo(4_000);
        List<StoredCell> stored = runs.cells(id).stream()
                .sorted(Comparator.comparing(StoredCell::dimension).thenComparing(StoredCell::code)).toList();
        List<Cell> expected = csvCells.stream()
                .sorted(Comparator.comparing((Cell c) -> c.dimension().name()).thenComparing(Cell::code)).toList();
        assertThat(stored).hasSameSizeAs(expected);
        for (int i = 0; i < stored.size(); i++) {
            StoredCell s = stored.get(i);
            Cell c = expected.get(i);
            assertThat(new Object[] {s.dimension(), s.code(), s.persons(), s.emigrated(), s.official(),
                s.uncertain()}).as(c.toString()).containsExactly(c.dimension().name(), c.code(), c.persons(),
                    c.emigrated(), c.official(), c.uncertain());
        }
    }

    @Test
    void aMixOfCsvAndParquetIsRefusedAndSoIsWhatTheReaderRefuses() throws Exception {
        JsonNode mixed = json.readTree(mvc.perform(multipart("/api/v1/residency/uploads")
                        .file(file("extracts", "extracts.parquet", extracts))
                        .file(new MockMultipartFile("statuses", "statuses.csv", "text/csv",
                                statusesCsv.getBytes(StandardCharsets.UTF_8)))
                        .with(ResidencyUploadTest.ANALYST).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(mixed.path("runId").asString());
        assertThat(RunsToEnd.waitFor(jobs, id).state()).isEqualTo(JobState.FAILED);
        assertThat(runs.cells(id)).isEmpty();
        JsonNode run = api("/api/v1/residency/runs/" + id, "en");
        assertThat(run.path("problems").toString()).contains("statuses.csv: the files must be all CSV or all "
                + "Parquet; the register extracts are Parquet and this file is not.");

        // Cut short: the reader names the file.
        JsonNode cut = json.readTree(mvc.perform(multipart("/api/v1/residency/uploads")
                        .file(file("extracts", "extracts.parquet", java.util.Arrays.copyOf(extracts,
                                extracts.length - 100)))
                        .with(ResidencyUploadTest.ANALYST).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        UUID cutId = UUID.fromString(cut.path("runId").asString());
        assertThat(RunsToEnd.waitFor(jobs, cutId).state()).isEqualTo(JobState.FAILED);
        assertThat(api("/api/v1/residency/runs/" + cutId, "ru").path("problems").toString())
                .contains("extracts.parquet: это не файл Parquet или он обрезан");
    }

    @Test
    void thePagesFileInputsTakeParquetAndSaySoInEachLanguage() throws Exception {
        for (String[] lang : new String[][] {{"kk", "немесе extracts.parquet"}, {"ru", "или extracts.parquet"},
            {"en", "or extracts.parquet"}}) {
            Document page = Jsoup.parse(mvc.perform(get("/residency").param("lang", lang[0])
                            .with(ResidencyUploadTest.ANALYST)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("#residency-upload input[type=file]").eachAttr("accept"))
                    .containsOnly(".csv,text/csv,.parquet");
            assertThat(page.select("#residency-upload").text()).contains(lang[1], "Parquet");
        }
    }

    private JsonNode api(String url, String lang) throws Exception {
        return json.readTree(mvc.perform(get(url).header("Accept-Language", lang).with(ResidencyUploadTest.ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
