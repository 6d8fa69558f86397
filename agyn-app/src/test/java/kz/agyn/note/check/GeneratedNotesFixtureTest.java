package kz.agyn.note.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.note.writer.NoteDocument;
import kz.agyn.note.writer.NoteParameters;
import kz.agyn.note.writer.NoteTemplate;
import kz.agyn.note.writer.NoteTemplates;
import kz.agyn.note.writer.NoteWriter;
import kz.agyn.note.writer.TextNote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The two notes written by Agyn in the hand-labelled set ({@code labelled-figures.tsv}, {@link FigureExtractorTest})
 * are kept as the text the check reads ({@link TextNote}), because their labels name lines of that text. This test
 * writes them again — dated 7 December 2026, from the first version of every source they read, so that later imports
 * by other tests change nothing — and fails when the writer's output no longer is the labelled text: then the labels
 * must be checked against the new text (it is written to {@code target/generated-notes/}), not silently trusted.
 */
class GeneratedNotesFixtureTest extends AgynTest {

    @Autowired
    NoteTemplates templates;

    @Autowired
    NoteWriter writer;

    @ParameterizedTest
    @CsvSource({"seed-note, ru, , generated-seed-note-ru.txt",
            "regional-note, kk, 330000000, generated-regional-note-kk.txt"})
    void theLabelledGeneratedNotesAreWhatTheWriterWrites(String template, String language, String region,
                                                          String fixture) throws IOException {
        String text = write(template, language, region);
        ClassPathResource kept = new ClassPathResource("note-check/" + fixture);
        if (!kept.exists() || !new String(kept.getInputStream().readAllBytes(), StandardCharsets.UTF_8).equals(text)) {
            Path out = Path.of("target", "generated-notes", fixture);
            Files.createDirectories(out.getParent());
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        assertThat(kept.exists()).as("fixture %s (written to target/generated-notes)", fixture).isTrue();
        assertThat(text).as("the writer's %s %s drifted from the labelled text; compare target/generated-notes/%s"
                + " and check its labels", template, language, fixture)
                .isEqualTo(new String(kept.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    String write(String name, String language, String region) throws IOException {
        // The shipped template as it is in the build, not the latest stored version another test may have edited.
        NoteTemplate t = templates.read(new ClassPathResource("note-templates/" + name + ".json").getInputStream()
                .readAllBytes());
        Locale locale = Locale.forLanguageTag(language);
        NoteParameters p = NoteParameters.of(t, region, null, LocalDate.of(2026, 12, 7));
        NoteDocument first = writer.write(t, locale, p);
        List<NoteParameters.DataVersion> v1 = first.data().stream()
                .map(d -> new NoteParameters.DataVersion(d.indicator(), d.dataset(), 1)).toList();
        return TextNote.render(writer.write(t, locale, p.pinnedTo(v1)));
    }
}
