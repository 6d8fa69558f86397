package kz.agyn.note.writer;

import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * A note as an XHTML document: the preview shows its body, and the PDF is laid out from the whole of it (the
 * PDF renderer wants well-formed XML, so it is written by hand and every text escaped here).
 */
public final class HtmlNote {

    /** A cell that is one figure: a sign, digits with their separators, a scale word or unit, nothing else. */
    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile(
            "[+−–-]?\\d[\\d\\s\u00a0\u202f.,]*(?:[\\s\u00a0\u202f]?(?:млрд|млн|мың|тыс\\.|bn|m|thousand))?"
                    + "[\\s\u00a0\u202f]?[₸%]?");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private HtmlNote() {
    }

    /** The whole document, with the style the PDF uses (A4, DejaVu Sans, numbered tables). */
    public static String document(NoteDocument d) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
                + d.language().getLanguage() + "\"><head><meta charset=\"UTF-8\"/><title>" + esc(d.title())
                + "</title><style>" + STYLE + "</style></head><body>" + body(d) + "</body></html>";
    }

    private static final String STYLE = """
            @page { size: A4; margin: 2cm 1.5cm 2cm 2.5cm; }
            body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.4; }
            .note-header p { margin: 0 0 .2em 0; }
            h1 { font-size: 13pt; text-align: center; margin: 1em 0 .3em 0; }
            h2 { font-size: 11.5pt; margin: 1em 0 .3em 0; }
            p { text-align: justify; margin: .3em 0; }
            .caption { font-weight: bold; margin-top: .8em; }
            table { border-collapse: collapse; width: 100%; margin: .3em 0; }
            th, td { border: 1px solid #444; padding: 3px 5px; vertical-align: top; font-size: 9.5pt; }
            td.fig { white-space: nowrap; }
            table.wide th, table.wide td { font-size: 8pt; padding: 3px 3px; }
            th { background: #eef2f5; }
            .source { font-size: 9pt; font-style: italic; }
            .chart { margin: .6em 0; text-align: center; page-break-inside: avoid; }
            .chart img { max-width: 100%; }
            .chart p { text-align: center; }
            .warning { color: #8a1c1c; font-size: 9.5pt; font-weight: bold; }
            .findings { border: 1px solid #b45309; padding: 4px 8px; background: #fff7ed; }
            """;

    /** The body: header, title, parts in order (tables, findings, references among them). */
    public static String body(NoteDocument d) {
        NoteDocument.Labels l = d.labels();
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"note-header\">");
        sb.append("<p><b>").append(esc(l.addressee())).append(":</b> ").append(esc(d.addressee())).append("</p>");
        sb.append("<p><b>").append(esc(l.author())).append(":</b> ").append(esc(d.author())).append("</p>");
        sb.append("<p><b>").append(esc(l.date())).append(":</b> ").append(esc(DATE.format(d.date()))).append("</p>");
        sb.append("</div>");
        sb.append("<h1>").append(esc(d.kind())).append("</h1>");
        sb.append("<p><b>").append(esc(l.title())).append(":</b> «").append(esc(d.title())).append("»</p>");
        sb.append("<p><b>").append(esc(l.keywords())).append(":</b> ").append(esc(d.keywords())).append("</p>");
        for (NoteDocument.Part part : d.parts()) {
            if (part instanceof NoteDocument.Heading h) {
                sb.append("<h2>").append(esc(h.text())).append("</h2>");
            } else if (part instanceof NoteDocument.Text t) {
                sb.append("<p>").append(esc(t.text())).append("</p>");
            } else if (part instanceof NoteDocument.Items i) {
                sb.append("<ol>");
                i.items().forEach(x -> sb.append("<li>").append(esc(x)).append("</li>"));
                sb.append("</ol>");
            } else if (part instanceof NoteDocument.Table t) {
                table(sb, t);
            } else if (part instanceof NoteDocument.Chart c) {
                // The picture (16 cm wide on paper), its caption under it as Word and GOST place a figure's, its
                // data in words for a screen reader, and the source line.
                sb.append("<div class=\"chart\"><img src=\"data:image/png;base64,")
                        .append(java.util.Base64.getEncoder().encodeToString(c.png())).append("\" alt=\"")
                        .append(esc(c.description())).append("\" style=\"width: 16cm; height: 8cm;\"/>")
                        .append("<p class=\"caption\">").append(esc(c.label())).append(". ").append(esc(c.caption()))
                        .append("</p>");
                if (c.sourceLine() != null) {
                    sb.append("<p class=\"source\">").append(esc(c.sourceLine())).append("</p>");
                }
                sb.append("</div>");
            } else if (part instanceof NoteDocument.Findings f) {
                sb.append("<div class=\"findings\"><h2>").append(esc(f.title())).append("</h2><p>")
                        .append(esc(f.lead())).append("</p><ul>");
                f.findings().forEach(x -> sb.append("<li>").append(esc(x)).append("</li>"));
                sb.append("</ul></div>");
            } else if (part instanceof NoteDocument.ReferenceList r) {
                sb.append("<h2>").append(esc(r.title())).append("</h2><ol class=\"references\">");
                // A reference is written as published, in its own language: not to be translated.
                r.references().forEach(x -> sb.append("<li translate=\"no\">").append(esc(x.text()))
                        .append("</li>"));
                sb.append("</ol>");
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, NoteDocument.Table t) {
        sb.append("<p class=\"caption\">").append(esc(t.label())).append(". ").append(esc(t.caption()))
                .append(t.columns().size() >= 6 ? "</p><table class=\"wide\"><thead><tr>" : "</p><table><thead><tr>");
        t.columns().forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (var row : t.rows()) {
            sb.append("<tr>");
            // A figure is not broken across lines ("+137,5 млрд ₸" split at its decimal comma reads as two).
            row.forEach(c -> sb.append(FIGURE.matcher(c).matches() ? "<td class=\"fig\">" : "<td>").append(esc(c))
                    .append("</td>"));
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (t.sourceLine() != null) {
            sb.append("<p class=\"source\">").append(esc(t.sourceLine())).append("</p>");
        }
        if (t.warning() != null) {
            sb.append("<p class=\"warning\">").append(esc(t.warning())).append("</p>");
        }
    }

    /** The five characters XML reserves, escaped; every other letter stays as it is (UTF-8). */
    static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
