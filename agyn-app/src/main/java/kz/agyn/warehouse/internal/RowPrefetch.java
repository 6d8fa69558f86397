package kz.agyn.warehouse.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import kz.agyn.tabular.Row;
import kz.agyn.tabular.TableReader;
import kz.agyn.tabular.TabularException;

/**
 * Reads a table's rows on a thread of its own, a batch ahead of the caller, so that parsing a file and checking
 * its rows use two cores instead of one: they cost about the same, and validating a million rows was one
 * thread's work while the database sat idle. Rows arrive in file order and a reader's failure arrives where
 * it happened, after the rows read before it, so problems are reported exactly as with a plain loop.
 */
public final class RowPrefetch implements AutoCloseable {

    private static final int BATCH = 1024;
    /** A few thousand rows ahead is enough to keep both threads busy, and bounds the memory held. */
    private static final int BATCHES_AHEAD = 8;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean stopped;
    private boolean ended;

    /** Starts reading; {@code progress} hears the bytes read after each batch. */
    public RowPrefetch(TableReader reader, LongConsumer progress) {
        thread = new Thread(() -> read(reader, progress), "import-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next rows in file order (never empty), or null after the last; throws what the reader threw. */
    @SuppressWarnings("unchecked")
    public List<Row> next() throws TabularException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the file", e);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof TabularException e) {
            ended = true;
            throw e;
        }
        if (item instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (item instanceof Error e) {
            ended = true;
            throw e;
        }
        return (List<Row>) item;
    }

    /** Stops the reading thread (if the caller gives up early) and waits for it, so the reader can be closed. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(TableReader reader, LongConsumer progress) {
        try {
            List<Row> batch = new ArrayList<>(BATCH);
            Row row;
            while (!stopped && (row = reader.next()) != null) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    progress.accept(reader.bytesRead());
                    put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
            put(END);
        } catch (TabularException | RuntimeException | Error e) {
            put(e);
        }
    }

    /** Waits for room, unless the caller has stopped listening. */
    private void put(Object item) {
        try {
            while (!stopped && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the caller is busy with earlier rows
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
