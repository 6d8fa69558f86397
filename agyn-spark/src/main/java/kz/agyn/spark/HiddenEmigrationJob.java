package kz.agyn.spark;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.Register;
import kz.agyn.residency.estimator.Calibration;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.estimator.Fit;
import kz.agyn.residency.estimator.PersonClassifier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The hidden-emigration estimate on Spark, by the embedded engine's own code: the extracts are grouped into one row
 * per person (Spark SQL), each partition's persons become a columnar batch ({@link Extracts}), and on each batch run
 * the {@link Estimator}'s three passes — activity per register and month, the calibration sample, the verdicts and
 * their counts. The driver merges the parts exactly as the embedded engine merges its blocks (sums of counts, the
 * same {@link Calibration#fit}, {@link Estimator.Partial#merge}), so the aggregates are the same: counts exactly,
 * the intervals' sums of doubles to rounding (their order differs). Decision 0047.
 */
public final class HiddenEmigrationJob {

    private HiddenEmigrationJob() {
    }

    /** What a run gives: the calibration, the undelivered months per register, the aggregates. */
    public record Result(Fit fit, int[] gaps, List<Cell> cells, long persons) {
        public Result {
            gaps = gaps.clone();
            cells = List.copyOf(cells);
        }

        @Override
        public int[] gaps() {
            return gaps.clone();
        }
    }

    /** Estimates from checked tables ({@link ExtractsTables#read}). */
    public static Result estimate(SparkSession spark, ExtractsTables.Tables in, Period period,
                                  EstimatorSettings settings) {
        JavaRDD<Extracts> batches = batches(spark, in, period).persist(StorageLevel.MEMORY_ONLY());
        try {
            int months = period.months();
            List<long[]> activity = batches.map(x -> Estimator.activity(x, 0, x.persons())).collect();
            int[] gaps = Estimator.gaps(Estimator.sum(activity.toArray(long[][]::new)), months,
                    settings.gapShare());

            YearMonth start = period.start();
            double[] knobs = knobs(settings);
            List<long[][]> samples = batches.map(x -> Estimator.sample(x, 0, x.persons(), gaps, settings(knobs)))
                    .collect();
            long[][] present = new long[samples.size()][];
            long[][] abroad = new long[samples.size()][];
            for (int i = 0; i < samples.size(); i++) {
                present[i] = samples.get(i)[0];
                abroad[i] = samples.get(i)[1];
            }
            Fit fit = Calibration.fit(Estimator.sum(present), Estimator.sum(abroad));

            double intercept = fit.intercept();
            double[] weights = fit.weights();
            long nPresent = fit.present();
            long nAbroad = fit.abroad();
            List<Estimator.Partial> parts = batches.map(x -> {
                EstimatorSettings s = settings(knobs);
                Fit f = new Fit(intercept, weights, new double[Register.COUNT + 1], 0, 0, 0, nPresent, nAbroad, 0);
                PersonClassifier classifier = new PersonClassifier(f, s, new Period(start, months), gaps);
                return Estimator.aggregate(x, null, 0, x.persons(), classifier, s, null);
            }).collect();
            Estimator.Partial all = new Estimator.Partial();
            for (Estimator.Partial p : parts) {
                all.merge(p);
            }
            long persons = batches.map(x -> (long) x.persons()).fold(0L, Long::sum);
            return new Result(fit, gaps, all.cells(false), persons);
        } finally {
            batches.unpersist(false);
        }
    }

    /** One row per person (registers pivoted to twelve masks, last crossings, latest statuses), a batch a partition. */
    static JavaRDD<Extracts> batches(SparkSession spark, ExtractsTables.Tables in, Period period) {
        in.extracts().createOrReplaceTempView("agyn_extracts");
        in.crossings().createOrReplaceTempView("agyn_crossings");
        in.statuses().createOrReplaceTempView("agyn_statuses");
        StringBuilder masks = new StringBuilder();
        for (int r = 0; r < Register.COUNT; r++) {
            masks.append("coalesce(max(CASE WHEN register = ").append(r).append(" THEN mask END), 0) AS m")
                    .append(r).append(", ");
        }
        // An attribute from the first register (in register order) that gives it: registers are expected to agree,
        // and a Spark table has no file order to go by.
        String attributes = "min_by(region, CASE WHEN region IS NULL THEN 99 ELSE register END) AS region, "
                + "min_by(age, CASE WHEN age IS NULL THEN 99 ELSE register END) AS age, "
                + "min_by(sex, CASE WHEN sex IS NULL THEN 99 ELSE register END) AS sex, "
                + "min_by(isced, CASE WHEN isced IS NULL THEN 99 ELSE register END) AS isced, "
                + "min_by(isco, CASE WHEN isco IS NULL THEN 99 ELSE register END) AS isco";
        Dataset<Row> persons = spark.sql("WITH p AS (SELECT person, " + masks + attributes
                + " FROM agyn_extracts GROUP BY person), "
                + "c AS (SELECT person, max(CASE WHEN direction = 'EXIT' THEN date END) AS last_exit, "
                + "max(CASE WHEN direction = 'ENTRY' THEN date END) AS last_entry FROM agyn_crossings GROUP BY person), "
                + "s AS (SELECT person, max(CASE WHEN event = 'DEREGISTERED' THEN month END) AS deregistered, "
                + "max(CASE WHEN event = 'DIED' THEN month END) AS died, "
                + "max(CASE WHEN event = 'PRESENT' THEN month END) AS confirmed FROM agyn_statuses GROUP BY person) "
                + "SELECT p.*, datediff(c.last_exit, date'1970-01-01') AS last_exit, "
                + "datediff(c.last_entry, date'1970-01-01') AS last_entry, s.deregistered, s.died, s.confirmed "
                + "FROM p LEFT JOIN c ON c.person = p.person LEFT JOIN s ON s.person = p.person");
        YearMonth start = period.start();
        int months = period.months();
        return persons.javaRDD().mapPartitions(rows -> List.of(batch(rows, new Period(start, months))).iterator());
    }

    /** The persons of one partition as the engine's columnar batch. */
    static Extracts batch(Iterator<Row> rows, Period period) {
        int capacity = 1024;
        int n = 0;
        byte[] keys = new byte[capacity * Extracts.KEY_BYTES];
        int[] masks = new int[capacity * Register.COUNT];
        byte[][] attributes = new byte[5][capacity];
        int[][] crossings = new int[2][capacity];
        short[][] statuses = new short[3][capacity];
        HexFormat hex = HexFormat.of();
        while (rows.hasNext()) {
            Row row = rows.next();
            if (n == capacity) {
                capacity *= 2;
                keys = Arrays.copyOf(keys, capacity * Extracts.KEY_BYTES);
                masks = Arrays.copyOf(masks, capacity * Register.COUNT);
                for (int i = 0; i < 5; i++) {
                    attributes[i] = Arrays.copyOf(attributes[i], capacity);
                }
                for (int i = 0; i < 2; i++) {
                    crossings[i] = Arrays.copyOf(crossings[i], capacity);
                }
                for (int i = 0; i < 3; i++) {
                    statuses[i] = Arrays.copyOf(statuses[i], capacity);
                }
            }
            String person = row.getString(0);
            if (person.length() == 2 * Extracts.KEY_BYTES) {
                try {
                    System.arraycopy(hex.parseHex(person), 0, keys, n * Extracts.KEY_BYTES, Extracts.KEY_BYTES);
                } catch (IllegalArgumentException notHex) {
                    // The key is only carried along; the estimate does not depend on it.
                }
            }
            int c = 1;
            for (int r = 0; r < Register.COUNT; r++, c++) {
                masks[n * Register.COUNT + r] = ((Number) row.get(c)).intValue();
            }
            for (int i = 0; i < 5; i++, c++) {
                attributes[i][n] = row.isNullAt(c) ? Extracts.UNKNOWN : ((Number) row.get(c)).byteValue();
            }
            for (int i = 0; i < 2; i++, c++) {
                crossings[i][n] = row.isNullAt(c) ? Extracts.NO_DAY : ((Number) row.get(c)).intValue();
            }
            for (int i = 0; i < 3; i++, c++) {
                statuses[i][n] = row.isNullAt(c) ? Extracts.NO_MONTH : ((Number) row.get(c)).shortValue();
            }
            n++;
        }
        return new Extracts(period, Arrays.copyOf(keys, n * Extracts.KEY_BYTES),
                Arrays.copyOf(masks, n * Register.COUNT), Arrays.copyOf(attributes[0], n),
                Arrays.copyOf(attributes[1], n), Arrays.copyOf(attributes[2], n), Arrays.copyOf(attributes[3], n),
                Arrays.copyOf(attributes[4], n), Arrays.copyOf(crossings[0], n), Arrays.copyOf(crossings[1], n),
                Arrays.copyOf(statuses[0], n), Arrays.copyOf(statuses[1], n), Arrays.copyOf(statuses[2], n));
    }

    // EstimatorSettings is a record without Serializable: its numbers travel to the executors instead.
    private static double[] knobs(EstimatorSettings s) {
        return new double[] {s.decay(), s.lower(), s.upper(), s.minAbsence(), s.unRuleDays(), s.gapShare()};
    }

    private static EstimatorSettings settings(double[] k) {
        return new EstimatorSettings(k[0], k[1], k[2], (int) k[3], (int) k[4], k[5]);
    }
}
