package kz.agyn.warehouse.internal;

import kz.agyn.platform.copy.CopyText;

/**
 * Puts an import's rows into the order of {@code wh_observation_key} as far as a window of rows allows, on their
 * way to COPY (decision 0055). The staged table's key index is built once after the last row; PostgreSQL sorts its
 * rows for that, and a sort whose input is already in order costs one comparison a row instead of twenty: for a
 * million rows 0.9 s instead of 3.5–6 s on two cores, the whole tail of an import's check.
 *
 * <p>Statistical files are ordered by their dimensions, though seldom in the key's column order or by code (a
 * publisher lists countries as it likes): rows out of order are near each other. So the window holds up to
 * {@code capacity} rows; when full it sorts them and sends the smaller half, keeping the larger. The rows sent are
 * in key order as long as no row arrives smaller than one already sent, that is, as long as no row is further than
 * half a window from its place. A file in random order gains nothing and loses nothing but the window's sorting:
 * PostgreSQL sorts what comes. The order is never needed for correctness.
 */
final class KeyOrderWindow {

    /** Receives the lines in the order they are sent, without their newlines. */
    interface Sink {
        void line(byte[] bytes, int from, int length);
    }

    private final int capacity;
    private final Sink sink;
    private LineBuffer held;
    private LineBuffer next;
    /** The last line sent, to count the rows sent out of order. */
    private byte[] last = new byte[256];
    private int lastLength = -1;
    private long outOfOrder;

    KeyOrderWindow(int capacity, Sink sink) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a window of " + capacity + " rows");
        }
        this.capacity = capacity;
        this.sink = sink;
        held = new LineBuffer(capacity * 64);
        next = new LineBuffer(capacity * 64);
    }

    /** Where to encode the next row; end it with {@link CopyText#end()}, then call {@link #added()}. */
    CopyText line() {
        return held.append();
    }

    /** After each row: sends the smaller half when the window is full. */
    void added() {
        if (held.count() >= capacity) {
            send(held.count() / 2);
        }
    }

    /** Sends every row held, in order. */
    void flush() {
        send(held.count());
    }

    /** Rows sent smaller than a row sent before them (0: every row went in key order). */
    long outOfOrder() {
        return outOfOrder;
    }

    private void send(int rows) {
        int[] order = held.sorted();
        byte[] bytes = held.array();
        for (int k = 0; k < rows; k++) {
            int i = order[k];
            int start = held.start(i);
            int length = held.end(i) - start;
            if (lastLength >= 0 && held.compare(i, last, 0, lastLength) < 0) {
                outOfOrder++;
            }
            remember(bytes, start, length);
            sink.line(bytes, start, length);
        }
        // The rows kept go on in order, so that the next sort finds them so.
        next.clear();
        for (int k = rows; k < order.length; k++) {
            next.append(held, order[k]);
        }
        LineBuffer t = held;
        held = next;
        next = t;
    }

    private void remember(byte[] bytes, int start, int length) {
        if (last.length < length) {
            last = new byte[Math.max(length, last.length * 2)];
        }
        System.arraycopy(bytes, start, last, 0, length);
        lastLength = length;
    }
}
