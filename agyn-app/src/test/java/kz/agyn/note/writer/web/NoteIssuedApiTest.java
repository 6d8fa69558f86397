package kz.agyn.note.writer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import kz.agyn.AgynTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issuing a note from a script: what the /note/issued page does, through /api/v1/notes/issued — the Jetisu note
 * issued in Kazakh, followed to its end, its PDF as it went out, written again byte for byte, listed; refused to a
 * viewer and, with a clear problem, for a template or language that does not exist.
 */
class NoteIssuedApiTest extends AgynTest {

    private static final String ANALYST = "notes-api-analyst";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private MvcResult perform(MockHttpServletRequestBuilder request, String role) throws Exception {
        return mvc.perform(request.with(user(role.equals("ANALYST") ? ANALYST : "notes-api-viewer").roles(role))
                .with(csrf())).andReturn();
    }

    private MvcResult issue(String body, String role, String lang) throws Exception {
        return perform(post("/api/v1/notes/issued").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Accept-Language", lang), role);
    }

    @Test
    void anAnalystIssuesTheJetisuNoteFollowsItsJobAndDownloadsItsPdf() throws Exception {
        MvcResult started = issue("""
                {"template": "regional-note", "region": "330000000", "period": "2024", "language": "kk"}""",
                "ANALYST", "kk");
        assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(202);
        String id = json.readTree(started.getResponse().getContentAsString()).get("id").asString();
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/v1/notes/issued/" + id);

        JsonNode note = null;
        for (int i = 0; i < 600; i++) {
            note = json.readTree(perform(get("/api/v1/notes/issued/" + id), "ANALYST").getResponse()
                    .getContentAsString());
            if (note.get("written").asBoolean() && !note.get("job").isNull()
                    && !note.get("job").get("state").asString().equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(note.get("job").get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(note.get("region").asString()).isEqualTo("330000000");
        assertThat(note.get("language").asString()).isEqualTo("kk");
        assertThat(note.get("issuedBy").asString()).isEqualTo(ANALYST);
        assertThat(note.get("data")).isNotEmpty();

        MvcResult pdf = perform(get("/api/v1/notes/issued/" + id + ".pdf"), "ANALYST");
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getResponse().getHeader("Content-Disposition"))
                .contains("agyn-regional-note-330000000-2024-").contains("-kk.pdf");
        try (PDDocument d = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(d)).contains("Жетісу");
        }

        JsonNode again = json.readTree(perform(post("/api/v1/notes/issued/" + id + "/regenerate"), "ANALYST")
                .getResponse().getContentAsString());
        assertThat(again.get("identical").asBoolean()).isTrue();

        JsonNode list = json.readTree(perform(get("/api/v1/notes/issued"), "ANALYST").getResponse()
                .getContentAsString());
        assertThat(list.valueStream().map(n -> n.get("id").asString())).contains(id);

        // A viewer reads notes as Agyn writes them but neither issues one nor reads the office's issued notes.
        assertThat(perform(get("/api/v1/notes/issued/" + id), "VIEWER").getResponse().getStatus()).isEqualTo(403);
        assertThat(issue("{\"template\": \"regional-note\"}", "VIEWER", "en").getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void aTemplateOrLanguageThatDoesNotExistIsAProblemInTheCallersLanguage() throws Exception {
        MvcResult unknown = issue("{\"template\": \"no-such-note\", \"language\": \"ru\"}", "ANALYST", "ru");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        String body = unknown.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("no-such-note").doesNotContain("Exception");
        assertThat(body).containsPattern("[а-яА-Я]{4,}");

        MvcResult language = issue("{\"template\": \"regional-note\", \"language\": \"de\"}", "ANALYST", "en");
        assertThat(language.getResponse().getStatus()).isEqualTo(400);
        assertThat(language.getResponse().getContentAsString()).contains("de");

        MvcResult notJson = issue("{\"template\": ", "ANALYST", "kk");
        assertThat(notJson.getResponse().getStatus()).isEqualTo(400);
        assertThat(notJson.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception");

        assertThat(perform(get("/api/v1/notes/issued/00000000-0000-0000-0000-000000000000.pdf"), "ANALYST")
                .getResponse().getStatus()).isEqualTo(404);
    }
}
