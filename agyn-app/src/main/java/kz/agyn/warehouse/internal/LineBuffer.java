package kz.agyn.warehouse.internal;

import java.util.Arrays;

import kz.agyn.platform.copy.CopyText;

/**
 * Rows in COPY text form held in memory, each ended by its newline, and their order byte by byte. An observation's
 * line starts with its key's codes, each made of characters above the tab that separates them, so this order is
 * the order of {@code wh_observation_key} under the database's C collation (the version id, the same for every
 * line, is not in the line). Used by the spool's sorted runs and by {@link KeyOrderWindow}.
 */
final class LineBuffer {

    private final CopyText text;
    private int[] starts = new int[1 << 12];
    private int count;

    LineBuffer(int bytes) {
        text = new CopyText(bytes);
    }

    /** Where to encode one more line; the caller ends it with {@link CopyText#end()}. */
    CopyText append() {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = text.size();
        return text;
    }

    /** Appends line {@code i} of {@code other}, newline included. */
    void append(LineBuffer other, int i) {
        int start = other.starts[i];
        append().encoded(other.array(), start, other.end(i) - start).end();
    }

    int count() {
        return count;
    }

    /** Bytes held. */
    int size() {
        return text.size();
    }

    byte[] array() {
        return text.array();
    }

    int start(int i) {
        return starts[i];
    }

    /** Where line i's newline is. */
    int end(int i) {
        return (i + 1 < count ? starts[i + 1] : text.size()) - 1;
    }

    void clear() {
        text.clear();
        count = 0;
    }

    /** The lines' indexes in byte order (a stable sort: equal lines keep the order they came in). */
    int[] sorted() {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        sort(order, new int[count], 0, count);
        return order;
    }

    /** Compares line {@code i} here with {@code length} bytes of {@code other} at {@code from}. */
    int compare(int i, byte[] other, int from, int length) {
        return Arrays.compareUnsigned(text.array(), starts[i], end(i), other, from, from + length);
    }

    /**
     * Merge sort, which sees an already ordered stretch with one comparison per half: files are usually ordered by
     * their dimensions, if not always in the key's order, so most halves are.
     */
    private void sort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo <= 12) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        sort(a, tmp, lo, mid);
        sort(a, tmp, mid, hi);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, mid - lo);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            a[k++] = compare(tmp[i], a[j]) <= 0 ? tmp[i++] : a[j++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
    }

    private int compare(int x, int y) {
        byte[] b = text.array();
        return Arrays.compareUnsigned(b, starts[x], end(x), b, starts[y], end(y));
    }
}
