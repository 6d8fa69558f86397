package kz.agyn.tabular;

import static kz.agyn.tabular.Fixtures.in;
import static kz.agyn.tabular.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
        try (var wb = new XSSFWorkbook()) {
            wb.createSheet("Empty");
            wb.write(out);
        }
        assertCode(out.toByteArray(), "tabular.empty");
    }

    @Test
    void aUnitLineAcrossTheTableIsNotTakenForTheHeader() throws Exception {
        byte[] wb = workbook(s -> {
            row(s, 0, "Таблица 3", null, null, null, "тыс. человек");
            row(s, 1, "Показатель", "2021", "2022", "2023", "2024");
            row(s, 2, "Выбыло", 10.5, 11, 12, 13);
            row(s, 3, "Прибыло", 7, 8, 9, 10);
            row(s, 4, "Сальдо", -3.5, -3, -3, -3);
            s.createRow(5).createCell(0).setCellValue(" ");
            row(s, 6, "Дереккөз: ҰСБ");
        });
        try (TableReader r = TableReaders.xlsx(in(wb), "t.xlsx", XlsxOptions.defaults())) {
            assertThat(r.columns()).containsExactly("Показатель", "2021", "2022", "2023", "2024");
            assertThat(readAll(r)).extracting(row -> row.cell(1)).containsExactly("10.5", "7", "-3.5");
        }
    }

    @Test
    void threeHeaderRowsAndATableStartingInColumnB() throws Exception {
        byte[] wb = workbook(s -> {
            row(s, 0, null, "Emigration of specialists");
            row(s, 1, null, "Field", "Total", null, null);
            row(s, 2, null, null, "2023", null, "2024");
            row(s, 3, null, null, "men", "women", "men");
            row(s, 4, null, "IT", 120, 80, 130);
            row(s, 5, null, "Medicine", 60, 90, 65);
            row(s, 6, "¹ Preliminary data.");
            s.addMergedRegion(new CellRangeAddress(1, 3, 1, 1));
            s.addMergedRegion(new CellRangeAddress(1, 1, 2, 4));
            s.addMergedRegion(new CellRangeAddress(2, 2, 2, 3));
        });
        try (TableReader r = TableReaders.xlsx(in(wb), "t.xlsx", XlsxOptions.defaults())) {
            assertThat(r.columns()).containsExactly("", "Field", "Total / 2023 / men", "Total / 2023 / women",
                    "Total / 2024 / men");
            List<Row> rows = readAll(r);
            assertThat(rows).extracting(Row::cells).containsExactly(
                    List.of("", "IT", "120", "80", "130"), List.of("", "Medicine", "60", "90", "65"));
        }
    }

    @Test
    void inlineStringsAsStreamingWritersProduceThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(10)) {
            Sheet s = wb.createSheet("Data");
            for (int i = 0; i < 50; i++) {
                var row = s.createRow(i);
                row.createCell(0).setCellValue(i == 0 ? "Өңір" : "Облыс " + i);
                if (i == 0) {
                    row.createCell(1).setCellValue("Саны");
                } else {
                    row.createCell(1).setCellValue(i * 2);
                }
            }
            wb.write(out);
        }
        try (TableReader r = TableReaders.xlsx(in(out.toByteArray()), "s.xlsx", XlsxOptions.defaults())) {
            assertThat(r.columns()).containsExactly("Өңір", "Саны");
            List<Row> rows = readAll(r);
            assertThat(rows).hasSize(49);
            assertThat(rows.get(48).cells()).containsExactly("Облыс 49", "98");
        }
    }

    @Test
    void sparseCellsFarRightCannotMultiplyTheWork() throws Exception {
        // A few kilobytes that would expand to billions of empty cells if every row were padded out to XFD.
        byte[] wb = workbook(s -> {
            row(s, 0, "a", "b");
            for (int r = 1; r < 5_000; r++) {
                s.createRow(r).createCell(16_383).setCellValue(1);
                s.getRow(r).createCell(0).setCellValue("x");
            }
        });
        assertCode(wb, "tabular.tooLarge");
    }

    interface SheetBuilder {
        void build(Sheet s);
    }

    static byte[] workbook(SheetBuilder builder) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            builder.build(wb.createSheet("Sheet1"));
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void row(Sheet s, int index, Object... values) {
        var row = s.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof String t) {
                row.createCell(c).setCellValue(t);
            } else if (values[c] instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            }
        }
    }

    private static void assertCode(byte[] bytes, String code) {
        assertThatThrownBy(() -> readAll(TableReaders.xlsx(in(bytes), "x.xlsx", XlsxOptions.defaults())))
                .isInstanceOfSatisfying(TabularException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
