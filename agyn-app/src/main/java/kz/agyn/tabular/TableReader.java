package kz.agyn.tabular;

import java.io.Closeable;
import java.util.List;

/** A table read row by row. Not thread-safe; close it to release the file. */
public interface TableReader extends Closeable {

    /** Header names, trimmed; for a multi-row header the non-empty parts joined with " / ". */
    List<String> columns();

    /** The next row, or null at the end of the table. */
    Row next() throws TabularException;

    /** The sheet being read, or null unless the file is a workbook. */
    String sheet();

    /** How far into the file reading has got, for progress bars; -1 if unknown. */
    long bytesRead();
}
