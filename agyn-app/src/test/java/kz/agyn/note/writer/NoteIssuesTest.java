package kz.agyn.note.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import kz.agyn.AgynTest;
import kz.agyn.jobs.JobState;
import kz.agyn.kernel.UserException;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19's history of issued notes: a template saved as a new version, a note issued from it as a job, stored
 * with the dataset versions it read; a newer version of the dataset imported; the issued note written again gives
 * the same bytes (DOCX, PDF, HTML) while a fresh note reads the new figure.
 */
class NoteIssuesTest extends AgynTest {

    @Autowired
    NoteTemplates templates;

    @Autowired
    NoteIssues issues;

    @Autowired
    NoteWriter writer;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ImportService imports;

    @Test
    void anIssuedNoteIsWrittenAgainByteForByteAfterANewerDatasetVersion() throws Exception {
        String ds = "note-issue-" + UUID.randomUUID().toString().substring(0, 8);
        warehouse.createDataset(ds, new Names("Сынақ", "Тест", "Test"), "Agyn test", null, null, "CC BY 4.0",
                false);
        load(ds, "4321");
        String code = "issue-test-" + UUID.randomUUID().toString().substring(0, 8);
        NoteTemplate saved = templates.save(code, template(code, ds), "note-analyst");
        assertThat(saved.version()).isEqualTo(1);
        NoteTemplate second = templates.save(code, template(code, ds).replace("Emigrants", "People who left"),
                "note-analyst");
        assertThat(second.version()).isEqualTo(2);
        assertThat(templates.versions(code)).extracting(NoteTemplates.Version::version).containsExactly(2, 1);

        UUID id = issues.issue(code, 2, "330000000", "2024", "en", LocalDate.of(2026, 12, 7), "note-analyst");
        NoteIssues.Issued issued = waitFor(id);
        assertThat(issued.job().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(issued.data()).singleElement().satisfies(v -> {
            assertThat(v.dataset()).isEqualTo(ds);
            assertThat(v.version()).isEqualTo(1);
        });
        try (PDDocument pdf = Loader.loadPDF(issues.file(id, "pdf").orElseThrow())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("4,321").contains("People who left");
        }

        load(ds, "9876");
        NoteTemplate current = templates.find(code).orElseThrow();
        String fresh = HtmlNote.body(writer.write(current, Locale.ENGLISH,
                NoteParameters.of(current, "330000000", "2024", LocalDate.of(2026, 12, 7))));
        assertThat(fresh).contains("9,876");
        NoteIssues.Regenerated again = issues.regenerate(id);
        assertThat(again.docx()).isTrue();
        assertThat(again.pdf()).isTrue();
        assertThat(again.html()).isTrue();
        assertThat(new String(issues.regenerated(id, "html"), StandardCharsets.UTF_8)).contains("4,321")
                .doesNotContain("9,876");
    }

    @Test
    void aTemplateThatCannotBeWrittenIsNotSaved() {
        String code = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> templates.save(code, template(code, "x").replace("{obs:EMIGRANTS",
                "{obs:NO_SUCH_INDICATOR"), "note-analyst")).isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.code()).isEqualTo("note.write.placeholder"));
        assertThat(templates.versions(code)).isEmpty();
        assertThatThrownBy(() -> templates.save("other", template(code, "x"), "note-analyst"))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.code()).isEqualTo("note.write.template.code"));
    }

    private void load(String ds, String value) {
        ImportReport r = imports.upload(ds, "v" + value + ".csv", new ByteArrayInputStream(
                ("indicator,period,region,sex,value\nEMIGRANTS,2024,330000000,_T," + value + "\n")
                        .getBytes(StandardCharsets.UTF_8)), "csv", null, "note-analyst", Locale.ENGLISH);
        imports.accept(r.id(), "note-analyst", Locale.ENGLISH);
    }

    private NoteIssues.Issued waitFor(UUID id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            NoteIssues.Issued n = issues.find(id).orElseThrow();
            if (n.written() && n.job() != null && n.job().state() != JobState.RUNNING) {
                return n;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the note was not issued in 60 s");
    }

    static String template(String code, String dataset) {
        return """
                {"code": "%s", "name": {"kk": "Сынақ", "ru": "Тест", "en": "Test"},
                 "parameters": {"region": "330000000", "period": "2024"},
                 "header": {"addressee": {"kk": "a", "ru": "a", "en": "a"}, "author": {"kk": "Agyn", "ru": "Agyn", "en": "Agyn"},
                  "kind": {"kk": "ЖАЗБА", "ru": "ЗАПИСКА", "en": "NOTE"}, "title": {"kk": "${region.name}", "ru": "${region.name}", "en": "${region.name}"},
                  "keywords": {"kk": "a", "ru": "a", "en": "a"}},
                 "blocks": [{"type": "paragraph", "text": {
                   "kk": "${period}: {obs:EMIGRANTS;region=${region};period=${period};dataset=%s}.",
                   "ru": "${period}: {obs:EMIGRANTS;region=${region};period=${period};dataset=%s}.",
                   "en": "Emigrants in ${period}: {obs:EMIGRANTS;region=${region};period=${period};dataset=%s}."}},
                  {"type": "references"}]}
                """.formatted(code, dataset, dataset, dataset);
    }
}
