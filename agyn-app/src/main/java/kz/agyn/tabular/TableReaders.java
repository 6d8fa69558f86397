package kz.agyn.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kz.agyn.tabular.SheetRows.RawRow;

/** Opens readers for the supported formats. Every failure, whatever the bytes, is a {@link TabularException}. */
public final class TableReaders {

    /** Previews are for a person choosing rows on a page; more than this would not fit on it anyway. */
    static final int MAX_PREVIEW_ROWS = 10_000;

    private TableReaders() {
    }

    /** A CSV stream, read as it is consumed; closing the reader closes the stream. */
    public static TableReader csv(InputStream in, String fileName, CsvOptions options) throws TabularException {
        return guarded(fileName, () -> CsvTableReader.open(in, fileName, options));
    }

    /**
     * A sheet of an .xlsx workbook. The stream is copied to a temporary file before this returns (the zip
     * directory is at its end) and stays the caller's to close; the file goes when the reader is closed.
     */
    public static TableReader xlsx(InputStream in, String fileName, XlsxOptions options) throws TabularException {
        return guarded(fileName, () -> {
            XlsxWorkbook wb = XlsxWorkbook.open(in, fileName);
            return xlsxReader(wb, options == null ? XlsxOptions.defaults() : options);
        });
    }

    /** A sheet of an .xlsx workbook read in place, from a file the caller keeps (an upload already on disk). */
    public static TableReader xlsx(Path file, String fileName, XlsxOptions options) throws TabularException {
        return guarded(fileName, () -> xlsxReader(XlsxWorkbook.open(file, fileName, null),
                options == null ? XlsxOptions.defaults() : options));
    }

    private static TableReader xlsxReader(XlsxWorkbook wb, XlsxOptions options) throws TabularException {
        try {
            return new XlsxTableReader(wb, options);
        } catch (TabularException | RuntimeException | Error e) {
            wb.close();
            throw e;
        }
    }

    /** SDMX-CSV 2.1 or 3.0, delimiter detected; closing the reader closes the stream. */
    public static TableReader sdmxCsv(InputStream in, String fileName) throws TabularException {
        return guarded(fileName, () -> {
            byte[] head = CsvTableReader.readHead(in, fileName);
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), in);
            CsvTableReader csv = CsvTableReader.open(all, fileName, CsvOptions.detect(head));
            try {
                return new SdmxCsvReader(csv, fileName);
            } catch (TabularException | RuntimeException e) {
                csv.close();
                throw e;
            }
        });
    }

    /**
     * An SDMX-ML 2.1 generic data message, read whole (at most 100 MB) before this returns; the stream stays the
     * caller's to close.
     */
    public static TableReader sdmxMl(InputStream in, String fileName) throws TabularException {
        return guarded(fileName, () -> SdmxMlReader.read(in, fileName));
    }

    /**
     * A file with its format sniffed when {@code format} is null, CSV options detected from its first bytes and
     * workbook defaults. {@code fileName} is the name the user knows it by, used in locations.
     */
    public static TableReader open(Path file, String fileName, Format format) throws TabularException {
        String name = fileName != null ? fileName : String.valueOf(file.getFileName());
        return guarded(name, () -> {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(CsvTableReader.HEAD);
            }
            Format f = format != null ? format : Format.sniff(head, name);
            if (f == Format.XLSX) {
                return xlsxReader(XlsxWorkbook.open(file, name, null), XlsxOptions.defaults());
            }
            InputStream in = Files.newInputStream(file);
            try {
                return switch (f) {
                    case CSV -> CsvTableReader.open(in, name, CsvOptions.detect(head));
                    case SDMX_CSV -> sdmxCsv(in, name);
                    case SDMX_ML -> closing(in, SdmxMlReader.read(in, name));
                    case XLSX -> throw new IllegalStateException();
                };
            } catch (TabularException | RuntimeException e) {
                in.close();
                throw e;
            }
        });
    }

    /** SDMX-ML is read whole on opening, so its file can be closed straight away. */
    private static TableReader closing(InputStream in, TableReader reader) throws IOException {
        in.close();
        return reader;
    }

    /** The names of a workbook's sheets, in workbook order. */
    public static List<String> sheets(InputStream xlsx, String fileName) throws TabularException {
        return guarded(fileName, () -> {
            try (XlsxWorkbook wb = XlsxWorkbook.open(xlsx, fileName)) {
                return wb.sheetNames();
            }
        });
    }

    /** The names of the sheets of a workbook kept on disk, in workbook order. */
    public static List<String> sheets(Path xlsx, String fileName) throws TabularException {
        return guarded(fileName, () -> {
            try (XlsxWorkbook wb = XlsxWorkbook.open(xlsx, fileName, null)) {
                return wb.sheetNames();
            }
        });
    }

    /**
     * The first rows of a sheet as text, for the UI's mapping step where the user picks header rows and the
     * data block. Rows are numbered as in the sheet; rows the file leaves out come back blank, so the numbers
     * run on without gaps. Merged cells are not spread: the user sees what the sheet holds.
     */
    public static List<Row> preview(InputStream xlsx, String fileName, String sheet, int maxRows)
            throws TabularException {
        return guarded(fileName, () -> {
            int limit = Math.max(0, Math.min(maxRows, MAX_PREVIEW_ROWS));
            try (XlsxWorkbook wb = XlsxWorkbook.open(xlsx, fileName)) {
                String name = wb.sheetName(sheet);
                List<Row> out = new ArrayList<>();
                try (SheetRows rows = new SheetRows(wb, name)) {
                    RawRow r;
                    while (out.size() < limit && (r = rows.next()) != null) {
                        while (out.size() < limit && out.size() + 1 < r.number()) {
                            int n = out.size() + 1;
                            out.add(new Row(n, List.of(), new Location(fileName, name, n, 0)));
                        }
                        if (out.size() < limit) {
                            out.add(new Row(r.number(), List.of(r.cells()),
                                    new Location(fileName, name, r.number(), 0)));
                        }
                    }
                }
                return Collections.unmodifiableList(out);
            }
        });
    }

    @FunctionalInterface
    private interface Opening<T> {
        T open() throws TabularException, IOException;
    }

    /** The one place where an unexpected exception becomes the promised {@link TabularException}. */
    private static <T> T guarded(String fileName, Opening<T> opening) throws TabularException {
        try {
            T result = opening.open();
            if (result instanceof TableReader r && !(result instanceof GuardedReader)) {
                @SuppressWarnings("unchecked")
                T guardedReader = (T) new GuardedReader(r, fileName);
                return guardedReader;
            }
            return result;
        } catch (IOException e) {
            throw CsvTableReader.io(fileName, 0, e);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // A missing optional codec (a zip entry compressed with zstd) or runaway recursion in a library on
            // a hostile file is still a problem with the file, not a reason to take the import down.
            TabularException t = new TabularException("tabular.internal", new Location(fileName, null, 0, 0));
            t.initCause(e);
            throw t;
        }
    }
}
