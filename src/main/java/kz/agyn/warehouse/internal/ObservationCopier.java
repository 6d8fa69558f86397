package kz.agyn.warehouse.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams observations into PostgreSQL with COPY, the fastest way in: a million rows in seconds, in the
 * caller's transaction so that a failure or a cancel leaves nothing behind.
 *
 * <p>Validation already parses every row, so it also writes the rows it accepted to a {@link Spool} in COPY's
 * text format; accepting then streams that file, prefixing each line with the new version's id, instead of
 * parsing the upload a second time (measured: the second parse was a third of the accept time).
 */
public final class ObservationCopier implements AutoCloseable {

    private static final String SQL = "COPY wh_observation (version_id, indicator, period, period_start, freq, "
            + "region, occupation, education, country, sex, age, flow, value, unit_mult, status) "
            + "FROM STDIN (FORMAT text)";
    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final int versionId;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 512);
    private long rows;

    public ObservationCopier(Connection connection, int versionId) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        this.versionId = versionId;
    }

    public void add(Obs o) {
        buffer.append(versionId).append('\t');
        appendLine(buffer, o);
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /**
     * Streams a spool, each line prefixed with this copier's version id. Reports bytes read to {@code progress}
     * and stops (the caller's transaction then rolls back) when {@code cancelled} says so.
     */
    public void addSpool(Path spool, LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        byte[] prefix = (versionId + "\t").getBytes(StandardCharsets.US_ASCII);
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

    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    public long rows() {
        return rows;
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        write(bytes, bytes.length);
        buffer.setLength(0);
    }

    private void write(byte[] bytes, int length) {
        if (length == 0) {
            return;
        }
        try {
            copy.writeToCopy(bytes, 0, length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /** Codes are validated identifiers (no tabs, newlines or backslashes), so the text format needs no escaping. */
    private static void appendLine(StringBuilder sb, Obs o) {
        sb.append(o.indicator()).append('\t').append(o.period()).append('\t')
                .append(o.period().start()).append('\t').append(freq(o)).append('\t').append(o.region()).append('\t')
                .append(o.occupation()).append('\t').append(o.education()).append('\t').append(o.country())
                .append('\t').append(o.sex()).append('\t').append(o.age()).append('\t').append(o.flow()).append('\t')
                .append(o.value().toPlainString()).append('\t').append(o.unitMult()).append('\t').append(o.status())
                .append('\n');
    }

    private static char freq(Obs o) {
        return switch (o.period().frequency()) {
            case YEAR -> 'A';
            case QUARTER -> 'Q';
            case MONTH -> 'M';
        };
    }

    /** Thrown out of {@link #addSpool} when the user cancels. */
    public static final class CancellationException extends RuntimeException {
        CancellationException() {
            super("cancelled", null, false, false);
        }
    }

    /** The validated rows of an upload, without a version id, in COPY text format. */
    public static final class Spool implements AutoCloseable {

        private final OutputStream out;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 512);

        public Spool(Path file) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), FLUSH_AT);
        }

        public void add(Obs o) {
            appendLine(buffer, o);
            if (buffer.length() >= FLUSH_AT) {
                flush();
            }
        }

        private void flush() {
            try {
                out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer.setLength(0);
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }
}
