package kz.agyn.note.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An issued note must be written again to the same bytes: the DOCX and the PDF carry no clock (creation dates,
 * zip entry times, the PDF's document id) but the date the note bears.
 */
class DeterministicFilesTest {

    static NoteDocument note(LocalDate date) {
        return new NoteDocument("t", 1, Locale.forLanguageTag("kk"),
                new NoteDocument.Labels("Кімге", "Автор", "Күні", "Тақырыбы", "Кілт сөздер"), "әкім", "Agyn", date,
                "ЖАЗБА", "Жетісу облысы: әғқңөұүһі", "көші-қон",
                List.of(new NoteDocument.Heading("Кіріспе"), new NoteDocument.Text("Мәтін [1]."),
                        new NoteDocument.Table(1, "1-кесте", "Кесте", List.of("Жыныс", "2024"),
                                List.of(List.of("Ерлер", "508")), "[1] – дереккөз.", null)),
                List.of(new NoteDocument.Reference(1, "Дереккөз")), List.of());
    }

    @Test
    void theSameNoteWrittenTwiceASecondApartGivesTheSameBytes() throws Exception {
        NoteDocument d = note(LocalDate.of(2026, 12, 7));
        byte[] docx = IssuedFiles.docx(d);
        byte[] pdf = IssuedFiles.pdf(d);
        Thread.sleep(2100);
        assertThat(IssuedFiles.docx(d)).isEqualTo(docx);
        assertThat(IssuedFiles.pdf(d)).isEqualTo(pdf);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(java.time.Instant.parse("2026-12-07T00:00:00Z"));
        }
    }
}
