package kz.agyn.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code agyn residency generate|run} on files: a generated country estimates back; bad extracts are refused. */
class ResidencyCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ResidencyCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aGeneratedCountryIsWrittenAndEstimatedFromItsFiles(@TempDir Path dir) throws Exception {
        Result g = run("generate", "--persons", "30000", "--seed", "4", "--out", dir.toString(), "--lang", "en");
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(g.out()).contains("30,000 persons");
        for (String f : new String[] {"extracts.csv", "crossings.csv", "statuses.csv", "truth.csv"}) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        Result r = run("run", "--in", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Калибрлеу (логистикалық регрессия)").contains("TAX").contains("TOTAL")
                .contains("REGION    75").doesNotContain("Шынайы");
    }

    @Test
    void aCountryGeneratedAsParquetEstimatesAsItsCsvDoes(@TempDir Path csv, @TempDir Path parquet) {
        assertThat(run("generate", "--persons", "20000", "--seed", "6", "--months", "12", "--out", csv.toString())
                .code()).isZero();
        Result g = run("generate", "--persons", "20000", "--seed", "6", "--months", "12", "--format", "parquet",
                "--out", parquet.toString());
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(g.out()).contains("(extracts.parquet, crossings.parquet, statuses.parquet, truth.csv)");
        for (String f : new String[] {"extracts.parquet", "crossings.parquet", "statuses.parquet", "truth.csv"}) {
            assertThat(parquet.resolve(f)).isNotEmptyFile();
        }
        assertThat(parquet.resolve("extracts.csv")).doesNotExist();
        Result fromCsv = run("run", "--in", csv.toString(), "--months", "12", "--lang", "en");
        Result fromParquet = run("run", "--in", parquet.toString(), "--months", "12", "--lang", "en");
        assertThat(fromParquet.code()).as(fromParquet.err()).isZero();
        assertThat(fromParquet.out()).contains("TOTAL").isEqualTo(fromCsv.out());
        assertThat(run("generate", "--format", "orc", "--out", parquet.toString(), "--lang", "en").err())
                .contains("--format must be csv or parquet");
    }

    @Test
    void aSyntheticRunInMemoryReportsPrecisionAndRecall() {
        Result r = run("run", "--persons", "60000", "--seed", "9", "--lang", "ru");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Калибровка").contains("Сравнение с истиной: точность 0,9");
    }

    @Test
    void badExtractsAreRefusedWithEveryProblemInTheChosenLanguage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("extracts.csv"), "person,register,first_month,mask,region,age,sex,isced,isco\n"
                + "870412300415,TAX,2024-01,1,,,,,\n" + "a".repeat(64) + ",PASSPORT,2024-01,1,,,,,\n");
        Result r = run("run", "--in", dir.toString(), "--lang", "ru");
        assertThat(r.code()).isEqualTo(ResidencyCommand.REFUSED);
        assertThat(r.err()).contains("ничего не сохранено: ошибок 2")
                .contains("extracts.csv, строка 2: в столбце person ИИН в открытом виде")
                .contains("extracts.csv, строка 3: неизвестный код регистра").doesNotContain("870412300415");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void inAndPersonsAreExclusive() {
        Result r = run("run", "--lang", "en");
        assertThat(r.code()).isEqualTo(ResidencyCommand.REFUSED);
        assertThat(r.err()).contains("Give exactly one of --in");
        assertThat(run("run", "--months", "40", "--persons", "10").err()).contains("--months 1 мен 32");
    }
}
