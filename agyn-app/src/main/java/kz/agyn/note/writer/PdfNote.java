package kz.agyn.note.writer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A note as PDF, laid out from its XHTML with DejaVu Sans embedded: the Kazakh letters ә ғ қ ң ө ұ ү һ і are
 * not in the PDF standard fonts, so a PDF that relied on the reader's fonts would show boxes.
 */
public final class PdfNote {

    private PdfNote() {
    }

    public static byte[] render(NoteDocument d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(HtmlNote.document(d), null);
            builder.withProducer("Agyn");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String name) {
        InputStream in = PdfNote.class.getResourceAsStream("/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("The font " + name + " is not shipped in /fonts");
        }
        return in;
    }
}
