package kz.agyn.tabular;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Hostile inputs for the robustness tests: random bytes, and valid fixtures mutated the ways files really break
 * (cut off, bytes flipped, quotes and tags inserted, parts duplicated) — for workbooks also inside the zip, so the
 * XML parsers see damage and not only the zip layer.
 */
final class Inputs {

    private static final byte[][] TOKENS = {
        {'"'}, {','}, {';'}, {'\t'}, {'\n'}, {'\r'}, {'<'}, {'>'}, {'&'}, {0}, {(byte) 0xFF}, {(byte) 0xD0},
        "\"\"".getBytes(StandardCharsets.US_ASCII), "<v>".getBytes(StandardCharsets.US_ASCII),
        "</row>".getBytes(StandardCharsets.US_ASCII), "<!DOCTYPE a [<!ENTITY e \"x\">]>".getBytes(
                StandardCharsets.US_ASCII), "&e;".getBytes(StandardCharsets.US_ASCII),
        "t=\"s\"".getBytes(StandardCharsets.US_ASCII), "r=\"XFD1048577\"".getBytes(StandardCharsets.US_ASCII),
        "99999999999".getBytes(StandardCharsets.US_ASCII), "1e308".getBytes(StandardCharsets.US_ASCII),
        "DATAFLOW".getBytes(StandardCharsets.US_ASCII), "REF_AREA: x".getBytes(StandardCharsets.US_ASCII),
        "<generic:Obs>".getBytes(StandardCharsets.US_ASCII), "\uFEFF".getBytes(StandardCharsets.UTF_8),
    };

    private Inputs() {
    }

    static byte[] random(long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[r.nextInt(r.nextBoolean() ? 64 : 8192)];
        r.nextBytes(b);
        if (r.nextInt(4) == 0 && b.length > 4) {
            // Half-plausible starts get further into the readers than pure noise.
            byte[] magic = switch (r.nextInt(4)) {
                case 0 -> new byte[] {'P', 'K', 3, 4};
                case 1 -> "<?xml ".getBytes(StandardCharsets.US_ASCII);
                case 2 -> "DATAFLOW,".getBytes(StandardCharsets.US_ASCII);
                default -> "a,b\n".getBytes(StandardCharsets.US_ASCII);
            };
            System.arraycopy(magic, 0, b, 0, Math.min(magic.length, b.length));
        }
        return b;
    }

    static byte[] mutate(byte[] valid, long seed) {
        Random r = new Random(seed);
        if (valid.length > 4 && valid[0] == 'P' && valid[1] == 'K' && r.nextBoolean()) {
            return mutateInsideZip(valid, r);
        }
        return mutateBytes(valid, r);
    }

    static byte[] mutateBytes(byte[] valid, Random r) {
        byte[] b = valid.clone();
        int rounds = 1 + r.nextInt(6);
        for (int i = 0; i < rounds && b.length > 0; i++) {
            int at = r.nextInt(b.length);
            b = switch (r.nextInt(6)) {
                case 0 -> {
                    b[at] = (byte) r.nextInt(256);
                    yield b;
                }
                case 1 -> Arrays.copyOf(b, at); // cut off
                case 2 -> insert(b, at, TOKENS[r.nextInt(TOKENS.length)]);
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + len, out, at, b.length - at - len);
                    yield out;
                }
                case 4 -> insert(b, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + r.nextInt(256))));
                default -> {
                    byte[] noise = new byte[1 + r.nextInt(16)];
                    r.nextBytes(noise);
                    yield insert(b, at, noise);
                }
            };
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    /** Damages one XML part of a workbook and zips it up again properly. */
    private static byte[] mutateInsideZip(byte[] xlsx, Random r) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String[] victims = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                "xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"};
            String victim = victims[r.nextInt(victims.length)];
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    byte[] content = in.readAllBytes();
                    if (e.getName().equals(victim)) {
                        content = mutateBytes(content, r);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            return mutateBytes(xlsx, r);
        }
    }

    /** The valid inputs each reader is fed mutations of. */
    static byte[][] validCsv() {
        return new byte[][] {Fixtures.resource("utf8-bom.csv"), Fixtures.resource("cp1251-semicolon.csv"),
            Fixtures.resource("tabs.tsv"), Fixtures.resource("quoted.csv")};
    }

    static byte[][] validXlsx() {
        return new byte[][] {XlsxReaderTest.BUREAU, TYPES};
    }

    static final byte[] TYPES = Fixtures.typesWorkbook();

    static byte[][] validSdmxCsv() {
        return new byte[][] {Fixtures.utf8(Fixtures.SDMX_CSV_21), Fixtures.utf8(Fixtures.SDMX_CSV_30),
            Fixtures.utf8(Fixtures.SDMX_CSV_LABELS)};
    }

    static byte[][] validSdmxMl() {
        return new byte[][] {Fixtures.utf8(Fixtures.SDMX_ML_SERIES), Fixtures.utf8(Fixtures.SDMX_ML_FLAT)};
    }

    /** Reads everything a reader can give, the way an import would. */
    static void drain(TableReader r) throws TabularException, IOException {
        try (r) {
            r.columns();
            r.sheet();
            for (Row row; (row = r.next()) != null; ) {
                row.blank();
                row.location().toString();
                r.bytesRead();
            }
        }
    }

    static void readCsv(byte[] b) throws TabularException, IOException {
        drain(TableReaders.csv(new ByteArrayInputStream(b), "f.csv", CsvOptions.detect(b)));
    }

    static void readXlsx(byte[] b) throws TabularException, IOException {
        drain(TableReaders.xlsx(new ByteArrayInputStream(b), "f.xlsx", XlsxOptions.defaults()));
    }

    static void readXlsxOtherWays(byte[] b) throws TabularException {
        TableReaders.sheets(new ByteArrayInputStream(b), "f.xlsx");
        TableReaders.preview(new ByteArrayInputStream(b), "f.xlsx", null, 20);
    }

    static void readSdmxCsv(byte[] b) throws TabularException, IOException {
        drain(TableReaders.sdmxCsv(new ByteArrayInputStream(b), "f.csv"));
    }

    static void readSdmxMl(byte[] b) throws TabularException, IOException {
        drain(TableReaders.sdmxMl(new ByteArrayInputStream(b), "f.xml"));
    }

    static void readSniffed(byte[] b, Path dir) throws TabularException, IOException {
        Path f = Files.write(dir.resolve("upload-" + System.nanoTime()), b);
        try {
            drain(TableReaders.open(f, "upload", null));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
