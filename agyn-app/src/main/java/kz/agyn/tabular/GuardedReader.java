package kz.agyn.tabular;

import java.io.IOException;
import java.util.List;

/**
 * The last line of the "TabularException and nothing else" promise: if a reader has a bug that lets a runtime
 * exception escape on some input, the importer still gets a located, reportable error instead of a crash.
 */
final class GuardedReader implements TableReader {

    private final TableReader reader;
    private final String file;
    private long lastRow;

    GuardedReader(TableReader reader, String file) {
        this.reader = reader;
        this.file = file;
    }

    @Override
    public List<String> columns() {
        return reader.columns();
    }

    @Override
    public Row next() throws TabularException {
        try {
            Row r = reader.next();
            if (r != null) {
                lastRow = r.location().row();
            }
            return r;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            TabularException t = new TabularException("tabular.internal",
                    new Location(file, reader.sheet(), lastRow, 0));
            t.initCause(e);
            throw t;
        }
    }

    @Override
    public String sheet() {
        return reader.sheet();
    }

    @Override
    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
