package kz.agyn.note.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import kz.agyn.kernel.UserException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The plain text of an uploaded note, told apart by its content rather than its name: a PDF (PDFBox), a DOCX
 * (POI; paragraphs as lines, table rows as tab-separated lines, as the check reads tables) or UTF-8 text.
 * Anything else, a PDF behind a password or a file that cannot be read is refused with a message the user can act on.
 */
public final class NoteDocuments {

    private NoteDocuments() {
    }

    public static String text(Path file) {
        byte[] head = new byte[5];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) {
                throw new UserException(UserException.Kind.INVALID, "notecheck.error.empty");
            }
            if (n >= 5 && new String(head, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                return pdf(file);
            }
            if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
                return docx(file);
            }
            return plain(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserException(UserException.Kind.INVALID, "notecheck.error.unreadable");
        }
    }

    private static String pdf(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        } catch (InvalidPasswordException e) {
            throw new UserException(UserException.Kind.INVALID, "notecheck.error.password");
        } catch (IOException e) {
            throw new UserException(UserException.Kind.INVALID, "notecheck.error.unreadable");
        }
    }

    private static String docx(Path file) {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            StringBuilder sb = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    sb.append(p.getText()).append("\n\n");
                } else if (element instanceof XWPFTable t) {
                    t.getRows().forEach(r -> sb.append(r.getTableCells().stream()
                            .map(c -> c.getText().replace('\t', ' ').replace('\n', ' '))
                            .collect(Collectors.joining("\t"))).append('\n'));
                    sb.append('\n');
                }
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            // A ZIP that is not a Word document (XLSX, a plain archive) or a damaged one.
            throw new UserException(UserException.Kind.INVALID, "notecheck.error.format");
        }
    }

    private static String plain(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new UserException(UserException.Kind.INVALID, "notecheck.error.format");
            }
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new UserException(UserException.Kind.INVALID, "notecheck.error.format");
        }
    }
}
