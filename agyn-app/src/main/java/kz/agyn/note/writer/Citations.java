package kz.agyn.note.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.agyn.note.SourceDocument;

/**
 * A source as a reference-list entry: APA 7 for English readers; GOST R 7.0.100-2018 for Kazakh and Russian ones,
 * the style their ministries' and universities' documents use (authors "Surname I. I.", the title, "//" before
 * the publication, "–" between areas).
 */
final class Citations {

    private Citations() {
    }

    static String format(SourceDocument s, Locale locale) {
        if (s.title() == null) {
            return s.citation();
        }
        String year = s.year() == null ? "" : String.valueOf(s.year());
        String url = s.url() == null ? "" : s.url();
        if (locale.getLanguage().equals("en")) {
            StringBuilder sb = new StringBuilder();
            if (s.authors() != null) {
                sb.append(s.authors()).append(' ');
            }
            sb.append('(').append(year.isEmpty() ? "n.d." : year).append("). ").append(s.title()).append('.');
            if (s.publication() != null) {
                sb.append(' ').append(s.publication()).append('.');
            }
            if (!url.isEmpty()) {
                sb.append(' ').append(url);
            }
            return sb.toString();
        }
        List<String> authors = gostAuthors(s.authors());
        StringBuilder sb = new StringBuilder();
        if (!authors.isEmpty()) {
            sb.append(authors.get(0)).append(' ');
        }
        sb.append(s.title());
        if (authors.size() > 1) {
            sb.append(" / ").append(String.join(", ", authors));
        }
        if (s.publication() != null) {
            sb.append(" // ").append(s.publication());
        }
        if (!year.isEmpty() && (s.publication() == null || !s.publication().contains(year))) {
            sb.append(". – ").append(year);
        }
        sb.append('.');
        if (!url.isEmpty()) {
            sb.append(" – URL: ").append(url);
        }
        return sb.toString();
    }

    /** "Nasimova, G., Kaplan, C. S., & Kartashov, K." as "Nasimova G.", "Kaplan C. S.", "Kartashov K.". */
    static List<String> gostAuthors(String apa) {
        List<String> out = new ArrayList<>();
        if (apa == null || apa.isBlank()) {
            return out;
        }
        String[] parts = apa.replace("& ", "").split(",\\s*");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean nextIsInitials = i + 1 < parts.length && parts[i + 1].trim().matches("(\\p{Lu}\\.\\s*)+");
            if (nextIsInitials) {
                out.add(p + " " + parts[i + 1].trim());
                i++;
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
