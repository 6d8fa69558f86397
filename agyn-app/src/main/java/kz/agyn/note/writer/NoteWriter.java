package kz.agyn.note.writer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.agyn.kernel.UserException;
import kz.agyn.note.Contradiction;
import kz.agyn.note.FigureFormatter;
import kz.agyn.note.NoteFigure;
import kz.agyn.note.NoteFigures;
import kz.agyn.note.SourceDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Writes a template out in one language from the figures Agyn holds: each placeholder replaced by its figure in
 * the reader's number format, running text cited, each table numbered with a source line naming what it was
 * compiled from, shares of one whole checked to sum to 100%, the contradictions among the figures used listed,
 * and the reference list built from the sources actually cited (GOST R 7.0.100 in kk and ru, APA in en).
 */
@Service
public class NoteWriter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+):([^}]*)}");
    /** Where a cited figure stood, until its citation moves to the end of the sentence. */
    private static final String MARK = "\u0001";
    private static final String END = "\u0002";
    private static final Pattern MARKED = Pattern.compile("\u0001(\\d+)\u0002");
    /** A citation of the seed note's reference list in a recorded description: "[4]", "[2,3]". */
    private static final Pattern NOTE_CITATION = Pattern.compile("\\[(\\d+(?:,\\s*\\d+)*)]");
    /** A sentence ends at a full stop, question or exclamation mark followed by a space: "0.2%" does not end one. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    private final NoteFigures figures;
    private final FigureFormatter formatter;
    private final MessageSource messages;

    public NoteWriter(NoteFigures figures, FigureFormatter formatter, MessageSource messages) {
        this.figures = figures;
        this.formatter = formatter;
        this.messages = messages;
    }

    public NoteDocument write(NoteTemplate template, Locale locale) {
        Run run = new Run(template, locale);
        List<NoteDocument.Part> parts = new ArrayList<>();
        int tables = 0;
        for (NoteTemplate.Block block : template.blocks()) {
            if (block instanceof NoteTemplate.Heading h) {
                parts.add(new NoteDocument.Heading(h.text().in(locale)));
            } else if (block instanceof NoteTemplate.Paragraph p) {
                parts.add(new NoteDocument.Text(run.text(p.text(), true, null)));
            } else if (block instanceof NoteTemplate.Items i) {
                parts.add(new NoteDocument.Items(
                        i.items().stream().map(t -> run.text(t, true, null)).toList()));
            } else if (block instanceof NoteTemplate.Table t) {
                parts.add(run.table(t, ++tables));
            } else if (block instanceof NoteTemplate.Contradictions) {
                NoteDocument.Findings f = run.contradictions();
                if (!f.findings().isEmpty()) {
                    parts.add(f);
                }
            } else if (block instanceof NoteTemplate.References) {
                run.referencesAt = parts.size();
            }
        }
        List<NoteDocument.Reference> references = run.references();
        if (run.referencesAt >= 0 && !references.isEmpty()) {
            parts.add(run.referencesAt, new NoteDocument.ReferenceList(msg("note.write.references", locale),
                    references));
        }
        NoteTemplate.Header h = template.header();
        NoteDocument.Labels labels = new NoteDocument.Labels(msg("note.write.label.addressee", locale),
                msg("note.write.label.author", locale), msg("note.write.label.date", locale),
                msg("note.write.label.title", locale), msg("note.write.label.keywords", locale));
        return new NoteDocument(template.code(), template.version(), locale, labels, h.addressee().in(locale),
                h.author().in(locale), h.date(), h.kind().in(locale), h.title().in(locale), h.keywords().in(locale),
                parts, references);
    }

    /**
     * Each sentence's citations gathered before its full stop, as the note writes them ("… 31 287 адам елден
     * кеткен [1]."): the figures were marked where they stand, and a sentence citing one source twice cites it once.
     */
    static String citeAtSentenceEnds(String marked) {
        StringBuilder out = new StringBuilder();
        for (String sentence : SENTENCE_END.split(marked, -1)) {
            TreeSet<Integer> numbers = new TreeSet<>();
            Matcher m = MARKED.matcher(sentence);
            while (m.find()) {
                numbers.add(Integer.parseInt(m.group(1)));
            }
            String plain = MARKED.matcher(sentence).replaceAll("");
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (numbers.isEmpty()) {
                out.append(plain);
                continue;
            }
            String cites = " [" + String.join(", ", numbers.stream().map(String::valueOf).toList()) + "]";
            int end = plain.length();
            while (end > 0 && ".!?…".indexOf(plain.charAt(end - 1)) >= 0) {
                end--;
            }
            out.append(plain, 0, end).append(cites).append(plain.substring(end));
        }
        return out.toString();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** One writing: the citation numbers given so far and the figures used. */
    private final class Run {
        final NoteTemplate template;
        final Locale locale;
        final Map<String, Integer> cited = new LinkedHashMap<>();
        final Set<String> used = new LinkedHashSet<>();
        int referencesAt = -1;

        Run(NoteTemplate template, Locale locale) {
            this.template = template;
            this.locale = locale;
        }

        /** Placeholders replaced; in running text each figure is followed by its citation. */
        String text(kz.agyn.reference.Names names, boolean cite, Set<String> sources) {
            String text = names.in(locale);
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                NoteFigure f = figure(m.group(1), m.group(2));
                used.add(f.code());
                String value = m.group(1).equals("num") ? formatter.number(f, locale) : formatter.format(f, locale);
                if (cite) {
                    value = value + MARK + number(f.sourceCode()) + END;
                } else if (sources != null) {
                    sources.add(f.sourceCode());
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return cite ? citeAtSentenceEnds(out.toString()) : out.toString();
        }

        NoteFigure figure(String kind, String code) {
            if (!kind.equals("fig") && !kind.equals("num")) {
                throw new UserException(UserException.Kind.INVALID, "note.write.placeholder", template.code(),
                        "{" + kind + ":" + code + "}");
            }
            return figures.figure(code).orElseThrow(() -> new UserException(UserException.Kind.INVALID,
                    "note.write.placeholder", template.code(), "{" + kind + ":" + code + "}"));
        }

        int number(String source) {
            return cited.computeIfAbsent(source, s -> cited.size() + 1);
        }

        NoteDocument.Table table(NoteTemplate.Table t, int number) {
            Set<String> sources = new LinkedHashSet<>();
            List<String> columns = t.columns().stream().map(c -> c.in(locale)).toList();
            List<List<String>> rows = new ArrayList<>();
            for (List<kz.agyn.reference.Names> row : t.rows()) {
                rows.add(row.stream().map(c -> text(c, false, sources)).toList());
            }
            TreeSet<Integer> numbers = new TreeSet<>();
            sources.forEach(s -> numbers.add(number(s)));
            String cites = String.join(", ", numbers.stream().map(String::valueOf).toList());
            String sourceLine = numbers.isEmpty() ? null : msg("note.write.compiledFrom", locale, cites);
            String warning = null;
            if (t.total() != null) {
                BigDecimal sum = BigDecimal.ZERO;
                for (String code : t.total().figures()) {
                    NoteFigure f = figure("fig", code);
                    sum = sum.add(f.value());
                }
                if (sum.subtract(BigDecimal.valueOf(100)).abs().compareTo(new BigDecimal("0.5")) > 0) {
                    warning = msg("note.write.sharesSum", locale, sum.stripTrailingZeros().toPlainString());
                }
            }
            return new NoteDocument.Table(number, msg("note.write.tableLabel", locale, number),
                    t.caption().in(locale), columns, rows, sourceLine, warning);
        }

        /** The recorded contradictions that involve a figure this note uses. */
        NoteDocument.Findings contradictions() {
            List<String> found = new ArrayList<>();
            for (Contradiction c : figures.contradictions()) {
                if (c.figureCodes().stream().anyMatch(used::contains)) {
                    found.add(renumber(c.description().in(locale)));
                }
            }
            return new NoteDocument.Findings(msg("note.write.contradictions", locale),
                    msg("note.write.contradictions.lead", locale), found);
        }

        /**
         * The recorded descriptions cite the seed note's own reference list ("Table 2 [4]"); in this note the same
         * source may have another number, so each is given this note's number for that source.
         */
        String renumber(String description) {
            Matcher m = NOTE_CITATION.matcher(description);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                List<String> numbers = new ArrayList<>();
                for (String k : m.group(1).split(",\\s*")) {
                    String code = "ref" + k.trim();
                    numbers.add(figures.source(code).isPresent() ? String.valueOf(number(code)) : k.trim());
                }
                m.appendReplacement(out, Matcher.quoteReplacement("[" + String.join(", ", numbers) + "]"));
            }
            m.appendTail(out);
            return out.toString();
        }

        List<NoteDocument.Reference> references() {
            List<NoteDocument.Reference> out = new ArrayList<>();
            cited.forEach((code, n) -> {
                SourceDocument s = figures.source(code).orElse(null);
                out.add(new NoteDocument.Reference(n, s == null ? code : Citations.format(s, locale)));
            });
            return out;
        }
    }
}
