package kz.agyn.warehouse.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import kz.agyn.kernel.Period;
import kz.agyn.platform.copy.CopyText;
import kz.agyn.platform.copy.CopyWriter;
import org.postgresql.copy.CopyIn;

/**
 * Streams observations into PostgreSQL with COPY, the fastest way in: a million rows in seconds, in the
 * caller's transaction so that a failure or a cancel leaves nothing behind. The rows are encoded by the platform's
 * {@link CopyText} and sent by its {@link CopyWriter}, like every other bulk write.
 *
 * <p>Since decision 0050 validation sends the rows it accepts straight to a staged table ({@link #staged}, used by
 * {@link StagedVersion}), which accept attaches; since decision 0055 through a {@link KeyOrderWindow}, so that they
 * arrive in key order and the table's key index is built from sorted rows. Imports checked before that wrote the rows to a {@link Spool} in
 * COPY's text format; accepting one of them still streams that file, prefixing each line with the new version's
 * id, instead of parsing the upload a second time.
 *
 * <p>The rows reach COPY in the order of {@code wh_observation_key}. PostgreSQL then appends every key to the
 * right-most leaf of that index without searching the tree, and fills its pages instead of splitting them in
 * half: on a million rows the load took a fifth less server CPU (7.1 s against 5.5 s) and the index 75 MB instead
 * of 94 MB. The spool is sorted in memory {@link Spool#RUN_BYTES} at a time, and the sorted runs are merged while
 * they are streamed. A spool line is the key's columns first, each tab-separated code made of characters above
 * the tab, so comparing lines byte by byte orders them as the index does under the database's C collation
 * ({@code period_start} and {@code freq} follow from {@code period}, and a key is unique within a version).
 * Were the order ever different, the load would only be slower: the order is not needed for correctness.
 */
public final class ObservationCopier implements AutoCloseable {

    private static final String SQL = "COPY %s (version_id, indicator, period, period_start, freq, "
            + "region, occupation, education, country, sex, age, flow, value, unit_mult, status) "
            + "FROM STDIN (FORMAT text%s)";
    private static final int FLUSH_AT = 1 << 16;
    /**
     * Rows the staged copy reorders at once (decision 0055): a publisher's file lists the rows of one combination
     * of leading dimensions together, a few hundred to a few thousand of them; 16,384 rows are about 1 MB, and the
     * last window, sent after the file's end, is what PostgreSQL still has to store when the check is done.
     */
    static final int WINDOW_ROWS = 1 << 14;

    private final CopyWriter copy;
    private final int versionId;
    /** The version id and its tab, put before each spool line as it is streamed. */
    private final byte[] prefix;
    private final Map<Period, byte[]> periodFields = new HashMap<>();
    /** For the staged table only: the rows go through it into the key's order (decision 0055). */
    private KeyOrderWindow window;
    private long rows;

    public ObservationCopier(Connection connection, int versionId) throws SQLException {
        this(CopyWriter.open(connection, SQL.formatted("wh_observation", "")), versionId);
    }

    /**
     * Into the table staging a version's rows (decision 0050), made in the connection's transaction: COPY FREEZE
     * writes its rows already frozen, so nothing has to visit them again to mark them visible.
     */
    public static ObservationCopier staged(Connection connection, int versionId) throws SQLException {
        ObservationCopier copier = new ObservationCopier(CopyWriter.open(connection,
                SQL.formatted(StagedVersion.table(versionId), ", FREEZE true")), versionId);
        copier.window = new KeyOrderWindow(WINDOW_ROWS, copier::send);
        return copier;
    }

    ObservationCopier(CopyIn copy, int versionId) {
        this(new CopyWriter(copy), versionId);
    }

    private ObservationCopier(CopyWriter copy, int versionId) {
        this.copy = copy;
        this.versionId = versionId;
        this.prefix = (versionId + "\t").getBytes(StandardCharsets.US_ASCII);
    }

    public void add(Obs o) {
        if (window != null) {
            appendLine(window.line(), o, periodFields).end();
            window.added();
        } else {
            appendLine(row().number(versionId), o, periodFields).end();
            rows++;
        }
    }

    private void send(byte[] line, int from, int length) {
        row().number(versionId).encoded(line, from, length).end();
        rows++;
    }

    /** Staged rows that reached COPY out of the key's order (PostgreSQL sorts them all the same). */
    public long outOfOrder() {
        return window == null ? 0 : window.outOfOrder();
    }

    /**
     * Streams a spool, each line prefixed with this copier's version id. Reports bytes read to {@code progress}
     * and stops (the caller's transaction then rolls back) when {@code cancelled} says so.
     */
    public void addSpool(Path spool, LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        long[] runs = Spool.runs(spool);
        if (runs.length > 1) {
            merge(spool, runs, progress, cancelled);
        } else {
            stream(spool, progress, cancelled);
        }
    }

    /** A spool of one sorted run (or written before spools were sorted), line by line as it is. */
    private void stream(Path spool, LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        byte[] in = new byte[FLUSH_AT];
        byte[] out = new byte[FLUSH_AT * 2];
        long read = 0;
        boolean lineStart = true;
        try (InputStream s = Files.newInputStream(spool)) {
            int n;
            while ((n = s.read(in)) > 0) {
                int o = 0;
                for (int i = 0; i < n; i++) {
                    if (lineStart) {
                        if (o + prefix.length >= out.length) {
                            write(out, o);
                            o = 0;
                        }
                        System.arraycopy(prefix, 0, out, o, prefix.length);
                        o += prefix.length;
                        lineStart = false;
                    }
                    byte b = in[i];
                    out[o++] = b;
                    if (b == '\n') {
                        lineStart = true;
                        rows++;
                    }
                    if (o == out.length) {
                        write(out, o);
                        o = 0;
                    }
                }
                write(out, o);
                read += n;
                progress.accept(read);
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
            }
        }
    }

    /** Merges the spool's sorted runs (a handful: one per {@link Spool#RUN_BYTES}) into one ordered stream. */
    private void merge(Path spool, long[] runEnds, LongConsumer progress, BooleanSupplier cancelled)
            throws IOException {
        try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.READ)) {
            List<Run> open = new ArrayList<>();
            long start = 0;
            for (long end : runEnds) {
                Run run = new Run(channel, start, end);
                if (run.next()) {
                    open.add(run);
                }
                start = end;
            }
            Run[] runs = open.toArray(new Run[0]);
            int live = runs.length;
            long lines = 0;
            while (live > 0) {
                int best = 0;
                for (int i = 1; i < live; i++) {
                    if (runs[i].compareTo(runs[best]) < 0) {
                        best = i;
                    }
                }
                Run r = runs[best];
                row().number(versionId).encoded(r.buf, r.start, r.end - r.start).end();
                if (r.complete) {
                    rows++;
                }
                if (!r.next()) {
                    runs[best] = runs[--live];
                }
                if ((++lines & 4095) == 0) {
                    long read = 0;
                    for (Run each : open) {
                        read += each.consumed();
                    }
                    progress.accept(read);
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                }
            }
            progress.accept(runEnds[runEnds.length - 1]);
        }
    }

    public long finish() throws SQLException {
        if (window != null) {
            window.flush();
        }
        return copy.finish();
    }

    public long rows() {
        return rows;
    }

    /** The next row's place; a COPY that failed surfaces as the I/O failure it is to the spool's reader. */
    private CopyText row() {
        try {
            return copy.row();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private void write(byte[] bytes, int length) {
        try {
            copy.write(bytes, 0, length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public void close() {
        copy.close();
    }

    /**
     * An observation's cells, the key's codes first (the spool's order relies on it), without its version id and
     * without ending the row.
     */
    private static CopyText appendLine(CopyText b, Obs o, Map<Period, byte[]> periodFields) {
        return b.text(o.indicator())
                .encoded(periodFields.computeIfAbsent(o.period(), p -> periodFields(o.periodText(), p)))
                .text(o.region()).text(o.occupation()).text(o.education()).text(o.country()).text(o.sex())
                .text(o.age()).text(o.flow()).decimal(o.value()).number(o.unitMult()).text(o.status());
    }

    /** period, period_start and freq, the same for every row of a period (a LocalDate is not free to print). */
    private static byte[] periodFields(String text, Period p) {
        char freq = switch (p.frequency()) {
            case YEAR -> 'A';
            case QUARTER -> 'Q';
            case MONTH -> 'M';
        };
        return (text + '\t' + p.start() + '\t' + freq).getBytes(StandardCharsets.UTF_8);
    }

    /** Thrown out of {@link #addSpool} when the user cancels. */
    public static final class CancellationException extends RuntimeException {
        CancellationException() {
            super("cancelled", null, false, false);
        }
    }

    /**
     * The validated rows of an upload, without a version id, in COPY text format: sorted runs of at most
     * {@link #RUN_BYTES}, and beside the spool (when there is more than one run) a file listing where each ends.
     */
    public static final class Spool implements AutoCloseable {

        /** Bounds the memory a validation holds: 32 MB is about 470,000 rows. */
        static final int RUN_BYTES = 32 << 20;

        private final Path file;
        private final OutputStream out;
        private final int runBytes;
        private final LineBuffer lines = new LineBuffer(1 << 20);
        private final Map<Period, byte[]> periodFields = new HashMap<>();
        private final List<Long> runEnds = new ArrayList<>();
        private long written;

        public Spool(Path file) throws IOException {
            this(file, RUN_BYTES);
        }

        Spool(Path file, int runBytes) throws IOException {
            this.file = file;
            this.runBytes = runBytes;
            Files.deleteIfExists(runsFile(file));
            this.out = new BufferedOutputStream(Files.newOutputStream(file), FLUSH_AT);
        }

        public void add(Obs o) {
            appendLine(lines.append(), o, periodFields).end();
            if (lines.size() >= runBytes) {
                run();
            }
        }

        /** Sorts the lines held and writes them as one run. */
        private void run() {
            if (lines.count() == 0) {
                return;
            }
            try {
                for (int i : lines.sorted()) {
                    int start = lines.start(i);
                    out.write(lines.array(), start, lines.end(i) + 1 - start);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written += lines.size();
            runEnds.add(written);
            lines.clear();
        }

        @Override
        public void close() throws IOException {
            run();
            out.close();
            if (runEnds.size() > 1) {
                StringBuilder text = new StringBuilder();
                for (long end : runEnds) {
                    text.append(end).append('\n');
                }
                Files.writeString(runsFile(file), text);
            }
        }

        /** Deletes a spool and its list of runs. */
        public static void delete(Path spool) throws IOException {
            Files.deleteIfExists(runsFile(spool));
            Files.deleteIfExists(spool);
        }

        /**
         * Where the spool's sorted runs end. One run (the whole file) when there is no list, or when the list
         * does not describe this file: the rows are then streamed as they are, which is slower but as correct.
         */
        static long[] runs(Path spool) throws IOException {
            long size = Files.size(spool);
            Path list = runsFile(spool);
            if (!Files.isRegularFile(list)) {
                return new long[] {size};
            }
            try {
                long[] ends = Files.readAllLines(list).stream().filter(l -> !l.isBlank())
                        .mapToLong(l -> Long.parseLong(l.trim())).toArray();
                for (int i = 0; i < ends.length; i++) {
                    if (ends[i] <= (i == 0 ? 0 : ends[i - 1])) {
                        return new long[] {size};
                    }
                }
                return ends.length > 0 && ends[ends.length - 1] == size ? ends : new long[] {size};
            } catch (NumberFormatException e) {
                return new long[] {size};
            }
        }

        private static Path runsFile(Path spool) {
            return spool.resolveSibling(spool.getFileName() + ".runs");
        }
    }

    /** One sorted run of a spool, read line by line; the current line is {@code buf[start, end)}. */
    private static final class Run {
        private final FileChannel channel;
        private final long runStart;
        private final long runEnd;
        private long position;
        private final byte[] buf = new byte[FLUSH_AT * 4];
        private final ByteBuffer wrapped = ByteBuffer.wrap(buf);
        private int limit;
        private int next;
        private int start;
        private int end;
        /** False for a last line without its newline: a damaged spool, whose row count will not match. */
        private boolean complete;

        Run(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.runStart = start;
            this.runEnd = end;
            this.position = start;
        }

        /** Moves to the next line; false at the end of the run. */
        boolean next() throws IOException {
            int from = next;
            int scan = from;
            for (;;) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        start = from;
                        end = i;
                        complete = true;
                        next = i + 1;
                        return true;
                    }
                }
                // No whole line left in the buffer: keep the partial one at the front and read more.
                int partial = limit - from;
                System.arraycopy(buf, from, buf, 0, partial);
                limit = partial;
                from = 0;
                scan = partial;
                if (!fill()) {
                    if (partial == 0) {
                        return false;
                    }
                    start = 0;
                    end = partial;
                    complete = false;
                    next = partial;
                    return true;
                }
            }
        }

        private boolean fill() throws IOException {
            if (position >= runEnd) {
                return false;
            }
            if (limit == buf.length) {
                throw new IOException("a spool line is longer than " + buf.length + " bytes");
            }
            wrapped.clear().position(limit).limit((int) Math.min(buf.length, limit + (runEnd - position)));
            int n = channel.read(wrapped, position);
            if (n <= 0) {
                return false;
            }
            position += n;
            limit += n;
            return true;
        }

        long consumed() {
            return position - runStart;
        }

        int compareTo(Run other) {
            return Arrays.compareUnsigned(buf, start, end, other.buf, other.start, other.end);
        }
    }
}
