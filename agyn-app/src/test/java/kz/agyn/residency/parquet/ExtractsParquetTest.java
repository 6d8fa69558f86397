package kz.agyn.residency.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import kz.agyn.residency.engine.ExtractException;
import kz.agyn.residency.engine.ExtractProblem;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.ExtractsCsv;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.Register;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine reads the extracts as Parquet (issue 20): a generated country written as Parquet reads back as
 * the same extracts as its CSV (and gives the same aggregates), however its rows are grouped into row groups, pages,
 * part files or persons; and each refusal of the CSV reader and the Spark job is made here too, located by file, row
 * and column, never quoting the value.
 */
class ExtractsParquetTest {

    static final Period PERIOD = new Period(java.time.YearMonth.of(2024, 1), 12);
    static Country country;
    static Extracts fromCsv;

    @TempDir
    Path dir;

    @BeforeAll
    static void country() {
        country = CountryGenerator.generate(CountrySettings.defaults(3_000, 7).withPeriod(PERIOD));
        StringWriter e = new StringWriter();
        StringWriter c = new StringWriter();
        StringWriter s = new StringWriter();
        ExtractsCsv.write(country.extracts(), e, c, s);
        fromCsv = ExtractsCsv.read(PERIOD, new StringReader(e.toString()), new StringReader(c.toString()),
                new StringReader(s.toString()));
    }

    @Test
    void aCountryWrittenAsParquetReadsBackAsItsCsvAndGivesTheSameAggregates() throws IOException {
        // Small row groups and pages: the reader goes across many of each, decoding the next while reading one.
        ParquetWriting.write(country.extracts(), dir, 64 * 1024, 8 * 1024);
        Extracts x = ExtractsParquet.read(PERIOD, dir);
        assertSame(x, fromCsv);
        assertThat(Estimator.run(x, EstimatorSettings.defaults()).cells())
                .isEqualTo(Estimator.run(fromCsv, EstimatorSettings.defaults()).cells());

        Path whole = dir.resolve("whole");
        ExtractsParquet.write(country.extracts(), whole);
        assertSame(ExtractsParquet.read(PERIOD, whole), fromCsv);
        // One row group of all rows, read in slices that end in the middle of pages and of persons.
        int slice = ExtractsParquet.sliceRows;
        try {
            ExtractsParquet.sliceRows = 777;
            assertSame(ExtractsParquet.read(PERIOD, whole), fromCsv);
        } finally {
            ExtractsParquet.sliceRows = slice;
        }
    }

    @Test
    void rowsOfAPersonNeedNotBeTogetherAndPartFilesAreReadInNameOrder() throws IOException {
        Extracts c = country.extracts();
        // Rows by register, then person: each person's rows are far apart; two part files in a folder.
        Path table = dir.resolve(ExtractsParquet.EXTRACTS);
        Files.createDirectories(table);
        List<Consumer<RecordConsumer>> rows = new ArrayList<>();
        for (int r = 0; r < Register.COUNT; r++) {
            for (int p = 0; p < c.persons(); p++) {
                int mask = c.mask(p, r);
                boolean none = true;
                for (int q = 0; q < Register.COUNT; q++) {
                    none &= c.mask(p, q) == 0;
                }
                if (mask != 0 || none && r == 0) {
                    rows.add(extractRow(c, p, r, mask));
                }
            }
        }
        write(table.resolve("part-00000.parquet"), ParquetWriting.EXTRACTS, rows.subList(0, rows.size() / 2), true);
        write(table.resolve("part-00001.parquet"), ParquetWriting.EXTRACTS, rows.subList(rows.size() / 2,
                rows.size()), true);
        Files.writeString(table.resolve("_SUCCESS"), "");
        Path sorted = dir.resolve("sorted");
        ExtractsParquet.write(c, sorted);
        Files.copy(sorted.resolve(ExtractsParquet.CROSSINGS), dir.resolve(ExtractsParquet.CROSSINGS));
        Files.copy(sorted.resolve(ExtractsParquet.STATUSES), dir.resolve(ExtractsParquet.STATUSES));
        Extracts x = ExtractsParquet.read(PERIOD, dir);
        // Persons are numbered in the order they first appear, so compare as sets of per-person facts.
        assertThat(facts(x)).containsExactlyInAnyOrderElementsOf(facts(fromCsv));
        assertThat(Estimator.run(x, EstimatorSettings.defaults()).total().emigrated())
                .isEqualTo(Estimator.run(fromCsv, EstimatorSettings.defaults()).total().emigrated());
    }

    @Test
    void aFileThatIsNotParquetOrIsCutShortIsRefused() throws IOException {
        Files.writeString(dir.resolve(ExtractsParquet.EXTRACTS), "person,register,mask\n");
        assertThat(problems()).extracting(ExtractProblem::code).containsExactly("residency.parquet.notParquet");

        Path whole = dir.resolve("whole");
        ExtractsParquet.write(country.extracts(), whole);
        byte[] bytes = Files.readAllBytes(whole.resolve(ExtractsParquet.EXTRACTS));
        Files.write(dir.resolve(ExtractsParquet.EXTRACTS), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        List<ExtractProblem> cut = problems();
        assertThat(cut).extracting(ExtractProblem::code).containsExactly("residency.parquet.notParquet");
        assertThat(message(cut.get(0), Locale.ENGLISH)).isEqualTo(
                "extracts.parquet: not a Parquet file, or cut short (its PAR1 marks and closing metadata are missing).");
    }

    @Test
    void aDamagedPageIsRefusedWithItsColumn() throws IOException {
        ParquetWriting.write(country.extracts(), dir, 64 * 1024, 8 * 1024);
        Path file = dir.resolve(ExtractsParquet.EXTRACTS);
        byte[] bytes = Files.readAllBytes(file);
        // Overwrite the middle of the data, the footer left whole.
        for (int i = bytes.length / 3; i < bytes.length / 3 + 4096; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        List<ExtractProblem> p = problems();
        assertThat(p).hasSize(1);
        assertThat(p.get(0).code()).isIn("residency.parquet.unreadable", "residency.parquet.badPerson",
                "residency.parquet.unknownRegister");
    }

    @Test
    void aMissingColumnOrOneOfAnotherTypeIsRefused() throws IOException {
        MessageType noMask = MessageTypeParser.parseMessageType("message extracts { required binary person (STRING);"
                + " required binary register (STRING); optional binary region (STRING); optional int32 age;"
                + " optional binary sex (STRING); optional int32 isced; optional binary isco (STRING); }");
        write(dir.resolve(ExtractsParquet.EXTRACTS), noMask, List.of(rc -> {
            ParquetWriting.binary(rc, "person", 0, key(1));
            ParquetWriting.binary(rc, "register", 1, "TAX");
        }), false);
        List<ExtractProblem> missing = problems();
        assertThat(missing).extracting(ExtractProblem::code).containsExactly("residency.parquet.missingColumn");
        assertThat(message(missing.get(0), Locale.ENGLISH)).isEqualTo("extracts.parquet: the column \"mask\" is missing.");

        MessageType textMask = MessageTypeParser.parseMessageType(ParquetWriting.EXTRACTS.toString()
                .replace("required int32 mask", "required binary mask (STRING)"));
        write(dir.resolve(ExtractsParquet.EXTRACTS), textMask, List.of(rc -> {
            ParquetWriting.binary(rc, "person", 0, key(1));
            ParquetWriting.binary(rc, "register", 1, "TAX");
            ParquetWriting.binary(rc, "mask", 2, "101");
        }), false);
        List<ExtractProblem> typed = problems();
        assertThat(typed).extracting(ExtractProblem::code).containsExactly("residency.parquet.badType");
        assertThat(message(typed.get(0), new Locale("ru"))).isEqualTo("extracts.parquet: столбец «mask» должен иметь "
                + "тип INT32.");
    }

    @Test
    void anUnknownRegisterADuplicateRowAndAMaskPastThePeriodAreRefusedWithTheirRows() throws IOException {
        write(dir.resolve(ExtractsParquet.EXTRACTS), ParquetWriting.EXTRACTS, List.of(
                row(key(1), "TAX", 1), row(key(1), "CASINO", 1), row(key(2), "TAX", 1), row(key(2), "TAX", 3),
                row(key(3), "BANK", 1 << 12)), false);
        List<ExtractProblem> p = problems();
        assertThat(p).extracting(ExtractProblem::code, ExtractProblem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("residency.parquet.unknownRegister", 2L),
                org.assertj.core.groups.Tuple.tuple("residency.parquet.duplicate", 4L),
                org.assertj.core.groups.Tuple.tuple("residency.parquet.maskTooLong", 5L));
        assertThat(message(p.get(0), Locale.ENGLISH)).isEqualTo("extracts.parquet, row 2, column \"register\": "
                + "unknown register code; allowed: TAX, PENSION, SOCIAL, HEALTH, MEDICAL, EDUCATION, BENEFIT, "
                + "EMPLOYMENT, VEHICLE, PROPERTY, UTILITY, BANK.");
        assertThat(message(p.get(1), Locale.forLanguageTag("kk"))).isEqualTo("extracts.parquet, 4-жол: бұл тұлғаның "
                + "TAX тізіліміндегі жолы қайталанады.");
        assertThat(message(p.get(2), Locale.ENGLISH)).isEqualTo("extracts.parquet, row 5, column \"mask\": a month "
                + "bit is set past the period (12 months).");
    }

    @Test
    void anIinInClearIsRefusedWithoutQuotingIt() throws IOException {
        write(dir.resolve(ExtractsParquet.EXTRACTS), ParquetWriting.EXTRACTS, List.of(row(key(1), "TAX", 1),
                row("880101300123", "TAX", 1), row("not a key", "TAX", 1)), false);
        List<ExtractProblem> p = problems();
        assertThat(p).extracting(ExtractProblem::code).containsExactly("residency.parquet.clearIin",
                "residency.parquet.badPerson");
        String en = message(p.get(0), Locale.ENGLISH);
        assertThat(en).isEqualTo("extracts.parquet, row 2, column \"person\": an IIN in clear; a keyed hash of the "
                + "IIN (64 hex digits) is required. Nothing was stored.");
        assertThat(p.toString()).doesNotContain("880101300123");
    }

    @Test
    void attributesOutOfTheirFormAreRefused() throws IOException {
        write(dir.resolve(ExtractsParquet.EXTRACTS), ParquetWriting.EXTRACTS, List.of(rc -> {
            ParquetWriting.binary(rc, "person", 0, key(1));
            ParquetWriting.binary(rc, "register", 1, "TAX");
            ParquetWriting.integer(rc, "mask", 2, 1);
            ParquetWriting.binary(rc, "region", 3, "75");
            ParquetWriting.integer(rc, "age", 4, 130);
            ParquetWriting.binary(rc, "sex", 5, "X");
            ParquetWriting.integer(rc, "isced", 6, 9);
            ParquetWriting.binary(rc, "isco", 7, "2A");
        }), false);
        assertThat(problems()).extracting(ExtractProblem::code).containsExactly("residency.parquet.badRegion",
                "residency.parquet.badAge", "residency.parquet.badSex", "residency.parquet.badIsced",
                "residency.parquet.badIsco");
    }

    @Test
    void crossingsAndStatusesOfUnknownPersonsOrOutOfTheirFormAreRefused() throws IOException {
        write(dir.resolve(ExtractsParquet.EXTRACTS), ParquetWriting.EXTRACTS, List.of(row(key(1), "TAX", 1)), false);
        int day = (int) LocalDate.of(2024, 3, 1).toEpochDay();
        write(dir.resolve(ExtractsParquet.CROSSINGS), ParquetWriting.CROSSINGS, List.of(
                crossing(key(1), day, "EXIT"), crossing(key(2), day, "EXIT"), crossing(key(1), day, "LEFT")), false);
        List<ExtractProblem> c = problems();
        assertThat(c).extracting(ExtractProblem::file, ExtractProblem::code, ExtractProblem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("crossings.parquet", "residency.parquet.unknownPerson", 2L),
                org.assertj.core.groups.Tuple.tuple("crossings.parquet", "residency.parquet.badDirection", 3L));

        Files.delete(dir.resolve(ExtractsParquet.CROSSINGS));
        write(dir.resolve(ExtractsParquet.STATUSES), ParquetWriting.STATUSES, List.of(
                status(key(1), "2024-02", "PRESENT"), status(key(3), "2024-02", "DIED"),
                status(key(1), "2026-02", "DIED"), status(key(1), "2024-1", "DIED"),
                status(key(1), "2024-02", "LEFT")), false);
        assertThat(problems()).extracting(ExtractProblem::code, ExtractProblem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("residency.parquet.unknownPerson", 2L),
                org.assertj.core.groups.Tuple.tuple("residency.parquet.monthOutside", 3L),
                org.assertj.core.groups.Tuple.tuple("residency.parquet.badMonth", 4L),
                org.assertj.core.groups.Tuple.tuple("residency.parquet.badEvent", 5L));

        // Read together, a good crossing and status land on their person.
        write(dir.resolve(ExtractsParquet.STATUSES), ParquetWriting.STATUSES, List.of(
                status(key(1), "2024-02", "PRESENT")), false);
        write(dir.resolve(ExtractsParquet.CROSSINGS), ParquetWriting.CROSSINGS, List.of(
                crossing(key(1), day, "EXIT")), false);
        Extracts x = ExtractsParquet.read(PERIOD, dir);
        assertThat(x.persons()).isEqualTo(1);
        assertThat(x.lastExit(0)).isEqualTo(day);
        assertThat(x.confirmed(0)).isEqualTo(1);
        assertThat(x.key(0)).isEqualTo(key(1));
    }

    @Test
    void everyMessageIsInKazakhRussianAndEnglish() {
        for (String code : List.of("notParquet", "missingColumn", "badType", "codec", "unreadable", "noValue",
                "clearIin", "badPerson", "unknownPerson", "unknownRegister", "maskTooLong", "badRegion", "badAge",
                "badSex", "badIsced", "badIsco", "duplicate", "badDirection", "badMonth", "monthOutside",
                "badEvent")) {
            for (String lang : List.of("kk", "ru", "en")) {
                assertThat(bundle(Locale.forLanguageTag(lang)).getString("residency.parquet." + code))
                        .as(lang + " " + code).startsWith("{0}");
            }
        }
    }

    private List<ExtractProblem> problems() {
        try {
            ExtractsParquet.read(PERIOD, dir);
        } catch (ExtractException e) {
            return e.problems();
        }
        throw new AssertionError("the files were read");
    }

    private static void assertSame(Extracts x, Extracts y) {
        assertThat(x.persons()).isEqualTo(y.persons());
        int[] a = new int[Register.COUNT];
        int[] b = new int[Register.COUNT];
        for (int p = 0; p < x.persons(); p++) {
            x.masks(p, a);
            y.masks(p, b);
            assertThat(a).as("masks of %d", p).isEqualTo(b);
            assertThat(new long[] {x.region(p), x.age(p), x.sex(p), x.isced(p), x.isco(p), x.lastExit(p),
                x.lastEntry(p), x.deregistered(p), x.died(p), x.confirmed(p)})
                    .isEqualTo(new long[] {y.region(p), y.age(p), y.sex(p), y.isced(p), y.isco(p), y.lastExit(p),
                        y.lastEntry(p), y.deregistered(p), y.died(p), y.confirmed(p)});
            assertThat(x.key(p)).isEqualTo(y.key(p));
        }
    }

    private static List<String> facts(Extracts x) {
        List<String> out = new ArrayList<>();
        int[] m = new int[Register.COUNT];
        for (int p = 0; p < x.persons(); p++) {
            x.masks(p, m);
            out.add(x.key(p) + java.util.Arrays.toString(m) + x.region(p) + "/" + x.age(p) + "/" + x.sex(p) + "/"
                    + x.isced(p) + "/" + x.isco(p) + "/" + x.lastExit(p) + "/" + x.lastEntry(p) + "/"
                    + x.deregistered(p) + "/" + x.died(p) + "/" + x.confirmed(p));
        }
        return out;
    }

    private static Consumer<RecordConsumer> extractRow(Extracts c, int p, int r, int mask) {
        return rc -> {
            ParquetWriting.binary(rc, "person", 0, c.key(p));
            ParquetWriting.binary(rc, "register", 1, Register.at(r).name());
            ParquetWriting.integer(rc, "mask", 2, mask);
            if (c.region(p) >= 0) {
                ParquetWriting.binary(rc, "region", 3, String.format("%02d0000000", c.region(p)));
            }
            if (c.age(p) >= 0) {
                ParquetWriting.integer(rc, "age", 4, c.age(p));
            }
            if (c.sex(p) > 0) {
                ParquetWriting.binary(rc, "sex", 5, c.sex(p) == 1 ? "M" : "F");
            }
            if (c.isced(p) >= 0) {
                ParquetWriting.integer(rc, "isced", 6, c.isced(p));
            }
            if (c.isco(p) >= 0) {
                ParquetWriting.binary(rc, "isco", 7, String.format("%02d", c.isco(p)));
            }
        };
    }

    private static Consumer<RecordConsumer> row(String person, String register, int mask) {
        return rc -> {
            ParquetWriting.binary(rc, "person", 0, person);
            ParquetWriting.binary(rc, "register", 1, register);
            ParquetWriting.integer(rc, "mask", 2, mask);
        };
    }

    private static Consumer<RecordConsumer> crossing(String person, int day, String direction) {
        return rc -> {
            ParquetWriting.binary(rc, "person", 0, person);
            ParquetWriting.integer(rc, "date", 1, day);
            ParquetWriting.binary(rc, "direction", 2, direction);
        };
    }

    private static Consumer<RecordConsumer> status(String person, String month, String event) {
        return rc -> {
            ParquetWriting.binary(rc, "person", 0, person);
            ParquetWriting.binary(rc, "month", 1, month);
            ParquetWriting.binary(rc, "event", 2, event);
        };
    }

    /** A person key: 64 hex digits. */
    static String key(int n) {
        return String.format("%064x", n * 7919L + 12345);
    }

    /** Rows into a file; with {@code dictionary} the person column too is dictionary-encoded (Spark's default). */
    static void write(Path file, MessageType schema, List<Consumer<RecordConsumer>> rows, boolean dictionary)
            throws IOException {
        try (ParquetWriter<Consumer<RecordConsumer>> w = ParquetWriting.writer(file, schema, dictionary, 32 * 1024,
                4 * 1024)) {
            for (Consumer<RecordConsumer> row : rows) {
                w.write(row);
            }
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n.residency", locale, ExtractsParquetTest.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String message(ExtractProblem p, Locale locale) {
        return new MessageFormat(bundle(locale).getString(p.code()), locale).format(p.arguments());
    }
}
