package kz.agyn.warehouse.internal;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit key hashes to row numbers, for finding duplicate keys among a million
 * rows in a few tens of megabytes rather than the hundreds a HashMap of strings would take.
 */
final class LongLongMap {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private long[] values;
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new long[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** Stores the value unless the key is present; returns the earlier value, or -1 when the key was new. */
    long putIfAbsent(long key, long value) {
        if (key == EMPTY) {
            key = EMPTY + 1;
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                putIfAbsent(oldKeys[i], oldValues[i]);
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
