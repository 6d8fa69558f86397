package kz.agyn.note.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.agyn.AgynTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The check's API and page: DOCX, PDF and text in; clear refusals of what cannot be checked. */
class NoteCheckWebTest extends AgynTest {

    private static final Locale KK = Locale.forLanguageTag("kk");

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    /** The seed note as a Word document: its paragraphs as paragraphs, its tab-separated rows as tables. */
    static byte[] seedDocx() throws IOException {
        String[] lines = FigureExtractorTest.resource("seed-note-kk.txt").split("\n");
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = null;
            for (String line : lines) {
                if (line.contains("\t")) {
                    String[] cells = line.split("\t", -1);
                    XWPFTableRow row;
                    if (table == null) {
                        table = doc.createTable(1, cells.length);
                        row = table.getRow(0);
                    } else {
                        row = table.createRow();
                    }
                    for (int c = 0; c < cells.length && c < row.getTableCells().size(); c++) {
                        row.getCell(c).setText(cells[c]);
                    }
                } else if (!line.isBlank()) {
                    table = line.contains("жалғасы") ? table : null;
                    doc.createParagraph().createRun().setText(line);
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] pdf(String password, String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                s.newLineAtOffset(50, 700);
                for (String line : lines) {
                    s.showText(line);
                    s.newLineAtOffset(0, -16);
                }
                s.endText();
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private JsonNode upload(MockMultipartFile file, int expectedStatus) throws Exception {
        MvcResult r = mvc.perform(multipart("/api/v1/note-checks").file(file).locale(Locale.forLanguageTag("kk"))
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().is(expectedStatus)).andReturn();
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static long count(JsonNode report, String kind) {
        long n = 0;
        for (JsonNode f : report.get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void checksADocxWithItsTables() throws Exception {
        JsonNode report = upload(new MockMultipartFile("file", "note.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", seedDocx()), 200);
        assertThat(report.get("figures").size()).isGreaterThanOrEqualTo(60);
        assertThat(count(report, "CONTRADICTION")).isGreaterThanOrEqualTo(3);
        assertThat(count(report, "SHARES")).as("Table 3 read as a table from the DOCX").isEqualTo(1);
        assertThat(count(report, "WAREHOUSE")).isEqualTo(1);
    }

    @Test
    void checksAPlainTextBodyAndAPdf() throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/note-checks").contentType(MediaType.TEXT_PLAIN)
                        .content(FigureExtractorTest.resource("seed-note-kk.txt").getBytes(StandardCharsets.UTF_8))
                        .characterEncoding("UTF-8").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn();
        JsonNode text = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(count(text, "CONTRADICTION")).isGreaterThanOrEqualTo(3);

        JsonNode pdf = upload(new MockMultipartFile("file", "note.pdf", "application/pdf",
                pdf(null, "In 2022, 31,287 people emigrated from Kazakhstan [1].",
                        "In 2022 only 1,200 people emigrated from Kazakhstan [2].")), 200);
        assertThat(pdf.get("figures").size()).isEqualTo(4);
        assertThat(count(pdf, "CONTRADICTION")).isEqualTo(1);
    }

    /** The message a refusal must carry, word for word, in the session's language. */
    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    @Test
    void refusesWhatCannotBeCheckedWithAClearMessage() throws Exception {
        JsonNode locked = upload(new MockMultipartFile("file", "locked.pdf", "application/pdf",
                pdf("secret", "In 2022, 31,287 people emigrated [1].")), 400);
        assertThat(locked.get("detail").asText()).isEqualTo(message("notecheck.error.password", KK))
                .contains("құпиясөз");

        JsonNode image = upload(new MockMultipartFile("file", "photo.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}), 400);
        assertThat(image.get("detail").asText()).isEqualTo(message("notecheck.error.format", KK))
                .contains("DOCX, PDF");

        JsonNode zip = upload(new MockMultipartFile("file", "table.docx", "application/zip",
                new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}), 400);
        assertThat(zip.get("detail").asText()).isEqualTo(message("notecheck.error.format", KK));

        // 100 MB: refused by the check's own limit (20 MB), naming the file and the limit, not a 500. (Over real
        // HTTP, streamed rather than held, in NoteCheckLimitsTest.)
        JsonNode huge = upload(new MockMultipartFile("file", "huge.txt", "text/plain", new byte[100 * 1024 * 1024]),
                413);
        assertThat(huge.get("detail").asText()).isEqualTo(message("upload.tooLarge", KK, "huge.txt", 20.0))
                .contains("«huge.txt» файлы тым үлкен").contains("20 МБ");

        MvcResult nothing = mvc.perform(multipart("/api/v1/note-checks").param("text", " ").locale(KK)
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(json.readTree(nothing.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("detail")
                .asText()).isEqualTo(message("notecheck.error.nothing", KK)).contains("мәтінді қойыңыз");

        // An empty or blank text/plain body: the same words, not a parser's "unreadable request".
        for (String body : new String[] {"", "  \n "}) {
            MvcResult blank = mvc.perform(post("/api/v1/note-checks").contentType(MediaType.TEXT_PLAIN)
                            .content(body.getBytes(StandardCharsets.UTF_8)).locale(KK)
                            .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(status().isBadRequest()).andReturn();
            assertThat(json.readTree(blank.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("detail")
                    .asText()).isEqualTo(message("notecheck.error.nothing", KK));
        }
    }

    /** The same refusals in a Russian and an English session are in Russian and in English. */
    @Test
    void theRefusalsAreInTheSessionsLanguage() throws Exception {
        for (Locale locale : new Locale[] {Locale.forLanguageTag("ru"), Locale.ENGLISH}) {
            MvcResult locked = mvc.perform(multipart("/api/v1/note-checks").file(new MockMultipartFile("file",
                            "locked.pdf", "application/pdf", pdf("secret", "31,287 [1]"))).locale(locale)
                            .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(status().isBadRequest()).andReturn();
            assertThat(json.readTree(locked.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("detail")
                    .asText()).isEqualTo(message("notecheck.error.password", locale))
                    .contains(locale.getLanguage().equals("ru") ? "защищён паролем" : "protected by a password");

            MvcResult page = mvc.perform(multipart("/note-check").file(new MockMultipartFile("file", "photo.png",
                            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}))
                            // A page's language is the session's, chosen with ?lang= (Accept-Language is the API's).
                            .param("lang", locale.getLanguage())
                            .with(user("nc-analyst").roles("ANALYST")).with(csrf()))
                    .andExpect(status().isBadRequest()).andReturn();
            assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"check-error\"")
                    .contains(org.springframework.web.util.HtmlUtils.htmlEscape(
                            message("notecheck.error.format", locale), "UTF-8"));
        }
    }

    @Test
    void thePageMarksTheFindingsInTheText() throws Exception {
        MvcResult r = mvc.perform(multipart("/note-check").file(new MockMultipartFile("file", "seed.txt",
                        "text/plain", FigureExtractorTest.resource("seed-note-kk.txt").getBytes(StandardCharsets.UTF_8)))
                        .with(user("nc-analyst").roles("ANALYST")).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"check-findings\"")
                .contains("class=\"CONTRADICTION\" id=\"fig-15-522\"") // 31 287 in the introduction
                .contains("class=\"SHARES\" id=\"fig-68-31\"") // Table 3's 70%
                .contains("class=\"WAREHOUSE\" id=\"fig-76-167\""); // the conclusion's 1 200

        MvcResult refused = mvc.perform(multipart("/note-check").file(new MockMultipartFile("file", "locked.pdf",
                        "application/pdf", pdf("secret", "31,287 [1]"))).with(user("nc-analyst").roles("ANALYST"))
                        .with(csrf()))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"check-error\"")
                .contains("құпиясөз");

        // Checking a note before it goes out is the analysts' work: viewers are not let in.
        mvc.perform(get("/note-check").with(user("nc-viewer").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/note-check").with(user("nc-analyst").roles("ANALYST"))).andExpect(status().isOk());
    }
}
