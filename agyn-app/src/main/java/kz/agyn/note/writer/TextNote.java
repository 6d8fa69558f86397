package kz.agyn.note.writer;

import java.util.stream.Collectors;

/**
 * A note as plain text, laid out as the seed note and a Word document's text are (paragraphs apart, a table's
 * cells tab-separated, its caption above and its source line under it): what the consistency check reads.
 */
public final class TextNote {

    private TextNote() {
    }

    public static String render(NoteDocument d) {
        NoteDocument.Labels l = d.labels();
        StringBuilder sb = new StringBuilder();
        line(sb, l.addressee() + ": " + d.addressee());
        line(sb, l.author() + ": " + d.author());
        line(sb, l.date() + ": " + HtmlNote.DATE.format(d.date()));
        line(sb, d.kind());
        line(sb, l.title() + ": «" + d.title() + "»");
        line(sb, l.keywords() + ": " + d.keywords());
        for (NoteDocument.Part part : d.parts()) {
            if (part instanceof NoteDocument.Heading h) {
                line(sb, h.text());
            } else if (part instanceof NoteDocument.Text t) {
                line(sb, t.text());
            } else if (part instanceof NoteDocument.Items i) {
                int n = 0;
                for (String item : i.items()) {
                    line(sb, ++n + ". " + item);
                }
            } else if (part instanceof NoteDocument.Chart c) {
                // A picture has no text to check; its caption and source line do.
                line(sb, c.label() + ". " + c.caption());
                if (c.sourceLine() != null) {
                    sb.append(c.sourceLine()).append('\n');
                }
            } else if (part instanceof NoteDocument.Table t) {
                line(sb, t.label() + ". " + t.caption());
                sb.append(String.join("\t", t.columns())).append('\n');
                t.rows().forEach(r -> sb.append(r.stream().map(c -> c.replace('\t', ' '))
                        .collect(Collectors.joining("\t"))).append('\n'));
                // The source line closes the table, as in the seed note: it cites every figure above it.
                if (t.sourceLine() != null) {
                    sb.append(t.sourceLine()).append('\n');
                }
                sb.append('\n');
            } else if (part instanceof NoteDocument.ReferenceList r) {
                // The contradictions section quotes figures to explain them: it is the writer's finding, not
                // the note's claims, so the text to check leaves it out; the references close the text.
                line(sb, r.title());
                r.references().forEach(x -> line(sb, x.number() + ". " + x.text()));
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String text) {
        sb.append(text).append("\n\n");
    }
}
