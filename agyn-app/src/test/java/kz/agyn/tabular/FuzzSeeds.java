package kz.agyn.tabular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seed inputs of {@link TabularFuzzTest} from the test fixtures, and the workbooks among the seeds of
 * the survey-response and registry fuzz targets (their text seeds are written by hand). Run from the project
 * directory after changing a fixture: {@code java -cp <test classpath> kz.agyn.tabular.FuzzSeeds}.
 */
final class FuzzSeeds {

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("src/test/resources/kz/agyn/tabular/TabularFuzzTestInputs");
        write(root.resolve("xlsx/bureau.xlsx"), Fixtures.bureauWorkbook());
        write(root.resolve("xlsx/types.xlsx"), Fixtures.typesWorkbook());
        write(root.resolve("sdmxCsv/v21.csv"), Fixtures.utf8(Fixtures.SDMX_CSV_21));
        write(root.resolve("sdmxCsv/v30.csv"), Fixtures.utf8(Fixtures.SDMX_CSV_30));
        write(root.resolve("sdmxCsv/labels.csv"), Fixtures.utf8(Fixtures.SDMX_CSV_LABELS));
        write(root.resolve("sdmxMl/series.xml"), Fixtures.utf8(Fixtures.SDMX_ML_SERIES));
        write(root.resolve("sdmxMl/flat.xml"), Fixtures.utf8(Fixtures.SDMX_ML_FLAT));
        Path resources = Path.of("src/test/resources/kz/agyn");
        write(resources.resolve("survey/internal/ResponseParserFuzzTestInputs/parse/responses.xlsx"), workbook("Data",
                new Object[][] {{"id", "Пол", "dest", "reasons[1]", "reasons[2]", "sat", "Жалақы", "note", "w"},
                    {"x1", "F", "KZ;RU", "pay", "growth", 5, 250000.5, "Жақсы", 1.2},
                    {"x2", "ru M", "", "living", null, "3", "n/a", null, 0}}));
        write(resources.resolve("registry/imports/RegistryFilesFuzzTestInputs/scholars/scholars.xlsx"), workbook("scholars",
                new Object[][] {{"scholar_ref", "iin", "last_name_kk", "first_name_kk", "birth_date", "sex",
                    "synthetic"}, {"BOL-000001", "750925353957", "Тоқаев", "Арман", "1975-09-25", "MALE", "true"},
                    {"BOL-000002", 750925353957.0, "Ә", "Б", null, "F", false}}));
    }

    /** A one-sheet workbook of the given cells: strings, numbers and booleans as such, null left out. */
    private static byte[] workbook(String sheet, Object[][] rows) throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var s = wb.createSheet(sheet);
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        row.createCell(c).setCellValue(b);
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
