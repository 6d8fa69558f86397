package kz.agyn.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * RFC 4180 reader over a character stream, streaming and with bounded memory: a field may hold at most
 * {@link #MAX_FIELD} characters and a record {@link #MAX_RECORD}, so a file with one enormous line fails after a
 * few megabytes instead of being buffered whole. Lenient where Excel is: a quote inside an unquoted field is a
 * character, text after a closing quote is kept, records may have different lengths.
 */
final class CsvTableReader implements TableReader {

    static final int MAX_FIELD = 1 << 20;
    static final int MAX_RECORD = 4 << 20;
    static final int MAX_COLUMNS = 16_384;
    static final int HEAD = 64 * 1024;
    /** Trailing blank rows are held back until a non-blank row proves they are not trailing; this many at most. */
    private static final int MAX_HELD_BLANKS = 100_000;

    private final String file;
    private final char delimiter;
    private final CountingInputStream counter;
    private final Reader reader;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private long line = 1;
    private long recordLine;
    private final StringBuilder sb = new StringBuilder();
    private List<String> columns;
    private Row first;

    private long[] blankLines = new long[16];
    private int[] blankWidths = new int[16];
    private int blankCount;
    private int blankNext;
    private Row held;

    private CsvTableReader(String file, CountingInputStream counter, CsvOptions options) {
        this.file = file;
        this.delimiter = options.delimiter();
        this.counter = counter;
        CharsetDecoder decoder = options.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.reader = new InputStreamReader(counter, decoder);
    }

    /** Opens a CSV stream: checks the first bytes for binary junk, skips a byte order mark, reads the header. */
    static CsvTableReader open(InputStream in, String fileName, CsvOptions options) throws TabularException {
        byte[] head = readHead(in, fileName);
        checkText(head, fileName, options);
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), in);
        CsvTableReader r = new CsvTableReader(fileName, new CountingInputStream(all, Long.MAX_VALUE), options);
        r.start(options.header());
        return r;
    }

    static byte[] readHead(InputStream in, String fileName) throws TabularException {
        try {
            byte[] head = in.readNBytes(HEAD);
            if (head.length == 0) {
                throw new TabularException("tabular.empty", new Location(fileName, null, 0, 0));
            }
            return head;
        } catch (IOException e) {
            throw io(fileName, 0, e);
        }
    }

    static TabularException io(String fileName, long row, IOException e) {
        TabularException t = new TabularException("tabular.io", new Location(fileName, null, row, 0));
        t.initCause(e);
        return t;
    }

    /**
     * Rejects what is not text: NUL characters or many control characters mean an image, an archive or a
     * document of another kind; many undecodable bytes mean the wrong character set was chosen.
     */
    static void checkText(byte[] head, String fileName, CsvOptions options) throws TabularException {
        String text = new String(head, options.charset());
        int controls = 0;
        int replaced = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new TabularException("tabular.binary", new Location(fileName, null, 0, 0));
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A)
                    || (c >= 0x7F && c <= 0x9F)) {
                controls++;
            } else if (c == '\uFFFD') {
                replaced++;
            }
        }
        int n = Math.max(1, text.length());
        if (controls * 20 > n) {
            throw new TabularException("tabular.binary", new Location(fileName, null, 0, 0));
        }
        if (replaced * 20 > n) {
            // Bytes that are neither UTF-8 nor Windows-1251 text look like binary data too.
            boolean alsoNotCyrillic = !options.charset().equals(CsvOptions.WINDOWS_1251)
                    && !CsvOptions.validUtf8(head) && looksBinaryAs1251(head);
            throw new TabularException(alsoNotCyrillic ? "tabular.binary" : "tabular.csv.badEncoding",
                    new Location(fileName, null, 0, 0), options.charset().name());
        }
    }

    private static boolean looksBinaryAs1251(byte[] head) {
        String text = new String(head, CsvOptions.WINDOWS_1251);
        int bad = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFD') {
                bad++;
            }
        }
        return bad * 20 > Math.max(1, text.length());
    }

    private void start(boolean header) throws TabularException {
        if (fill() && buf[0] == '\uFEFF') {
            pos = 1;
        }
        List<String> cells;
        do {
            cells = readRecord();
        } while (cells != null && isBlank(cells));
        if (cells == null) {
            throw new TabularException("tabular.empty", new Location(file, null, 0, 0));
        }
        if (header) {
            List<String> names = new ArrayList<>(cells.size());
            for (String c : cells) {
                names.add(Text.trim(c));
            }
            columns = List.copyOf(names);
        } else {
            first = new Row(recordLine, cells, new Location(file, null, recordLine, 0));
            List<String> names = new ArrayList<>(cells.size());
            for (int i = 1; i <= cells.size(); i++) {
                names.add(Integer.toString(i));
            }
            columns = List.copyOf(names);
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String sheet() {
        return null;
    }

    @Override
    public long bytesRead() {
        return counter.count();
    }

    @Override
    public Row next() throws TabularException {
        if (first != null) {
            Row r = first;
            first = null;
            return r;
        }
        if (blankNext < blankCount) {
            return heldBlank();
        }
        if (held != null) {
            Row r = held;
            held = null;
            blankCount = 0;
            blankNext = 0;
            return r;
        }
        blankCount = 0;
        blankNext = 0;
        for (;;) {
            List<String> cells = readRecord();
            if (cells == null) {
                return null; // blank rows held back were trailing: dropped
            }
            if (isBlank(cells)) {
                holdBlank(recordLine, cells.size());
                if (blankCount >= MAX_HELD_BLANKS) {
                    return heldBlank(); // so many are not trailing padding; stop holding them
                }
                continue;
            }
            Row row = new Row(recordLine, cells, new Location(file, null, recordLine, 0));
            if (blankCount > 0) {
                held = row;
                return heldBlank();
            }
            return row;
        }
    }

    private void holdBlank(long lineNo, int width) {
        if (blankCount == blankLines.length) {
            blankLines = Arrays.copyOf(blankLines, blankCount * 2);
            blankWidths = Arrays.copyOf(blankWidths, blankCount * 2);
        }
        blankLines[blankCount] = lineNo;
        blankWidths[blankCount] = width;
        blankCount++;
    }

    private Row heldBlank() {
        int i = blankNext++;
        long l = blankLines[i];
        Row r = new Row(l, Collections.nCopies(blankWidths[i], ""), new Location(file, null, l, 0));
        if (blankNext == blankCount && held == null) {
            blankCount = 0;
            blankNext = 0;
        }
        return r;
    }

    private static boolean isBlank(List<String> cells) {
        for (String c : cells) {
            if (!Text.isBlank(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    // ---- tokenizer ----

    private boolean fill() throws TabularException {
        if (eof) {
            pos = 0;
            lim = 0;
            return false;
        }
        try {
            int n;
            do {
                n = reader.read(buf, 0, buf.length);
            } while (n == 0);
            pos = 0;
            if (n < 0) {
                eof = true;
                lim = 0;
                return false;
            }
            lim = n;
            return true;
        } catch (IOException e) {
            throw io(file, line, e);
        } catch (RuntimeException e) {
            // A decoder fed adversarial bytes is not supposed to throw, but the contract is TabularException only.
            TabularException t = new TabularException("tabular.io", new Location(file, null, line, 0));
            t.initCause(e);
            throw t;
        }
    }

    /** One record, or null at the end of the input. Leaves {@link #recordLine} at the line it starts on. */
    private List<String> readRecord() throws TabularException {
        if (pos >= lim && !fill()) {
            return null;
        }
        recordLine = line;
        List<String> cells = new ArrayList<>(columns == null ? 8 : columns.size() + 1);
        long length = 0;
        for (;;) {
            String value;
            if (pos >= lim && !fill()) {
                value = "";
            } else if (buf[pos] == '"') {
                value = quoted(cells.size() + 1, length);
            } else {
                value = plain(length);
            }
            cells.add(value);
            length += value.length() + 1;
            if (length > MAX_RECORD) {
                throw lineTooLong();
            }
            if (cells.size() > MAX_COLUMNS) {
                throw new TabularException("tabular.tooManyColumns", new Location(file, null, recordLine, 0),
                        MAX_COLUMNS);
            }
            if (pos >= lim && !fill()) {
                return cells;
            }
            char c = buf[pos++];
            if (c == delimiter) {
                continue;
            }
            if (c == '\r' && (pos < lim || fill()) && buf[pos] == '\n') {
                pos++;
            }
            line++;
            return cells;
        }
    }

    private TabularException lineTooLong() {
        return new TabularException("tabular.csv.lineTooLong", new Location(file, null, recordLine, 0),
                MAX_RECORD >> 20);
    }

    /** An unquoted field up to the delimiter or line end, which are left unread. */
    private String plain(long recordSoFar) throws TabularException {
        int start = pos;
        boolean spilled = false;
        sb.setLength(0);
        for (;;) {
            char[] b = buf;
            int p = pos;
            int l = lim;
            char d = delimiter;
            while (p < l) {
                char c = b[p];
                if (c == d || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            pos = p;
            if (p < l) {
                break;
            }
            sb.append(b, start, p - start);
            spilled = true;
            checkField(sb.length(), recordSoFar);
            boolean more = fill();
            start = pos;
            if (!more) {
                break;
            }
        }
        if (!spilled) {
            return new String(buf, start, pos - start);
        }
        sb.append(buf, start, pos - start);
        checkField(sb.length(), recordSoFar);
        return sb.toString();
    }

    private void checkField(int fieldLength, long recordSoFar) throws TabularException {
        if (recordSoFar + fieldLength > MAX_RECORD) {
            throw lineTooLong();
        }
        if (fieldLength > MAX_FIELD) {
            throw new TabularException("tabular.csv.fieldTooLong", new Location(file, null, recordLine, 0),
                    MAX_FIELD >> 20);
        }
    }

    /** A quoted field, opening quote under {@link #pos}; afterwards any text up to the delimiter is appended. */
    private String quoted(int column, long recordSoFar) throws TabularException {
        long quoteLine = line;
        pos++;
        sb.setLength(0);
        boolean cr = false;
        for (;;) {
            if (pos >= lim && !fill()) {
                throw new TabularException("tabular.csv.unclosedQuote", new Location(file, null, quoteLine, column),
                        quoteLine);
            }
            int start = pos;
            while (pos < lim) {
                char c = buf[pos];
                if (c == '"') {
                    break;
                }
                if (c == '\n') {
                    if (!cr) {
                        line++;
                    }
                    cr = false;
                } else if (c == '\r') {
                    line++;
                    cr = true;
                } else {
                    cr = false;
                }
                pos++;
            }
            sb.append(buf, start, pos - start);
            if (sb.length() > MAX_FIELD || recordSoFar + sb.length() > MAX_RECORD) {
                // An unclosed quote swallows the rest of the file; saying so helps more than "too long".
                throw new TabularException("tabular.csv.quotedFieldTooLong",
                        new Location(file, null, quoteLine, column), quoteLine, MAX_FIELD >> 20);
            }
            if (pos >= lim) {
                continue;
            }
            pos++; // the quote
            cr = false;
            if (pos >= lim && !fill()) {
                break;
            }
            if (buf[pos] == '"') {
                sb.append('"');
                pos++;
                continue;
            }
            break;
        }
        if (pos < lim && buf[pos] != delimiter && buf[pos] != '\n' && buf[pos] != '\r') {
            String value = sb.toString();
            String rest = plain(recordSoFar + value.length());
            if (value.length() + rest.length() > MAX_FIELD) {
                throw new TabularException("tabular.csv.fieldTooLong", new Location(file, null, recordLine, 0),
                        MAX_FIELD >> 20);
            }
            return value + rest;
        }
        return sb.toString();
    }
}
