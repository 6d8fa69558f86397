package kz.agyn.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.Register;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The register extracts as Spark tables: the three files of docs/formats/register-extracts.md, as Parquet (a folder or
 * file each: {@code extracts.parquet}, {@code crossings.parquet}, {@code statuses.parquet}) or as the CSV files the
 * embedded engine reads. Reading checks what the embedded reader checks that matters to the result (columns, register
 * codes, duplicate person × register rows, masks longer than the period, IINs in clear) and refuses with
 * {@link SparkInputException} before anything is computed or written. Both formats come out as one normalised table
 * of extracts (mask as bits, oblast and ISCO sub-major group as numbers) so that the job does not care which was read.
 */
public final class ExtractsTables {

    /** Parquet schema of {@code extracts.parquet}: the CSV's columns, the mask as INT32 bits (bit 0 = first month). */
    public static final StructType EXTRACTS = new StructType()
            .add("person", DataTypes.StringType, false)
            .add("register", DataTypes.StringType, false)
            .add("mask", DataTypes.IntegerType, false)
            .add("region", DataTypes.StringType, true)
            .add("age", DataTypes.IntegerType, true)
            .add("sex", DataTypes.StringType, true)
            .add("isced", DataTypes.IntegerType, true)
            .add("isco", DataTypes.StringType, true);
    /** Parquet schema of {@code crossings.parquet}. */
    public static final StructType CROSSINGS = new StructType()
            .add("person", DataTypes.StringType, false)
            .add("date", DataTypes.DateType, false)
            .add("direction", DataTypes.StringType, false);
    /** Parquet schema of {@code statuses.parquet}; {@code month} as in CSV, {@code YYYY-MM}. */
    public static final StructType STATUSES = new StructType()
            .add("person", DataTypes.StringType, false)
            .add("month", DataTypes.StringType, false)
            .add("event", DataTypes.StringType, false);

    private ExtractsTables() {
    }

    /** The input format. */
    public enum Format {
        PARQUET, CSV
    }

    /** The normalised extracts, crossings and statuses, checked. */
    public record Tables(Dataset<Row> extracts, Dataset<Row> crossings, Dataset<Row> statuses) {
    }

    /**
     * Reads and checks the files in {@code folder}. Extracts come out as {@code person, register (index), mask,
     * region (oblast), age, sex (1 male, 2 female), isced, isco (sub-major group)}; crossings as {@code person, date,
     * direction}; statuses as {@code person, month (index in the period), event}. Crossings and statuses may be
     * absent (empty tables).
     */
    public static Tables read(SparkSession spark, String folder, Format format, Period period) {
        String ext = format == Format.PARQUET ? ".parquet" : ".csv";
        String extractsFile = folder + "/extracts" + ext;
        Dataset<Row> x = load(spark, extractsFile, format, true);
        require(x, extractsFile, format == Format.PARQUET
                ? List.of("person", "register", "mask", "region", "age", "sex", "isced", "isco")
                : List.of("person", "register", "first_month", "mask", "region", "age", "sex", "isced", "isco"));
        String crossingsFile = folder + "/crossings" + ext;
        Dataset<Row> c = load(spark, crossingsFile, format, false);
        if (c == null) {
            c = spark.createDataFrame(List.of(), CROSSINGS);
        }
        require(c, crossingsFile, List.of("person", "date", "direction"));
        String statusesFile = folder + "/statuses" + ext;
        Dataset<Row> s = load(spark, statusesFile, format, false);
        if (s == null) {
            s = spark.createDataFrame(List.of(), STATUSES);
        }
        require(s, statusesFile, List.of("person", "month", "event"));

        if (format == Format.CSV) {
            // Spark's CSV reader would turn these into nulls (or a failed task) without a word; the embedded reader
            // refuses them with the row, and so does this.
            String month = "^[0-9]{4}-(0[1-9]|1[0-2])$";
            refuseBadCells(spark, x, extractsFile, "first_month", month, period, true, "spark.badMonth");
            refuseBadCells(spark, x, extractsFile, "mask", "^[01]+$", period, false, "spark.badMask");
            refuseBadCells(spark, c, crossingsFile, "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", period, false,
                    "spark.badDate");
            refuseBadCells(spark, s, statusesFile, "month", month, period, true, "spark.badMonth");
        }
        String registers = String.join("','", names());
        YearMonth start = period.start();
        // Month index of a YYYY-MM text in the period.
        String monthIndex = "((cast(substr(%1$s, 1, 4) as int) - " + start.getYear() + ") * 12 + cast(substr(%1$s, 6, 2)"
                + " as int) - " + start.getMonthValue() + ")";
        String mask = format == Format.PARQUET ? "cast(mask as int)"
                : "shiftleft(cast(conv(reverse(mask), 2, 10) as bigint), " + monthIndex.formatted("first_month") + ")";
        x.createOrReplaceTempView("agyn_raw_extracts");
        Dataset<Row> extracts = spark.sql("SELECT trim(person) AS person, "
                + "nullif(array_position(array('" + registers + "'), register), 0) - 1 AS register, "
                + mask + " AS mask_bits, "
                + "cast(substr(cast(region as string), 1, 2) as int) AS region, cast(age as int) AS age, "
                + "CASE cast(sex as string) WHEN 'M' THEN 1 WHEN 'F' THEN 2 END AS sex, cast(isced as int) AS isced, "
                + "cast(substr(cast(isco as string), 1, 2) as int) AS isco, register AS register_code "
                + "FROM agyn_raw_extracts");
        check(extracts, extractsFile, period);

        c.createOrReplaceTempView("agyn_raw_crossings");
        Dataset<Row> crossings = spark.sql("SELECT trim(person) AS person, cast(date as date) AS date, "
                + "cast(direction as string) AS direction FROM agyn_raw_crossings");
        s.createOrReplaceTempView("agyn_raw_statuses");
        Dataset<Row> statuses = spark.sql("SELECT trim(person) AS person, " + monthIndex.formatted("month")
                + " AS month, cast(event as string) AS event FROM agyn_raw_statuses");
        for (var t : List.of(new Object[] {crossings, crossingsFile}, new Object[] {statuses, statusesFile})) {
            @SuppressWarnings("unchecked")
            Dataset<Row> d = (Dataset<Row>) t[0];
            refuseClearIins(d, (String) t[1]);
        }
        return new Tables(extracts.drop("register_code").withColumnRenamed("mask_bits", "mask"), crossings, statuses);
    }

    private static Dataset<Row> load(SparkSession spark, String file, Format format, boolean required) {
        try {
            if (!required && !exists(spark, file)) {
                return null;
            }
            var reader = spark.read();
            Dataset<Row> d = format == Format.PARQUET ? reader.parquet(file)
                    : reader.option("header", "true").option("inferSchema", "false").csv(file);
            d.schema();
            return d;
        } catch (SparkInputException e) {
            throw e;
        } catch (Exception e) {
            // Spark's own exceptions (some checked, thrown from Scala unchecked) say too little to the reader.
            throw new SparkInputException("spark.unreadable", file);
        }
    }

    private static boolean exists(SparkSession spark, String file) {
        try {
            var path = new org.apache.hadoop.fs.Path(file);
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void require(Dataset<Row> d, String file, List<String> columns) {
        Set<String> have = Set.of(d.columns());
        for (String column : columns) {
            if (!have.contains(column)) {
                throw new SparkInputException("spark.missingColumn", file, column);
            }
        }
    }

    /** What would change the result if let through; each check one pass, stopped at the first offending row. */
    private static void check(Dataset<Row> extracts, String file, Period period) {
        try {
            // IINs in clear, unknown registers and masks outside the period in one pass over the file, not three.
            long outside = period.months() >= 32 ? 0 : 1L << period.months();
            Row flags = extracts.selectExpr(
                    "max(CASE WHEN regexp_replace(person, '[ -]', '') RLIKE '^[0-9]{12}$' THEN 1 ELSE 0 END)",
                    "first(CASE WHEN register IS NULL THEN coalesce(register_code, '') END, true)",
                    outside == 0 ? "0"
                            : "max(CASE WHEN mask_bits >= " + outside + " OR mask_bits < 0 THEN 1 ELSE 0 END)")
                    .first();
            if (!flags.isNullAt(0) && flags.getInt(0) == 1) {
                throw new SparkInputException("spark.clearIin", file);
            }
            if (!flags.isNullAt(1)) {
                throw new SparkInputException("spark.unknownRegister", file, flags.get(1));
            }
            if (!flags.isNullAt(2) && ((Number) flags.get(2)).intValue() == 1) {
                throw new SparkInputException("spark.maskTooLong", file, period.months());
            }
            List<Row> duplicate = extracts.groupBy("person", "register").count().filter(col("count").gt(1))
                    .limit(1).collectAsList();
            if (!duplicate.isEmpty()) {
                throw new SparkInputException("spark.duplicateRow", file, duplicate.get(0).getLong(2));
            }
        } catch (SparkInputException e) {
            throw e;
        } catch (Exception e) {
            throw new SparkInputException("spark.unreadable", file);
        }
    }

    /**
     * Refuses the file when a cell of {@code column} does not match {@code pattern} (for dates also: is no calendar
     * day; for months, when {@code inPeriod}: lies outside the period). Spark finds whether there is one in a pass;
     * only then the file is read again on the driver to name the row as the embedded reader does (header = row 1).
     */
    private static void refuseBadCells(SparkSession spark, Dataset<Row> d, String file, String column, String pattern,
                                       Period period, boolean inPeriod, String code) {
        String c = "`" + column + "`";
        String bad = "NOT coalesce(" + c + " RLIKE '" + pattern + "', false)";
        if (code.equals("spark.badDate")) {
            bad += " OR try_cast(" + c + " AS date) IS NULL";
        }
        if (inPeriod) {
            YearMonth start = period.start();
            YearMonth end = start.plusMonths(period.months() - 1L);
            bad += " OR " + c + " < '" + start + "' OR " + c + " > '" + end + "'";
        }
        boolean found;
        try {
            found = !d.filter(bad).limit(1).isEmpty();
        } catch (Exception e) {
            throw new SparkInputException("spark.unreadable", file);
        }
        if (found) {
            throw new SparkInputException(code, file, firstBadRow(spark, file, column, cell -> !good(cell, pattern,
                    code, period, inPeriod)), column);
        }
    }

    /** The same test in Java, for the driver's scan of the file. */
    private static boolean good(String cell, String pattern, String code, Period period, boolean inPeriod) {
        if (cell == null || !cell.matches(pattern)) {
            return false;
        }
        try {
            if (code.equals("spark.badDate")) {
                LocalDate.parse(cell);
            }
            if (inPeriod) {
                int m = period.indexOf(YearMonth.parse(cell));
                return m >= 0 && m < period.months();
            }
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /**
     * The row number (header = 1, blank lines counted) of the first row whose {@code column} fails, in the file or
     * in the parts of a folder taken in name order (rows counted on); 0 when the scan does not find it.
     */
    private static long firstBadRow(SparkSession spark, String file, String column,
                                    java.util.function.Predicate<String> bad) {
        try {
            var path = new org.apache.hadoop.fs.Path(file);
            var fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<org.apache.hadoop.fs.Path> parts = new ArrayList<>();
            if (fs.getFileStatus(path).isDirectory()) {
                for (var st : fs.listStatus(path)) {
                    String name = st.getPath().getName();
                    if (st.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                        parts.add(st.getPath());
                    }
                }
                parts.sort(null);
            } else {
                parts.add(path);
            }
            long offset = 0;
            for (var part : parts) {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(part),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    String header = in.readLine();
                    long row = 1;
                    if (header == null) {
                        continue;
                    }
                    List<String> names = List.of(cells(header.startsWith("\uFEFF") ? header.substring(1) : header));
                    int at = names.indexOf(column);
                    String line;
                    while ((line = in.readLine()) != null) {
                        row++;
                        String[] f = cells(line);
                        if (!line.isBlank() && at >= 0 && (at >= f.length || bad.test(f[at]))) {
                            return offset + row;
                        }
                    }
                    offset += row;
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String[] cells(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String t = f[i];
            f[i] = t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
        }
        return f;
    }

    /** Twelve digits (spaces and hyphens aside) where a 64-hex-digit key is expected: refused, value never shown. */
    private static void refuseClearIins(Dataset<Row> d, String file) {
        if (!d.filter("regexp_replace(person, '[ -]', '') RLIKE '^[0-9]{12}$'").limit(1).isEmpty()) {
            throw new SparkInputException("spark.clearIin", file);
        }
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Register r : Register.values()) {
            out.add(r.name());
        }
        return out;
    }

    /**
     * Writes extracts as Parquet files in {@code folder} (replacing what is there; each table a folder with one part,
     * as Spark writes them): one row per person × register with signs, and one row with mask 0 for a person with
     * none (so that every person is in the extracts), attributes on every row; crossings as each person's last exit
     * and last entry; statuses as the three events. Written by Parquet's own writer, streaming from the columnar
     * batch: Spark's writer would first turn every row into a driver-side table shipped to its tasks, which took two
     * minutes for a million persons where this takes seconds (docs/spark.md). Spark reads the files back as
     * {@link #EXTRACTS}, {@link #CROSSINGS} and {@link #STATUSES}.
     */
    public static void writeParquet(SparkSession spark, Extracts x, String folder) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Period period = x.period();
        try (ParquetWriter<Group> extracts = writer(conf, folder + "/extracts.parquet", EXTRACTS_PARQUET);
             ParquetWriter<Group> crossings = writer(conf, folder + "/crossings.parquet", CROSSINGS_PARQUET);
             ParquetWriter<Group> statuses = writer(conf, folder + "/statuses.parquet", STATUSES_PARQUET)) {
            SimpleGroupFactory e = new SimpleGroupFactory(EXTRACTS_PARQUET);
            SimpleGroupFactory c = new SimpleGroupFactory(CROSSINGS_PARQUET);
            SimpleGroupFactory s = new SimpleGroupFactory(STATUSES_PARQUET);
            String[] months = new String[period.months()];
            for (int m = 0; m < months.length; m++) {
                months[m] = period.month(m).toString();
            }
            for (int p = 0; p < x.persons(); p++) {
                String key = x.key(p);
                boolean any = false;
                for (int r = 0; r < Register.COUNT; r++) {
                    int mask = x.mask(p, r);
                    if (mask != 0 || r == Register.COUNT - 1 && !any) {
                        Group g = e.newGroup().append("person", key).append("register", Register.at(r).name())
                                .append("mask", mask);
                        if (x.region(p) >= 0) {
                            g.append("region", String.format("%02d0000000", x.region(p)));
                        }
                        if (x.age(p) >= 0) {
                            g.append("age", (int) x.age(p));
                        }
                        if (x.sex(p) == 1 || x.sex(p) == 2) {
                            g.append("sex", x.sex(p) == 1 ? "M" : "F");
                        }
                        if (x.isced(p) >= 0) {
                            g.append("isced", (int) x.isced(p));
                        }
                        if (x.isco(p) >= 0) {
                            g.append("isco", String.format("%02d", x.isco(p)));
                        }
                        extracts.write(g);
                        any = true;
                    }
                }
                if (x.lastExit(p) != Extracts.NO_DAY) {
                    crossings.write(c.newGroup().append("person", key).append("date", x.lastExit(p))
                            .append("direction", "EXIT"));
                }
                if (x.lastEntry(p) != Extracts.NO_DAY) {
                    crossings.write(c.newGroup().append("person", key).append("date", x.lastEntry(p))
                            .append("direction", "ENTRY"));
                }
                status(statuses, s, key, months, x.deregistered(p), "DEREGISTERED");
                status(statuses, s, key, months, x.died(p), "DIED");
                status(statuses, s, key, months, x.confirmed(p), "PRESENT");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final MessageType EXTRACTS_PARQUET = MessageTypeParser.parseMessageType("message extracts {"
            + " required binary person (STRING); required binary register (STRING); required int32 mask;"
            + " optional binary region (STRING); optional int32 age; optional binary sex (STRING);"
            + " optional int32 isced; optional binary isco (STRING); }");
    private static final MessageType CROSSINGS_PARQUET = MessageTypeParser.parseMessageType("message crossings {"
            + " required binary person (STRING); required int32 date (DATE); required binary direction (STRING); }");
    private static final MessageType STATUSES_PARQUET = MessageTypeParser.parseMessageType("message statuses {"
            + " required binary person (STRING); required binary month (STRING); required binary event (STRING); }");

    /** A Snappy-compressed writer of {@code table/part-00000.snappy.parquet}, the table's folder emptied first. */
    private static ParquetWriter<Group> writer(Configuration conf, String table, MessageType schema)
            throws IOException {
        var dir = new org.apache.hadoop.fs.Path(table);
        dir.getFileSystem(conf).delete(dir, true);
        return ExampleParquetWriter.builder(HadoopOutputFile.fromPath(
                        new org.apache.hadoop.fs.Path(dir, "part-00000.snappy.parquet"), conf))
                .withConf(conf).withType(schema).withCompressionCodec(CompressionCodecName.SNAPPY).build();
    }

    private static void status(ParquetWriter<Group> out, SimpleGroupFactory f, String key, String[] months,
                               int month, String event) throws IOException {
        if (month != Extracts.NO_MONTH) {
            out.write(f.newGroup().append("person", key).append("month", months[month]).append("event", event));
        }
    }
}
