package kz.agyn.platform.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import kz.agyn.reference.Names;
import kz.agyn.survey.QuestionnaireService;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyService;
import kz.agyn.tabular.ZipBombs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every upload path, each three ways: a normal file is received, checked and its temporary copy deleted; a file
 * over the path's limit is refused with 413 and the limit in the user's language (problem+json for the API, the
 * form's page for a person) before it is read; a tiny workbook that unpacks a thousandfold is reported as a zip
 * bomb, naming the file, never a 500. (The servlet container's own limits: {@link ContainerLimitsTest}.)
 */
class UploadPathsTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("upl-analyst").roles("ANALYST");
    static final RequestPostProcessor OFFICER = user("upl-officer").roles("REGISTRY_OFFICER");
    static final String DATASET = "test-uploads";
    static final String OBSERVATIONS = "Показатель,Год,Регион,Пол,Значение\nEMIGRANTS,2022,город Алматы,Всего,5310\n";
    static final String RESPONSES = "respondent_id,age_group,sex,region,education,intend_leave,reasons_main\n"
            + "u1,25-29,F,330000000,7,within_1y,pay;growth\n";
    static final String SCHOLARS = """
            scholar_ref,iin,last_name_kk,first_name_kk,birth_date,sex,synthetic
            TST-UPL-1,%s,Сейітов,Арман,1991-02-03,MALE,false
            """.formatted(Iin.of(LocalDate.of(1991, 2, 3), Sex.MALE, 4377).orElseThrow().value());

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SurveyService surveys;

    @Value("${agyn.uploads.directory}")
    Path folder;

    @BeforeEach
    void dataset() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(DATASET).query(Integer.class)
                .single() == 0) {
            mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + DATASET + "\",\"titleKk\":\"Т\",\"titleRu\":\"Т\","
                                    + "\"titleEn\":\"T\",\"publisher\":\"Agyn tests\"}"))
                    .andExpect(status().isCreated());
        }
    }

    /** Whatever a test did, no received file stays in the uploads folder. */
    @AfterEach
    void nothingLeftBehind() throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.toList()).as("temporary uploads left behind").isEmpty();
            }
        }
    }

    // --- the warehouse import ---------------------------------------------------------------------------------

    @Test
    void warehouseApi() throws Exception {
        JsonNode normal = ok(mvc.perform(multipart("/api/v1/imports").file(file("file", "obs.csv", OBSERVATIONS))
                .param("dataset", DATASET).with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en"))
                .andReturn().getResponse());
        assertThat(normal.get("status").asText()).as(normal.toString()).isEqualTo("VALID");

        JsonNode tooLarge = tooLarge(mvc.perform(multipart("/api/v1/imports")
                .file(huge("file", "big.csv", (200L << 20) + 1)).param("dataset", DATASET)
                .with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en")).andReturn().getResponse());
        assertThat(tooLarge.get("detail").asText()).contains("\"big.csv\"").contains("at most 200 MB");

        JsonNode bomb = ok(mvc.perform(multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "bomb.xlsx", "application/octet-stream",
                        ZipBombs.sheet(List.of("INDICATOR", "TIME_PERIOD", "OBS_VALUE"))))
                .param("dataset", DATASET).with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en"))
                .andReturn().getResponse());
        zipBomb(bomb, "The workbook unpacks to far more data");
    }

    @Test
    void warehousePage() throws Exception {
        String page = page(mvc.perform(multipart("/warehouse/imports").file(huge("file", "big.csv", 201L << 20))
                .param("dataset", DATASET).param("lang", "ru").with(ANALYST).with(csrf())).andReturn().getResponse());
        assertThat(page).contains("Файл «big.csv» слишком большой").contains("не более 200 МБ");
        assertThat(hint("/warehouse/imports", ANALYST)).isEqualTo("At most 200 MB per file.");
    }

    // --- survey responses -------------------------------------------------------------------------------------

    @Test
    void surveyResponsesApi() throws Exception {
        int survey = survey().id();
        String base = "/api/v1/surveys/" + survey + "/responses/imports";
        JsonNode normal = ok(mvc.perform(multipart(base).file(file("file", "answers.csv", RESPONSES))
                .with(ANALYST).with(csrf()).header("Accept-Language", "en")).andReturn().getResponse());
        assertThat(normal.get("status").asText()).as(normal.toString()).isEqualTo("VALID");
        // Accepting reads the file back from the database through a temporary file again.
        JsonNode accepted = ok(mvc.perform(post(base + "/" + normal.get("id").asText() + "/accept").with(ANALYST)
                .with(csrf())).andReturn().getResponse());
        assertThat(accepted.get("written").asInt()).isEqualTo(1);

        JsonNode tooLarge = tooLarge(mvc.perform(multipart(base).file(huge("file", "big.xlsx", (20L << 20) + 1))
                .with(ANALYST).with(csrf()).header("Accept-Language", "kk")).andReturn().getResponse());
        assertThat(tooLarge.get("detail").asText()).contains("«big.xlsx» файлы тым үлкен").contains("20 МБ");

        JsonNode bomb = ok(mvc.perform(multipart(base).file(new MockMultipartFile("file", "bomb.xlsx",
                        "application/octet-stream", ZipBombs.sharedStrings(List.of("respondent_id", "sex"))))
                .with(ANALYST).with(csrf()).header("Accept-Language", "en")).andReturn().getResponse());
        zipBomb(bomb, "zip bomb");
    }

    @Test
    void surveyResponsesPage() throws Exception {
        String page = page(mvc.perform(multipart("/surveys/" + survey().id() + "/import")
                .file(huge("file", "big.csv", 21L << 20)).param("lang", "en").with(ANALYST).with(csrf()))
                .andReturn().getResponse());
        assertThat(page).contains("The file \"big.csv\" is too large: at most 20 MB can be uploaded here");
        assertThat(hint("/surveys/" + survey().id() + "/import", ANALYST)).isEqualTo("At most 20 MB per file.");
    }

    // --- questionnaire definitions ----------------------------------------------------------------------------

    @Test
    void questionnaireApi() throws Exception {
        MockHttpServletResponse created = mvc.perform(post("/api/v1/questionnaires").with(ANALYST).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(definition("test-upl-" + System.nanoTime())))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);

        byte[] over = new byte[QuestionnaireService.MAX_BYTES + 1];
        java.util.Arrays.fill(over, (byte) ' ');
        JsonNode tooLarge = tooLarge(mvc.perform(post("/api/v1/questionnaires").with(ANALYST).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(over).header("Accept-Language", "en"))
                .andReturn().getResponse());
        assertThat(tooLarge.get("code").asText()).isEqualTo("upload.tooLarge.unnamed");
        assertThat(tooLarge.get("detail").asText()).contains("at most 1 MB");

        // Nested past the parser's depth limit: refused as not JSON, with where it stops, not a stack overflow.
        MockHttpServletResponse deep = mvc.perform(post("/api/v1/questionnaires").with(ANALYST).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("[".repeat(200_000))
                .header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(deep.getStatus()).isEqualTo(400);
        assertThat(deep.getContentAsString()).contains("survey.definition.notJson");
    }

    @Test
    void questionnairePage() throws Exception {
        String pasted = page(mvc.perform(post("/surveys/questionnaires").with(ANALYST).with(csrf())
                .param("lang", "en").param("definition", " ".repeat(QuestionnaireService.MAX_BYTES + 1)))
                .andReturn().getResponse());
        assertThat(pasted).contains("What was sent is too large: at most 1 MB");
        String file = page(mvc.perform(multipart("/surveys/questionnaires").file(huge("file", "q.json", 2L << 20))
                .param("lang", "en").with(ANALYST).with(csrf())).andReturn().getResponse());
        assertThat(file).contains("The file \"q.json\" is too large: at most 1 MB");
        assertThat(hint("/surveys/questionnaires", ANALYST)).isEqualTo("At most 1 MB per file.");
    }

    // --- the scholar registry's bulk import -------------------------------------------------------------------

    @Test
    void registryApi() throws Exception {
        JsonNode normal = ok(mvc.perform(multipart("/api/v1/registry/imports")
                .file(file("scholars", "scholars.csv", SCHOLARS)).with(OFFICER).with(csrf())
                .header("Accept-Language", "en")).andReturn().getResponse());
        assertThat(normal.get("status").asText()).as(normal.toString()).isEqualTo("VALID");
        assertThat(normal.get("scholars").asInt()).isEqualTo(1);

        JsonNode tooLarge = tooLarge(mvc.perform(multipart("/api/v1/registry/imports")
                .file(file("scholars", "scholars.csv", SCHOLARS)).file(huge("awards", "awards.xlsx", 101L << 20))
                .with(OFFICER).with(csrf()).header("Accept-Language", "ru")).andReturn().getResponse());
        assertThat(tooLarge.get("detail").asText()).contains("Файл «awards.xlsx» слишком большой")
                .contains("не более 100 МБ");

        JsonNode bomb = ok(mvc.perform(multipart("/api/v1/registry/imports").file(new MockMultipartFile("scholars",
                        "bomb.xlsx", "application/octet-stream", ZipBombs.sheet(List.of("scholar_ref", "iin"))))
                .with(OFFICER).with(csrf()).header("Accept-Language", "en")).andReturn().getResponse());
        assertThat(bomb.get("status").asText()).isEqualTo("INVALID");
        JsonNode problem = bomb.get("problems").get(0);
        assertThat(problem.get("code").asText()).isEqualTo("tabular.xlsx.zipBomb");
        assertThat(problem.get("file").asText()).isEqualTo("bomb.xlsx");
        assertThat(problem.get("message").asText()).contains("zip bomb");
    }

    @Test
    void registryPage() throws Exception {
        String page = page(mvc.perform(multipart("/registry/import").file(huge("scholars", "s.csv", 101L << 20))
                .param("lang", "kk").with(OFFICER).with(csrf())).andReturn().getResponse());
        assertThat(page).contains("«s.csv» файлы тым үлкен").contains("100 МБ");
        assertThat(hint("/registry/import", OFFICER)).isEqualTo("At most 100 MB per file.");
    }

    /** The limit as the upload form states it before anything is sent. */
    String hint(String path, RequestPostProcessor who) throws Exception {
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .param("lang", "en").with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return org.jsoup.Jsoup.parse(html).select("#upload-limit").text();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    Survey survey() {
        return surveys.survey("test-uploads").orElseGet(() -> surveys.create("test-uploads", "migration-intentions",
                1, new Names("Тест", "Тест", "Test"), "test"));
    }

    String definition(String code) {
        String t = "\"textKk\":\"Сұрақ\",\"textRu\":\"Вопрос\",\"textEn\":\"Question\"";
        return "{\"code\":\"" + code + "\",\"titleKk\":\"Сынақ\",\"titleRu\":\"Тест\",\"titleEn\":\"Test\","
                + "\"questions\":[{\"code\":\"likes\",\"type\":\"SINGLE\",\"required\":true," + t + ",\"options\":["
                + "{\"code\":\"yes\",\"textKk\":\"Иә\",\"textRu\":\"Да\",\"textEn\":\"Yes\"},"
                + "{\"code\":\"no\",\"textKk\":\"Жоқ\",\"textRu\":\"Нет\",\"textEn\":\"No\"}]}]}";
    }

    static MockMultipartFile file(String part, String name, String content) {
        return new MockMultipartFile(part, name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A part the container reports as {@code size} bytes, as it does for a file it has spooled; reading it gives
     * that many bytes without holding them. Refused by its size, it is never read.
     */
    static MockMultipartFile huge(String part, String name, long size) {
        return new MockMultipartFile(part, name, "application/octet-stream", new byte[0]) {
            @Override
            public long getSize() {
                return size;
            }

            @Override
            public boolean isEmpty() {
                return false;
            }

            @Override
            public InputStream getInputStream() {
                return new InputStream() {
                    long left = size;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }
                };
            }
        };
    }

    JsonNode ok(MockHttpServletResponse r) throws IOException {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode tooLarge(MockHttpServletResponse r) throws IOException {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(413);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("code").asText()).startsWith("upload.tooLarge");
        assertThat(problem.get("limit").asLong()).isPositive();
        return problem;
    }

    static String page(MockHttpServletResponse r) {
        try {
            assertThat(r.getStatus()).isEqualTo(413);
            assertThat(r.getContentType()).startsWith("text/html");
            String html = r.getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("<html").doesNotContain("Exception");
            return org.jsoup.Jsoup.parse(html).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void zipBomb(JsonNode report, String message) {
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("INVALID");
        JsonNode problem = report.get("problems").get(0);
        assertThat(problem.get("code").asText()).isEqualTo("tabular.xlsx.zipBomb");
        assertThat(problem.get("file").asText()).isEqualTo("bomb.xlsx");
        assertThat(problem.get("message").asText()).contains(message);
    }
}
