package kz.agyn.bench.residency;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.Register;
import kz.agyn.residency.estimator.Calibration;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.estimator.Fit;

/**
 * {@code DuckDb DIR EXPECTED}: the estimator's logic written in DuckDB SQL over the same Parquet files, for the
 * speed comparison of issue 20. The persons are pivoted into a table (twelve masks, attributes, last crossings,
 * latest statuses), then the three passes are SQL: (1) activity per register and month; (2) the calibration sample
 * as counts per sign pattern; (3) each person's verdict — the undelivered months filled, the decayed evidence, the
 * month the signs stopped, the border and seasonal rules, the thresholds — and the aggregates with their interval
 * sums, by grouping sets. Only the 144 activity counts become the undelivered months and the 2 × 4,096 pattern counts
 * become the fit in Java, by the engine's own {@link Estimator#gaps} and {@link Calibration#fit}: both are tiny.
 * The SQL of passes 2 and 3 carries those results as constants, as a statistician would paste them. The aggregates
 * are checked against the embedded engine's (EXPECTED); exit 1 when they differ.
 */
public final class DuckDb {

    private DuckDb() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path expected = Path.of(args[1]);
        String threads = System.getProperty("agyn.bench.duckdb.threads", "2");
        String memory = System.getProperty("agyn.bench.duckdb.memory", "4GB");
        Period period = Cells.period();
        EstimatorSettings settings = EstimatorSettings.defaults();
        int months = period.months();
        Class.forName("org.duckdb.DuckDBDriver");
        long t0 = System.nanoTime();
        List<Cells.Row> rows;
        long[] phases = new long[4];
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement()) {
            st.execute("SET threads = " + threads);
            st.execute("SET memory_limit = '" + memory + "'");
            st.execute("SET temp_directory = '" + dir.resolve("duckdb.tmp") + "'");
            st.execute("SET preserve_insertion_order = false");
            st.execute(persons(dir, period));
            phases[0] = System.nanoTime();

            long[] activity = new long[Register.COUNT * months];
            try (ResultSet rs = st.executeQuery(activity(months))) {
                rs.next();
                for (int i = 0; i < activity.length; i++) {
                    activity[i] = rs.getLong(i + 1);
                }
            }
            int[] gaps = Estimator.gaps(activity, months, settings.gapShare());
            phases[1] = System.nanoTime();

            long[] present = new long[Calibration.PATTERNS];
            long[] abroad = new long[Calibration.PATTERNS];
            try (ResultSet rs = st.executeQuery(sample(gaps, months))) {
                while (rs.next()) {
                    (rs.getInt(1) == 1 ? present : abroad)[rs.getInt(2)] += rs.getLong(3);
                }
            }
            Fit fit = Calibration.fit(present, abroad);
            phases[2] = System.nanoTime();

            rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(verdicts(gaps, fit, settings, period))) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            phases[3] = System.nanoTime();
        }
        long t1 = System.nanoTime();
        List<String> diff = Cells.differences(Cells.read(expected), rows);
        System.out.printf(Locale.ROOT, "duckdb: load and pivot %.1f s, activity %.1f s, sample and fit %.1f s, "
                + "verdicts and aggregates %.1f s, total %.1f s (threads %s, memory %s)%n", (phases[0] - t0) / 1e9,
                (phases[1] - phases[0]) / 1e9, (phases[2] - phases[1]) / 1e9, (phases[3] - phases[2]) / 1e9,
                (t1 - t0) / 1e9, threads, memory);
        System.out.println(diff.isEmpty() ? "duckdb: aggregates equal the embedded engine's (" + rows.size()
                + " cells)" : "duckdb: aggregates DIFFER from the embedded engine's: " + diff.subList(0,
                Math.min(5, diff.size())));
        System.out.printf(Locale.ROOT, "seconds %.2f%n", (t1 - t0) / 1e9);
        if (!diff.isEmpty()) {
            System.exit(1);
        }
    }

    /** One row per person: the twelve masks, attributes as the engine's codes, crossings as days, statuses. */
    static String persons(Path dir, Period period) {
        StringBuilder masks = new StringBuilder();
        StringBuilder order = new StringBuilder("CASE register");
        for (int r = 0; r < Register.COUNT; r++) {
            String code = Register.at(r).name();
            masks.append("coalesce(bit_or(mask) FILTER (WHERE register = '").append(code).append("'), 0) AS m")
                    .append(r).append(", ");
            order.append(" WHEN '").append(code).append("' THEN ").append(r);
        }
        order.append(" END");
        // An attribute from the first register (in register order) that gives it, as the Spark job takes it; the
        // registers agree in generated extracts, so the embedded engine's "first in file order" is the same.
        String first = "min_by(%1$s, CASE WHEN %1$s IS NULL THEN 99 ELSE " + order + " END)";
        String monthIndex = "((CAST(substr(month, 1, 4) AS INTEGER) - " + period.start().getYear() + ") * 12 + "
                + "CAST(substr(month, 6, 2) AS INTEGER) - " + period.start().getMonthValue() + ")";
        return "CREATE TEMP TABLE persons AS "
                + "WITH x AS (SELECT person, " + masks
                + first.formatted("CAST(substr(region, 1, 2) AS INTEGER)") + " AS region, "
                + first.formatted("age") + " AS age, "
                + first.formatted("CASE sex WHEN 'M' THEN 1 WHEN 'F' THEN 2 END") + " AS sex, "
                + first.formatted("isced") + " AS isced, "
                + first.formatted("CAST(substr(isco, 1, 2) AS INTEGER)") + " AS isco "
                + "FROM read_parquet('" + dir.resolve("extracts.parquet") + "') GROUP BY person), "
                + "c AS (SELECT person, datediff('day', DATE '1970-01-01', max(date) FILTER (WHERE direction = "
                + "'EXIT')) AS last_exit, datediff('day', DATE '1970-01-01', max(date) FILTER (WHERE direction = "
                + "'ENTRY')) AS last_entry FROM read_parquet('" + dir.resolve("crossings.parquet")
                + "') GROUP BY person), "
                + "s AS (SELECT person, max(" + monthIndex + ") FILTER (WHERE event = 'DEREGISTERED') AS dereg, "
                + "max(" + monthIndex + ") FILTER (WHERE event = 'DIED') AS died, max(" + monthIndex
                + ") FILTER (WHERE event = 'PRESENT') AS confirmed FROM read_parquet('"
                + dir.resolve("statuses.parquet") + "') GROUP BY person) "
                + "SELECT x.* EXCLUDE (person), c.last_exit, c.last_entry, s.dereg, s.died, s.confirmed "
                + "FROM x LEFT JOIN c ON c.person = x.person LEFT JOIN s ON s.person = x.person";
    }

    /** Pass 1: signs per register and month, register-major. */
    static String activity(int months) {
        List<String> sums = new ArrayList<>();
        for (int r = 0; r < Register.COUNT; r++) {
            for (int m = 0; m < months; m++) {
                sums.add("sum((m" + r + " >> " + m + ") & 1)");
            }
        }
        return "SELECT " + String.join(", ", sums) + " FROM persons";
    }

    /** Each register's signs with its undelivered months carried from the month before (the next for month 0). */
    static String filled(int[] gaps, int months) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < Register.COUNT; r++) {
            String f = "m" + r;
            for (int m = 0; m < months; m++) {
                if ((gaps[r] >>> m & 1) == 1) {
                    int from = m == 0 ? 1 : m - 1;
                    f = "((" + f + " & ~" + (1 << m) + ") | (((" + f + " >> " + from + ") & 1) << " + m + "))";
                }
            }
            out.add(f + " AS f" + r);
        }
        return "SELECT *, " + String.join(", ", out) + " FROM persons";
    }

    /** The sign pattern of a month (an expression or a column): bit r = register r active. */
    private static String pattern(String month) {
        List<String> bits = new ArrayList<>();
        for (int r = 0; r < Register.COUNT; r++) {
            bits.add("(((f" + r + " >> " + month + ") & 1) << " + r + ")");
        }
        return "(" + String.join(" | ", bits) + ")";
    }

    /** Pass 2: counts per sign pattern of confirmed presences (label 1) and months from deregistration (0). */
    static String sample(int[] gaps, int months) {
        return "WITH f AS (" + filled(gaps, months) + ") "
                + "SELECT 1 AS label, " + pattern("confirmed") + " AS p, count(*) FROM f WHERE confirmed IS NOT "
                + "NULL GROUP BY ALL "
                + "UNION ALL SELECT 0, " + pattern("m") + " AS p, count(*) FROM (SELECT *, unnest(range(dereg, "
                + "coalesce(died, " + months + "))) AS m FROM f WHERE dereg IS NOT NULL) GROUP BY ALL";
    }

    private static String d(double v) {
        // Through a string: DuckDB reads a decimal literal as DECIMAL, which would round the weights.
        return "CAST('" + v + "' AS DOUBLE)";
    }

    /**
     * Pass 3: the classifier of {@code PersonClassifier}, month by month as layers of projection, and the
     * aggregates by grouping sets.
     */
    static String verdicts(int[] gaps, Fit fit, EstimatorSettings s, Period period) {
        int months = period.months();
        double[] w = fit.weights();
        StringBuilder z = new StringBuilder();
        for (int m = 0; m < months; m++) {
            z.append(", ").append(d(fit.base()));
            for (int r = 0; r < Register.COUNT; r++) {
                z.append(" + CASE WHEN ((f").append(r).append(" >> ").append(m).append(") & 1) = 1 THEN ")
                        .append(d(w[r])).append(" ELSE CAST(0 AS DOUBLE) END");
            }
            z.append(" AS z").append(m);
        }
        String q = "SELECT *" + z + ", CAST(0 AS DOUBLE) AS s, 0 AS rs, -1 AS since, -1 AS prev, coalesce(died, "
                + months + ") AS stop FROM (" + filled(gaps, months) + ")";
        for (int m = 0; m < months; m++) {
            // The state after month m: the run of negative evidence's start, the decayed sum, the month the index
            // went below zero (since) and the one before it came back (prev); nothing changes from a death on.
            String on = m + " < stop";
            String rs = "CASE WHEN " + on + " AND z" + m + " >= 0 THEN " + (m + 1) + " ELSE rs END";
            String s2 = "CASE WHEN " + on + " THEN " + d(s.decay()) + " * s + z" + m + " ELSE s END";
            q = "SELECT * REPLACE (" + s2 + " AS s, " + rs + " AS rs, "
                    + "CASE WHEN " + on + " AND (" + s2 + ") < 0 AND NOT (s < 0) THEN least(" + rs + ", " + m + ") "
                    + "WHEN " + on + " AND (" + s2 + ") >= 0 AND since <> -1 THEN -1 ELSE since END AS since, "
                    + "CASE WHEN " + on + " AND (" + s2 + ") >= 0 AND since <> -1 THEN since ELSE prev END AS prev) "
                    + "FROM (" + q + ")";
        }
        long lastDay = period.lastDay().toEpochDay();
        String index = "CASE WHEN s >= 0 THEN 1 / (1 + exp(-s)) ELSE exp(s) / (1 + exp(s)) END";
        String abroadLong = "(last_exit IS NOT NULL AND (last_entry IS NULL OR last_entry < last_exit) AND "
                + lastDay + " - last_exit >= " + s.unRuleDays() + ")";
        String seasonal = "(since <> -1 AND prev <> -1 AND abs(since - prev - 12) <= 1)";
        // status: 0 resident, 1 emigrated, 2 uncertain; official: deregistered.
        String status = "CASE WHEN dereg IS NOT NULL THEN 1 "
                + "WHEN " + abroadLong + " THEN CASE WHEN idx < 0.5 THEN 1 ELSE 2 END "
                + "WHEN idx < " + d(s.lower()) + " AND NOT " + seasonal + " THEN CASE WHEN " + months
                + " - since >= " + s.minAbsence() + " THEN 1 ELSE 2 END "
                + "WHEN idx > " + d(s.upper()) + " THEN 0 ELSE 2 END";
        String classified = "SELECT region, age, sex, isced, isco, dereg IS NOT NULL AS official, "
                + status + " AS status, CASE WHEN dereg IS NOT NULL THEN CAST(1 AS DOUBLE) ELSE 1 - idx END AS chance "
                + "FROM (SELECT *, " + index + " AS idx FROM (" + q + ")) WHERE died IS NULL";
        String ageGroup = "CASE WHEN age IS NULL THEN '?' WHEN age >= 65 THEN '65+' WHEN age >= 55 THEN '55-64' "
                + "WHEN age >= 45 THEN '45-54' WHEN age >= 35 THEN '35-44' WHEN age >= 25 THEN '25-34' "
                + "WHEN age >= 15 THEN '15-24' ELSE '0-14' END";
        return "SELECT CASE WHEN GROUPING(rg) = 0 THEN 'REGION' WHEN GROUPING(ag) = 0 THEN 'AGE_GROUP' "
                + "WHEN GROUPING(sx) = 0 THEN 'SEX' WHEN GROUPING(ed) = 0 THEN 'ISCED' WHEN GROUPING(oc) = 0 "
                + "THEN 'ISCO' ELSE 'TOTAL' END AS dimension, "
                + "coalesce(rg, ag, sx, ed, oc, 'KZ') AS code, count(*) AS persons, "
                + "sum(CASE WHEN status = 1 THEN 1 ELSE 0 END) AS emigrated, "
                + "sum(CASE WHEN official THEN 1 ELSE 0 END) AS official, "
                + "sum(CASE WHEN status = 2 THEN 1 ELSE 0 END) AS uncertain, "
                + "sum(chance * (1 - chance)) AS variance, "
                + "sum(CASE WHEN status = 2 THEN chance ELSE 0 END) AS uncertain_chance "
                + "FROM (SELECT *, CASE WHEN region IS NULL THEN '?' ELSE lpad(CAST(region AS VARCHAR), 2, '0') END "
                + "AS rg, " + ageGroup + " AS ag, CASE sex WHEN 1 THEN 'M' WHEN 2 THEN 'F' ELSE '?' END AS sx, "
                + "CASE WHEN isced IS NULL THEN '?' ELSE CAST(isced AS VARCHAR) END AS ed, "
                + "CASE WHEN isco IS NULL THEN '?' ELSE CAST(isco // 10 AS VARCHAR) END AS oc "
                + "FROM (" + classified + ")) "
                + "GROUP BY GROUPING SETS ((), (rg), (ag), (sx), (ed), (oc))";
    }

    private static Cells.Row row(ResultSet rs) throws SQLException {
        long emigrated = rs.getLong("emigrated");
        long official = rs.getLong("official");
        double margin = 1.96 * Math.sqrt(rs.getDouble("variance"));
        return new Cells.Row(rs.getString("dimension"), rs.getString("code"), rs.getLong("persons"), emigrated,
                official, rs.getLong("uncertain"), Math.max(official, emigrated - margin),
                emigrated + rs.getDouble("uncertain_chance") + margin);
    }
}
