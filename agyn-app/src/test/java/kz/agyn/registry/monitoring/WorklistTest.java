package kz.agyn.registry.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jakarta.servlet.http.Cookie;
import kz.agyn.AgynTest;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The worklist page, its exports and API by role: officers see names (and IINs in exports), analysts the same
 * lines under pseudonyms with no name or IIN anywhere in the raw answer, viewers nothing; every export is
 * audited with its size; "done" needs a note and survives the next monitoring pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistTest extends AgynTest {

    static final RequestPostProcessor OFFICER = user("wl-officer").roles("REGISTRY_OFFICER");
    static final RequestPostProcessor ANALYST = user("wl-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("wl-viewer").roles("VIEWER");
    // Pages take the language from the interface's cookie (Accept-Language is for API scripts).
    static final Cookie ENGLISH = new Cookie("agyn-lang", "en");
    static final String LAST = "Төлеуғалиева";
    static final String FIRST = "Сәуле";
    // Host country and call year that no synthetic scholar has, so the filtered worklist is ours alone.
    static final String HOST = "IS";

    @Autowired
    MockMvc mvc;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    ScholarService scholarService;

    @Autowired
    JdbcClient jdbc;

    String iin;
    long award;
    String pseudonym;
    String filter;

    @BeforeAll
    void records() {
        TestScholars make = new TestScholars(scholarService);
        iin = TestScholars.iin(LocalDate.of(1989, 8, 23), 7201);
        long scholar = make.scholar(iin, LAST, FIRST);
        award = make.award(scholar, LocalDate.now().minusDays(200), true, HOST);
        pseudonym = jdbc.sql("SELECT pseudonym FROM reg_scholar WHERE id = ?").param(scholar).query(String.class)
                .single();
        monitoring.run(false, "test");
        filter = "kind=OVERDUE&country=" + HOST + "&degree=MASTER";
    }

    @Test
    void officerSeesNamesAndAnalystOnlyPseudonyms() throws Exception {
        String officer = mvc.perform(get("/registry/worklist?" + filter).with(OFFICER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(officer).contains(LAST, pseudonym, "/registry/incentives", "run-form").doesNotContain("??");
        for (String lang : new String[] {"kk", "ru", "en"}) {
            assertThat(mvc.perform(get("/registry/worklist?status=all").with(OFFICER)
                            .cookie(new Cookie("agyn-lang", lang))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("??");
        }
        String analyst = mvc.perform(get("/registry/worklist?" + filter).with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(analyst).contains(pseudonym).doesNotContain(LAST, FIRST, iin, "run-form");
        mvc.perform(get("/registry/worklist").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/registry/worklist/export.csv").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registry/tasks").with(VIEWER)).andExpect(status().isForbidden());
        String api = mvc.perform(get("/api/v1/registry/tasks?" + filter).with(ANALYST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.lines[0].pseudonym").value(pseudonym))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).doesNotContain(LAST, FIRST, iin);
        mvc.perform(get("/api/v1/registry/tasks?" + filter).with(OFFICER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].name").value(LAST + " " + FIRST));
        mvc.perform(get("/api/v1/registry/tasks?kind=NOPE").with(OFFICER)).andExpect(status().isBadRequest());
    }

    @Test
    void exportsCarryNamesForOfficersOnlyAndAreAudited() throws Exception {
        long before = exports();
        String csv = mvc.perform(get("/registry/worklist/export.csv?" + filter).with(OFFICER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("task,kind,due_on").contains(LAST, iin, pseudonym, "OVERDUE");
        assertThat(csv.lines().count()).isEqualTo(2);
        String analystCsv = mvc.perform(get("/registry/worklist/export.csv?" + filter).with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(analystCsv).contains(pseudonym).doesNotContain(LAST, FIRST, iin, ",name,", ",iin,");

        byte[] officerXlsx = mvc.perform(get("/registry/worklist/export.xlsx?" + filter).with(OFFICER)
                .cookie(ENGLISH)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(cells(officerXlsx)).contains(LAST, iin, pseudonym, "Overdue: not back by the deadline");
        byte[] analystXlsx = mvc.perform(get("/registry/worklist/export.xlsx?" + filter).with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(analystXlsx)).contains(pseudonym).doesNotContain(LAST, FIRST, iin);
        assertThat(unzipped(analystXlsx)).doesNotContain(LAST, FIRST, iin);

        assertThat(exports()).isEqualTo(before + 4);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND actor = 'wl-officer' AND records = 1
                AND detail LIKE 'worklist csv personal%'""").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event a WHERE a::text LIKE ?").param("%" + iin + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void doneNeedsANoteAndIsNotUndoneByTheNextPass() throws Exception {
        long task = jdbc.sql("SELECT id FROM reg_task WHERE award_id = ? AND done_at IS NULL").param(award)
                .query(Long.class).single();
        mvc.perform(post("/registry/worklist/tasks/" + task + "/done").with(csrf()).with(ANALYST).param("note", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/registry/worklist/tasks/" + task + "/done").with(OFFICER).param("note", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/registry/worklist/tasks/" + task + "/done").with(csrf()).with(OFFICER).param("note", " ")
                .cookie(ENGLISH)).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error"))
                        .isEqualTo("Write a note saying what was done."));
        mvc.perform(post("/registry/worklist/tasks/" + task + "/done").with(csrf()).with(OFFICER)
                        .param("note", "Called the scholar; returning next month").param("back", filter))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT done_by FROM reg_task WHERE id = ?").param(task).query(String.class).single())
                .isEqualTo("wl-officer");
        monitoring.run(false, "test");
        assertThat(jdbc.sql("SELECT count(*) FROM reg_task WHERE award_id = ? AND done_at IS NULL").param(award)
                .query(Long.class).single()).isZero();
        mvc.perform(post("/api/v1/registry/tasks/" + task + "/done").with(csrf()).with(OFFICER)
                .contentType("application/json").content("{\"note\":\"again\"}")).andExpect(status().isConflict());
    }

    @Test
    void theButtonAndTheApiRunMonitoring() throws Exception {
        mvc.perform(post("/api/v1/registry/monitoring/run?recompute=false").with(csrf()).with(ANALYST))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/registry/monitoring/run?recompute=false").with(csrf()).with(OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.opened.OVERDUE").isNumber());
        String fragment = mvc.perform(post("/registry/monitoring/run").with(csrf()).with(OFFICER)
                        .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("id=\"run-result\"").doesNotContain("<html");
    }

    long exports() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND detail LIKE 'worklist%'")
                .query(Long.class).single();
    }

    static String cells(byte[] xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                for (Cell c : row) {
                    sb.append(c.toString()).append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Every part of the file as text, shared strings and inline strings alike. */
    static String unzipped(byte[] xlsx) throws Exception {
        // ZipFile rather than ZipInputStream: the streaming writer puts entry sizes after the data.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("worklist", ".xlsx");
        StringBuilder sb = new StringBuilder();
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    sb.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(sb).contains("sheetData");
        return sb.toString();
    }
}
