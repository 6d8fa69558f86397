package kz.agyn.spark;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Dimension;
import kz.agyn.residency.estimator.EstimatorSettings;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class kz.agyn.spark.SparkMain agyn-spark.jar --in PATH [--format parquet|csv] [--from YYYY-MM]
 * [--months N] [--started-by NAME] [--lang kk|ru|en]}. The database comes from the environment as for the
 * application ({@code AGYN_DB_URL}, {@code AGYN_DB_USER}, {@code AGYN_DB_PASSWORD}), never from the command line,
 * where other users of the cluster would see it. docs/spark.md has the whole command. Exit 1 when the input is
 * refused (nothing written), 2 on a usage error.
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage();
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0 || !opts.containsKey("in")) {
            usage();
        }
        Locale lang = Locale.forLanguageTag(opts.getOrDefault("lang", "kk"));
        Period period = new Period(java.time.YearMonth.parse(opts.getOrDefault("from", "2024-01")),
                Integer.parseInt(opts.getOrDefault("months", "24")));
        ExtractsTables.Format format = ExtractsTables.Format.valueOf(
                opts.getOrDefault("format", "parquet").toUpperCase(Locale.ROOT));
        String url = System.getenv("AGYN_DB_URL");
        if (url == null || url.isBlank()) {
            System.err.println("AGYN_DB_URL, AGYN_DB_USER and AGYN_DB_PASSWORD must be set (docs/spark.md)");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("agyn-hidden-emigration").getOrCreate();
        try {
            ExtractsTables.Tables tables = ExtractsTables.read(spark, opts.get("in"), format, period);
            HiddenEmigrationJob.Result result = HiddenEmigrationJob.estimate(spark, tables, period,
                    EstimatorSettings.defaults());
            UUID id = ResidencyTables.write(url, System.getenv("AGYN_DB_USER"), System.getenv("AGYN_DB_PASSWORD"),
                    opts.getOrDefault("started-by", "spark"), 0, period, result);
            Cell total = result.cells().stream().filter(c -> c.dimension() == Dimension.TOTAL).findFirst()
                    .orElseThrow();
            System.out.printf("run %s: %d persons, %d emigrated (%d official, %d hidden), 95%% %.0f–%.0f%n", id,
                    total.persons(), total.emigrated(), total.official(), total.hidden(), total.low(), total.high());
        } catch (SparkInputException e) {
            System.err.println(e.message(lang));
            System.exit(1);
        } finally {
            spark.stop();
        }
    }

    private static void usage() {
        System.err.println("usage: SparkMain --in PATH [--format parquet|csv] [--from YYYY-MM] [--months N] "
                + "[--started-by NAME] [--lang kk|ru|en]");
        System.exit(2);
    }
}
