package kz.agyn.warehouse.internal;

/**
 * An open-addressing map from 64-bit key hashes to row numbers, for finding duplicate keys among a million
 * rows in a few tens of megabytes rather than the hundreds a HashMap of strings would take.
 */
final class LongLongMap {

    private static final long EMPTY = Long.MIN_VALUE;
    /**
     * Key and value side by side (key at 2i, value at 2i + 1): a lookup in a table of a million rows misses the
     * cache once instead of twice, and that miss was most of the time a check spent finding duplicates.
     */
    private long[] slots;
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = empty(capacity);
    }

    private static long[] empty(int capacity) {
        long[] s = new long[capacity * 2];
        for (int i = 0; i < s.length; i += 2) {
            s[i] = EMPTY;
        }
        return s;
    }

    /** Stores the value unless the key is present; returns the earlier value, or -1 when the key was new. */
    long putIfAbsent(long key, long value) {
        if (key == EMPTY) {
            key = EMPTY + 1;
        }
        if (size * 4 >= slots.length) {
            grow();
        }
        long[] s = slots;
        int mask = (s.length >> 1) - 1;
        int i = (int) mix(key) & mask;
        for (long k; (k = s[i << 1]) != EMPTY; i = (i + 1) & mask) {
            if (k == key) {
                return s[(i << 1) + 1];
            }
        }
        s[i << 1] = key;
        s[(i << 1) + 1] = value;
        size++;
        return -1;
    }

    private void grow() {
        long[] old = slots;
        slots = empty(old.length);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                putIfAbsent(old[i], old[i + 1]);
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    static final long FNV_OFFSET = 0xcbf29ce484222325L;

    /** A 64-bit hash of a string (FNV-1a), good enough that a false duplicate among millions is negligible. */
    static long hash(String s) {
        return hash(FNV_OFFSET, s);
    }

    /** Continues {@link #hash(String)} over more text, as if it had been appended. */
    static long hash(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = hash(h, s.charAt(i));
        }
        return h;
    }

    static long hash(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }
}
