package kz.agyn.residency.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Reads one flat column, row by row, a column chunk at a time: each data page is decompressed and decoded whole into
 * arrays (definition levels, then the values: ints, or offsets and lengths into the page's or the dictionary's bytes)
 * so that the per-row work is an array read. PLAIN and dictionary encodings, the common ones, are decoded here;
 * the others (DELTA_*, BYTE_STREAM_SPLIT) by parquet-column's own readers. Strings are never made: a value is
 * handed out as bytes, offset and length.
 */
final class ColumnCursor {

    private final Type type;
    private final boolean optional;
    private final int typeLength;
    private final String name;

    private byte[] chunk;
    private CompressionCodec codec;
    private final PositionStream in = new PositionStream();

    // The dictionary of the current chunk.
    private byte[] dictData;
    private int[] dictOff = new int[0];
    private int[] dictLen = new int[0];
    private int[] dictInts = new int[0];
    private int dictSize = -1;

    // The current page.
    private int pageRows;
    private int row;
    private boolean[] present = new boolean[0];
    private boolean allPresent;
    private int value;
    private int[] ints = new int[0];
    private byte[] data;
    private int[] off = new int[0];
    private int[] len = new int[0];
    private int[] ids = new int[0];
    private boolean dictionaryPage;

    ColumnCursor(String name, ParquetTable.Leaf leaf) {
        this.name = name;
        this.type = leaf.type();
        this.optional = leaf.optional();
        this.typeLength = leaf.typeLength();
    }

    /** Starts a column chunk. */
    void chunk(byte[] bytes, CompressionCodec codec) {
        this.chunk = bytes;
        this.codec = codec;
        this.in.reset(bytes);
        this.dictSize = -1;
        this.pageRows = 0;
        this.row = 0;
    }

    /** Advances to the next row; true when it has a value (false: null). */
    boolean next() throws IOException {
        if (row == pageRows) {
            nextPage();
        }
        boolean has = allPresent || present[row];
        row++;
        if (has) {
            value++;
        }
        return has;
    }

    /** The int of the current row (INT32). */
    int intValue() {
        return ints[value - 1];
    }

    byte[] bytes() {
        return data;
    }

    int offset() {
        return off[value - 1];
    }

    int length() {
        return len[value - 1];
    }

    /** The dictionary id of the current value, or −1 when its page is not dictionary-encoded. */
    int dictionaryId() {
        return dictionaryPage ? ids[value - 1] : -1;
    }

    /** Number of entries in the chunk's dictionary (0 without one). */
    int dictionarySize() {
        return Math.max(0, dictSize);
    }

    private void nextPage() throws IOException {
        while (true) {
            if (in.position() >= chunk.length) {
                throw new IOException("column " + name + " has fewer values than rows");
            }
            PageHeader h = Util.readPageHeader(in);
            int start = in.position();
            int compressed = h.getCompressed_page_size();
            if (compressed < 0 || start + compressed > chunk.length) {
                throw new IOException("page past the end of its column chunk");
            }
            in.skipTo(start + compressed);
            PageType t = h.getType();
            if (t == PageType.DICTIONARY_PAGE) {
                byte[] page = Codecs.decompress(codec, chunk, start, compressed, h.getUncompressed_page_size());
                dictionary(page, h.getDictionary_page_header().getNum_values());
            } else if (t == PageType.DATA_PAGE) {
                DataPageHeader d = h.getData_page_header();
                byte[] page = Codecs.decompress(codec, chunk, start, compressed, h.getUncompressed_page_size());
                int pos = 0;
                int n = d.getNum_values();
                int nonNull = n;
                if (optional) {
                    if (d.getDefinition_level_encoding() != Encoding.RLE) {
                        throw new IOException("definition levels of " + d.getDefinition_level_encoding());
                    }
                    int defLen = ByteBuffer.wrap(page, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0);
                    nonNull = levels(page, 4, 4 + defLen, n);
                    pos = 4 + defLen;
                } else {
                    allPresent = true;
                }
                values(d.getEncoding(), page, pos, page.length, nonNull);
                startPage(n);
                return;
            } else if (t == PageType.DATA_PAGE_V2) {
                DataPageHeaderV2 d = h.getData_page_header_v2();
                int n = d.getNum_values();
                int rep = d.getRepetition_levels_byte_length();
                int def = d.getDefinition_levels_byte_length();
                int nonNull = n;
                if (optional) {
                    nonNull = levels(chunk, start + rep, start + rep + def, n);
                } else {
                    allPresent = true;
                }
                int valuesAt = start + rep + def;
                int valuesLen = compressed - rep - def;
                byte[] page;
                if (d.isSetIs_compressed() && !d.isIs_compressed() || codec == CompressionCodec.UNCOMPRESSED) {
                    page = java.util.Arrays.copyOfRange(chunk, valuesAt, valuesAt + valuesLen);
                } else {
                    page = Codecs.decompress(codec, chunk, valuesAt, valuesLen,
                            h.getUncompressed_page_size() - rep - def);
                }
                values(d.getEncoding(), page, 0, page.length, nonNull);
                startPage(n);
                return;
            }
            // Index pages and anything else: skipped.
        }
    }

    private void startPage(int n) {
        pageRows = n;
        row = 0;
        value = 0;
        if (n == 0) {
            throw new IllegalStateException("empty page");
        }
    }

    /** Definition levels (max 1, RLE/bit-packed hybrid) into {@link #present}; returns the number of values. */
    private int levels(byte[] b, int from, int to, int n) throws IOException {
        if (present.length < n) {
            present = new boolean[n];
        }
        int[] lv = new int[n];
        Rle.decode(b, from, to, 1, n, lv);
        int count = 0;
        boolean all = true;
        for (int i = 0; i < n; i++) {
            boolean p = lv[i] == 1;
            present[i] = p;
            count += p ? 1 : 0;
            all &= p;
        }
        allPresent = all;
        return count;
    }

    private void dictionary(byte[] page, int n) throws IOException {
        dictSize = n;
        if (type == Type.INT32) {
            dictInts = new int[n];
            plainInts(page, 0, page.length, n, dictInts);
        } else {
            dictOff = new int[n];
            dictLen = new int[n];
            plainBinary(page, 0, page.length, n, dictOff, dictLen);
            dictData = page;
        }
    }

    private void values(Encoding e, byte[] page, int pos, int end, int n) throws IOException {
        dictionaryPage = false;
        if (type == Type.INT32) {
            if (ints.length < n) {
                ints = new int[Math.max(n, ints.length * 2)];
            }
        } else if (off.length < n) {
            off = new int[Math.max(n, off.length * 2)];
            len = new int[off.length];
        }
        switch (e) {
            case PLAIN -> {
                if (type == Type.INT32) {
                    plainInts(page, pos, end, n, ints);
                } else {
                    plainBinary(page, pos, end, n, off, len);
                    data = page;
                }
            }
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (dictSize < 0) {
                    throw new IOException("dictionary-encoded page without a dictionary");
                }
                if (ids.length < n) {
                    ids = new int[Math.max(n, ids.length * 2)];
                }
                if (n > 0) {
                    if (pos >= end) {
                        throw new IOException("no bit width");
                    }
                    Rle.decode(page, pos + 1, end, page[pos], n, ids);
                }
                for (int i = 0; i < n; i++) {
                    if (ids[i] < 0 || ids[i] >= dictSize) {
                        throw new IOException("dictionary id out of range");
                    }
                }
                dictionaryPage = true;
                if (type == Type.INT32) {
                    for (int i = 0; i < n; i++) {
                        ints[i] = dictInts[ids[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        off[i] = dictOff[ids[i]];
                        len[i] = dictLen[ids[i]];
                    }
                    data = dictData;
                }
            }
            default -> other(e, page, pos, end, n);
        }
    }

    /** The encodings parquet-column reads for us: values copied into the arrays this cursor hands out. */
    private void other(Encoding e, byte[] page, int pos, int end, int n) throws IOException {
        org.apache.parquet.column.Encoding encoding;
        try {
            encoding = org.apache.parquet.column.Encoding.valueOf(e.name());
        } catch (IllegalArgumentException unknown) {
            throw new IOException("encoding " + e);
        }
        PrimitiveTypeName t = switch (type) {
            case INT32 -> PrimitiveTypeName.INT32;
            case BYTE_ARRAY -> PrimitiveTypeName.BINARY;
            case FIXED_LEN_BYTE_ARRAY -> PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
            default -> throw new IOException("type " + type);
        };
        ColumnDescriptor descriptor = new ColumnDescriptor(new String[] {name},
                Types.required(t).length(typeLength).named(name), 0, 0);
        ValuesReader r = encoding.getValuesReader(descriptor, org.apache.parquet.column.ValuesType.VALUES);
        r.initFromPage(n, ByteBufferInputStream.wrap(ByteBuffer.wrap(page, pos, end - pos)));
        if (type == Type.INT32) {
            for (int i = 0; i < n; i++) {
                ints[i] = r.readInteger();
            }
            return;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(end - pos);
        for (int i = 0; i < n; i++) {
            Binary b = r.readBytes();
            off[i] = out.size();
            len[i] = b.length();
            out.write(b.getBytesUnsafe());
        }
        data = out.toByteArray();
    }

    private static void plainInts(byte[] b, int pos, int end, int n, int[] out) throws IOException {
        if (pos + 4L * n > end) {
            throw new IOException("page shorter than its values");
        }
        for (int i = 0; i < n; i++, pos += 4) {
            out[i] = (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | b[pos + 3] << 24;
        }
    }

    private void plainBinary(byte[] b, int pos, int end, int n, int[] offs, int[] lens) throws IOException {
        if (type == Type.FIXED_LEN_BYTE_ARRAY) {
            if (pos + (long) typeLength * n > end) {
                throw new IOException("page shorter than its values");
            }
            for (int i = 0; i < n; i++, pos += typeLength) {
                offs[i] = pos;
                lens[i] = typeLength;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            if (pos + 4 > end) {
                throw new IOException("page shorter than its values");
            }
            int l = (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | b[pos + 3] << 24;
            pos += 4;
            if (l < 0 || pos + l > end) {
                throw new IOException("value past the end of its page");
            }
            offs[i] = pos;
            lens[i] = l;
            pos += l;
        }
    }

    /** A stream over the chunk's bytes whose position the page headers' Thrift decoder advances. */
    private static final class PositionStream extends ByteArrayInputStream {
        PositionStream() {
            super(new byte[0]);
        }

        void reset(byte[] b) {
            buf = b;
            pos = 0;
            count = b.length;
            mark = 0;
        }

        int position() {
            return pos;
        }

        void skipTo(int p) {
            pos = p;
        }
    }
}
