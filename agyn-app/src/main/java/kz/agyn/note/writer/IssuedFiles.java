package kz.agyn.note.writer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * A note's files as issued: the same note gives the same bytes whenever it is written, so an issued note can be
 * written again and compared byte for byte. What would carry the clock is set from the date the note bears: the
 * DOCX's creation date and its zip entries' times, the PDF's creation date, in its information and in its XMP
 * metadata alike (PDF/A wants the two to agree), and its document id (which PDFBox would otherwise make from the
 * time of saving; here a digest of the note's own XHTML).
 */
public final class IssuedFiles {

    private IssuedFiles() {
    }

    public static byte[] docx(NoteDocument d) {
        return fixedZipTimes(DocxNote.render(d), midnight(d).getTimeInMillis());
    }

    public static byte[] pdf(NoteDocument d) {
        byte[] laidOut = PdfNote.render(d);
        try (PDDocument pdf = Loader.loadPDF(laidOut); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setCreationDate(midnight(d));
            // A modification date only where the renderer wrote one: the XMP metadata must say the same (PDF/A),
            // and it has none of its own when the information has none.
            if (info.getModificationDate() != null) {
                info.setModificationDate(midnight(d));
            }
            datedMetadata(pdf, midnight(d));
            byte[] id = digest(HtmlNote.document(d));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XMP date property, as an element or as an attribute, and its value. */
    private static final java.util.regex.Pattern XMP_DATE = java.util.regex.Pattern.compile(
            "(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(</xmp:)|(xmp:(?:CreateDate|ModifyDate|MetadataDate)=\\\")"
                    + "[^\\\"]*(\\\")");

    /**
     * The XMP metadata's dates set to {@code day}, every other byte of it kept. Rewritten as text, not parsed and
     * serialized again: XmpBox's serializer drops the namespaces of the PDF/A extension schema's fields, and the
     * metadata would no longer parse.
     */
    private static void datedMetadata(PDDocument pdf, Calendar day) throws IOException {
        org.apache.pdfbox.pdmodel.common.PDMetadata stream = pdf.getDocumentCatalog().getMetadata();
        if (stream == null) {
            return;
        }
        String xmp;
        try (java.io.InputStream in = stream.exportXMPMetadata()) {
            xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String date = org.apache.xmpbox.DateConverter.toISO8601(day);
        java.util.regex.Matcher m = XMP_DATE.matcher(xmp);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) != null
                    ? m.group(1) + date + m.group(2) : m.group(3) + date + m.group(4)));
        }
        m.appendTail(out);
        stream.importXMPMetadata(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] html(NoteDocument d) {
        return HtmlNote.document(d).getBytes(StandardCharsets.UTF_8);
    }

    private static Calendar midnight(NoteDocument d) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.setTimeInMillis(d.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return c;
    }

    /** The zip again, entry by entry in the same order, every entry dated {@code millis}. */
    private static byte[] fixedZipTimes(byte[] zip, long millis) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length)) {
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(millis);
                    out.putNextEntry(copy);
                    byte[] body = in.readAllBytes();
                    out.write(body);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
