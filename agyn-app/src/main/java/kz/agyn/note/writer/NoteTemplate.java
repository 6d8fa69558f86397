package kz.agyn.note.writer;

import java.time.LocalDate;
import java.util.List;
import kz.agyn.reference.Names;

/**
 * A note's template: its header and its blocks, each text in the three languages. Text may hold placeholders
 * {@code {fig:CODE}}, a figure of the note's datasets written in the reader's language with "≈", its unit and
 * period ("≈ 150 млрд ₸ / жыл"), and {@code {num:CODE}}, its number alone for prose whose words say the rest
 * ("шамамен 150 млрд теңге"). In running text each is followed by its citation; in a table it is not: the
 * table's source line cites.
 */
public record NoteTemplate(String code, int version, Names name, Header header, List<Block> blocks) {

    public NoteTemplate {
        blocks = List.copyOf(blocks);
    }

    /** What stands above the title: to whom, from whom, when, and the keywords. */
    public record Header(Names addressee, Names author, LocalDate date, Names kind, Names title, Names keywords) {
    }

    /** One block of the note's body. */
    public sealed interface Block permits Heading, Paragraph, Table, Items, Contradictions, References {
    }

    /** A section heading. */
    public record Heading(Names text) implements Block {
    }

    /** A paragraph of running text. */
    public record Paragraph(Names text) implements Block {
    }

    /**
     * A numbered table; {@code total}, when given, names the share figures of one whole whose sum the writer
     * checks against 100%.
     */
    public record Table(String id, Names caption, List<Names> columns, List<List<Names>> rows, Total total)
            implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** The figures of a table that are shares of one whole. */
    public record Total(int column, List<String> figures) {
        public Total {
            figures = List.copyOf(figures);
        }
    }

    /** A numbered list (the recommendations). */
    public record Items(List<Names> items) implements Block {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** Where the figures used disagree with each other, as Agyn's note datasets record it. */
    public record Contradictions() implements Block {
    }

    /** The reference list: the sources cited, in order of first citation. */
    public record References() implements Block {
    }
}
