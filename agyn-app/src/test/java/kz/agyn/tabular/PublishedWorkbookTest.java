package kz.agyn.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The UN DESA "International Migrant Stock 2020: Destination" workbook exactly as published
 * (src/test/resources/undesa/SOURCE.md): a table of contents first, title rows, three sex blocks under merged
 * captions spanning rows 8-10 above the year row 11, a notes column.
 */
class PublishedWorkbookTest {

    static final String FILE = "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx";

    static byte[] undesa() {
        try (InputStream in = PublishedWorkbookTest.class.getResourceAsStream("/undesa/" + FILE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSheetWithDataIsChosenNotTheTableOfContents() throws Exception {
        byte[] book = undesa();
        assertThat(TableReaders.sheets(Fixtures.in(book), FILE)).containsExactly("Table of contents", "Table 1",
                "Table 2", "Table 3", "Table 4", "Table 5", "Table 6", "Notes");
        try (TableReader r = TableReaders.xlsx(Fixtures.in(book), FILE, XlsxOptions.defaults())) {
            assertThat(r.sheet()).isEqualTo("Table 1");
        }
    }

    @Test
    void mergedGroupCaptionsAreCombinedWithTheYearRow() throws Exception {
        try (TableReader r = TableReaders.xlsx(Fixtures.in(undesa()), FILE, XlsxOptions.defaults())) {
            List<String> columns = r.columns();
            assertThat(columns.subList(1, 5)).containsExactly("Region, development group, country or area", "Notes",
                    "Location code", "Type of data");
            assertThat(columns.get(5)).isEqualTo("International migrant stock at mid-year, both sexes combined / 1990");
            assertThat(columns.get(18)).isEqualTo("International migrant stock at mid-year, males / 2020");
            assertThat(columns.get(25)).isEqualTo("International migrant stock at mid-year, females / 2020");
            assertThat(columns).hasSize(26);
            List<Row> rows = Fixtures.readAll(r);
            assertThat(rows.get(0).number()).isEqualTo(12);
            assertThat(rows.get(rows.size() - 1).number()).isEqualTo(294);
            Map<String, Row> byCode = rows.stream().collect(Collectors.toMap(x -> x.cell(3), Function.identity(),
                    (a, b) -> a));
            Row kz = byCode.get("398");
            assertThat(kz.number()).isEqualTo(99);
            assertThat(kz.cell(1).trim()).isEqualTo("Kazakhstan");
            assertThat(kz.cell(11)).isEqualTo("3732073");
            assertThat(kz.cell(18)).isEqualTo("1850097");
            assertThat(kz.cell(25)).isEqualTo("1881976");
        }
    }

    @Test
    void latin1IsNotTakenForCyrillic() {
        byte[] latin1 = "Country;Value\nC\u00f4te d'Ivoire;1\nCura\u00e7ao;2\nR\u00e9union;3\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Charset c = CsvOptions.detect(latin1).charset();
        assertThat(new String(latin1, c)).contains("Côte d'Ivoire", "Curaçao", "Réunion");
        byte[] cyrillic = "Регион;Значение\nАлматинская область;1\nг. Астана;2\n"
                .getBytes(Charset.forName("windows-1251"));
        assertThat(CsvOptions.detect(cyrillic).charset().name()).isEqualTo("windows-1251");
        byte[] kazakh1251 = "Өңір;Мән\nАлматы облысы;1\nЖетісу облысы;2\nҚарағанды облысы;3\n"
                .getBytes(Charset.forName("windows-1251"));
        assertThat(CsvOptions.detect(kazakh1251).charset().name()).isEqualTo("windows-1251");
    }
}
