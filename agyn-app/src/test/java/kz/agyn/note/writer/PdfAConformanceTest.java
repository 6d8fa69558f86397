package kz.agyn.note.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;

/**
 * A note's PDF declares PDF/A-2u and carries what that asks for (decision 0052): the XMP metadata names part 2,
 * conformance U; an sRGB output intent with its ICC profile; every font embedded with its Unicode mapping (the
 * Kazakh letters included); the XMP dates those of the document information, the note's date for an issued note.
 */
class PdfAConformanceTest {

    @Test
    void anIssuedNotesPdfDeclaresPdfA2uAndCarriesWhatItAsks() throws Exception {
        NoteDocument d = DeterministicFilesTest.note(LocalDate.of(2026, 12, 7));
        try (PDDocument pdf = Loader.loadPDF(IssuedFiles.pdf(d))) {
            XMPMetadata xmp = new DomXmpParser().parse(pdf.getDocumentCatalog().getMetadata().exportXMPMetadata());
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertThat(id).as("the PDF/A identification schema").isNotNull();
            assertThat(id.getPart()).isEqualTo(2);
            assertThat(id.getConformance()).isEqualTo("U");
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant())
                    .isEqualTo(Instant.parse("2026-12-07T00:00:00Z"))
                    .isEqualTo(pdf.getDocumentInformation().getCreationDate().toInstant());
            // The same modification date in both, or none in either.
            assertThat(java.util.Optional.ofNullable(xmp.getXMPBasicSchema().getModifyDate()).map(c -> c.toInstant()))
                    .isEqualTo(java.util.Optional.ofNullable(pdf.getDocumentInformation().getModificationDate())
                            .map(c -> c.toInstant()));
            assertThat(xmp.getDublinCoreSchema().getTitle()).contains("әғқңөұүһі");

            assertThat(pdf.getDocumentCatalog().getOutputIntents()).singleElement().satisfies(intent -> {
                assertThat(intent.getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
                assertThat(intent.getDestOutputIntent()).isNotNull();
                assertThat(intent.getDestOutputIntent().getInt(COSName.N)).as("an RGB profile").isEqualTo(3);
                try (var in = intent.getDestOutputIntent().createInputStream()) {
                    assertThat(java.awt.color.ICC_Profile.getInstance(in).getColorSpaceType())
                            .isEqualTo(java.awt.color.ColorSpace.TYPE_RGB);
                }
            });
            int fonts = 0;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts++;
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    assertThat(font.getCOSObject().containsKey(COSName.TO_UNICODE))
                            .as(font.getName() + " maps to Unicode").isTrue();
                    assertThat(font).isInstanceOf(PDType0Font.class);
                }
            }
            assertThat(fonts).isPositive();
            assertThat(pdf.isEncrypted()).isFalse();
        }
    }

    @Test
    void aNoteWrittenLiveDeclaresItToo() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(PdfNote.render(DeterministicFilesTest.note(LocalDate.of(2026, 12, 7))))) {
            XMPMetadata xmp = new DomXmpParser().parse(pdf.getDocumentCatalog().getMetadata().exportXMPMetadata());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).extracting(PDOutputIntent::getOutputConditionIdentifier)
                    .hasSize(1);
        }
    }
}
