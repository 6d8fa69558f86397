package kz.agyn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.ExtractsCsv;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Dimension;
import kz.agyn.residency.estimator.Estimate;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's acceptance line "Java and Spark engines: identical aggregates": a seeded synthetic country with all the
 * generator's noise, written as Parquet (and as the embedded engine's CSV), estimated by the embedded engine in
 * memory and by the Spark job from the files. Counts and the calibration must be equal exactly; the intervals are
 * sums of doubles added in another order, so they agree to 1e-9 relative. Persons: the 1,000,000 (about two
 * and a half minutes of {@code verify} on two cores, docs/spark.md); {@code -Dagyn.spark.persons=20000} for a quick
 * run while working on the module.
 */
class EnginesAgreeTest {

    static final int PERSONS = Integer.getInteger("agyn.spark.persons", 1_000_000);

    @TempDir
    static Path folder;
    static Extracts extracts;
    static Estimate embedded;

    @BeforeAll
    static void generateAndEstimate() {
        long t0 = System.nanoTime();
        extracts = CountryGenerator.generate(CountrySettings.defaults(PERSONS, 20)).extracts();
        long t1 = System.nanoTime();
        embedded = Estimator.run(extracts, EstimatorSettings.defaults());
        long t2 = System.nanoTime();
        LocalSpark.session();
        long t3 = System.nanoTime();
        ExtractsTables.writeParquet(LocalSpark.session(), extracts, folder.resolve("parquet").toString());
        long t4 = System.nanoTime();
        System.out.printf("TIMING generate %.1f s, embedded %.1f s, spark start %.1f s, parquet write %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
    }

    @Test
    void sparkFromParquetGivesTheEmbeddedAggregates() {
        HiddenEmigrationJob.Result spark = HiddenEmigrationJob.estimate(LocalSpark.session(),
                ExtractsTables.read(LocalSpark.session(), folder.resolve("parquet").toString(),
                        ExtractsTables.Format.PARQUET, extracts.period()),
                extracts.period(), EstimatorSettings.defaults());
        assertSame(spark);
    }

    @Test
    void sparkFromCsvGivesTheEmbeddedAggregates() throws IOException {
        // CSV at a smaller size (at most 50,000 persons): the same job after another reader, which is what this
        // checks; the size is the Parquet test's business.
        int n = Math.max(1, Math.min(PERSONS / 4, 50_000));
        Extracts small = CountryGenerator.generate(CountrySettings.defaults(n, 21)).extracts();
        Path csv = Files.createDirectories(folder.resolve("csv"));
        try (Writer e = Files.newBufferedWriter(csv.resolve(ExtractsCsv.EXTRACTS));
             Writer c = Files.newBufferedWriter(csv.resolve(ExtractsCsv.CROSSINGS));
             Writer s = Files.newBufferedWriter(csv.resolve(ExtractsCsv.STATUSES))) {
            ExtractsCsv.write(small, e, c, s);
        }
        HiddenEmigrationJob.Result spark = HiddenEmigrationJob.estimate(LocalSpark.session(),
                ExtractsTables.read(LocalSpark.session(), csv.toString(), ExtractsTables.Format.CSV, small.period()),
                small.period(), EstimatorSettings.defaults());
        Estimate expected = Estimator.run(small, EstimatorSettings.defaults());
        assertThat(spark.persons()).isEqualTo(n);
        assertThat(spark.fit().weights()).containsExactly(expected.fit().weights());
        assertCells(spark.cells(), expected.cells());
    }

    private static void assertSame(HiddenEmigrationJob.Result spark) {
        assertThat(spark.persons()).isEqualTo(PERSONS);
        for (var r : kz.agyn.residency.engine.Register.values()) {
            assertThat(spark.gaps()[r.ordinal()]).as("%s", r).isEqualTo(embedded.gaps(r));
        }
        assertThat(spark.fit().present()).isEqualTo(embedded.fit().present());
        assertThat(spark.fit().abroad()).isEqualTo(embedded.fit().abroad());
        assertThat(spark.fit().intercept()).isEqualTo(embedded.fit().intercept());
        assertThat(spark.fit().weights()).containsExactly(embedded.fit().weights());
        assertCells(spark.cells(), embedded.cells());
        // Not a vacuous agreement: the country has hidden emigrants and the estimate finds them.
        Cell total = spark.cells().stream().filter(c -> c.dimension() == Dimension.TOTAL).findFirst().orElseThrow();
        assertThat(total.hidden()).isPositive();
        assertThat(total.official()).isPositive();
    }

    private static void assertCells(List<Cell> actual, List<Cell> expected) {
        Function<Cell, String> key = c -> c.dimension() + "/" + c.code();
        Map<String, Cell> byKey = actual.stream().collect(Collectors.toMap(key, c -> c));
        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream().map(key).toList());
        for (Cell e : expected) {
            Cell a = byKey.get(key.apply(e));
            assertThat(new long[] {a.persons(), a.emigrated(), a.official(), a.uncertain()}).as(key.apply(e))
                    .containsExactly(e.persons(), e.emigrated(), e.official(), e.uncertain());
            assertThat(a.low()).as(key.apply(e)).isCloseTo(e.low(), within(1e-9 * Math.max(1, Math.abs(e.low()))));
            assertThat(a.high()).as(key.apply(e)).isCloseTo(e.high(), within(1e-9 * Math.max(1, Math.abs(e.high()))));
        }
    }
}
