package kz.agyn.note.writer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A note as a Word document with real styles — Title, Heading 1, Caption, List Number — so that the analyst who
 * edits it in Word keeps the outline and the table of contents works; tables are Word tables with a caption
 * above ("1-кесте. …") and the source line below, as in the note.
 */
public final class DocxNote {

    private DocxNote() {
    }

    public static byte[] render(NoteDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // Dated as the note is, not by the clock: an issued note written again gives the same file.
            java.util.Date dated = java.util.Date.from(d.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(dated));
            doc.getProperties().getCoreProperties().setModified(java.util.Optional.of(dated));
            XWPFStyles styles = doc.createStyles();
            style(styles, "Title", "Title", 0, 28, true);
            style(styles, "Heading1", "heading 1", 1, 24, true);
            style(styles, "Caption", "caption", -1, 20, true);
            style(styles, "Source", "Source", -1, 18, false);
            field(doc, d.labels().addressee(), d.addressee());
            field(doc, d.labels().author(), d.author());
            field(doc, d.labels().date(), HtmlNote.DATE.format(d.date()));
            XWPFParagraph kind = doc.createParagraph();
            kind.setStyle("Title");
            kind.setAlignment(ParagraphAlignment.CENTER);
            kind.createRun().setText(d.kind());
            field(doc, d.labels().title(), "«" + d.title() + "»");
            field(doc, d.labels().keywords(), d.keywords());
            for (NoteDocument.Part part : d.parts()) {
                if (part instanceof NoteDocument.Heading h) {
                    heading(doc, h.text());
                } else if (part instanceof NoteDocument.Text t) {
                    text(doc, t.text());
                } else if (part instanceof NoteDocument.Items i) {
                    numbered(doc, i.items());
                } else if (part instanceof NoteDocument.Table t) {
                    table(doc, t);
                } else if (part instanceof NoteDocument.Chart c) {
                    chart(doc, c);
                } else if (part instanceof NoteDocument.Findings f) {
                    heading(doc, f.title());
                    text(doc, f.lead());
                    f.findings().forEach(x -> text(doc, "• " + x));
                } else if (part instanceof NoteDocument.ReferenceList r) {
                    heading(doc, r.title());
                    numbered(doc, r.references().stream().map(NoteDocument.Reference::text).toList());
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(XWPFDocument doc, String label, String value) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun l = p.createRun();
        l.setBold(true);
        l.setText(label + ": ");
        p.createRun().setText(value);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading1");
        p.createRun().setText(text);
    }

    private static void text(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.createRun().setText(text);
    }

    /** "1. …" written out: a numbering definition would be lost when the analyst pastes the list elsewhere. */
    private static void numbered(XWPFDocument doc, List<String> items) {
        int n = 0;
        for (String item : items) {
            text(doc, ++n + ". " + item);
        }
    }

    /** The chart's picture 16 cm wide (8 cm high for a 2:1 chart), centred, its caption under it in the Caption style, then the source line. */
    private static void chart(XWPFDocument doc, NoteDocument.Chart c) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try (java.io.InputStream in = new java.io.ByteArrayInputStream(c.png())) {
            p.createRun().addPicture(in, org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                    "chart-" + c.number() + ".png", org.apache.poi.util.Units.toEMU(16 * 72 / 2.54),
                    // 16 cm wide, as high as the picture's proportions make it (a map is not 2:1).
                    org.apache.poi.util.Units.toEMU(16.0 * c.height() / c.width() * 72 / 2.54));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("the chart could not be put in the document", e);
        }
        XWPFParagraph caption = doc.createParagraph();
        caption.setStyle("Caption");
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.createRun().setText(c.label() + ". " + c.caption());
        if (c.sourceLine() != null) {
            XWPFParagraph s = doc.createParagraph();
            s.setStyle("Source");
            s.createRun().setText(c.sourceLine());
        }
    }

    private static void table(XWPFDocument doc, NoteDocument.Table t) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setStyle("Caption");
        caption.createRun().setText(t.label() + ". " + t.caption());
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.columns().size());
        table.setWidth("100%");
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < t.columns().size(); c++) {
            XWPFParagraph p = head.getCell(c).getParagraphs().get(0);
            XWPFRun r = p.createRun();
            r.setBold(true);
            r.setText(t.columns().get(c));
        }
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> row = t.rows().get(i);
            for (int c = 0; c < row.size(); c++) {
                table.getRow(i + 1).getCell(c).getParagraphs().get(0).createRun().setText(row.get(c));
            }
        }
        if (t.sourceLine() != null) {
            XWPFParagraph s = doc.createParagraph();
            s.setStyle("Source");
            s.createRun().setText(t.sourceLine());
        }
        if (t.warning() != null) {
            XWPFParagraph w = doc.createParagraph();
            XWPFRun r = w.createRun();
            r.setBold(true);
            r.setColor("8A1C1C");
            r.setText(t.warning());
        }
    }

    /** A paragraph style; {@code outline} ≥ 0 puts it in the document's outline (navigation pane, contents). */
    private static void style(XWPFStyles styles, String id, String name, int outline, int halfPoints, boolean bold) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        CTString n = CTString.Factory.newInstance();
        n.setVal(name);
        s.setName(n);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.ONE);
        s.setUiPriority(priority);
        s.setQFormat(CTOnOff.Factory.newInstance());
        CTPPrGeneral ppr = s.addNewPPr();
        if (outline >= 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        CTRPr rpr = s.addNewRPr();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (bold) {
            rpr.addNewB();
        }
        styles.addStyle(new XWPFStyle(s));
    }
}
