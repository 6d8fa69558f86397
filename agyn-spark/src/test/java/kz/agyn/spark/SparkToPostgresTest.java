package kz.agyn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Dimension;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's aggregates land in Agyn's own tables on a real PostgreSQL (embedded, with the application's migrations
 * from agyn-app), and are read back; input that is refused stores nothing, with a message that names the file and
 * the column in the reader's language.
 */
class SparkToPostgresTest {

    static final int PERSONS = 8_000;

    @TempDir
    static Path folder;
    static EmbeddedPostgres postgres;
    static String url;
    static Extracts extracts;
    static String good;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        url = postgres.getJdbcUrl("postgres", "postgres");
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("filesystem:" + System.getProperty("agyn.migrations",
                        "../agyn-app/src/main/resources/db/migration"))
                .load().migrate();
        extracts = CountryGenerator.generate(CountrySettings.defaults(PERSONS, 7)).extracts();
        good = folder.resolve("good").toString();
        ExtractsTables.writeParquet(spark(), extracts, good);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    static SparkSession spark() {
        return LocalSpark.session();
    }

    @Test
    void aggregatesAreStoredAsTheApplicationsRunsAreAndReadBack() throws SQLException {
        Period period = extracts.period();
        HiddenEmigrationJob.Result result = HiddenEmigrationJob.estimate(spark(),
                ExtractsTables.read(spark(), good, ExtractsTables.Format.PARQUET, period), period,
                EstimatorSettings.defaults());
        UUID id = ResidencyTables.write(url, "postgres", "postgres", "spark-test", 0, period, result);
        Cell total = result.cells().stream().filter(c -> c.dimension() == Dimension.TOTAL).findFirst().orElseThrow();
        try (Connection con = DriverManager.getConnection(url, "postgres", "postgres")) {
            ResultSet run = con.createStatement().executeQuery("SELECT started_by, persons, months, period_start, "
                    + "finished_at IS NOT NULL, fit_present, fit_abroad, fit_intercept, cardinality(fit_weights) "
                    + "FROM residency_run WHERE id = '" + id + "'");
            assertThat(run.next()).isTrue();
            assertThat(run.getString(1)).isEqualTo("spark-test");
            assertThat(run.getInt(2)).isEqualTo(PERSONS);
            assertThat(run.getInt(3)).isEqualTo(period.months());
            assertThat(run.getDate(4).toLocalDate()).isEqualTo(period.start().atDay(1));
            assertThat(run.getBoolean(5)).isTrue();
            assertThat(run.getLong(6)).isEqualTo(result.fit().present()).isPositive();
            assertThat(run.getLong(7)).isEqualTo(result.fit().abroad()).isPositive();
            assertThat(run.getDouble(8)).isEqualTo(result.fit().intercept());
            assertThat(run.getInt(9)).isEqualTo(12);

            ResultSet cells = con.createStatement().executeQuery("SELECT count(*), "
                    + "sum(persons) FILTER (WHERE dimension = 'REGION'), "
                    + "max(emigrated) FILTER (WHERE dimension = 'TOTAL'), max(official) FILTER (WHERE dimension = "
                    + "'TOTAL'), max(low) FILTER (WHERE dimension = 'TOTAL'), max(high) FILTER (WHERE dimension = "
                    + "'TOTAL'), count(truth) FROM residency_cell WHERE run_id = '" + id + "'");
            assertThat(cells.next()).isTrue();
            assertThat(cells.getLong(1)).isEqualTo(result.cells().size());
            assertThat(cells.getLong(2)).isEqualTo(total.persons());
            assertThat(cells.getLong(3)).isEqualTo(total.emigrated()).isGreaterThan(total.official());
            assertThat(cells.getLong(4)).isEqualTo(total.official());
            assertThat(cells.getDouble(5)).isEqualTo(total.low());
            assertThat(cells.getDouble(6)).isEqualTo(total.high());
            assertThat(cells.getLong(7)).as("no truth from files").isZero();
        }
    }

    @Test
    void aMissingColumnIsNamedWithItsFileAndNothingIsStored() throws SQLException {
        String bad = folder.resolve("no-mask").toString();
        spark().read().parquet(good + "/extracts.parquet").drop("mask").write().mode(SaveMode.Overwrite)
                .parquet(bad + "/extracts.parquet");
        long before = runs();
        assertThatThrownBy(() -> runToDatabase(bad)).isInstanceOfSatisfying(SparkInputException.class, e -> {
            assertThat(e.code()).isEqualTo("spark.missingColumn");
            assertThat(e.message(Locale.ENGLISH)).isEqualTo("The file " + bad + "/extracts.parquet has no column "
                    + "\"mask\". Nothing was written.");
            assertThat(e.message(Locale.forLanguageTag("ru"))).contains(bad + "/extracts.parquet", "\"mask\"",
                    "нет столбца");
            assertThat(e.message(Locale.forLanguageTag("kk"))).contains(bad + "/extracts.parquet", "\"mask\"",
                    "бағаны жоқ");
        });
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void aTruncatedParquetFileIsRefused() throws IOException, SQLException {
        Path bad = folder.resolve("truncated");
        copy(Path.of(good), bad);
        Path part;
        try (Stream<Path> files = Files.list(bad.resolve("extracts.parquet"))) {
            part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(part);
        try (OutputStream out = Files.newOutputStream(part)) {
            out.write(bytes, 0, bytes.length / 2);
        }
        long before = runs();
        assertThatThrownBy(() -> runToDatabase(bad.toString())).isInstanceOfSatisfying(SparkInputException.class,
                e -> assertThat(e.message(Locale.ENGLISH)).isEqualTo("The file " + bad + "/extracts.parquet could "
                        + "not be read: it is not Parquet or CSV, or it is damaged. Nothing was written."));
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void anIinInClearIsRefusedWithoutShowingIt() throws SQLException {
        String bad = folder.resolve("clear-iin").toString();
        spark().read().parquet(good + "/extracts.parquet").createOrReplaceTempView("good_extracts");
        spark().sql("SELECT CASE WHEN person = (SELECT min(person) FROM good_extracts) THEN '900101300123' "
                + "ELSE person END AS person, register, mask, region, age, sex, isced, isco FROM good_extracts")
                .write().mode(SaveMode.Overwrite).parquet(bad + "/extracts.parquet");
        long before = runs();
        assertThatThrownBy(() -> runToDatabase(bad)).isInstanceOfSatisfying(SparkInputException.class, e -> {
            assertThat(e.code()).isEqualTo("spark.clearIin");
            assertThat(e.message(Locale.forLanguageTag("ru"))).contains("ИИН в открытом виде")
                    .doesNotContain("900101300123");
        });
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void theCommandStoresARunAndRefusesInTheReadersLanguage() throws SQLException {
        Map<String, String> env = Map.of("AGYN_DB_URL", url, "AGYN_DB_USER", "postgres",
                "AGYN_DB_PASSWORD", "postgres");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long before = runs();
        assertThat(SparkMain.run(spark(), new String[] {"--in", good, "--started-by", "cli-test"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("(?s)run [0-9a-f-]{36}: " + PERSONS
                + " persons, \\d+ emigrated .*");
        assertThat(runs()).isEqualTo(before + 1);

        String bad = folder.resolve("cli-no-register").toString();
        spark().read().parquet(good + "/extracts.parquet").drop("register").write().mode(SaveMode.Overwrite)
                .parquet(bad + "/extracts.parquet");
        err.reset();
        assertThat(SparkMain.run(spark(), new String[] {"--in", bad, "--lang", "ru"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("В файле " + bad + "/extracts.parquet нет столбца "
                + "\"register\"");
        assertThat(runs()).isEqualTo(before + 1);
        assertThat(SparkMain.run(spark(), new String[] {"--in", good}, Map.of(), new PrintStream(out),
                new PrintStream(err))).isEqualTo(2);
    }

    /** What SparkMain does: read and check, estimate, store. */
    private static void runToDatabase(String in) throws SQLException {
        Period period = extracts.period();
        HiddenEmigrationJob.Result result = HiddenEmigrationJob.estimate(spark(),
                ExtractsTables.read(spark(), in, ExtractsTables.Format.PARQUET, period), period,
                EstimatorSettings.defaults());
        ResidencyTables.write(url, "postgres", "postgres", "spark-test", 0, period, result);
    }

    private static long runs() throws SQLException {
        try (Connection con = DriverManager.getConnection(url, "postgres", "postgres")) {
            ResultSet rs = con.createStatement().executeQuery("SELECT count(*) FROM residency_run");
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            // Without Hadoop's .crc side files, as a file from another system comes: Parquet itself must notice.
            for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(".crc")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
