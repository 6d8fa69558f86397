package kz.agyn.residency.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Reads one flat column, row by row, a column chunk at a time: the chunk is decoded whole ({@link #decode}, on
 * another thread while the rows of the previous row group are read), each data page into arrays (definition levels,
 * then the values: ints, or offsets and lengths into the page's or the dictionary's bytes), so that the per-row work
 * is an array read. PLAIN and dictionary encodings, the common ones, are decoded here;
 * the others (DELTA_*, BYTE_STREAM_SPLIT) by parquet-column's own readers. Strings are never made: a value is
 * handed out as bytes, offset and length.
 */
final class ColumnCursor {

    /** One decoded data page: its rows' presence and its values (ints, or bytes at offsets with lengths). */
    static final class Page {
        int rows;
        /** Null when every row has a value. */
        boolean[] present;
        int[] ints;
        byte[] data;
        int[] off;
        int[] len;
        /** Dictionary ids of the values, or null when the page is not dictionary-encoded. */
        int[] ids;
        /** What {@link Codes} made of each value, when the column is interpreted. */
        int[] codes;
        /**
         * For a key column, per value: {@link #SAME} when its bytes are those of the value before (the same person),
         * {@link #NOT_A_KEY} when they are not 64 hex digits, else the position of its 32 decoded bytes in
         * {@link #keys} (in keys).
         */
        int[] keyAt;
        byte[] keys;
        /** For a key column looked up as it is decoded: the person of each value, −1 unknown, −2 not a key. */
        int[] persons;
    }

    /** Finds a person by the 32 key bytes at {@code keys[at..]}; −1 when unknown. Called on decoding threads. */
    @FunctionalInterface
    interface Lookup {
        int find(byte[] keys, int at);
    }

    static final int SAME = -1;
    static final int NOT_A_KEY = -2;

    /** What a byte-array value stands for, worked out where the column is decoded rather than row by row. */
    @FunctionalInterface
    interface Codes {
        int of(byte[] b, int off, int len);
    }

    /** A column chunk that could not be read, with the column's name for the message. */
    static final class ChunkException extends IOException {
        private static final long serialVersionUID = 1L;
        final String column;

        ChunkException(String column, Exception cause) {
            super(column, cause);
            this.column = column;
        }
    }

    private final Type type;
    private final boolean optional;
    private final int typeLength;
    private final String name;
    private final ParquetTable.Leaf leaf;

    // Decoding: the chunk and its dictionary.
    private byte[] chunk;
    private CompressionCodec codec;
    private final PositionStream in = new PositionStream();
    private byte[] dictData;
    private int[] dictOff = new int[0];
    private int[] dictLen = new int[0];
    private int[] dictInts = new int[0];
    private int dictSize = -1;
    private int[] levelScratch = new int[0];
    private int[] dictCodes;
    private Codes interpreter;
    private boolean keyed;
    private Lookup lookup;
    private int lastPerson = NOT_A_KEY;
    private final byte[] lastRaw = new byte[KEY_HEX];
    private int lastLength = -1;
    private boolean lastBad;
    private static final int KEY_HEX = 2 * kz.agyn.residency.engine.Extracts.KEY_BYTES;
    private static final byte[] HEX = new byte[256];

    static {
        Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = (byte) (10 + i);
            HEX['A' + i] = (byte) (10 + i);
        }
    }

    // Reading: the decoded pages and the position in them.
    private final java.util.ArrayDeque<Page> pages = new java.util.ArrayDeque<>();
    private long chunkRows;
    private long decodedRows;
    private Page page;
    private int pageRows;
    private int row;
    private int value;
    private boolean allPresent;

    ColumnCursor(String name, ParquetTable.Leaf leaf) {
        this.name = name;
        this.leaf = leaf;
        this.type = leaf.type();
        this.optional = leaf.optional();
        this.typeLength = leaf.typeLength();
    }

    String name() {
        return name;
    }

    /** Each value is turned into a code by {@code codes} as its page is decoded (once per dictionary entry). */
    ColumnCursor interpret(Codes codes) {
        this.interpreter = codes;
        return this;
    }

    /** The column holds person keys: each value is compared with the one before and decoded as its page is. */
    ColumnCursor keyed() {
        this.keyed = true;
        return this;
    }

    /**
     * The column holds keys of persons already known (crossings, statuses): each is looked up as its page is decoded,
     * on the decoding threads, rather than row by row.
     */
    ColumnCursor lookedUp(Lookup l) {
        this.keyed = true;
        this.lookup = l;
        return this;
    }

    /** The current value's person (a looked-up key column): −1 unknown, {@link #NOT_A_KEY} not a key. */
    int person() {
        return page.persons[value - 1];
    }

    /** The current value's code (an interpreted column). */
    int code() {
        return page.codes[value - 1];
    }

    /** The current value's key position, {@link #SAME} or {@link #NOT_A_KEY} (a key column). */
    int keyAt() {
        return page.keyAt[value - 1];
    }

    /** The decoded keys of the current page. */
    byte[] keys() {
        return page.keys;
    }

    ParquetTable.Leaf leaf() {
        return leaf;
    }

    /** Starts decoding a column chunk of {@code rows} rows (the decoding thread). */
    void start(byte[] bytes, CompressionCodec codec, long rows) {
        this.chunk = bytes;
        this.codec = codec;
        this.in.reset(bytes);
        this.dictSize = -1;
        this.chunkRows = rows;
        this.decodedRows = 0;
    }

    /**
     * Decodes pages of the chunk until at least {@code rows} of its rows are (the decoding thread); the pages are
     * handed to the reading side by {@link #append}. A row group is decoded a slice of rows at a time, so that what
     * waits decoded is a few megabytes however large the writer made its row groups.
     */
    List<Page> decodeUntil(long rows) throws ChunkException {
        List<Page> out = new ArrayList<>();
        try {
            while (decodedRows < rows) {
                Page p = nextPage();
                out.add(p);
                decodedRows += p.rows;
            }
            if (decodedRows > chunkRows) {
                throw new IOException("column " + name + " has more values than rows");
            }
        } catch (IOException | RuntimeException e) {
            throw new ChunkException(name, e);
        }
        if (decodedRows == chunkRows) {
            this.chunk = null;
            this.in.reset(new byte[0]);
        }
        return out;
    }

    /** Queues decoded pages for reading (the reading thread). */
    void append(List<Page> decoded) {
        pages.addAll(decoded);
    }

    /** Advances to the next row; true when it has a value (false: null). */
    boolean next() throws IOException {
        if (row == pageRows) {
            page = pages.poll();
            if (page == null) {
                throw new IOException("column " + name + " has fewer values than rows");
            }
            pageRows = page.rows;
            allPresent = page.present == null;
            row = 0;
            value = 0;
        }
        boolean has = allPresent || page.present[row];
        row++;
        if (has) {
            value++;
        }
        return has;
    }

    /** The int of the current row (INT32). */
    int intValue() {
        return page.ints[value - 1];
    }

    byte[] bytes() {
        return page.data;
    }

    int offset() {
        return page.off[value - 1];
    }

    int length() {
        return page.len[value - 1];
    }

    /** The dictionary id of the current value, or −1 when its page is not dictionary-encoded. */
    int dictionaryId() {
        return page.ids == null ? -1 : page.ids[value - 1];
    }

    private Page nextPage() throws IOException {
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
            Page p = new Page();
            if (t == PageType.DICTIONARY_PAGE) {
                byte[] data = Codecs.decompress(codec, chunk, start, compressed, h.getUncompressed_page_size());
                dictionary(data, h.getDictionary_page_header().getNum_values());
            } else if (t == PageType.DATA_PAGE) {
                DataPageHeader d = h.getData_page_header();
                byte[] data = Codecs.decompress(codec, chunk, start, compressed, h.getUncompressed_page_size());
                int pos = 0;
                int n = d.getNum_values();
                int nonNull = n;
                if (optional) {
                    if (d.getDefinition_level_encoding() != Encoding.RLE) {
                        throw new IOException("definition levels of " + d.getDefinition_level_encoding());
                    }
                    if (data.length < 4) {
                        throw new IOException("page too short");
                    }
                    int defLen = ByteBuffer.wrap(data, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0);
                    if (defLen < 0 || 4 + defLen > data.length) {
                        throw new IOException("definition levels past the page");
                    }
                    nonNull = levels(p, data, 4, 4 + defLen, n);
                    pos = 4 + defLen;
                }
                values(p, d.getEncoding(), data, pos, data.length, nonNull);
                return rows(p, n);
            } else if (t == PageType.DATA_PAGE_V2) {
                DataPageHeaderV2 d = h.getData_page_header_v2();
                int n = d.getNum_values();
                int rep = d.getRepetition_levels_byte_length();
                int def = d.getDefinition_levels_byte_length();
                if (rep < 0 || def < 0 || rep + def > compressed) {
                    throw new IOException("levels past the page");
                }
                int nonNull = n;
                if (optional) {
                    nonNull = levels(p, chunk, start + rep, start + rep + def, n);
                }
                int valuesAt = start + rep + def;
                int valuesLen = compressed - rep - def;
                byte[] data;
                if (d.isSetIs_compressed() && !d.isIs_compressed() || codec == CompressionCodec.UNCOMPRESSED) {
                    data = Arrays.copyOfRange(chunk, valuesAt, valuesAt + valuesLen);
                } else {
                    data = Codecs.decompress(codec, chunk, valuesAt, valuesLen,
                            h.getUncompressed_page_size() - rep - def);
                }
                values(p, d.getEncoding(), data, 0, data.length, nonNull);
                return rows(p, n);
            }
            // Index pages and anything else: skipped.
        }
    }

    private static Page rows(Page p, int n) throws IOException {
        if (n <= 0) {
            throw new IOException("empty page");
        }
        p.rows = n;
        return p;
    }

    /** Definition levels (max 1, RLE/bit-packed hybrid) into the page's presence; returns the number of values. */
    private int levels(Page p, byte[] b, int from, int to, int n) throws IOException {
        if (levelScratch.length < n) {
            levelScratch = new int[n];
        }
        int[] lv = levelScratch;
        Rle.decode(b, from, to, 1, n, lv);
        boolean[] present = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            boolean has = lv[i] == 1;
            present[i] = has;
            count += has ? 1 : 0;
        }
        p.present = count == n ? null : present;
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
            if (interpreter != null) {
                dictCodes = new int[n];
                for (int i = 0; i < n; i++) {
                    dictCodes[i] = interpreter.of(page, dictOff[i], dictLen[i]);
                }
            }
        }
    }

    private void values(Page p, Encoding e, byte[] page, int pos, int end, int n) throws IOException {
        if (type == Type.INT32) {
            p.ints = new int[n];
        } else {
            p.off = new int[n];
            p.len = new int[n];
        }
        switch (e) {
            case PLAIN -> {
                if (type == Type.INT32) {
                    plainInts(page, pos, end, n, p.ints);
                } else {
                    plainBinary(page, pos, end, n, p.off, p.len);
                    p.data = page;
                }
            }
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (dictSize < 0) {
                    throw new IOException("dictionary-encoded page without a dictionary");
                }
                int[] ids = new int[n];
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
                p.ids = ids;
                if (type == Type.INT32) {
                    for (int i = 0; i < n; i++) {
                        p.ints[i] = dictInts[ids[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        p.off[i] = dictOff[ids[i]];
                        p.len[i] = dictLen[ids[i]];
                    }
                    p.data = dictData;
                }
            }
            default -> other(p, e, page, pos, end, n);
        }
        if (type != Type.INT32 && interpreter != null) {
            int[] codes = new int[n];
            if (p.ids != null) {
                for (int i = 0; i < n; i++) {
                    codes[i] = dictCodes[p.ids[i]];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    codes[i] = interpreter.of(p.data, p.off[i], p.len[i]);
                }
            }
            p.codes = codes;
            if (!keyed) {
                // Only the codes are read from here on (a problem's message never quotes the value).
                p.data = null;
                p.off = null;
                p.len = null;
            }
        }
        if (type != Type.INT32 && keyed) {
            keys(p, n);
        }
    }

    /** Compares each key with the one before (across pages and chunks) and decodes those that differ. */
    private void keys(Page p, int n) {
        int[] at = new int[n];
        byte[] keys = new byte[64 * 32];
        int count = 0;
        byte[] b = p.data;
        byte[] prev = lastRaw;
        int prevOff = 0;
        int prevLen = lastLength;
        boolean prevBad = lastBad;
        boolean anyBad = false;
        for (int i = 0; i < n; i++) {
            int o = p.off[i];
            int l = p.len[i];
            if (l == prevLen && Arrays.equals(b, o, o + l, prev, prevOff, prevOff + l)) {
                // The same bytes as the value before: the same person, or the same bad value again.
                at[i] = prevBad ? NOT_A_KEY : SAME;
            } else if (l != KEY_HEX) {
                at[i] = NOT_A_KEY;
            } else {
                if ((count + 1) * 32 > keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                }
                int bad = 0;
                int k = count * 32;
                for (int j = 0; j < 32; j++) {
                    int hi = HEX[b[o + 2 * j] & 0xff];
                    int lo = HEX[b[o + 2 * j + 1] & 0xff];
                    bad |= hi | lo;
                    keys[k + j] = (byte) (hi << 4 | lo);
                }
                if (bad < 0) {
                    at[i] = NOT_A_KEY;
                } else {
                    at[i] = k;
                    count++;
                }
            }
            prevBad = at[i] == NOT_A_KEY;
            anyBad |= prevBad;
            prev = b;
            prevOff = o;
            prevLen = l;
        }
        if (n > 0) {
            int l = Math.min(prevLen, KEY_HEX);
            System.arraycopy(prev, prevOff, lastRaw, 0, l);
            // A value longer than a key is never "the same" as the next: its length is remembered as impossible.
            lastLength = prevLen <= KEY_HEX ? prevLen : -1;
            lastBad = prevBad;
        }
        p.keyAt = at;
        p.keys = keys;
        if (!anyBad) {
            // Every key is decoded: the page's text (64 bytes a row, most of a row group's memory) can go now
            // rather than wait in the queue of decoded row groups. A bad value keeps it, for the message.
            p.data = null;
            p.off = null;
            p.len = null;
        }
        if (lookup != null) {
            int[] persons = new int[n];
            int last = lastPerson;
            for (int i = 0; i < n; i++) {
                int k = at[i];
                last = k == SAME ? last : k == NOT_A_KEY ? NOT_A_KEY : lookup.find(keys, k);
                persons[i] = last;
            }
            lastPerson = last;
            p.persons = persons;
        }
    }

    /** The encodings parquet-column reads for us: values copied into the arrays this cursor hands out. */
    private void other(Page p, Encoding e, byte[] page, int pos, int end, int n) throws IOException {
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
                p.ints[i] = r.readInteger();
            }
            return;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(end - pos);
        for (int i = 0; i < n; i++) {
            Binary b = r.readBytes();
            p.off[i] = out.size();
            p.len[i] = b.length();
            out.write(b.getBytesUnsafe());
        }
        p.data = out.toByteArray();
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
