package kz.agyn.note.writer;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A note as written for one language: every text resolved, tables numbered, citations numbered. The renderers
 * (HTML, PDF, DOCX) only lay it out, so the three formats cannot say different things. {@code data} is the
 * warehouse source and version each indicator was read from, {@code pins} the scenario runs and KPIs read: what an
 * issued note records to be written again as it was.
 */
public record NoteDocument(String templateCode, int templateVersion, Locale language, Labels labels,
                           String addressee, String author, LocalDate date, String kind, String title,
                           String keywords, List<Part> parts, List<Reference> references,
                           List<NoteParameters.DataVersion> data, NoteParameters.Pins pins) {

    public NoteDocument {
        parts = List.copyOf(parts);
        references = List.copyOf(references);
        data = List.copyOf(data);
        pins = pins == null ? NoteParameters.Pins.NONE : pins;
    }

    public NoteDocument(String templateCode, int templateVersion, Locale language, Labels labels, String addressee,
                        String author, LocalDate date, String kind, String title, String keywords, List<Part> parts,
                        List<Reference> references, List<NoteParameters.DataVersion> data) {
        this(templateCode, templateVersion, language, labels, addressee, author, date, kind, title, keywords, parts,
                references, data, NoteParameters.Pins.NONE);
    }

    /** The words before the header's values, in the note's language ("Кімге", "Кому", "To" …). */
    public record Labels(String addressee, String author, String date, String title, String keywords) {
    }

    /** One part of the body, in the order of the template. */
    public sealed interface Part permits Heading, Text, Table, Chart, Items, Findings, ReferenceList {
    }

    public record Heading(String text) implements Part {
    }

    public record Text(String text) implements Part {
    }

    /**
     * A numbered table: {@code label} is "1-кесте" / "Таблица 1" / "Table 1"; {@code warning}, when not null,
     * says what the writer found wrong with it (shares of one whole not summing to 100%).
     */
    public record Table(int number, String label, String caption, List<String> columns, List<List<String>> rows,
                        String sourceLine, String warning) implements Part {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A numbered chart: {@code label} is "1-сурет" / "Рисунок 1" / "Figure 1", {@code png} the picture every format
     * shows ({@code ChartImage}), {@code description} its data in words for those who cannot see it.
     */
    public record Chart(int number, String label, String caption, String sourceLine, String description, byte[] png,
                        int width, int height) implements Part {
        public Chart {
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chart c && number == c.number && label.equals(c.label) && caption.equals(c.caption)
                    && java.util.Objects.equals(sourceLine, c.sourceLine) && description.equals(c.description)
                    && java.util.Arrays.equals(png, c.png) && width == c.width && height == c.height;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(number, label, caption, sourceLine, description, java.util.Arrays.hashCode(png));
        }

        @Override
        public String toString() {
            return "Chart[" + label + ". " + caption + ", " + png.length + " bytes]";
        }
    }

    public record Items(List<String> items) implements Part {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A titled list of findings: the contradictions among the figures the note uses. */
    public record Findings(String title, String lead, List<String> findings) implements Part {
        public Findings {
            findings = List.copyOf(findings);
        }
    }

    /** The reference list under its heading, where the template put it. */
    public record ReferenceList(String title, List<Reference> references) implements Part {
        public ReferenceList {
            references = List.copyOf(references);
        }
    }

    /** An entry of the reference list. */
    public record Reference(int number, String text) {
    }
}
