package kz.agyn.residency.parquet;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.agyn.residency.engine.ExtractException;
import kz.agyn.residency.engine.ExtractProblem;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.PersonKeys;
import kz.agyn.residency.engine.Register;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Type;

/**
 * The Parquet form of the register extracts (docs/formats/register-extracts.md, "Parquet"): {@code extracts.parquet},
 * {@code crossings.parquet} and {@code statuses.parquet}, each a file or a folder of part files, read together into
 * one {@link Extracts}, all or nothing, with the refusals of the CSV reader and of the Spark job: a missing column or
 * one of another type, a file that is not Parquet or is truncated, a person that is not a 64-hex-digit key (an IIN in
 * clear separately), an unknown register, a duplicate person × register row, a mask with a bit past the period, an
 * attribute out of its form, and in crossings and statuses an unknown person, direction, event or month. Problems
 * name the file, the row (counted from 1 across part files) and the column, never a value (up to
 * {@value #MAX_PROBLEMS}); {@link ExtractException} is thrown and nothing is returned.
 *
 * <p>Built for a whole country: columns are read a row group at a time, pages decoded whole into arrays, the person
 * key compared with the row before as bytes (rows of one person are expected together, so most rows cost no hex
 * decoding and no look-up) and decoded from the bytes into the key array without making a String; persons not
 * together are found by an open-addressing index over that same array.
 */
public final class ExtractsParquet {

    public static final int MAX_PROBLEMS = 50;
    public static final String EXTRACTS = "extracts.parquet";
    public static final String CROSSINGS = "crossings.parquet";
    public static final String STATUSES = "statuses.parquet";

    private static final List<String> EXTRACT_COLUMNS =
            List.of("person", "register", "mask", "region", "age", "sex", "isced", "isco");
    private static final List<Type> EXTRACT_TYPES = List.of(Type.BYTE_ARRAY, Type.BYTE_ARRAY, Type.INT32,
            Type.BYTE_ARRAY, Type.INT32, Type.BYTE_ARRAY, Type.INT32, Type.BYTE_ARRAY);
    private static final List<String> CROSSING_COLUMNS = List.of("person", "date", "direction");
    private static final List<Type> CROSSING_TYPES = List.of(Type.BYTE_ARRAY, Type.INT32, Type.BYTE_ARRAY);
    private static final List<String> STATUS_COLUMNS = List.of("person", "month", "event");
    private static final List<Type> STATUS_TYPES = List.of(Type.BYTE_ARRAY, Type.BYTE_ARRAY, Type.BYTE_ARRAY);
    private static final String REGISTER_CODES =
            String.join(", ", Arrays.stream(Register.values()).map(Enum::name).toList());
    private static final byte[][] REGISTER_BYTES = new byte[Register.COUNT][];

    static {
        for (int r = 0; r < Register.COUNT; r++) {
            REGISTER_BYTES[r] = Register.at(r).name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * Rows decoded ahead at a time: a slice of a row group (writers make row groups of ten million rows and more),
     * a few tens of megabytes once decoded. Not final only for the tests, which cut row groups into many slices.
     */
    static int sliceRows = 1 << 20;

    private ExtractsParquet() {
    }

    /** Whether a file starts as Parquet does ({@code PAR1}); a folder is looked at by its first part. */
    public static boolean isParquet(byte[] head) {
        return head != null && head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R'
                && head[3] == '1';
    }

    /**
     * Reads the three tables of one period; {@code crossings} and {@code statuses} may be null or absent.
     *
     * @throws ExtractException when anything is wrong, with every problem found (up to {@value #MAX_PROBLEMS})
     */
    public static Extracts read(Period period, Path extracts, Path crossings, Path statuses) {
        return new Reading(period).all(extracts, crossings, statuses);
    }

    /** Reads {@code extracts.parquet}, and when there {@code crossings.parquet} and {@code statuses.parquet}. */
    public static Extracts read(Period period, Path folder) {
        return read(period, folder.resolve(EXTRACTS), folder.resolve(CROSSINGS), folder.resolve(STATUSES));
    }

    private static final class Reading {
        private final Period period;
        private final int outside;
        private final List<ExtractProblem> problems = new ArrayList<>();
        private final Keys keys = new Keys();
        private int capacity;
        private int persons;
        private int[] masks;
        private short[] seen;
        private byte[] region;
        private byte[] age;
        private byte[] sex;
        private byte[] isced;
        private byte[] isco;

        Reading(Period period) {
            this.period = period;
            this.outside = ~period.allMonths();
        }

        Extracts all(Path extractsFile, Path crossingsFile, Path statusesFile) {
            try (ParquetTable x = open(EXTRACTS, extractsFile, EXTRACT_COLUMNS, EXTRACT_TYPES)) {
                if (x != null) {
                    readExtracts(x);
                }
            } catch (Stop stop) {
                // problems say why
            }
            int n = persons;
            int[] lastExit = Extracts.noDays(n);
            int[] lastEntry = Extracts.noDays(n);
            short[] deregistered = Extracts.noMonths(n);
            short[] died = Extracts.noMonths(n);
            short[] confirmed = Extracts.noMonths(n);
            if (problems.isEmpty() && crossingsFile != null && Files.exists(crossingsFile)) {
                try (ParquetTable c = open(CROSSINGS, crossingsFile, CROSSING_COLUMNS, CROSSING_TYPES)) {
                    if (c != null) {
                        readCrossings(c, lastExit, lastEntry);
                    }
                } catch (Stop stop) {
                    // problems say why
                }
            }
            if (problems.isEmpty() && statusesFile != null && Files.exists(statusesFile)) {
                try (ParquetTable s = open(STATUSES, statusesFile, STATUS_COLUMNS, STATUS_TYPES)) {
                    if (s != null) {
                        readStatuses(s, deregistered, died, confirmed);
                    }
                } catch (Stop stop) {
                    // problems say why
                }
            }
            if (!problems.isEmpty()) {
                throw new ExtractException(problems);
            }
            return new Extracts(period, n, keys.bytes, masks, region, age, sex, isced, isco, lastExit, lastEntry,
                    deregistered, died, confirmed);
        }

        /** Opens a table and checks its columns; null (reported) when it cannot be used. */
        private ParquetTable open(String name, Path path, List<String> columns, List<Type> types) {
            ParquetTable t;
            try {
                t = ParquetTable.open(name, path);
            } catch (ParquetTable.Refused e) {
                problem(name, 0, e.code, e.details);
                return null;
            }
            for (int p = 0; p < t.parts.size(); p++) {
                for (int i = 0; i < columns.size(); i++) {
                    int c = t.column(p, columns.get(i));
                    if (c < 0) {
                        problem(name, 0, "residency.parquet.missingColumn", columns.get(i));
                        continue;
                    }
                    ParquetTable.Leaf leaf = t.parts.get(p).leaves().get(c);
                    Type want = types.get(i);
                    boolean ok = leaf.type() == want || want == Type.BYTE_ARRAY
                            && leaf.type() == Type.FIXED_LEN_BYTE_ARRAY;
                    if (!ok) {
                        problem(name, 0, "residency.parquet.badType", columns.get(i),
                                want == Type.INT32 ? "INT32" : "BYTE_ARRAY (STRING)");
                    }
                }
                if (!problems.isEmpty()) {
                    t.close();
                    return null;
                }
            }
            return t;
        }

        /** Reading stopped: too many problems, or a page that cannot be read. */
        private static final class Stop extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Stop() {
                super(null, null, false, false);
            }
        }

        /** Row group by row group, each column through its cursor, the rows in file order. */
        private interface RowVisitor {
            void row(ColumnCursor[] c, long row) throws java.io.IOException;
        }


        /** A slice of a row group's rows, {@code [from, to)} within the group; the first one starts its chunks. */
        private record Slice(ParquetTable.Part part, RowGroup group, ColumnCursor[] cursors, long from, long to,
                             boolean first, boolean last) {
        }

        private void rows(ParquetTable t, List<String> columns, java.util.function.Consumer<ColumnCursor[]> setup,
                          RowVisitor visitor, Runnable afterSlice) {
            // Every slice of every row group of every part, in file order.
            List<Slice> slices = new ArrayList<>();
            for (int p = 0; p < t.parts.size(); p++) {
                ParquetTable.Part part = t.parts.get(p);
                ColumnCursor[] c = new ColumnCursor[columns.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = new ColumnCursor(columns.get(i), part.leaves().get(t.column(p, columns.get(i))));
                }
                setup.accept(c);
                for (RowGroup rg : part.meta().getRow_groups()) {
                    long n = rg.getNum_rows();
                    for (long from = 0; from < n || from == 0; from += sliceRows) {
                        long to = Math.min(n, from + sliceRows);
                        slices.add(new Slice(part, rg, c, from, to, from == 0, to == n));
                        if (n == 0) {
                            break;
                        }
                    }
                }
            }
            long row = 0;
            String column = columns.get(0);
            // The next slice is read and decoded (its columns in parallel) while this one's rows are taken in: on
            // two cores that halves the time, and the rows stay in file order.
            ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
                Thread th = new Thread(r, "parquet-decoder");
                th.setDaemon(true);
                return th;
            });
            try {
                Future<List<ColumnCursor.Page>[]> next = slices.isEmpty() ? null
                        : decoder.submit(() -> decode(slices.get(0)));
                for (int k = 0; k < slices.size(); k++) {
                    List<ColumnCursor.Page>[] pages;
                    try {
                        pages = next.get();
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof Error error) {
                            // Out of memory is not a damaged file.
                            throw error;
                        }
                        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    }
                    int following = k + 1;
                    next = following < slices.size() ? decoder.submit(() -> decode(slices.get(following))) : null;
                    Slice slice = slices.get(k);
                    ColumnCursor[] c = slice.cursors();
                    for (int i = 0; i < c.length; i++) {
                        c[i].append(pages[i]);
                    }
                    long end = row + slice.to() - slice.from();
                    while (row < end) {
                        row++;
                        visitor.row(c, row);
                    }
                    if (afterSlice != null) {
                        afterSlice.run();
                    }
                }
            } catch (Codecs.UnsupportedCodecException e) {
                problem(t.name, 0, "residency.parquet.codec", column, e.getMessage());
                throw new Stop();
            } catch (ColumnCursor.ChunkException e) {
                if (e.getCause() instanceof Codecs.UnsupportedCodecException u) {
                    problem(t.name, 0, "residency.parquet.codec", e.column, u.getMessage());
                } else {
                    // A damaged page or chunk: the file cannot be trusted past here.
                    problem(t.name, row, "residency.parquet.unreadable", e.column);
                }
                throw new Stop();
            } catch (IOException | RuntimeException e) {
                if (e instanceof Stop s) {
                    throw s;
                }
                problem(t.name, row, "residency.parquet.unreadable", column);
                throw new Stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + t.name, e);
            } finally {
                decoder.shutdownNow();
            }
        }

        /** One slice's pages of each column, decoded in parallel (a group's chunks read first when it starts). */
        @SuppressWarnings("unchecked")
        private static List<ColumnCursor.Page>[] decode(Slice slice) throws IOException {
            ColumnCursor[] c = slice.cursors();
            List<ColumnCursor.Page>[] out = new List[c.length];
            IOException[] failed = new IOException[c.length];
            IntStream.range(0, c.length).parallel().forEach(i -> {
                try {
                    if (slice.first()) {
                        ParquetTable.Leaf leaf = c[i].leaf();
                        byte[] bytes;
                        try {
                            bytes = ParquetTable.chunk(slice.part(), slice.group(), leaf);
                        } catch (IOException e) {
                            throw new ColumnCursor.ChunkException(c[i].name(), e);
                        }
                        ColumnChunk cc = slice.group().getColumns().get(leaf.index());
                        c[i].start(bytes, cc.getMeta_data().getCodec(), slice.group().getNum_rows());
                    }
                    out[i] = c[i].decodeUntil(slice.to());
                } catch (IOException e) {
                    failed[i] = e;
                }
            });
            for (IOException e : failed) {
                if (e != null) {
                    throw e;
                }
            }
            return out;
        }

        private void readExtracts(ParquetTable t) {
            long total = t.rows();
            capacity = (int) Math.max(1024, Math.min(total, 1 << 20));
            masks = new int[capacity * Register.COUNT];
            seen = new short[capacity];
            region = Extracts.unknownAttributes(capacity);
            age = Extracts.unknownAttributes(capacity);
            sex = new byte[capacity];
            isced = Extracts.unknownAttributes(capacity);
            isco = Extracts.unknownAttributes(capacity);
            keys.start(capacity);
            int[] previousPerson = {-1};
            long[] rowsSoFar = {0};
            boolean[] sized = {false};
            rows(t, EXTRACT_COLUMNS, c -> {
                c[0].keyed();
                c[1].interpret(Reading::register);
                c[3].interpret((b, o, l) -> code(b, o, l, 9, 9));
                c[5].interpret(Reading::sex);
                c[7].interpret((b, o, l) -> code(b, o, l, 2, 4));
            }, (c, row) -> {
                int problemsBefore = problems.size();
                int p = -1;
                boolean bad = false;
                if (!c[0].next()) {
                    missing(EXTRACTS, row, "person");
                    bad = true;
                } else {
                    int k = c[0].keyAt();
                    if (k == ColumnCursor.SAME) {
                        // The bytes of the value before, which was a key (a bad one is never "the same").
                        p = previousPerson[0];
                    } else if (k >= 0) {
                        p = add(c[0].keys(), k);
                    } else {
                        p = notAKey(c[0].bytes(), c[0].offset(), c[0].length(), row, EXTRACTS);
                    }
                    previousPerson[0] = p;
                    bad = p < 0;
                }
                int r = -1;
                if (!c[1].next()) {
                    missing(EXTRACTS, row, "register");
                } else {
                    r = c[1].code();
                    if (r < 0) {
                        // The value is not quoted back: it could be anything, an IIN included.
                        problem(EXTRACTS, row, "residency.parquet.unknownRegister", REGISTER_CODES);
                    }
                }
                int bits = 0;
                if (!c[2].next()) {
                    missing(EXTRACTS, row, "mask");
                } else {
                    bits = c[2].intValue();
                    if ((bits & outside) != 0) {
                        problem(EXTRACTS, row, "residency.parquet.maskTooLong", period.months());
                    }
                }
                byte rg = c[3].next() ? checked(c[3].code(), row, "region", "residency.parquet.badRegion")
                        : Extracts.UNKNOWN;
                byte ag = c[4].next() ? number(c[4].intValue(), 0, 120, row, "age", "residency.parquet.badAge")
                        : Extracts.UNKNOWN;
                byte sx = c[5].next() ? checked(c[5].code(), row, "sex", "residency.parquet.badSex") : 0;
                byte ed = c[6].next() ? number(c[6].intValue(), 0, 8, row, "isced", "residency.parquet.badIsced")
                        : Extracts.UNKNOWN;
                byte oc = c[7].next() ? checked(c[7].code(), row, "isco", "residency.parquet.badIsco")
                        : Extracts.UNKNOWN;
                rowsSoFar[0] = row;
                if (bad || r < 0 || problems.size() > problemsBefore) {
                    if (problems.size() >= MAX_PROBLEMS) {
                        throw new Stop();
                    }
                    return;
                }
                if ((seen[p] & (1 << r)) != 0) {
                    problem(EXTRACTS, row, "residency.parquet.duplicate", Register.at(r).name());
                    if (problems.size() >= MAX_PROBLEMS) {
                        throw new Stop();
                    }
                    return;
                }
                seen[p] |= (short) (1 << r);
                masks[p * Register.COUNT + r] = bits;
                // The first register (in file order) that gives an attribute is taken, as in CSV.
                if (region[p] == Extracts.UNKNOWN) {
                    region[p] = rg;
                }
                if (age[p] == Extracts.UNKNOWN) {
                    age[p] = ag;
                }
                if (sex[p] == 0) {
                    sex[p] = sx;
                }
                if (isced[p] == Extracts.UNKNOWN) {
                    isced[p] = ed;
                }
                if (isco[p] == Extracts.UNKNOWN) {
                    isco[p] = oc;
                }
            }, () -> {
                // After the first slice of rows, when rows of a person come together, the number of persons is known
                // from the share of rows per person: the arrays are sized once instead of doubling (a country's
                // masks alone are a gigabyte; doubling would hold two of them).
                if (!sized[0] && persons > 0 && rowsSoFar[0] >= 10_000 && persons * 1.5 < rowsSoFar[0]) {
                    sized[0] = true;
                    long expected = (long) Math.ceil(total * (persons / (double) rowsSoFar[0]) * 1.03) + 1024;
                    if (expected > capacity) {
                        grow((int) Math.min(expected, Integer.MAX_VALUE / Register.COUNT / 2));
                    }
                }
            });
        }

        /**
         * Reports a person value that is not a key (its column worked out that it is not 64 hex digits): an IIN in
         * clear, or anything else; the value itself is never quoted. Returns −1.
         */
        private int notAKey(byte[] b, int o, int l, long row, String file) {
            String text = new String(b, o, Math.min(l, 64), StandardCharsets.UTF_8);
            problem(file, row, PersonKeys.looksLikeIin(text) ? "residency.parquet.clearIin"
                    : "residency.parquet.badPerson", "person");
            return -1;
        }

        /** The number of the person with the key at {@code key[at..]}, added if new. */
        private int add(byte[] key, int at) {
            if (persons == capacity) {
                grow((int) Math.min((long) capacity + (capacity >> 1) + 1024,
                        Integer.MAX_VALUE / Register.COUNT / 2));
            }
            int p = keys.findOrAdd(key, at, persons);
            return p >= 0 ? p : persons++;
        }

        private void grow(int to) {
            int old = capacity;
            capacity = to;
            masks = Arrays.copyOf(masks, capacity * Register.COUNT);
            seen = Arrays.copyOf(seen, capacity);
            region = grow(region, old);
            age = grow(age, old);
            sex = Arrays.copyOf(sex, capacity);
            isced = grow(isced, old);
            isco = grow(isco, old);
            keys.grow(capacity);
        }

        private byte[] grow(byte[] a, int old) {
            byte[] out = Arrays.copyOf(a, capacity);
            Arrays.fill(out, old, capacity, Extracts.UNKNOWN);
            return out;
        }

        private static int register(byte[] b, int o, int l) {
            for (int r = 0; r < Register.COUNT; r++) {
                byte[] code = REGISTER_BYTES[r];
                if (code.length == l && b[o] == code[0] && Arrays.equals(b, o, o + l, code, 0, l)) {
                    return r;
                }
            }
            return -1;
        }

        private static final int BAD = -2;

        /** A code worked out by the cursor, reported when it is {@link #BAD}. */
        private byte checked(int code, long row, String column, String problem) {
            if (code == BAD) {
                problem(EXTRACTS, row, problem, column);
                return column.equals("sex") ? 0 : Extracts.UNKNOWN;
            }
            return (byte) code;
        }

        /** A code of {@code min}–{@code max} digits whose first two are kept (KATO oblast, ISCO sub-major). */
        private static int code(byte[] b, int o, int l, int min, int max) {
            if (l == 0) {
                return Extracts.UNKNOWN;
            }
            boolean digits = l >= min && l <= max;
            for (int i = 0; i < l && digits; i++) {
                digits = b[o + i] >= '0' && b[o + i] <= '9';
            }
            return digits ? (b[o] - '0') * 10 + b[o + 1] - '0' : BAD;
        }

        private static int sex(byte[] b, int o, int l) {
            if (l == 0) {
                return 0;
            }
            return l == 1 && b[o] == 'M' ? 1 : l == 1 && b[o] == 'F' ? 2 : BAD;
        }

        private byte number(int v, int min, int max, long row, String column, String problem) {
            if (v >= min && v <= max) {
                return (byte) v;
            }
            problem(EXTRACTS, row, problem, column, min, max);
            return Extracts.UNKNOWN;
        }

        /** A person of the extracts by the looked-up key column; −1 (reported) when the key is bad or unknown. */
        private int known(ColumnCursor c, long row, String file) {
            int p = c.person();
            if (p == -1) {
                problem(file, row, "residency.parquet.unknownPerson");
            } else if (p < 0) {
                notAKey(c.bytes(), c.offset(), c.length(), row, file);
            }
            return p;
        }

        private void readCrossings(ParquetTable t, int[] lastExit, int[] lastEntry) {
            rows(t, CROSSING_COLUMNS, c -> {
                c[0].lookedUp(keys::find);
                c[2].interpret((b, o, l) -> word(b, o, l, "EXIT", "ENTRY"));
            }, (c, row) -> {
                int p = c[0].next() ? known(c[0], row, CROSSINGS) : missing(CROSSINGS, row, "person");
                boolean dated = c[1].next();
                int day = dated ? c[1].intValue() : missing(CROSSINGS, row, "date");
                int direction = -1;
                if (!c[2].next()) {
                    missing(CROSSINGS, row, "direction");
                } else {
                    direction = c[2].code();
                    if (direction < 0) {
                        problem(CROSSINGS, row, "residency.parquet.badDirection");
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    throw new Stop();
                }
                if (p >= 0 && direction >= 0 && dated) {
                    int[] last = direction == 0 ? lastExit : lastEntry;
                    last[p] = Math.max(last[p], day);
                }
            }, null);
        }

        private void readStatuses(ParquetTable t, short[] deregistered, short[] died, short[] confirmed) {
            rows(t, STATUS_COLUMNS, c -> {
                c[0].lookedUp(keys::find);
                c[1].interpret(this::month);
                c[2].interpret((b, o, l) -> word(b, o, l, "DEREGISTERED", "DIED", "PRESENT"));
            }, (c, row) -> {
                int p = c[0].next() ? known(c[0], row, STATUSES) : missing(STATUSES, row, "person");
                int m = -1;
                if (!c[1].next()) {
                    missing(STATUSES, row, "month");
                } else {
                    m = c[1].code();
                    if (m == Integer.MIN_VALUE) {
                        problem(STATUSES, row, "residency.parquet.badMonth", "month");
                        m = -1;
                    } else if (m < 0 || m >= period.months()) {
                        problem(STATUSES, row, "residency.parquet.monthOutside", "month");
                        m = -1;
                    }
                }
                int event = -1;
                if (!c[2].next()) {
                    missing(STATUSES, row, "event");
                } else {
                    event = c[2].code();
                    if (event < 0) {
                        problem(STATUSES, row, "residency.parquet.badEvent");
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    throw new Stop();
                }
                if (p < 0 || m < 0 || event < 0) {
                    return;
                }
                short[] target = event == 0 ? deregistered : event == 1 ? died : confirmed;
                target[p] = (short) Math.max(target[p], m);
            }, null);
        }

        /** The month index of a {@code YYYY-MM} text, or {@link Integer#MIN_VALUE} when it is not one. */
        private int month(byte[] b, int o, int l) {
            if (l != 7 || b[o + 4] != '-') {
                return Integer.MIN_VALUE;
            }
            int y = 0;
            for (int i = 0; i < 4; i++) {
                int d = b[o + i] - '0';
                if (d < 0 || d > 9) {
                    return Integer.MIN_VALUE;
                }
                y = y * 10 + d;
            }
            int m1 = b[o + 5] - '0';
            int m2 = b[o + 6] - '0';
            if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) {
                return Integer.MIN_VALUE;
            }
            int mo = m1 * 10 + m2;
            if (mo < 1 || mo > 12) {
                return Integer.MIN_VALUE;
            }
            return (y - period.start().getYear()) * 12 + mo - period.start().getMonthValue();
        }

        /** The position of the value among {@code words}, or −1. */
        private static int word(byte[] b, int o, int l, String... words) {
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                if (w.length() != l) {
                    continue;
                }
                boolean same = true;
                for (int k = 0; k < l && same; k++) {
                    same = b[o + k] == w.charAt(k);
                }
                if (same) {
                    return i;
                }
            }
            return -1;
        }

        /** A required value that is null; returns −1. */
        private int missing(String file, long row, String column) {
            problem(file, row, "residency.parquet.noValue", column);
            return -1;
        }

        private void problem(String file, long row, String code, Object... details) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ExtractProblem(file, row, code, List.of(details)));
            }
        }
    }

    /**
     * Person keys as 32 bytes each in the array that becomes the extracts' own, with an open-addressing index of
     * person numbers over it (the keys are decoded from their hex digits where their column is, {@link ColumnCursor}).
     */
    private static final class Keys {
        byte[] bytes = new byte[0];
        private int[] slots = new int[0];
        private int size;

        void start(int capacity) {
            bytes = new byte[capacity * Extracts.KEY_BYTES];
            slots = new int[slotsFor(capacity)];
            Arrays.fill(slots, -1);
        }

        private static int slotsFor(int capacity) {
            return Integer.highestOneBit(Math.max(16, capacity)) * 4;
        }

        void grow(int capacity) {
            bytes = Arrays.copyOf(bytes, capacity * Extracts.KEY_BYTES);
            int want = slotsFor(capacity);
            if (want > slots.length) {
                slots = new int[want];
                Arrays.fill(slots, -1);
                for (int p = 0; p < size; p++) {
                    place(p);
                }
            }
        }

        /** The person with the key at {@code k[at..]}, or −1. */
        int find(byte[] k, int at) {
            int mask = slots.length - 1;
            for (int i = hash(k, at) & mask; ; i = (i + 1) & mask) {
                int p = slots[i];
                if (p < 0) {
                    return -1;
                }
                if (Arrays.equals(bytes, p * Extracts.KEY_BYTES, (p + 1) * Extracts.KEY_BYTES, k, at,
                        at + Extracts.KEY_BYTES)) {
                    return p;
                }
            }
        }

        /**
         * The person with the key at {@code k[at..]}; when there is none, the key becomes person {@code next} (the
         * arrays have room) and −1 is returned. One probe of the slots for both.
         */
        int findOrAdd(byte[] k, int at, int next) {
            int mask = slots.length - 1;
            for (int i = hash(k, at) & mask; ; i = (i + 1) & mask) {
                int p = slots[i];
                if (p < 0) {
                    System.arraycopy(k, at, bytes, next * Extracts.KEY_BYTES, Extracts.KEY_BYTES);
                    slots[i] = next;
                    size = next + 1;
                    return -1;
                }
                if (Arrays.equals(bytes, p * Extracts.KEY_BYTES, (p + 1) * Extracts.KEY_BYTES, k, at,
                        at + Extracts.KEY_BYTES)) {
                    return p;
                }
            }
        }

        private void place(int p) {
            int mask = slots.length - 1;
            int i = hash(bytes, p * Extracts.KEY_BYTES) & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = p;
        }

        private static int hash(byte[] k, int o) {
            // A keyed hash is already uniform: four of its bytes are as good an index as any.
            return (k[o] & 0xff) << 24 | (k[o + 1] & 0xff) << 16 | (k[o + 2] & 0xff) << 8 | (k[o + 3] & 0xff);
        }
    }

    /**
     * Writes the three tables into {@code folder} as {@link #EXTRACTS}, {@link #CROSSINGS} and {@link #STATUSES}
     * (single files, Snappy): a row per person and register with signs (a person with none keeps one row of mask 0 in
     * TAX, so every person is in the extracts), attributes on every row, crossings as each person's last exit and
     * entry, statuses as the three events; rows of a person together, in person order.
     */
    public static void write(Extracts x, Path folder) throws IOException {
        ParquetWriting.write(x, folder);
    }
}
