package kz.agyn.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditEvent;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The board and a measure as XLSX in the reader's language, and evidence kept as a file and given back. */
class MeasureFilesTest extends AgynTest {

    static final String ANALYST = "measure-files-analyst";

    @Autowired
    MockMvc mvc;

    @Autowired
    MeasureService measures;

    @Autowired
    AuditLog audit;

    @Test
    void theBoardAndAMeasureAreWorkbooksInTheReadersLanguage() throws Exception {
        Measure agreements = measures.measures().stream()
                .filter(m -> m.fromNote() && m.kpi().source() == KpiSource.MANUAL).findFirst().orElseThrow();
        try (XSSFWorkbook wb = workbook("/measures/export.xlsx?lang=ru")) {
            Sheet board = wb.getSheet("Меры");
            assertThat(board).isNotNull();
            assertThat(board.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Мера");
            assertThat(board.getLastRowNum()).isGreaterThanOrEqualTo(4);
            boolean found = false;
            for (int i = 1; i <= board.getLastRowNum(); i++) {
                if ((long) board.getRow(i).getCell(0).getNumericCellValue() == agreements.id()) {
                    found = true;
                    assertThat(board.getRow(i).getCell(1).getStringCellValue())
                            .isEqualTo("Соглашения с зарубежными университетами");
                    assertThat(board.getRow(i).getCell(9).getNumericCellValue()).isEqualTo(15.0);
                }
            }
            assertThat(found).isTrue();
        }
        try (XSSFWorkbook wb = workbook("/measures/" + agreements.id() + "/export.xlsx?lang=kk")) {
            assertThat(wb.getSheet("Шара").getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("Шетелдік университеттермен келісімдер");
            assertThat(wb.getSheet("Өзгерістер")).isNotNull();
            assertThat(wb.getSheet("Нақты мәндер")).isNotNull();
        }
        List<AuditEvent> exports = audit.search(new AuditQuery(ANALYST, AuditAction.EXPORT, "MEASURE", null, null,
                null, 0, 100));
        assertThat(exports).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void evidenceIsKeptAsAFileAndItsReadIsAudited() throws Exception {
        Measure budget = measures.measures().stream()
                .filter(m -> m.fromNote() && "RESEARCH_BUDGET".equals(m.kpi().indicator())).findFirst().orElseThrow();
        byte[] pdf = "%PDF-1.4 budget law extract".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/measures/" + budget.id() + "/comments")
                .file(new MockMultipartFile("file", "budget-2025.pdf", "application/pdf", pdf))
                .param("body", "Республикалық бюджет туралы заңнан үзінді").with(csrf())
                .with(user(ANALYST).roles("ANALYST")));
        MeasureComment comment = measures.comments(budget.id()).stream()
                .filter(c -> "budget-2025.pdf".equals(c.fileName())).findFirst().orElseThrow();
        assertThat(comment.fileSize()).isEqualTo(pdf.length);
        MvcResult file = mvc.perform(get("/measures/" + budget.id() + "/evidence/" + comment.id() + "/download")
                .with(user("measure-files-viewer").roles("VIEWER"))).andReturn();
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(file.getResponse().getHeader("Content-Disposition")).contains("budget-2025.pdf");
        assertThat(audit.search(new AuditQuery("measure-files-viewer", AuditAction.VIEW, "MEASURE_COMMENT",
                comment.id(), null, null, 0, 10))).hasSize(1);
        // A comment without text is refused on the page, in the reader's language.
        MvcResult empty = mvc.perform(multipart("/measures/" + budget.id() + "/comments").param("body", " ")
                .param("lang", "en").with(csrf()).with(user(ANALYST).roles("ANALYST"))).andReturn();
        assertThat(empty.getFlashMap().get("error")).isEqualTo("Write the comment.");
    }

    private XSSFWorkbook workbook(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user(ANALYST).roles("ANALYST"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
    }
}
