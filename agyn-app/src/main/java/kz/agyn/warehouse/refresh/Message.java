package kz.agyn.warehouse.refresh;

import java.util.List;

import kz.agyn.platform.upload.Upload;

/**
 * A message fetched from a source, received into a file as an upload is, ready for the import: its format as the
 * import names it, the address it came from, its digest without the header, and what the connector left out (World
 * Bank years without a value, rows of country groups). Closing it deletes the file unless the import kept it.
 */
public record Message(Upload upload, String format, String url, String digest, long withoutValue,
                      long aggregateRows, List<String> aggregates, Upload structure) implements AutoCloseable {

    /** A message without a structure beside it. */
    public Message(Upload upload, String format, String url, String digest, long withoutValue, long aggregateRows,
                   List<String> aggregates) {
        this(upload, format, url, digest, withoutValue, aggregateRows, aggregates, null);
    }

    @Override
    public void close() {
        try {
            upload.close();
        } finally {
            if (structure != null) {
                structure.close();
            }
        }
    }
}
