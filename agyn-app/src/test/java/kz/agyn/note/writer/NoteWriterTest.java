package kz.agyn.note.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import kz.agyn.AgynTest;
import kz.agyn.kernel.UserException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19's first acceptance line: the seed template written in kk, ru and en to DOCX and PDF; the PDF's text
 * holds the tables' rows and the Kazakh letters (its fonts embedded), the DOCX opens with POI and has the three
 * tables with the expected cells, and Table 3's shares are flagged for summing to 110%.
 */
class NoteWriterTest extends AgynTest {

    @Autowired
    NoteTemplates templates;

    @Autowired
    NoteWriter writer;

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("kk", "1-кесте", "Жалақының төмендігі", "Шетелде қалып қоятындар", "14 033",
                        "Пайдаланылған әдебиеттер тізімі"),
                Arguments.of("ru", "Таблица 1", "Низкая заработная плата", "Остаются за рубежом", "14 033",
                        "Список использованной литературы"),
                Arguments.of("en", "Table 1", "Low pay", "Staying abroad", "14,033", "References"));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theSeedNoteIsWrittenToDocxWithItsThreeTables(String language, String table1, String reason,
                                                      String stayingAbroad, String scholars, String references)
            throws Exception {
        NoteDocument d = writer.write(seed(), Locale.forLanguageTag(language));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxNote.render(d)))) {
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(3);
            // Table 1: five reasons ranked with their shares, as the note gives them.
            assertThat(tables.get(0).getNumberOfRows()).isEqualTo(6);
            assertThat(tables.get(0).getRow(1).getCell(0).getText()).isEqualTo("1");
            assertThat(tables.get(0).getRow(1).getCell(1).getText()).isEqualTo(reason);
            assertThat(tables.get(0).getRow(1).getCell(3).getText()).isEqualTo("45%");
            assertThat(tables.get(0).getRow(5).getCell(3).getText()).isEqualTo("5%");
            // Table 2: the four consequences, the Bolashak row citing 1,400 of 14,033.
            assertThat(tables.get(1).getNumberOfRows()).isEqualTo(5);
            assertThat(tables.get(1).getRow(4).getCell(2).getText().replace('\u00A0', ' ')).contains(scholars);
            // Table 3: the programme's indicators.
            assertThat(tables.get(2).getRow(2).getCell(0).getText()).isEqualTo(stayingAbroad);
            assertThat(tables.get(2).getRow(2).getCell(1).getText()).isEqualTo("10%");
            assertThat(tables.get(2).getRow(4).getCell(1).getText()).isEqualTo("70%");
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).anyMatch(p -> p.startsWith(table1 + ". "));
            assertThat(doc.getParagraphs()).anyMatch(p -> "Heading1".equals(p.getStyle())
                    && p.getText().equals(references));
            // Table 3's shares sum to 110%: said under it; Table 1's sum to 100%: nothing said.
            assertThat(paragraphs.stream().filter(p -> p.contains("110%") && !p.startsWith("•"))).hasSize(1);
            assertThat(paragraphs.stream().filter(p -> p.contains("100%") && !p.startsWith("•"))).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theSeedNoteIsWrittenToPdfWithItsFontsAndTables(String language, String table1, String reason,
                                                       String stayingAbroad, String scholars, String references)
            throws Exception {
        NoteDocument d = writer.write(seed(), Locale.forLanguageTag(language));
        try (PDDocument pdf = Loader.loadPDF(PdfNote.render(d))) {
            // The first two pages as pictures, for the eye (target/screenshots).
            java.nio.file.Files.createDirectories(kz.agyn.Browsers.SHOTS);
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
            for (int i = 0; i < Math.min(2, pdf.getNumberOfPages()); i++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 80), "png", kz.agyn.Browsers.SHOTS
                        .resolve("note-pdf-" + language + "-page" + (i + 1) + ".png").toFile());
            }
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ');
            assertThat(text).contains(table1, reason, stayingAbroad, references);
            assertThat(text).contains("45%", "70%");
            // The Kazakh header whatever the note's language is not asked; the Kazakh note has every letter.
            if (language.equals("kk")) {
                assertThat(text).contains("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і");
                assertThat(text).contains("Кімге", "АНАЛИТИКАЛЫҚ ЖАЗБА", "Жетісу облысы");
            }
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void citationsAreNumberedInOrderOfFirstUseAndTheReferencesAreTheSourcesCited() {
        NoteDocument d = writer.write(seed(), Locale.forLanguageTag("en"));
        String intro = d.parts().stream().filter(p -> p instanceof NoteDocument.Text).map(p ->
                ((NoteDocument.Text) p).text()).findFirst().orElseThrow();
        // 31,287 emigrants come from the note's reference 1 (Nasimova et al.), the first source this text cites.
        assertThat(intro).contains("in 2022 alone 31,287 people left the country [1].");
        List<NoteDocument.Reference> refs = d.references();
        assertThat(refs).extracting(NoteDocument.Reference::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, refs.size()).boxed().toList());
        assertThat(refs).anyMatch(r -> r.text().startsWith("Nasimova, G., Kaplan, C. S., Smagulov, K., & Kartashov,"
                + " K. (2022). Reasons for and factors in educational migration from Kazakhstan."));
        NoteDocument.Table t1 = (NoteDocument.Table) d.parts().stream()
                .filter(p -> p instanceof NoteDocument.Table).findFirst().orElseThrow();
        assertThat(t1.sourceLine()).startsWith("Compiled by the author from [");
        assertThat(t1.warning()).isNull();
        // GOST in Russian: "Nasimova G., Kaplan C. S. …" and "//" before the journal.
        NoteDocument ru = writer.write(seed(), Locale.forLanguageTag("ru"));
        assertThat(ru.references()).anyMatch(r -> r.text().startsWith("Nasimova G. Reasons for and factors")
                && r.text().contains(" / Nasimova G., Kaplan C. S., Smagulov K., Kartashov K. // Central Asia"));
    }

    @Test
    void theContradictionsAmongTheFiguresUsedAreListed() {
        NoteDocument d = writer.write(seed(), Locale.forLanguageTag("en"));
        NoteDocument.Findings f = (NoteDocument.Findings) d.parts().stream()
                .filter(p -> p instanceof NoteDocument.Findings).findFirst().orElseThrow();
        assertThat(f.findings()).anyMatch(x -> x.startsWith("How many specialists left in 2022?"))
                .anyMatch(x -> x.startsWith("What share of Bolashak scholars do not return?"))
                .anyMatch(x -> x.startsWith("Table 3 [" + number(d, "Kaliaskarova") + "] gives shares that do not "
                        + "add up"));
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderOrAMissingLanguageIsRefusedWithWhereAndWhat() {
        byte[] unknown = """
                {"code": "t", "name": {"kk": "a", "ru": "a", "en": "a"},
                 "header": {"addressee": {"kk": "a", "ru": "a", "en": "a"}, "author": {"kk": "a", "ru": "a", "en": "a"},
                  "date": "2024-11-06", "kind": {"kk": "a", "ru": "a", "en": "a"}, "title": {"kk": "a", "ru": "a", "en": "a"},
                  "keywords": {"kk": "a", "ru": "a", "en": "a"}},
                 "blocks": [{"type": "paragraph", "text": {"kk": "{fig:nope}", "ru": "{fig:nope}", "en": "{fig:nope}"}}]}
                """.getBytes(StandardCharsets.UTF_8);
        NoteTemplate t = templates.read(unknown);
        assertThatThrownBy(() -> writer.write(t, Locale.ENGLISH)).isInstanceOfSatisfying(UserException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("note.write.placeholder");
                    assertThat(e.args()).containsExactly("t", "{fig:nope}", "block 1");
                });
        byte[] noKazakh = new String(unknown, StandardCharsets.UTF_8)
                .replace("\"text\": {\"kk\": \"{fig:nope}\", ", "\"text\": {").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> templates.read(noKazakh)).isInstanceOfSatisfying(UserException.class, e -> {
            assertThat(e.code()).isEqualTo("note.write.template.field");
            assertThat(e.args()).containsExactly("1", "text");
        });
        assertThatThrownBy(() -> templates.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.code()).isEqualTo("note.write.template.json"));
    }

    @Autowired
    kz.agyn.note.check.NoteChecker checker;

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"kk", "ru", "en"})
    void theConsistencyCheckFindsTheSeedsContradictionsInTheNoteAgynWrote(String language) {
        NoteDocument d = writer.write(seed(), Locale.forLanguageTag(language));
        var report = checker.check(TextNote.render(d));
        var kinds = report.findings().stream().map(kz.agyn.note.check.Finding::kind).toList();
        // Table 3's 110%; and 1,200 specialists against 31,287 emigrants in 2022, both from the seed's figures.
        assertThat(kinds).contains(kz.agyn.note.check.Finding.Kind.SHARES,
                kz.agyn.note.check.Finding.Kind.CONTRADICTION);
        // Every figure Agyn writes is cited: nothing is without a source.
        assertThat(kinds).doesNotContain(kz.agyn.note.check.Finding.Kind.UNSOURCED);
    }

    /** This note's number for the source whose entry starts with {@code author}. */
    private static int number(NoteDocument d, String author) {
        return d.references().stream().filter(r -> r.text().startsWith(author)).findFirst().orElseThrow().number();
    }

    private NoteTemplate seed() {
        return templates.find("seed-note").orElseThrow();
    }
}
