package kz.agyn.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * An .xlsx package opened for streaming. POI supplies the zip handling (with its zip-bomb checks) and the map of
 * sheets; the XML parts themselves are read here with StAX, so no part is ever loaded as a document tree.
 * An uploaded stream is first copied to a temporary file: the zip directory sits at the end of the file and
 * reading from a file keeps only the part being read in memory.
 */
final class XlsxWorkbook implements Closeable {

    static final long MAX_FILE_BYTES = 100L << 20;
    static final int MAX_ROWS = 1_000_000;
    /**
     * Cells handed out per sheet, empty ones padding a row included. Caps the work a tiny file can cause: sparse
     * cells compress to nothing, and a million rows each reaching column XFD would be sixteen billion cells.
     */
    static final long MAX_CELLS = 60_000_000L;
    private static final long MAX_SHARED_STRINGS_BYTES = 100L << 20;
    private static final long MAX_STYLES_BYTES = 16L << 20;
    private static final int MAX_STYLES = 65_536;

    static {
        // The readers are used without Spring too (tests, fuzzing): POI's limits are in place before any package.
        PoiLimits.apply();
    }

    private final String file;
    private final OPCPackage pkg;
    private final Path temp;
    private final Map<String, PackagePart> sheets = new LinkedHashMap<>();
    private final Path path;
    private List<String> sharedStrings;
    private boolean[] dateStyles;
    private boolean date1904;
    private XSSFReader reader;

    private XlsxWorkbook(String file, Path path, OPCPackage pkg, Path temp) {
        this.file = file;
        this.path = path;
        this.pkg = pkg;
        this.temp = temp;
    }

    /** Copies an uploaded stream to a temporary file, deleted again on {@link #close()}. */
    static XlsxWorkbook open(InputStream in, String fileName) throws TabularException {
        Path temp;
        try {
            temp = Files.createTempFile("agyn-tabular-", ".xlsx");
        } catch (IOException e) {
            throw CsvTableReader.io(fileName, 0, e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] b = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(b)) > 0; ) {
                    total += n;
                    if (total > MAX_FILE_BYTES) {
                        throw tooLarge(fileName, null);
                    }
                    out.write(b, 0, n);
                }
            }
            return open(temp, fileName, temp);
        } catch (IOException e) {
            delete(temp);
            throw CsvTableReader.io(fileName, 0, e);
        } catch (TabularException | RuntimeException | Error e) {
            delete(temp);
            throw e;
        }
    }

    static TabularException tooLarge(String fileName, String sheet) {
        return new TabularException("tabular.tooLarge", new Location(fileName, sheet, 0, 0),
                MAX_FILE_BYTES >> 20, MAX_ROWS);
    }

    static XlsxWorkbook open(Path path, String fileName, Path temp) throws TabularException {
        Location where = new Location(fileName, null, 0, 0);
        byte[] magic;
        long size;
        try (InputStream in = Files.newInputStream(path)) {
            magic = in.readNBytes(4);
            size = Files.size(path);
        } catch (IOException e) {
            throw CsvTableReader.io(fileName, 0, e);
        }
        if (magic.length == 0) {
            throw new TabularException("tabular.empty", where);
        }
        if (magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF) {
            throw new TabularException("tabular.xlsx.legacy", where);
        }
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K') {
            throw new TabularException("tabular.xlsx.notXlsx", where);
        }
        if (size > MAX_FILE_BYTES) {
            throw tooLarge(fileName, null);
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
            XlsxWorkbook wb = new XlsxWorkbook(fileName, path, pkg, temp);
            wb.readSheetList();
            return wb;
        } catch (TabularException e) {
            revert(pkg);
            throw e;
        } catch (OLE2NotOfficeXmlFileException e) {
            revert(pkg);
            throw chained(new TabularException("tabular.xlsx.legacy", where), e);
        } catch (Exception | LinkageError e) {
            revert(pkg);
            throw failure(fileName, null, e);
        }
    }

    /** Maps whatever POI or the zip layer threw to the one exception type the readers promise. */
    static TabularException failure(String fileName, String sheet, Throwable e) {
        Location where = new Location(fileName, sheet, 0, 0);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("zip bomb") || m.contains("exceed the max size") || m.contains("max file count")) {
                return chained(new TabularException("tabular.xlsx.zipBomb", where), e);
            }
            if (t instanceof CountingInputStream.LimitExceeded || t instanceof Xml.TokenGuard.TokenTooLong) {
                return chained(new TabularException("tabular.xlsx.corrupt", where), e);
            }
        }
        return chained(new TabularException("tabular.xlsx.corrupt", where), e);
    }

    static TabularException chained(TabularException t, Throwable cause) {
        t.initCause(cause);
        return t;
    }

    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            try {
                pkg.revert();
            } catch (RuntimeException ignored) {
                // Closing a damaged package can fail too; the original problem is the one to report.
            }
        }
    }

    private static void delete(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temporary directory is cleaned by the system; nothing better to do here.
            }
        }
    }

    private void readSheetList() throws Exception {
        reader = new XSSFReader(pkg, true);
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            try (InputStream ignored = it.next()) {
                sheets.putIfAbsent(it.getSheetName(), it.getSheetPart());
            }
        }
        if (sheets.isEmpty()) {
            throw new TabularException("tabular.xlsx.noSheets", new Location(file, null, 0, 0));
        }
    }

    String file() {
        return file;
    }

    List<String> sheetNames() {
        return List.copyOf(sheets.keySet());
    }

    /** The named sheet, or the first one for null; the canonical name is returned through {@link #sheetName}. */
    String sheetName(String wanted) throws TabularException {
        if (wanted == null) {
            return sheets.keySet().iterator().next();
        }
        if (sheets.containsKey(wanted)) {
            return wanted;
        }
        for (String s : sheets.keySet()) {
            if (s.trim().equalsIgnoreCase(wanted.trim())) {
                return s;
            }
        }
        throw new TabularException("tabular.xlsx.noSuchSheet", new Location(file, null, 0, 0), wanted,
                String.join(", ", sheets.keySet()));
    }

    PackagePart part(String sheet) {
        return sheets.get(sheet);
    }

    List<String> sharedStrings() throws TabularException {
        if (sharedStrings == null) {
            sharedStrings = readSharedStrings();
        }
        return sharedStrings;
    }

    boolean date1904() throws TabularException {
        if (dateStyles == null) {
            readStylesAndWorkbook();
        }
        return date1904;
    }

    /** Whether cells with this style index show dates: that is the only way a workbook marks a number as a date. */
    boolean isDateStyle(int style) throws TabularException {
        if (dateStyles == null) {
            readStylesAndWorkbook();
        }
        return style >= 0 && style < dateStyles.length && dateStyles[style];
    }

    private List<String> readSharedStrings() throws TabularException {
        List<String> out = new ArrayList<>();
        List<PackagePart> parts;
        try {
            parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        } catch (RuntimeException e) {
            throw failure(file, null, e);
        }
        if (parts.isEmpty()) {
            return out;
        }
        try (InputStream in = new CountingInputStream(parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            XMLStreamReader x = Xml.reader(in);
            StringBuilder sb = new StringBuilder();
            int phonetic = 0;
            boolean inText = false;
            boolean inItem = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "si" -> {
                            inItem = true;
                            sb.setLength(0);
                        }
                        case "rPh" -> phonetic++;
                        case "t" -> inText = inItem && phonetic == 0;
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "si" -> {
                            inItem = false;
                            out.add(sb.toString());
                        }
                        case "rPh" -> phonetic--;
                        case "t" -> inText = false;
                        default -> {
                        }
                    }
                } else if (inText && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE)) {
                    sb.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                    if (sb.length() > CsvTableReader.MAX_FIELD) {
                        throw new TabularException("tabular.xlsx.corrupt", new Location(file, null, 0, 0));
                    }
                } else if (ev == XMLStreamConstants.DTD) {
                    throw new TabularException("tabular.xlsx.corrupt", new Location(file, null, 0, 0));
                }
            }
            return out;
        } catch (TabularException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw failure(file, null, e);
        }
    }

    private void readStylesAndWorkbook() throws TabularException {
        boolean[] dates = new boolean[0];
        try {
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
            if (!parts.isEmpty()) {
                try (InputStream in = new CountingInputStream(parts.get(0).getInputStream(), MAX_STYLES_BYTES)) {
                    dates = dateStyles(Xml.reader(in));
                }
            }
            try (InputStream in = new CountingInputStream(reader.getWorkbookData(), MAX_STYLES_BYTES)) {
                XMLStreamReader x = Xml.reader(in);
                while (x.hasNext()) {
                    if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("workbookPr")) {
                        String v = x.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                        break;
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            throw failure(file, null, e);
        }
        dateStyles = dates;
    }

    private static boolean[] dateStyles(XMLStreamReader x) throws XMLStreamException {
        Map<Integer, String> formats = new LinkedHashMap<>();
        List<Boolean> dates = new ArrayList<>();
        boolean inCellXfs = false;
        int depthInXfs = 0;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = x.getLocalName();
                if (name.equals("numFmt")) {
                    Integer id = parseInt(x.getAttributeValue(null, "numFmtId"));
                    String code = x.getAttributeValue(null, "formatCode");
                    if (id != null && code != null && formats.size() < MAX_STYLES) {
                        formats.put(id, code);
                    }
                } else if (name.equals("cellXfs")) {
                    inCellXfs = true;
                    depthInXfs = 0;
                } else if (inCellXfs) {
                    depthInXfs++;
                    if (name.equals("xf") && depthInXfs == 1 && dates.size() < MAX_STYLES) {
                        Integer id = parseInt(x.getAttributeValue(null, "numFmtId"));
                        int fmt = id == null ? 0 : id;
                        String code = formats.getOrDefault(fmt, fmt >= 0 && fmt < 0xFFFF
                                ? BuiltinFormats.getBuiltinFormat(fmt) : null);
                        dates.add(code != null && isDateFormat(fmt, code));
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (x.getLocalName().equals("cellXfs")) {
                    inCellXfs = false;
                } else if (inCellXfs) {
                    depthInXfs--;
                }
            }
        }
        boolean[] out = new boolean[dates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dates.get(i);
        }
        return out;
    }

    private static boolean isDateFormat(int id, String code) {
        try {
            return DateUtil.isADateFormat(id, code);
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Integer parseInt(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(s);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        revert(pkg);
        delete(temp);
    }
}
