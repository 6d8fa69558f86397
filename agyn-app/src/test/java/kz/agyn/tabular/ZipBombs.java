package kz.agyn.tabular;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tiny workbooks that unpack hugely, for every test that uploads a workbook: a header row of the given columns,
 * a data row, and {@value #PADDING_MB} MB of blanks in one part — the sheet, or the shared strings. A thousandfold
 * ratio: about 64 kB of file. Whitespace is harmless XML, so a reader without the zip-bomb limit would read the
 * whole thing and find the rows; only the limit refuses it.
 */
public final class ZipBombs {

    static final int PADDING_MB = 64;

    private ZipBombs() {
    }

    /** The padding in the sheet's XML, between rows. */
    public static byte[] sheet(List<String> columns) {
        return bomb(columns, "xl/worksheets/sheet1.xml", "</row>");
    }

    /** The padding in the shared strings' XML, between strings. */
    public static byte[] sharedStrings(List<String> columns) {
        return bomb(columns, "xl/sharedStrings.xml", "</si>");
    }

    private static byte[] bomb(List<String> columns, String part, String after) {
        byte[] workbook = workbook(columns);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            boolean padded = false;
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.readAllBytes();
                if (e.getName().equals(part)) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf(after) + after.length();
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < PADDING_MB; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                    padded = true;
                } else {
                    out.write(content);
                }
            }
            if (!padded) {
                throw new IllegalStateException("the workbook has no " + part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] workbook(List<String> columns) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Data");
            var header = sheet.createRow(0);
            var data = sheet.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
                data.createCell(i).setCellValue("x" + i);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
