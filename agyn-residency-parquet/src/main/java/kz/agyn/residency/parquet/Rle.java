package kz.agyn.residency.parquet;

import java.io.IOException;

/** Parquet's RLE / bit-packing hybrid (definition levels and dictionary ids). */
final class Rle {

    private Rle() {
    }

    /** Decodes {@code n} values of {@code bitWidth} bits from {@code b[pos, end)} into {@code out}. */
    static void decode(byte[] b, int pos, int end, int bitWidth, int n, int[] out) throws IOException {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new IOException("bit width " + bitWidth);
        }
        int bytesPerValue = (bitWidth + 7) / 8;
        int i = 0;
        while (i < n) {
            if (pos >= end) {
                throw new IOException("levels or ids end early");
            }
            // ULEB128 header.
            int header = 0;
            int shift = 0;
            while (true) {
                if (pos >= end || shift > 28) {
                    throw new IOException("bad run header");
                }
                int x = b[pos++];
                header |= (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    break;
                }
                shift += 7;
            }
            if ((header & 1) == 0) {
                int run = header >>> 1;
                if (pos + bytesPerValue > end) {
                    throw new IOException("run past the end");
                }
                int v = 0;
                for (int k = 0; k < bytesPerValue; k++) {
                    v |= (b[pos + k] & 0xff) << (8 * k);
                }
                pos += bytesPerValue;
                int stop = Math.min(n, i + run);
                java.util.Arrays.fill(out, i, stop, v);
                i = stop;
            } else {
                int groups = header >>> 1;
                int count = groups * 8;
                long bytes = (long) groups * bitWidth;
                if (pos + bytes > end) {
                    // The last group may be cut short by the writer; decode what is there.
                    bytes = end - pos;
                }
                if (bitWidth <= 8 && bytes == (long) groups * bitWidth && n - i >= count) {
                    // Whole groups of 8 values in bitWidth bytes: one little-endian word per group.
                    int mask = (1 << bitWidth) - 1;
                    for (int g = 0; g < groups; g++) {
                        long word = 0;
                        for (int q = 0; q < bitWidth; q++) {
                            word |= (long) (b[pos + q] & 0xff) << (8 * q);
                        }
                        for (int k = 0; k < 8; k++) {
                            out[i++] = (int) (word >>> (k * bitWidth)) & mask;
                        }
                        pos += bitWidth;
                    }
                    continue;
                }
                long bit = (long) pos * 8;
                long endBit = (pos + bytes) * 8;
                int mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
                for (int k = 0; k < count && i < n; k++, i++) {
                    long at = bit + (long) k * bitWidth;
                    if (at + bitWidth > endBit) {
                        throw new IOException("bit-packed run past the end");
                    }
                    int byteAt = (int) (at >>> 3);
                    int shiftIn = (int) (at & 7);
                    long word = 0;
                    int need = (shiftIn + bitWidth + 7) / 8;
                    for (int q = 0; q < need; q++) {
                        word |= (long) (b[byteAt + q] & 0xff) << (8 * q);
                    }
                    out[i] = (int) (word >>> shiftIn) & mask;
                }
                pos += (int) bytes;
            }
        }
    }
}
