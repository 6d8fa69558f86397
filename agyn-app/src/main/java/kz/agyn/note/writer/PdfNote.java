package kz.agyn.note.writer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A note as PDF, laid out from its XHTML with DejaVu Sans embedded: the Kazakh letters ә ғ қ ң ө ұ ү һ і are
 * not in the PDF standard fonts, so a PDF that relied on the reader's fonts would show boxes. Written as PDF/A-2u
 * (decision 0052): every font embedded with its Unicode mapping, an sRGB output intent (the JDK's own sRGB
 * profile), and XMP metadata declaring the conformance, so that an archive keeps the note readable as issued.
 */
public final class PdfNote {

    /** The output intent's profile: sRGB as the JDK ships it, the colour space every picture and text is in. */
    private static final byte[] SRGB = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB)
            .getData();

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
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
            builder.useColorProfile(SRGB);
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
