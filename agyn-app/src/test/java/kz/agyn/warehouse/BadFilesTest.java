package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of bad file gets a report that says what is wrong and where, and the database stays as it was. */
class BadFilesTest extends AgynTest {

    static final String HEADER = "INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,FLOW,"
            + "OBS_VALUE,UNIT_MULT,OBS_STATUS\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void dataset() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = 'test-bad'").query(Integer.class).single() == 0) {
            mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"test-bad\",\"titleKk\":\"Т\",\"titleRu\":\"Т\",\"titleEn\":\"T\","
                                    + "\"publisher\":\"Agyn tests\"}"))
                    .andExpect(status().isCreated());
        }
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown region", "csv", (HEADER
                        + "EMIGRANTS,2022,999000000,_T,_T,_T,_T,_T,EMI,10,0,A\n").getBytes(StandardCharsets.UTF_8),
                        "warehouse.import.unknownRegion", 2L),
                Arguments.of("unknown country and occupation", "csv", (HEADER
                        + "EMIGRANTS,2022,000000000,77,_T,XX,_T,_T,EMI,10,0,A\n").getBytes(StandardCharsets.UTF_8),
                        "warehouse.import.unknownCountry", 2L),
                Arguments.of("text in a number cell", "csv", (HEADER
                        + "EMIGRANTS,2022,000000000,_T,_T,_T,_T,_T,EMI,many,0,A\n").getBytes(StandardCharsets.UTF_8),
                        "warehouse.import.notANumber", 2L),
                Arguments.of("share above 100%", "csv", (HEADER
                        + "GERD_GDP,2022,000000000,_T,_T,KR,_T,_T,_Z,104.3,0,A\n").getBytes(StandardCharsets.UTF_8),
                        "warehouse.import.shareAbove100", 2L),
                Arguments.of("duplicate key", "csv", (HEADER
                        + "EMIGRANTS,2022,000000000,_T,_T,_T,_T,_T,EMI,10,0,A\n"
                        + "EMIGRANTS,2022,000000000,_T,_T,_T,_T,_T,EMI,11,0,A\n").getBytes(StandardCharsets.UTF_8),
                        "warehouse.import.duplicate", 3L),
                Arguments.of("region before it existed", "csv", (HEADER
                        + "EMIGRANTS,2020,330000000,_T,_T,_T,_T,_T,EMI,10,0,A\n").getBytes(StandardCharsets.UTF_8),
                        "warehouse.import.regionNotInPeriod", 2L),
                Arguments.of("truncated CSV (unclosed quote)", "csv", (HEADER
                        + "EMIGRANTS,2022,000000000,_T,_T,_T,_T,_T,EMI,\"10").getBytes(StandardCharsets.UTF_8),
                        "tabular.csv.unclosedQuote", -1L),
                Arguments.of("empty file", "csv", new byte[0], "tabular.empty", -1L),
                Arguments.of("binary junk", "csv", junk(), "tabular.binary", -1L),
                Arguments.of("truncated XLSX", "xlsx", Arrays.copyOf(xlsx(), 700), null, -1L),
                Arguments.of("truncated SDMX-ML", "sdmx-ml", Arrays.copyOf(Fixtures.sdmxMl(), 900),
                        "tabular.xml.malformed", -1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsReportedAndNothingIsWritten(String name, String format, byte[] content, String code,
                                                long row) throws Exception {
        long before = observations();
        int versions = versions();
        JsonNode report = upload(name.replace(' ', '-') + "." + format, content, format);
        assertThat(report.get("status").asText()).as(name).isEqualTo("INVALID");
        assertThat(report.get("problemCount").asInt()).isPositive();
        JsonNode first = report.get("problems").get(0);
        assertThat(first.get("message").asText()).isNotBlank().doesNotContain("Exception");
        if (code != null) {
            assertThat(codes(report)).as(name).contains(code);
        }
        if (row > 0) {
            assertThat(first.get("row").asLong()).isEqualTo(row);
            assertThat(first.get("file").asText()).endsWith("." + format);
        }
        mvc.perform(post("/api/v1/imports/" + report.get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest());
        assertThat(observations()).isEqualTo(before);
        assertThat(versions()).isEqualTo(versions);
    }

    @Test
    void aFiftyMegabyteLineIsRefusedQuickly(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("one-line.csv");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        long before = observations();
        JsonNode report = upload("one-line.csv", Files.readAllBytes(big), "csv");
        assertThat(report.get("status").asText()).isEqualTo("INVALID");
        assertThat(codes(report)).anyMatch(c -> c.startsWith("tabular.csv."));
        assertThat(observations()).isEqualTo(before);
    }

    @Test
    void unknownFormatAndMissingFileAreClientErrors() throws Exception {
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        HEADER.getBytes(StandardCharsets.UTF_8))).param("dataset", "test-bad").param("format", "docx")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/imports").param("dataset", "test-bad").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    private JsonNode upload(String name, byte[] content, String format) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name,
                                "application/octet-stream", content)).param("dataset", "test-bad")
                        .param("format", format).header("Accept-Language", "en")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static java.util.List<String> codes(JsonNode report) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        report.get("problems").forEach(p -> codes.add(p.get("code").asText()));
        return codes;
    }

    private long observations() {
        return jdbc.sql("SELECT count(*) FROM wh_observation").query(Long.class).single();
    }

    private int versions() {
        return jdbc.sql("SELECT count(*) FROM wh_version").query(Integer.class).single();
    }

    private static byte[] junk() {
        byte[] b = new byte[4096];
        new Random(42).nextBytes(b);
        return b;
    }

    private static byte[] xlsx() {
        try {
            return Fixtures.bureauXlsx();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
