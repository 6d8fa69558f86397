package kz.agyn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.ExtractsCsv;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spark's CSV reader makes a bad month, mask or date a null without a word; the job refuses such a file as the embedded
 * reader does: the file, the row (header = 1), the column and what was expected, in kk/ru/en, before anything is
 * computed (so nothing can be written).
 */
class CsvCellRefusalsTest {

    @TempDir
    static Path folder;
    static Extracts country;

    @BeforeAll
    static void writeGoodFiles() throws IOException {
        country = CountryGenerator.generate(CountrySettings.defaults(300, 7)).extracts();
        Path good = Files.createDirectories(folder.resolve("good"));
        try (Writer e = Files.newBufferedWriter(good.resolve(ExtractsCsv.EXTRACTS));
             Writer c = Files.newBufferedWriter(good.resolve(ExtractsCsv.CROSSINGS));
             Writer s = Files.newBufferedWriter(good.resolve(ExtractsCsv.STATUSES))) {
            ExtractsCsv.write(country, e, c, s);
        }
    }

    @Test
    void theGoodFilesAreRead() {
        var tables = ExtractsTables.read(LocalSpark.session(), folder.resolve("good").toString(),
                ExtractsTables.Format.CSV, country.period());
        assertThat(tables.extracts().count()).isPositive();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "extracts.csv|mask|10201|spark.badMask",
        "extracts.csv|mask|''|spark.badMask",
        "extracts.csv|first_month|2024-13|spark.badMonth",
        "extracts.csv|first_month|January|spark.badMonth",
        "extracts.csv|first_month|2019-01|spark.badMonth",
        "crossings.csv|date|2024-02-30|spark.badDate",
        "crossings.csv|date|07.03.2024|spark.badDate",
        "statuses.csv|month|2024/05|spark.badMonth",
        "statuses.csv|month|2031-01|spark.badMonth"})
    void aBadCellIsRefusedWithItsFileRowAndColumn(String file, String column, String value, String code)
            throws IOException {
        Path dir = Files.createDirectories(folder.resolve(file + "-" + column + "-" + Math.abs(value.hashCode())));
        for (String f : List.of(ExtractsCsv.EXTRACTS, ExtractsCsv.CROSSINGS, ExtractsCsv.STATUSES)) {
            Files.copy(folder.resolve("good").resolve(f), dir.resolve(f));
        }
        int row = 6;
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(file)));
        int at = List.of(lines.get(0).split(",", -1)).indexOf(column);
        String[] cells = lines.get(row - 1).split(",", -1);
        cells[at] = value;
        lines.set(row - 1, String.join(",", cells));
        Files.write(dir.resolve(file), lines);

        assertThatThrownBy(() -> ExtractsTables.read(LocalSpark.session(), dir.toString(), ExtractsTables.Format.CSV,
                country.period()))
                .isInstanceOfSatisfying(SparkInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    String where = dir.resolve(file).toString();
                    assertThat(e.message(Locale.ENGLISH)).contains(file, "row " + row + ",", "column \"" + column
                            + "\"", "expected").doesNotContain(value.isEmpty() ? "\u0000" : value);
                    assertThat(e.message(Locale.forLanguageTag("ru"))).contains("строка " + row + ",",
                            "\"" + column + "\"", "ожидал");
                    assertThat(e.message(Locale.forLanguageTag("kk"))).contains(row + "-жолында",
                            "\"" + column + "\"", "күтілген");
                    assertThat(where).endsWith(file);
                });
    }

    /** The checks made in one pass over the extracts (and the duplicates' own): each still found and named. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "register|XYZ|spark.unknownRegister",
        "mask|111111111111111111111111111111|spark.maskTooLong",
        "person|900101300123|spark.clearIin",
        "person|<duplicate>|spark.duplicateRow"})
    void aWholeFileCheckStillRefuses(String column, String value, String code) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("whole-" + code));
        for (String f : List.of(ExtractsCsv.EXTRACTS, ExtractsCsv.CROSSINGS, ExtractsCsv.STATUSES)) {
            Files.copy(folder.resolve("good").resolve(f), dir.resolve(f));
        }
        Path file = dir.resolve(ExtractsCsv.EXTRACTS);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        if (value.equals("<duplicate>")) {
            lines.add(lines.get(3));
        } else {
            String[] header = lines.get(0).split(",", -1);
            String[] cells = lines.get(3).split(",", -1);
            cells[List.of(header).indexOf(column)] = value;
            if (column.equals("mask")) {
                cells[List.of(header).indexOf("first_month")] = country.period().start().toString();
            }
            lines.set(3, String.join(",", cells));
        }
        Files.write(file, lines);
        assertThatThrownBy(() -> ExtractsTables.read(LocalSpark.session(), dir.toString(), ExtractsTables.Format.CSV,
                country.period()))
                .isInstanceOfSatisfying(SparkInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.message(Locale.ENGLISH)).contains(ExtractsCsv.EXTRACTS)
                            .doesNotContain("900101300123");
                });
    }
}
