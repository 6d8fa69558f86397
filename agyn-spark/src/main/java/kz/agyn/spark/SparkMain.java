package kz.agyn.spark;

import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.YearMonth;
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

    static final String USAGE = "usage: SparkMain --in PATH [--format parquet|csv] [--from YYYY-MM] [--months N] "
            + "[--started-by NAME] [--lang kk|ru|en]; AGYN_DB_URL, AGYN_DB_USER and AGYN_DB_PASSWORD in the "
            + "environment (docs/spark.md)";

    private SparkMain() {
    }

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().appName("agyn-hidden-emigration").getOrCreate();
        int code;
        try {
            code = run(spark, args, System.getenv(), System.out, System.err);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** The command on a session it does not own: 0 done, 1 input refused (nothing written), 2 usage. */
    static int run(SparkSession spark, String[] args, Map<String, String> env, PrintStream out, PrintStream err)
            throws java.sql.SQLException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                err.println(USAGE);
                return 2;
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        String url = env.get("AGYN_DB_URL");
        if (args.length % 2 != 0 || !opts.containsKey("in") || url == null || url.isBlank()) {
            err.println(USAGE);
            return 2;
        }
        Locale lang = Locale.forLanguageTag(opts.getOrDefault("lang", "kk"));
        Period period;
        ExtractsTables.Format format;
        try {
            period = new Period(YearMonth.parse(opts.getOrDefault("from", "2024-01")),
                    Integer.parseInt(opts.getOrDefault("months", "24")));
            format = ExtractsTables.Format.valueOf(opts.getOrDefault("format", "parquet").toUpperCase(Locale.ROOT));
        } catch (DateTimeException | IllegalArgumentException e) {
            err.println(USAGE);
            return 2;
        }
        try {
            ExtractsTables.Tables tables = ExtractsTables.read(spark, opts.get("in"), format, period);
            HiddenEmigrationJob.Result result = HiddenEmigrationJob.estimate(spark, tables, period,
                    EstimatorSettings.defaults());
            UUID id = ResidencyTables.write(url, env.get("AGYN_DB_USER"), env.get("AGYN_DB_PASSWORD"),
                    opts.getOrDefault("started-by", "spark"), 0, period, result);
            Cell total = result.cells().stream().filter(c -> c.dimension() == Dimension.TOTAL).findFirst()
                    .orElseThrow();
            out.printf(Locale.ROOT, "run %s: %d persons, %d emigrated (%d official, %d hidden), 95%% %.0f-%.0f%n",
                    id, result.persons(), total.emigrated(), total.official(), total.hidden(), total.low(),
                    total.high());
            return 0;
        } catch (SparkInputException e) {
            err.println(e.message(lang));
            return 1;
        }
    }
}
