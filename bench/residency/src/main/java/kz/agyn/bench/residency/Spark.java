package kz.agyn.bench.residency;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.spark.ExtractsTables;
import kz.agyn.spark.HiddenEmigrationJob;
import org.apache.spark.sql.SparkSession;

/**
 * {@code Spark DIR EXPECTED}: agyn-spark's job in local mode ({@code local[2]} unless agyn.bench.spark.master says
 * otherwise) on the same Parquet files: read and check them ({@link ExtractsTables#read}) and estimate
 * ({@link HiddenEmigrationJob#estimate}), timed from reading to the aggregates on the driver (the session's start is
 * printed apart); the aggregates are checked against the embedded engine's.
 */
public final class Spark {

    private Spark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path expected = Path.of(args[1]);
        Period period = Cells.period();
        long s0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().appName("agyn-bench-residency")
                .master(System.getProperty("agyn.bench.spark.master", "local[2]"))
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.local.dir", dir.resolve("spark.tmp").toString())
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        long t0 = System.nanoTime();
        List<Cells.Row> rows;
        try {
            ExtractsTables.Tables tables = ExtractsTables.read(spark, dir.toString(), ExtractsTables.Format.PARQUET,
                    period);
            HiddenEmigrationJob.Result r = HiddenEmigrationJob.estimate(spark, tables, period,
                    EstimatorSettings.defaults());
            rows = Cells.of(r.cells());
        } finally {
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "spark: session %.1f s, read, check and estimate %.1f s%n",
                    (t0 - s0) / 1e9, (t1 - t0) / 1e9);
            System.out.printf(Locale.ROOT, "seconds %.2f%n", (t1 - t0) / 1e9);
            spark.stop();
        }
        List<String> diff = Cells.differences(Cells.read(expected), rows);
        System.out.println(diff.isEmpty() ? "spark: aggregates equal the embedded engine's (" + rows.size()
                + " cells)" : "spark: aggregates DIFFER from the embedded engine's: " + diff.subList(0,
                Math.min(5, diff.size())));
        if (!diff.isEmpty()) {
            System.exit(1);
        }
    }
}
