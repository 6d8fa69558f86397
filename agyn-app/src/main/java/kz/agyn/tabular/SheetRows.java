package kz.agyn.tabular;

import java.io.Closeable;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.apache.poi.ss.usermodel.DateUtil;

/** The rows of one worksheet part, parsed with StAX as they stream out of the zip. */
final class SheetRows implements Closeable {

    /** A sheet row as text; {@code cells[0]} is column A, trailing empty cells dropped. */
    record RawRow(int number, String[] cells) {
        String cell(int column) {
            return column >= 1 && column <= cells.length ? cells[column - 1] : "";
        }

        int nonEmpty() {
            int n = 0;
            for (String c : cells) {
                if (!Text.isBlank(c)) {
                    n++;
                }
            }
            return n;
        }

        boolean blank() {
            return nonEmpty() == 0;
        }

        /** 1-based column of the first non-blank cell, or 0. */
        int firstColumn() {
            for (int i = 0; i < cells.length; i++) {
                if (!Text.isBlank(cells[i])) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    /** A merged range, 1-based and inclusive. */
    record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    }

    static final int MAX_SHEET_ROW = 1_048_576;
    static final int MAX_SHEET_COLUMN = 16_384;
    private static final int MAX_MERGES = 100_000;

    private final XlsxWorkbook workbook;
    private final String sheet;
    private final CountingInputStream in;
    private final XMLStreamReader x;
    private final double compression;
    private int lastRow;
    private int rowsSeen;
    private long cellsSeen;
    private boolean done;
    private final StringBuilder text = new StringBuilder();

    SheetRows(XlsxWorkbook workbook, String sheet) throws TabularException {
        this.workbook = workbook;
        this.sheet = sheet;
        PackagePart part = workbook.part(sheet);
        try {
            double ratio = -1;
            if (part instanceof ZipPackagePart zp) {
                ZipArchiveEntry e = zp.getZipArchive();
                if (e != null && e.getSize() > 0 && e.getCompressedSize() > 0) {
                    ratio = (double) e.getCompressedSize() / e.getSize();
                }
            }
            this.compression = ratio;
            InputStream raw = part.getInputStream();
            this.in = new CountingInputStream(raw, Long.MAX_VALUE);
            this.x = Xml.reader(in);
        } catch (Exception | LinkageError e) {
            throw XlsxWorkbook.failure(workbook.file(), sheet, e);
        }
    }

    /** Compressed bytes consumed so far, estimated from the part's compression ratio; -1 if unknown. */
    long bytesRead() {
        return compression < 0 ? -1 : (long) (in.count() * compression);
    }

    private Location at(int row, int column) {
        return new Location(workbook.file(), sheet, row, column);
    }

    private TabularException corrupt(int row, int column) {
        return new TabularException("tabular.xlsx.corrupt", at(row, column));
    }

    /**
     * The merged ranges of a sheet, which the format puts after all the cells. Found by a byte scan rather than
     * by parsing: reading a large sheet through StAX only to reach its end would double the cost of opening it.
     * A '&lt;' cannot occur unescaped in text, so "&lt;mergeCell " or "&lt;x:mergeCell " is always the element.
     */
    static List<Merge> merges(XlsxWorkbook workbook, String sheet) throws TabularException {
        List<Merge> out = new ArrayList<>();
        byte[] name = "mergeCell".getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = workbook.part(sheet).getInputStream()) {
            byte[] buf = new byte[1 << 16];
            byte[] element = new byte[64];
            int length = 0;
            int state = 0; // 0 outside a tag, 1 reading an element name, 2 reading a mergeCell's attributes
            StringBuilder attributes = new StringBuilder();
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (state == 0) {
                        if (b == '<') {
                            state = 1;
                            length = 0;
                        }
                    } else if (state == 1) {
                        if (isNameByte(b) || b == ':') {
                            if (length == element.length) {
                                state = 0;
                            } else {
                                element[length++] = b;
                            }
                        } else if ((b == ' ' || b == '\t' || b == '\r' || b == '\n')
                                && localNameIs(element, length, name)) {
                            state = 2;
                            attributes.setLength(0);
                        } else {
                            state = b == '<' ? 1 : 0;
                            length = 0;
                        }
                    } else if (b == '>' || attributes.length() > 1024) {
                        Merge m = parseRange(refAttribute(attributes));
                        if (m != null && out.size() < MAX_MERGES) {
                            out.add(m);
                        }
                        state = 0;
                    } else {
                        attributes.append((char) (b & 0xFF));
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            throw XlsxWorkbook.failure(workbook.file(), sheet, e);
        }
        return out;
    }

    private static boolean localNameIs(byte[] element, int length, byte[] name) {
        int start = length - name.length;
        if (start < 0 || (start > 0 && element[start - 1] != ':')) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (element[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '-'
                || b == '.';
    }

    private static String refAttribute(CharSequence attributes) {
        Matcher m = REF.matcher(attributes);
        return m.find() ? m.group(2) : null;
    }

    private static final Pattern REF =
            Pattern.compile("(?:^|\\s)ref\\s*=\\s*([\"'])([A-Za-z0-9$:]{1,32})\\1");

    static Merge parseRange(String ref) {
        if (ref == null) {
            return null;
        }
        int colon = ref.indexOf(':');
        int[] a = parseRef(colon < 0 ? ref : ref.substring(0, colon));
        int[] b = colon < 0 ? a : parseRef(ref.substring(colon + 1));
        if (a == null || b == null || a[0] == 0 || b[0] == 0) {
            return null;
        }
        return new Merge(Math.min(a[0], b[0]), Math.max(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[1], b[1]));
    }

    /** "B12" → {12, 2}; row 0 when the reference has no row; null when it is not a cell reference. */
    static int[] parseRef(String ref) {
        int i = 0;
        int n = ref.length();
        int col = 0;
        while (i < n && i < 4 && Character.isLetter(ref.charAt(i))) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z') {
                return null;
            }
            col = col * 26 + (c - 'A' + 1);
            i++;
        }
        if (col == 0 || col > MAX_SHEET_COLUMN) {
            return null;
        }
        int row = 0;
        for (; i < n; i++) {
            char c = ref.charAt(i);
            if (c == '$') {
                continue;
            }
            if (c < '0' || c > '9' || row > MAX_SHEET_ROW) {
                return null;
            }
            row = row * 10 + (c - '0');
        }
        if (row > MAX_SHEET_ROW) {
            return null;
        }
        return new int[] {row, col};
    }

    /** The next row present in the part, or null after the last. Rows the file leaves out are blank. */
    RawRow next() throws TabularException {
        if (done) {
            return null;
        }
        try {
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("row")) {
                        return row();
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("sheetData")) {
                    break;
                } else if (ev == XMLStreamConstants.DTD) {
                    throw corrupt(0, 0);
                }
            }
            done = true;
            return null;
        } catch (TabularException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw XlsxWorkbook.failure(workbook.file(), sheet, e);
        }
    }

    private RawRow row() throws Exception {
        String r = x.getAttributeValue(null, "r");
        int number;
        if (r == null) {
            number = lastRow + 1;
        } else {
            Integer parsed = XlsxWorkbook.parseInt(r);
            if (parsed == null) {
                throw corrupt(lastRow + 1, 0);
            }
            number = parsed;
        }
        if (number <= lastRow || number > MAX_SHEET_ROW) {
            throw corrupt(number, 0);
        }
        if (++rowsSeen > XlsxWorkbook.MAX_ROWS) {
            throw XlsxWorkbook.tooLarge(workbook.file(), sheet);
        }
        lastRow = number;
        String[] cells = new String[8];
        int width = 0;
        int lastCol = 0;
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (x.getLocalName().equals("c")) {
                    String ref = x.getAttributeValue(null, "r");
                    int col;
                    if (ref == null) {
                        col = lastCol + 1;
                    } else {
                        int[] p = parseRef(ref);
                        if (p == null) {
                            throw corrupt(number, 0);
                        }
                        col = p[1];
                    }
                    if (col > MAX_SHEET_COLUMN) {
                        throw corrupt(number, 0);
                    }
                    lastCol = col;
                    String value = cell(number, col);
                    if (!value.isEmpty()) {
                        if (col > cells.length) {
                            cells = Arrays.copyOf(cells, Math.max(col, cells.length * 2));
                        }
                        cells[col - 1] = value;
                        width = Math.max(width, col);
                    }
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw corrupt(number, 0);
            }
        }
        cellsSeen += width;
        if (cellsSeen > XlsxWorkbook.MAX_CELLS) {
            throw XlsxWorkbook.tooLarge(workbook.file(), sheet);
        }
        String[] out = Arrays.copyOf(cells, width);
        for (int i = 0; i < width; i++) {
            if (out[i] == null) {
                out[i] = "";
            }
        }
        return new RawRow(number, out);
    }

    /** Reads a {@code <c>} element, positioned on its start, and returns its text. */
    private String cell(int row, int col) throws Exception {
        String type = x.getAttributeValue(null, "t");
        Integer style = XlsxWorkbook.parseInt(x.getAttributeValue(null, "s"));
        String v = null;
        StringBuilder inline = null;
        int depth = 1;
        int phonetic = 0;
        String capture = null; // "v" or "t" while inside one
        while (depth > 0) {
            int ev = x.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > Xml.MAX_DEPTH) {
                        throw corrupt(row, col);
                    }
                    String name = x.getLocalName();
                    if (name.equals("v") && depth == 2) {
                        capture = "v";
                        text.setLength(0);
                    } else if (name.equals("rPh")) {
                        phonetic++;
                    } else if (name.equals("t") && phonetic == 0) {
                        capture = "t";
                        if (inline == null) {
                            inline = new StringBuilder();
                        }
                        text.setLength(0);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    String name = x.getLocalName();
                    if (name.equals("v") && "v".equals(capture)) {
                        v = text.toString();
                        capture = null;
                    } else if (name.equals("t") && "t".equals(capture)) {
                        inline.append(text);
                        capture = null;
                        if (inline.length() > CsvTableReader.MAX_FIELD) {
                            throw corrupt(row, col);
                        }
                    } else if (name.equals("rPh")) {
                        phonetic--;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (capture != null) {
                        text.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                        if (text.length() > CsvTableReader.MAX_FIELD) {
                            throw corrupt(row, col);
                        }
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw corrupt(row, col);
                default -> {
                }
            }
        }
        if (type == null) {
            type = "n";
        }
        return switch (type) {
            case "s" -> shared(v, row, col);
            case "inlineStr" -> inline != null ? inline.toString() : v == null ? "" : v;
            case "b" -> v == null ? "" : v.trim().equals("1") ? "true" : v.trim().equals("0") ? "false" : v;
            case "d" -> isoDate(v);
            case "n" -> v == null ? "" : number(v, style == null ? 0 : style);
            default -> v == null ? (inline == null ? "" : inline.toString()) : v; // "str", "e" and unknown types
        };
    }

    private String shared(String v, int row, int col) throws TabularException {
        if (v == null) {
            return "";
        }
        Integer i = XlsxWorkbook.parseInt(v.trim());
        List<String> strings = workbook.sharedStrings();
        if (i == null || i >= strings.size()) {
            throw corrupt(row, col);
        }
        return strings.get(i);
    }

    private static String isoDate(String v) {
        if (v == null) {
            return "";
        }
        String t = v.trim();
        if (t.length() >= 10 && t.matches("\\d{4}-\\d{2}-\\d{2}(T00:00(:00(\\.0+)?)?Z?)?")) {
            return t.substring(0, 10);
        }
        return t;
    }

    private String number(String v, int style) throws TabularException {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return v;
        }
        if (!Double.isFinite(d)) {
            return v;
        }
        if (workbook.isDateStyle(style) && DateUtil.isValidExcelDate(d)) {
            String date = date(d);
            if (date != null) {
                return date;
            }
        }
        return plain(d);
    }

    /** Plain decimal with '.', no exponent or grouping, integers without ".0". */
    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private String date(double d) throws TabularException {
        try {
            LocalDateTime t = DateUtil.getLocalDateTime(d, workbook.date1904(), true);
            if (t == null) {
                return null;
            }
            if (d < 1 && d > 0) {
                return t.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME);
            }
            if (t.toLocalTime().toSecondOfDay() == 0) {
                return t.toLocalDate().toString();
            }
            return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            x.close();
        } catch (Exception ignored) {
            // Closing after a parse failure may fail again; the stream below is closed regardless.
        }
        try {
            in.close();
        } catch (Exception ignored) {
            // Nothing to do: the package is reverted by the workbook.
        }
    }
}
