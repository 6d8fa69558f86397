package kz.agyn.residency.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * One table of the extracts: a Parquet file, or a folder of part files as Spark writes them (files starting with
 * {@code _} or {@code .} left aside, parts in name order, rows counted on across them). Only the footers are read on
 * opening; column chunks are read one row group at a time by {@link ColumnCursor}.
 */
final class ParquetTable implements AutoCloseable {

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** The table refused as a whole: {@code code} with {@code details} after the file name. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final transient Object[] details;

        Refused(String code, Object... details) {
            super(code, null, false, false);
            this.code = code;
            this.details = details;
        }
    }

    /** A top-level primitive column of a part. */
    record Leaf(int index, Type type, boolean optional, int typeLength) {
    }

    record Part(Path path, FileChannel channel, FileMetaData meta, List<String> names, List<Leaf> leaves) {
    }

    final String name;
    final List<Part> parts;

    private ParquetTable(String name, List<Part> parts) {
        this.name = name;
        this.parts = parts;
    }

    /** Opens the file or folder; {@link Refused} when it is not Parquet, is truncated or cannot be read. */
    static ParquetTable open(String name, Path path) throws Refused {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("_")
                        && !p.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new Refused("residency.parquet.notParquet");
            }
        } else {
            files.add(path);
        }
        if (files.isEmpty()) {
            throw new Refused("residency.parquet.notParquet");
        }
        List<Part> parts = new ArrayList<>();
        try {
            for (Path f : files) {
                parts.add(part(f));
            }
        } catch (Refused e) {
            parts.forEach(ParquetTable::closeQuietly);
            throw e;
        }
        return new ParquetTable(name, parts);
    }

    private static Part part(Path file) throws Refused {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new Refused("residency.parquet.notParquet");
        }
        try {
            long size = ch.size();
            if (size < 12) {
                throw new Refused("residency.parquet.notParquet");
            }
            byte[] head = read(ch, 0, 4);
            byte[] tail = read(ch, size - 8, 8);
            if (!java.util.Arrays.equals(head, MAGIC) || !java.util.Arrays.equals(tail, 4, 8, MAGIC, 0, 4)) {
                // A file cut short keeps its head mark but loses the footer and the closing mark.
                throw new Refused("residency.parquet.notParquet");
            }
            long footer = ByteBuffer.wrap(tail, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            if (footer <= 0 || footer > size - 12) {
                throw new Refused("residency.parquet.notParquet");
            }
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(read(ch, size - 8 - footer,
                    (int) footer)));
            List<String> names = new ArrayList<>();
            List<Leaf> leaves = new ArrayList<>();
            int total = schema(meta.getSchema(), names, leaves);
            for (RowGroup rg : meta.getRow_groups()) {
                if (rg.getColumns().size() != total) {
                    throw new Refused("residency.parquet.notParquet");
                }
            }
            return new Part(file, ch, meta, names, leaves);
        } catch (Refused e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException | RuntimeException e) {
            // The footer's Thrift decoder throws both on a damaged footer.
            closeQuietly(ch);
            throw new Refused("residency.parquet.notParquet");
        }
    }

    /**
     * Names and leaves of the top-level primitive columns (nested columns are counted but not offered); returns the
     * number of leaves, which is the number of column chunks of each row group.
     */
    private static int schema(List<SchemaElement> schema, List<String> names, List<Leaf> leaves) throws Refused {
        if (schema.isEmpty()) {
            throw new Refused("residency.parquet.notParquet");
        }
        int children = schema.get(0).getNum_children();
        int at = 1;
        int leaf = 0;
        for (int c = 0; c < children; c++) {
            if (at >= schema.size()) {
                throw new Refused("residency.parquet.notParquet");
            }
            SchemaElement e = schema.get(at);
            if (e.isSetNum_children() && e.getNum_children() > 0) {
                int[] counted = skip(schema, at);
                at = counted[0];
                leaf += counted[1];
                continue;
            }
            FieldRepetitionType rep = e.getRepetition_type();
            if (rep != FieldRepetitionType.REPEATED) {
                names.add(e.getName().toLowerCase(Locale.ROOT));
                leaves.add(new Leaf(leaf, e.getType(), rep == FieldRepetitionType.OPTIONAL,
                        e.isSetType_length() ? e.getType_length() : 0));
            } else {
                names.add("");
                leaves.add(null);
            }
            leaf++;
            at++;
        }
        return leaf;
    }

    /** Skips a group: the next schema position and the number of leaves under it. */
    private static int[] skip(List<SchemaElement> schema, int at) throws Refused {
        if (at >= schema.size()) {
            throw new Refused("residency.parquet.notParquet");
        }
        SchemaElement e = schema.get(at);
        if (!e.isSetNum_children() || e.getNum_children() == 0) {
            return new int[] {at + 1, 1};
        }
        int next = at + 1;
        int leaves = 0;
        for (int c = 0; c < e.getNum_children(); c++) {
            int[] r = skip(schema, next);
            next = r[0];
            leaves += r[1];
        }
        return new int[] {next, leaves};
    }

    /** The position of a top-level column in part {@code p}'s leaves, or −1. */
    int column(int p, String column) {
        return parts.get(p).names().indexOf(column);
    }

    long rows() {
        long n = 0;
        for (Part p : parts) {
            n += p.meta().getNum_rows();
        }
        return n;
    }

    /** The bytes of one column chunk (its dictionary page, if any, and data pages). */
    static byte[] chunk(Part part, RowGroup rg, Leaf leaf) throws IOException {
        ColumnChunk cc = rg.getColumns().get(leaf.index());
        ColumnMetaData m = cc.getMeta_data();
        long start = m.getData_page_offset();
        if (m.isSetDictionary_page_offset() && m.getDictionary_page_offset() > 0
                && m.getDictionary_page_offset() < start) {
            start = m.getDictionary_page_offset();
        }
        long len = m.getTotal_compressed_size();
        if (start < 4 || len < 0 || len > Integer.MAX_VALUE - 16 || start + len > part.channel().size()) {
            throw new IOException("column chunk outside the file");
        }
        return read(part.channel(), start, (int) len);
    }

    private static byte[] read(FileChannel ch, long at, int len) throws IOException {
        byte[] out = new byte[len];
        ByteBuffer b = ByteBuffer.wrap(out);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("end of file");
            }
        }
        return out;
    }

    private static void closeQuietly(Part p) {
        closeQuietly(p.channel());
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing more to do with a file being given up
        }
    }

    @Override
    public void close() {
        parts.forEach(ParquetTable::closeQuietly);
    }
}
