package kz.agyn.tabular;

import static kz.agyn.tabular.Fixtures.csv;
import static kz.agyn.tabular.Fixtures.in;
import static kz.agyn.tabular.Fixtures.readAll;
import static kz.agyn.tabular.Fixtures.resource;
import static kz.agyn.tabular.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @Test
    void utf8WithByteOrderMark() throws Exception {
        byte[] bytes = resource("utf8-bom.csv");
        CsvOptions options = CsvOptions.detect(bytes);
        assertThat(options.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(options.delimiter()).isEqualTo(',');
        assertThat(options.decimalComma()).isFalse();
        try (TableReader r = TableReaders.csv(in(bytes), "bom.csv", options)) {
            assertThat(r.columns()).containsExactly("Өңір", "Жыл", "Көшіп кеткендер");
            assertThat(r.sheet()).isNull();
            Row first = r.next();
            assertThat(first.cells()).containsExactly("Астана", "2022", "1520");
            assertThat(first.number()).isEqualTo(2);
            assertThat(first.location()).hasToString("bom.csv, row 2");
            r.next();
            assertThat(r.next().cells()).containsExactly("Қарағанды облысы", "2022", "2 410");
            assertThat(r.next()).isNull();
            assertThat(r.bytesRead()).isEqualTo(bytes.length);
        }
    }

    @Test
    void windows1251WithSemicolonsAndDecimalCommas() throws Exception {
        byte[] bytes = resource("cp1251-semicolon.csv");
        CsvOptions options = CsvOptions.detect(bytes);
        assertThat(options.charset().name()).isEqualTo("windows-1251");
        assertThat(options.delimiter()).isEqualTo(';');
        assertThat(options.decimalComma()).isTrue();
        try (TableReader r = TableReaders.csv(in(bytes), "cp.csv", options)) {
            assertThat(r.columns()).containsExactly("Регион", "Год", "Доля уехавших, %", "Примечание");
            Row astana = r.next();
            assertThat(astana.cells()).containsExactly("Астана", "2022", "12,5", "оценка; предварительная");
            assertThat(Numbers.normalizeNumber(astana.cell(2), options.decimalComma())).isEqualTo("12.5");
            assertThat(r.next().cells()).containsExactly("Алматы", "2023", "8,25", "");
            assertThat(Numbers.normalizeNumber(r.next().cell(2), true)).isEqualTo("-0.7");
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void tabs() throws Exception {
        byte[] bytes = resource("tabs.tsv");
        CsvOptions options = CsvOptions.detect(bytes);
        assertThat(options.delimiter()).isEqualTo('\t');
        assertThat(options.decimalComma()).isFalse();
        List<Row> rows = csv(bytes);
        assertThat(rows).extracting(Row::cells).containsExactly(
                List.of("KZ-ABA", "2022", "12.5"), List.of("KZ-ALA", "2022", "7"));
    }

    @Test
    void tabsWithDecimalCommas() {
        CsvOptions options = CsvOptions.detect(utf8("a\tb\nx\t12,5\ny\t3,75\n"));
        assertThat(options.delimiter()).isEqualTo('\t');
        assertThat(options.decimalComma()).isTrue();
    }

    @Test
    void quotedDelimitersNewlinesAndDoubledQuotes() throws Exception {
        byte[] bytes = resource("quoted.csv");
        try (TableReader r = TableReaders.csv(in(bytes), "q.csv", CsvOptions.detect(bytes))) {
            assertThat(r.columns()).containsExactly("name", "comment", "value");
            Row smith = r.next();
            assertThat(smith.cells()).containsExactly("Smith, John", "said \"hello\"\nand left", "1");
            assertThat(smith.number()).isEqualTo(2);
            Row plain = r.next();
            assertThat(plain.cells()).containsExactly("plain", "", "2");
            assertThat(plain.number()).as("the line the record starts on").isEqualTo(4);
        }
    }

    @Test
    void lineEndingsOfEveryKindAndRaggedRows() throws Exception {
        List<Row> rows = csv(utf8("a,b\r\n1,2\r3\n4,5,6\r\n\"x\ry\",7"));
        assertThat(rows).extracting(Row::cells).containsExactly(
                List.of("1", "2"), List.of("3"), List.of("4", "5", "6"), List.of("x\ry", "7"));
        assertThat(rows).extracting(Row::number).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void trailingEmptyLinesAreIgnoredButBlankRowsInsideAreKept() throws Exception {
        List<Row> rows = csv(utf8("a;b\n1;2\n;\n3;4\n\n;\n \n\r\n"));
        assertThat(rows).extracting(Row::number).containsExactly(2L, 3L, 4L);
        assertThat(rows.get(1).blank()).isTrue();
        assertThat(rows.get(2).cells()).containsExactly("3", "4");
    }

    @Test
    void withoutHeaderColumnsAreNumbered() throws Exception {
        byte[] bytes = utf8("1,2,3\n4,5,6\n");
        CsvOptions o = CsvOptions.detect(bytes);
        CsvOptions noHeader = new CsvOptions(o.charset(), o.delimiter(), o.decimalComma(), false);
        TableReader r = TableReaders.csv(in(bytes), "n.csv", noHeader);
        assertThat(r.columns()).containsExactly("1", "2", "3");
        assertThat(readAll(r)).extracting(Row::number).containsExactly(1L, 2L);
    }

    @Test
    void textAfterAClosingQuoteAndQuotesInsideAFieldAreKept() throws Exception {
        assertThat(csv(utf8("a,b\n\"x\"y,5 \"inch\"\n")).get(0).cells()).containsExactly("xy", "5 \"inch\"");
    }

    @Test
    void unclosedQuoteIsReportedWithTheRowItStartsOn() {
        byte[] bytes = utf8("a,b\n1,2\n3,\"never\nclosed\n4,5\n");
        assertThatThrownBy(() -> csv(bytes)).isInstanceOfSatisfying(TabularException.class, e -> {
            assertThat(e.code()).isEqualTo("tabular.csv.unclosedQuote");
            assertThat(e.location()).isEqualTo(new Location("data.csv", null, 3, 2));
            assertThat(e.args()).containsExactly(3L);
            assertThat(e.getMessage()).isEqualTo("data.csv, row 3, column 2: Unclosed quote: the value starting "
                    + "on row 3 is not closed before the end of the file.");
        });
    }

    @Test
    void emptyFiles() {
        for (String content : new String[] {"", "\uFEFF", "\n\n", " ; \r\n"}) {
            assertThatThrownBy(() -> csv(utf8(content))).as(content)
                    .isInstanceOfSatisfying(TabularException.class,
                            e -> assertThat(e.code()).isEqualTo("tabular.empty"));
        }
    }

    @Test
    void headerOnlyGivesNoRows() throws Exception {
        TableReader r = TableReaders.csv(in(utf8("a,b\n")), "h.csv", CsvOptions.detect(utf8("a,b\n")));
        assertThat(r.columns()).containsExactly("a", "b");
        assertThat(readAll(r)).isEmpty();
    }

    @Test
    void binaryJunk() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertCode(png, "tabular.binary");
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        assertCode(random, "tabular.binary");
        byte[] controls = new byte[1000];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        assertCode(controls, "tabular.binary");
    }

    @Test
    void wrongCharsetChosenByTheUserIsNamed() {
        byte[] cp1251 = resource("cp1251-semicolon.csv");
        CsvOptions utf8 = new CsvOptions(StandardCharsets.UTF_8, ';', true, true);
        assertThatThrownBy(() -> TableReaders.csv(in(cp1251), "cp.csv", utf8))
                .isInstanceOfSatisfying(TabularException.class, e -> {
                    assertThat(e.code()).isEqualTo("tabular.csv.badEncoding");
                    assertThat(e.args()).containsExactly("UTF-8");
                });
    }

    @Test
    void utf16FromExcelUnicodeText() throws Exception {
        byte[] bytes = "\uFEFFregion\tvalue\r\nАстана\t12,5\r\n".getBytes(StandardCharsets.UTF_16LE);
        CsvOptions o = CsvOptions.detect(bytes);
        assertThat(o.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(csv(bytes)).extracting(Row::cells).containsExactly(List.of("Астана", "12,5"));
    }

    @Test
    void aFiftyMegabyteLineFailsFastWithoutBufferingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one-line.csv");
        // Fields of a kilobyte, so that the line, not the column count, is what runs over.
        byte[] chunk = utf8(("z".repeat(1023) + ",").repeat(64));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(utf8("a,b\n"));
            for (long written = 0; written < 50L << 20; written += chunk.length) {
                out.write(chunk);
            }
        }
        Runtime rt = Runtime.getRuntime();
        long[] consumed = {0};
        try (InputStream in = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                consumed[0] += Math.max(0, n);
                return n;
            }
        }) {
            long before = rt.totalMemory() - rt.freeMemory();
            assertThatThrownBy(() -> readAll(TableReaders.csv(in, "one-line.csv", CsvOptions.detect(chunk))))
                    .isInstanceOfSatisfying(TabularException.class, e -> {
                        assertThat(e.code()).isEqualTo("tabular.csv.lineTooLong");
                        assertThat(e.location().row()).isEqualTo(2);
                        assertThat(e.args()).containsExactly(4);
                    });
            // The reader stops a little past the 4 MB cap instead of reading the 50 MB.
            assertThat(consumed[0]).isLessThan(8L << 20);
            long grown = rt.totalMemory() - rt.freeMemory() - before;
            assertThat(grown).as("heap growth while failing").isLessThan(200L << 20);
        }
    }

    @Test
    void aHugeSingleFieldIsCapped() {
        byte[] bytes = utf8("a\n" + "x".repeat(CsvTableReader.MAX_FIELD + 10) + "\n");
        assertCode(bytes, "tabular.csv.fieldTooLong");
    }

    @Test
    void anUnclosedQuoteSwallowingTheFileIsCalledWhatItIs() {
        byte[] bytes = utf8("a,b\n1,\"oops\n" + "2,3\n".repeat(400_000));
        assertThatThrownBy(() -> csv(bytes)).isInstanceOfSatisfying(TabularException.class, e -> {
            assertThat(e.code()).isEqualTo("tabular.csv.quotedFieldTooLong");
            assertThat(e.args()).containsExactly(2L, 1);
        });
    }

    @Test
    void tooManyColumns() {
        assertCode(utf8("a\n" + ",".repeat(20_000) + "\n"), "tabular.tooManyColumns");
    }

    @Test
    void fieldsLongerThanTheBufferSurviveBufferBoundaries() throws Exception {
        String big = "y".repeat(200_000);
        List<Row> rows = csv(utf8("a,b\n" + big + ",\"" + big + "\"\"" + big + "\"\n"));
        assertThat(rows.get(0).cell(0)).isEqualTo(big);
        assertThat(rows.get(0).cell(1)).isEqualTo(big + "\"" + big);
    }

    @Test
    void openSniffsAndDetects(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("upload.bin");
        Files.write(f, resource("cp1251-semicolon.csv"));
        try (TableReader r = TableReaders.open(f, "Эмиграция.csv", null)) {
            assertThat(r.columns()).hasSize(4);
            assertThat(r.next().location().file()).isEqualTo("Эмиграция.csv");
        }
    }

    private static void assertCode(byte[] bytes, String code) {
        assertThatThrownBy(() -> csv(bytes)).isInstanceOfSatisfying(TabularException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

}
