package kz.agyn.note.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import kz.agyn.AgynTest;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19's warehouse-bound blocks: the shipped regional note written for Jetisu region (and the country) from the
 * shipped data, each figure the number the warehouse API gives for the same choices from the source the explorer
 * opens on, each pivot a numbered table with its source line and licence, the datasets cited with their version;
 * and a query that finds nothing, an unknown placeholder, parameter or region refused naming what and where.
 */
class RegionalNoteTest extends AgynTest {

    static final String JETISU = "330000000";

    @Autowired
    NoteTemplates templates;

    @Autowired
    NoteWriter writer;

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @CsvSource({"kk, Жетісу облысы, 1-кесте, Ерлер, Барлығы, Электрондық ресурс, СИНТЕТИКАЛЫҚ, 1-сурет",
            "ru, область Жетісу, Таблица 1, Мужчины, Всего, Электронный ресурс, СИНТЕТИЧЕСКИЕ, Рисунок 1",
            "en, Zhetysu Region, Table 1, Men, Total, Data set, SYNTHETIC, Figure 1"})
    void aNoteForJetisuIsWrittenFromTheWarehouseWithItsTablesAndSources(String language, String region,
                                                                         String table1, String men, String total,
                                                                         String resource, String synthetic,
                                                                         String figure1)
            throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        NoteDocument d = writer.write(regional(), locale,
                NoteParameters.of(regional(), JETISU, "2024", LocalDate.of(2026, 12, 7)));
        assertThat(d.title()).startsWith(region + ": ").contains("2022–2024");
        assertThat(d.date()).isEqualTo(LocalDate.of(2026, 12, 7));
        // The figure in the text is the API's for the same choices, from the source the explorer opens on.
        assertThat(d.data()).anyMatch(v -> v.indicator().equals("EMIGRANTS")
                && v.dataset().equals("synthetic-emigration"));
        BigDecimal emigrants = apiValue("EMIGRANTS", "region=" + JETISU + "&period=2024&sex=_T&country=_T"
                + "&occupation=_T&education=_T&age=_T&dataset=synthetic-emigration");
        String intro = text(d, 1);
        assertThat(intro).contains(new Numbers(locale).number(emigrants, Decimals.upTo(2))).contains(" [1].")
                .contains(region).doesNotContain("${").doesNotContain("{obs:");
        List<NoteDocument.Table> tables = d.parts().stream().filter(p -> p instanceof NoteDocument.Table)
                .map(p -> (NoteDocument.Table) p).toList();
        assertThat(tables).hasSize(3);
        NoteDocument.Table bySex = tables.get(0);
        assertThat(bySex.label()).isEqualTo(table1);
        assertThat(bySex.columns()).containsExactly(bySex.columns().get(0), "2022", "2023", "2024");
        assertThat(bySex.rows()).hasSize(3);
        assertThat(bySex.rows().get(2).get(0)).isEqualTo(total);
        assertThat(bySex.rows()).anyMatch(r -> r.get(0).equals(men));
        assertThat(bySex.rows().get(2).get(3)).isEqualTo(new Numbers(locale).number(emigrants, Decimals.upTo(2)));
        assertThat(bySex.sourceLine()).contains("[1]");
        // The destination countries of the whole country: one row per country, the total last.
        assertThat(tables.get(2).rows().size()).isGreaterThan(10);
        // The reference: the dataset read (both flows are in one), with its version and licence, marked synthetic.
        assertThat(d.references()).hasSize(1).noneMatch(r -> r.text().contains("URL: (") || r.text().contains(".."))
                .allMatch(r -> r.text().contains(resource)
                && r.text().contains(synthetic));
        // The three formats carry it: DOCX with the three tables, PDF with the region's name.
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxNote.render(d)))) {
            List<XWPFTable> t = doc.getTables();
            assertThat(t).hasSize(3);
            assertThat(t.get(0).getRow(3).getCell(0).getText()).isEqualTo(total);
        }
        // The chart: one picture (a PNG of the drawn size, men and women year by year) in all three formats,
        // its caption and source line under it, its data in words as the picture's alternative text.
        List<NoteDocument.Chart> charts = d.parts().stream().filter(p -> p instanceof NoteDocument.Chart)
                .map(p -> (NoteDocument.Chart) p).toList();
        assertThat(charts).hasSize(1);
        NoteDocument.Chart chart = charts.get(0);
        assertThat(chart.label()).isEqualTo(figure1);
        assertThat(chart.caption()).startsWith(region);
        assertThat(chart.sourceLine()).contains("[1]");
        // Zhetysu exists from 2022: the chart asks for five years and shows the three there are.
        assertThat(chart.description()).contains(men).contains("2022").contains("2024").doesNotContain("2020")
                .doesNotContain(total + ":");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertThat(png.getWidth()).isEqualTo(ChartImage.WIDTH);
        assertThat(png.getHeight()).isEqualTo(ChartImage.HEIGHT);
        // Kept beside the browser tests' screenshots, to be looked at.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "note-chart-" + language + ".png"),
                chart.png());
        assertThat(writer.write(regional(), locale, NoteParameters.of(regional(), JETISU, "2024",
                LocalDate.of(2026, 12, 7))).parts()).as("drawn the same at every writing").contains(chart);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxNote.render(d)))) {
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getAllPictures().get(0).getData()).isEqualTo(chart.png());
            assertThat(doc.getParagraphs()).anyMatch(p -> "Caption".equals(p.getStyle())
                    && p.getText().equals(chart.label() + ". " + chart.caption()));
        }
        try (PDDocument pdf = Loader.loadPDF(PdfNote.render(d))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(region).contains(chart.label() + ". ");
            int images = 0;
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject ? 1 : 0;
                }
            }
            assertThat(images).as("the chart is a picture in the PDF").isEqualTo(1);
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 80), "png", kz.agyn.Browsers.SHOTS
                        .resolve("regional-note-pdf-" + language + "-page" + (i + 1) + ".png").toFile());
            }
        }
        assertThat(HtmlNote.body(d)).contains("<img src=\"data:image/png;base64,").contains(" alt=\"").contains(men + ": ");
    }

    @Autowired
    kz.agyn.note.check.NoteChecker checker;

    /**
     * The check, run on the Jetisu note Agyn wrote from consistent data, raises nothing: the region's figures are
     * the region's (not set against the country's in the warehouse or against the country's figures in the text),
     * and every figure is cited.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"kk", "ru", "en"})
    void theCheckRaisesNothingOnTheJetisuNote(String language) {
        NoteDocument d = writer.write(regional(), Locale.forLanguageTag(language),
                NoteParameters.of(regional(), JETISU, "2024", LocalDate.of(2026, 12, 7)));
        var report = checker.check(TextNote.render(d));
        assertThat(report.figures()).hasSizeGreaterThan(10);
        assertThat(report.findings()).as(language).isEmpty();
    }

    @Test
    void theCountryTooHasItsNote() {
        NoteDocument d = writer.write(regional(), Locale.forLanguageTag("ru"),
                NoteParameters.of(regional(), "KZ", "2023", LocalDate.of(2026, 12, 7)));
        assertThat(d.title()).startsWith("Казахстан: ").contains("2021–2023");
    }

    @Test
    void aQueryThatFindsNothingIsRefusedNamingTheBlockAndTheQuery() {
        assertThatThrownBy(() -> writer.write(regional(), Locale.forLanguageTag("ru"),
                NoteParameters.of(regional(), JETISU, "1995", LocalDate.of(2026, 12, 7))))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.code()).isEqualTo("note.write.noData");
                    assertThat(e.args()).containsExactly("regional-note", "блок 2",
                            "{obs:EMIGRANTS;region=330000000;period=1995}");
                });
    }

    @Test
    void anUnknownPlaceholderParameterOrRegionIsRefusedNamingItAndWhere() {
        NoteTemplate unknownIndicator = withParagraph("{obs:NO_SUCH;region=${region};period=${period}}");
        assertThatThrownBy(() -> writer.write(unknownIndicator, Locale.ENGLISH)).isInstanceOfSatisfying(
                UserException.class, e -> {
                    assertThat(e.code()).isEqualTo("note.write.placeholder");
                    assertThat(e.args()).containsExactly("t", "{obs:NO_SUCH;region=330000000;period=2024}",
                            "block 1");
                });
        NoteTemplate unknownParameter = withParagraph("In ${year} …");
        assertThatThrownBy(() -> writer.write(unknownParameter, Locale.ENGLISH)).isInstanceOfSatisfying(
                UserException.class, e -> assertThat(e.args()).containsExactly("t", "${year}", "block 1"));
        assertThatThrownBy(() -> writer.write(regional(), Locale.ENGLISH,
                NoteParameters.of(regional(), "999999999", "2024", LocalDate.of(2026, 12, 7))))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.code()).isEqualTo("note.write.badRegion"));
        assertThatThrownBy(() -> writer.write(regional(), Locale.ENGLISH,
                NoteParameters.of(regional(), JETISU, "last year", LocalDate.of(2026, 12, 7))))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.code()).isEqualTo("note.write.badPeriod"));
    }

    private NoteTemplate withParagraph(String text) {
        String json = """
                {"code": "t", "name": {"kk": "a", "ru": "a", "en": "a"},
                 "parameters": {"region": "330000000", "period": "2024"},
                 "header": {"addressee": {"kk": "a", "ru": "a", "en": "a"}, "author": {"kk": "a", "ru": "a", "en": "a"},
                  "kind": {"kk": "a", "ru": "a", "en": "a"}, "title": {"kk": "a", "ru": "a", "en": "a"},
                  "keywords": {"kk": "a", "ru": "a", "en": "a"}},
                 "blocks": [{"type": "paragraph", "text": {"kk": "T", "ru": "T", "en": "T"}}]}
                """.replace("\"T\"", "\"" + text + "\"");
        return templates.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private BigDecimal apiValue(String indicator, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/observations?indicator=" + indicator + "&" + query)
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode items = JsonMapper.builder().build().readTree(body).path("items");
        assertThat(items.size()).isEqualTo(1);
        return new BigDecimal(items.get(0).path("value").asString());
    }

    private static String text(NoteDocument d, int n) {
        return d.parts().stream().filter(p -> p instanceof NoteDocument.Text).map(p -> ((NoteDocument.Text) p).text())
                .skip(n - 1).findFirst().orElseThrow();
    }

    private NoteTemplate regional() {
        return templates.find("regional-note").orElseThrow();
    }
}
