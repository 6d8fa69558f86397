package kz.agyn.platform.copy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in PostgreSQL COPY's text format (the default of {@code COPY … FROM STDIN}), encoded as UTF-8 into a
 * growable byte array: cells separated by tabs, rows ended by a newline, null as {@code \N}, and in text a
 * backslash, tab, newline and carriage return escaped, as the format requires. A cell method writes the tab before
 * its cell itself, so a row is the cells in order and then {@link #end()}.
 *
 * <p>It encodes without building a String per cell (numbers, dates and hex are written digit by digit, text
 * character by character): the warehouse sends a million rows through here on the way to COPY. Not thread-safe;
 * rows encoded on other threads join with {@link #rows(CopyText)}.
 */
public final class CopyText {

    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;
    /** Whether a row has a cell already, so that the next cell needs a tab before it. */
    private boolean inRow;

    public CopyText(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /** Text, escaped; null is {@code \N}. */
    public CopyText text(String s) {
        separate();
        if (s == null) {
            return put(NULL);
        }
        int n = s.length();
        room(n);
        byte[] b = bytes;
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            // The common case by far (codes, references, numbers in text): one byte that needs no escape.
            if (c < 0x80 && c != '\\' && (c > '\r' || c < '\t')) {
                b[at++] = (byte) c;
            } else {
                size = at;
                escaped(s, i);
                return this;
            }
        }
        size = at;
        return this;
    }

    /** A whole number. */
    public CopyText number(long n) {
        separate();
        if (n == Long.MIN_VALUE) {
            return ascii(Long.toString(n));
        }
        room(20);
        if (n < 0) {
            bytes[size++] = '-';
            n = -n;
        }
        int digits = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int at = size + digits;
        size = at;
        do {
            bytes[--at] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
        return this;
    }

    /** A decimal as PostgreSQL reads it (no exponent); null is {@code \N}. */
    public CopyText decimal(BigDecimal value) {
        if (value == null) {
            return nul();
        }
        separate();
        return ascii(value.toPlainString());
    }

    /** A date as ISO yyyy-mm-dd; null is {@code \N}. */
    public CopyText date(LocalDate date) {
        if (date == null) {
            return nul();
        }
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            // LocalDate's own form (±yyyyy-mm-dd), which PostgreSQL reads too; no registry or statistic goes there.
            separate();
            return ascii(date.toString());
        }
        separate();
        room(10);
        digits(year, 4);
        bytes[size++] = '-';
        digits(date.getMonthValue(), 2);
        bytes[size++] = '-';
        digits(date.getDayOfMonth(), 2);
        return this;
    }

    public CopyText bool(boolean value) {
        separate();
        room(1);
        bytes[size++] = (byte) (value ? 't' : 'f');
        return this;
    }

    /** Bytes for a {@code bytea} column, as hex ({@code \\x…}: the backslash itself escaped); null is {@code \N}. */
    public CopyText bytea(byte[] value) {
        separate();
        if (value == null) {
            return put(NULL);
        }
        room(3 + 2 * value.length);
        byte[] b = bytes;
        int at = size;
        b[at++] = '\\';
        b[at++] = '\\';
        b[at++] = 'x';
        for (byte v : value) {
            b[at++] = HEX[(v >> 4) & 0xF];
            b[at++] = HEX[v & 0xF];
        }
        size = at;
        return this;
    }

    /** A null cell. */
    public CopyText nul() {
        separate();
        return put(NULL);
    }

    /** One or more cells already in COPY text form (tab-separated, no newline), written as they are. */
    public CopyText encoded(byte[] cells) {
        return encoded(cells, 0, cells.length);
    }

    /** As {@link #encoded(byte[])}, from {@code length} bytes of {@code cells} at {@code from}. */
    public CopyText encoded(byte[] cells, int from, int length) {
        separate();
        room(length);
        System.arraycopy(cells, from, bytes, size, length);
        size += length;
        return this;
    }

    /** Ends the row. */
    public CopyText end() {
        room(1);
        bytes[size++] = '\n';
        inRow = false;
        return this;
    }

    /** Appends the whole rows of {@code other} (encoded elsewhere, on another thread say) between two rows here. */
    public CopyText rows(CopyText other) {
        if (inRow || other.inRow) {
            throw new IllegalStateException("rows are joined only between rows");
        }
        room(other.size);
        System.arraycopy(other.bytes, 0, bytes, size, other.size);
        size += other.size;
        return this;
    }

    /** How many bytes are encoded. */
    public int size() {
        return size;
    }

    /** The encoded bytes, the first {@link #size()} of this array; live, valid until the next write. */
    public byte[] array() {
        return bytes;
    }

    /** Forgets every row, keeping the array. */
    public void clear() {
        size = 0;
        inRow = false;
    }

    private void separate() {
        if (inRow) {
            room(1);
            bytes[size++] = '\t';
        } else {
            inRow = true;
        }
    }

    private CopyText put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    /** Text known to be ASCII without anything to escape (numbers, dates). */
    private CopyText ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bytes[size + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
    }

    /** The rest of {@code s} from {@code i}, escaping and encoding characters above ASCII as UTF-8. */
    private void escaped(String s, int i) {
        int n = s.length();
        // At most three bytes for a UTF-16 unit (a surrogate pair's four bytes are two units), two for an escape.
        room(3 * (n - i));
        byte[] b = bytes;
        int at = size;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                char escape = switch (c) {
                    case '\\' -> '\\';
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    default -> 0;
                };
                if (escape != 0) {
                    b[at++] = '\\';
                    c = escape;
                }
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // Half a pair is not a character; String.getBytes writes '?' for it, and so does this.
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = at;
    }

    private void room(int n) {
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
