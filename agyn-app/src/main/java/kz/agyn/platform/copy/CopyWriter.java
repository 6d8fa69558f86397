package kz.agyn.platform.copy;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY … FROM STDIN} in text format, fed in blocks of about {@value #FLUSH_AT} bytes: large enough that
 * the driver's per-call cost vanishes, small enough that memory stays flat however many rows go through. It runs
 * on the caller's connection, so in the caller's transaction: a failure or a cancel leaves nothing behind once
 * that rolls back. While it is open the connection answers no other statement.
 *
 * <p>Encode each row into {@link #row()} (ask for it again for the next row: that is when a full block is sent),
 * or hand over bytes already in COPY form with {@link #write}; then {@link #finish()}. Closing an unfinished
 * writer cancels the COPY.
 */
public final class CopyWriter implements AutoCloseable {

    static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final CopyText buffer = new CopyText(FLUSH_AT + (FLUSH_AT >> 2));

    public CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code sql} ({@code COPY table (columns) FROM STDIN}) on {@code connection}. */
    public static CopyWriter open(Connection connection, String sql) throws SQLException {
        return new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** Where to encode the next row; the rows encoded so far go to the server first when they fill a block. */
    public CopyText row() throws SQLException {
        if (buffer.size() >= FLUSH_AT) {
            flush();
        }
        return buffer;
    }

    /** Whole rows already in COPY text form, sent after the rows encoded before them. */
    public void write(byte[] bytes, int from, int length) throws SQLException {
        flush();
        if (length > 0) {
            copy.writeToCopy(bytes, from, length);
        }
    }

    /** Sends what is left and ends the COPY; returns the rows the server took. */
    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    /** Cancels the COPY if it was not finished, so that the connection can roll the transaction back. */
    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // The rollback that follows, or closing the connection, discards the COPY all the same.
        }
    }

    private void flush() throws SQLException {
        if (buffer.size() > 0) {
            copy.writeToCopy(buffer.array(), 0, buffer.size());
            buffer.clear();
        }
    }
}
