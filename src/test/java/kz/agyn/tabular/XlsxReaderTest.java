package kz.agyn.tabular;

import static kz.agyn.tabular.Fixtures.in;
import static kz.agyn.tabular.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReaderTest {

    static final byte[] BUREAU = Fixtures.bureauWorkbook();

    @Test
    void bureauSheetHeaderIsFoundAndFootnotesAreNotRows() throws Exception {
        try (TableReader r = TableReaders.xlsx(in(BUREAU), "report.xlsx", XlsxOptions.defaults())) {
            assertThat(r.sheet()).isEqualTo("Table 1");
            assertThat(r.columns()).containsExactly(
                    "Регион", "2022 / Мужчины", "2022 / Женщины", "2023 / Мужчины", "2023 / Женщины");
            List<Row> rows = readAll(r);
            assertThat(rows).extracting(row -> row.cell(0)).containsExactly(
                    "Республика Казахстан", "г. Астана", "г. Алматы", "Карагандинская область");
            assertThat(rows).extracting(Row::number).containsExactly(5L, 6L, 7L, 8L);
            assertThat(rows.get(0).cells()).containsExactly("Республика Казахстан", "10234", "9876.5", "11000",
                    "12345.25");
            assertThat(rows.get(2).cell(4)).isEqualTo("0.1");
            assertThat(rows.get(3).cells()).containsExactly("Карагандинская область", "2410", "2205", "", "2000");
            assertThat(rows.get(1).location()).hasToString("report.xlsx, sheet 'Table 1', row 6");
            assertThat(rows.get(1).location(2)).hasToString("report.xlsx, sheet 'Table 1', row 6, column C");
        }
    }

    @Test
    void explicitOptionsOverrideDetection() throws Exception {
        // Header taken as the second header row only, data from row 6 to 7.
        XlsxOptions options = new XlsxOptions("Table 1", 4, 1, 6, 7);
        try (TableReader r = TableReaders.xlsx(in(BUREAU), "report.xlsx", options)) {
            assertThat(r.columns()).containsExactly("", "Мужчины", "Женщины", "Мужчины", "Женщины");
            assertThat(readAll(r)).extracting(row -> row.cell(0)).containsExactly("г. Астана", "г. Алматы");
        }
        // An explicit last row returns everything up to it, the blank row and footnotes too.
        try (TableReader r = TableReaders.xlsx(in(BUREAU), "report.xlsx", new XlsxOptions(null, 3, 2, 0, 11))) {
            List<Row> rows = readAll(r);
            assertThat(rows).extracting(Row::number).containsExactly(5L, 6L, 7L, 8L, 10L, 11L);
        }
    }

    @Test
    void cellTypesAsText() throws Exception {
        byte[] wb = Fixtures.typesWorkbook();
        try (TableReader r = TableReaders.xlsx(in(wb), "types.xlsx", XlsxOptions.defaults())) {
            assertThat(r.columns()).containsExactly("text", "int", "decimal", "big", "date", "formula", "bool",
                    "tiny");
            Row row = r.next();
            assertThat(row.cells()).containsExactly("  Алматы ", "31287", "1234.5", "1500000000000000",
                    "2023-07-01", "62574", "true", "0.000125");
            assertThat(r.next()).isNull();
            assertThat(r.bytesRead()).isPositive();
        }
    }

    @Test
    void sheetsAndChoosingOne() throws Exception {
        byte[] wb = Fixtures.typesWorkbook();
        assertThat(TableReaders.sheets(in(wb), "types.xlsx")).containsExactly("Types", "Other");
        try (TableReader r = TableReaders.xlsx(in(wb), "types.xlsx", new XlsxOptions("other", 0, 0, 0, 0))) {
            assertThat(r.sheet()).isEqualTo("Other");
            assertThat(r.columns()).containsExactly("a", "b");
            assertThat(readAll(r)).extracting(Row::cells).containsExactly(List.of("x", "1"));
        }
        assertThatThrownBy(() -> TableReaders.xlsx(in(wb), "types.xlsx", new XlsxOptions("Нет", 0, 0, 0, 0)))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.xlsx.noSuchSheet");
                    assertThat(e.args()).containsExactly("Нет", "Types, Other");
                });
    }

    @Test
    void previewShowsTheSheetAsItIs() throws Exception {
        List<Row> rows = TableReaders.preview(in(BUREAU), "report.xlsx", null, 10);
        assertThat(rows).hasSize(10);
        assertThat(rows).extracting(Row::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(rows.get(0).cells()).containsExactly("Эмиграция из Казахстана по регионам, 2022–2023");
        assertThat(rows.get(2).cells()).containsExactly("Регион", "2022", "", "2023");
        assertThat(rows.get(8).blank()).isTrue();
        assertThat(rows.get(9).cell(0)).startsWith("Примечание");
        assertThat(TableReaders.preview(in(BUREAU), "report.xlsx", "Table 1", 2)).hasSize(2);
    }

    @Test
    void openFromAPathSniffsTheWorkbook(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("upload");
        Files.write(f, BUREAU);
        try (TableReader r = TableReaders.open(f, "report.xlsx", null)) {
            assertThat(r.columns()).hasSize(5);
            assertThat(readAll(r)).hasSize(4);
        }
        assertThat(f).exists();
    }

    @Test
    void oldXlsAndPasswordProtectedFilesAreNamed() {
        byte[] ole2 = new byte[1024];
        ole2[0] = (byte) 0xD0;
        ole2[1] = (byte) 0xCF;
        ole2[2] = 0x11;
        ole2[3] = (byte) 0xE0;
        assertCode(ole2, "tabular.xlsx.legacy");
    }

    @Test
    void damagedWorkbooks() throws Exception {
        assertCode(new byte[0], "tabular.empty");
        assertCode("just text".getBytes(), "tabular.xlsx.notXlsx");
        assertCode(java.util.Arrays.copyOf(BUREAU, BUREAU.length / 2), "tabular.xlsx.corrupt");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("hello.txt"));
            z.write("not a workbook".getBytes());
        }
        assertCode(zip.toByteArray(), "tabular.xlsx.corrupt");
    }

    @Test
    void zipBombIsRefused() throws Exception {
        // A sheet that inflates a thousandfold: POI's ratio check must trip, and be reported as such.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(in(BUREAU));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    String padding = "<!--" + " ".repeat(20 << 20) + "-->";
                    content = xml.replace("<sheetData>", padding + "<sheetData>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.write(content);
            }
        }
        assertCode(bytes.toByteArray(), "tabular.xlsx.zipBomb");
    }

    @Test
    void emptySheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("Empty");
            wb.write(out);
        }
        assertCode(out.toByteArray(), "tabular.empty");
    }

    private static void assertCode(byte[] bytes, String code) {
        assertThatThrownBy(() -> readAll(TableReaders.xlsx(in(bytes), "x.xlsx", XlsxOptions.defaults())))
                .isInstanceOfSatisfying(TabularException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
