package kz.agyn.note.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.agyn.AgynTest;
import kz.agyn.Browsers;
import kz.agyn.kernel.UserException;
import kz.agyn.scenario.RunSettings;
import kz.agyn.scenario.Scenario;
import kz.agyn.scenario.ScenarioService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19's policy blocks in the shipped policy note: a comparison of scenarios from a finished run, a measure's
 * KPI as a table and as a sentence, a map of the regions and a fan chart of a forecast, written in kk, ru and en to
 * DOCX, PDF and HTML; a scenario with no finished run, an unknown scenario or measure refused with a located
 * message; the check raising nothing on the note.
 */
class PolicyNoteTest extends AgynTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @Autowired
    NoteTemplates templates;

    @Autowired
    NoteWriter writer;

    @Autowired
    ScenarioService scenarios;

    @Autowired
    kz.agyn.note.check.NoteChecker checker;

    static UUID run;

    /** One small run of the template's two scenarios and a third, shared by the tests (a run takes seconds). */
    @BeforeEach
    void aFinishedRun() throws Exception {
        synchronized (PolicyNoteTest.class) {
            if (run != null) {
                return;
            }
            List<Long> ids = List.of(shipped("researchers_pay_30").id(), shipped("returnee_supplement_20").id(),
                    shipped("research_budget_10bn").id());
            UUID started = scenarios.start(ids, new RunSettings(4, 6, 11, 2000), "note-test");
            Instant until = Instant.now().plus(Duration.ofMinutes(4));
            while (scenarios.finished(started).isEmpty() && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertThat(scenarios.finished(started)).as("the run finished").isPresent();
            run = started;
        }
    }

    @ParameterizedTest
    @CsvSource({"kk, Базалық сценарий, 1-кесте, 1-сурет, 2-сурет",
            "ru, Базовый сценарий, Таблица 1, Рисунок 1, Рисунок 2",
            "en, Baseline, Table 1, Figure 1, Figure 2"})
    void thePolicyNoteHasItsScenarioTableKpisMapAndFan(String language, String baseline, String table1,
                                                     String figure1, String figure2) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        NoteTemplate t = policy();
        NoteDocument d = writer.write(t, locale, NoteParameters.of(t, null, "2024", null, DAY));
        Files.createDirectories(Browsers.SHOTS);
        Files.writeString(Browsers.SHOTS.resolve("policy-note-" + language + ".txt"), TextNote.render(d));
        List<NoteDocument.Table> tables = d.parts().stream().filter(p -> p instanceof NoteDocument.Table)
                .map(p -> (NoteDocument.Table) p).toList();
        List<NoteDocument.Chart> charts = d.parts().stream().filter(p -> p instanceof NoteDocument.Chart)
                .map(p -> (NoteDocument.Chart) p).toList();
        for (NoteDocument.Chart c : charts) {
            Files.write(Browsers.SHOTS.resolve("policy-note-" + language + "-figure" + c.number() + ".png"), c.png());
        }
        // The scenario table: the baseline, then each of the template's two scenarios and its difference.
        NoteDocument.Table scenario = tables.get(0);
        assertThat(scenario.label()).isEqualTo(table1);
        assertThat(scenario.columns()).hasSize(6);
        assertThat(scenario.columns().get(1)).isEqualTo(baseline);
        assertThat(scenario.rows()).hasSize(6);
        assertThat(scenario.sourceLine()).contains("[");
        assertThat(d.pins().runs()).containsEntry("researchers_pay_30,research_budget_10bn", run).hasSize(1);
        assertThat(d.references()).anyMatch(r -> r.text().contains(run.toString()));
        // The KPI: a table of six rows and a sentence, each with its citation.
        NoteDocument.Table kpi = tables.get(1);
        assertThat(kpi.rows()).hasSize(6);
        assertThat(d.pins().kpis()).containsKeys(1L, 2L);
        // The map and the fan chart: pictures of their sizes.
        assertThat(charts).extracting(NoteDocument.Chart::label).containsExactly(figure1, figure2);
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(charts.get(0).png())).getWidth())
                .isEqualTo(MapImage.WIDTH);
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(charts.get(1).png())).getWidth())
                .isEqualTo(FanImage.WIDTH);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxNote.render(d)))) {
            assertThat(doc.getTables()).hasSize(2);
            assertThat(doc.getAllPictures()).hasSize(2);
            // Each picture in its own proportions: the map is not stretched to the line chart's 2:1.
            List<org.apache.poi.xwpf.usermodel.XWPFPicture> pictures = doc.getParagraphs().stream()
                    .flatMap(p -> p.getRuns().stream()).flatMap(r -> r.getEmbeddedPictures().stream()).toList();
            assertThat(pictures).hasSize(2);
            assertThat(pictures.get(0).getDepth() / pictures.get(0).getWidth())
                    .isCloseTo((double) MapImage.HEIGHT / MapImage.WIDTH, org.assertj.core.data.Offset.offset(0.01));
            assertThat(pictures.get(1).getDepth() / pictures.get(1).getWidth())
                    .isCloseTo((double) FanImage.HEIGHT / FanImage.WIDTH, org.assertj.core.data.Offset.offset(0.01));
            assertThat(doc.getTables().get(0).getRow(0).getCell(1).getText()).isEqualTo(baseline);
        }
        try (PDDocument pdf = Loader.loadPDF(PdfNote.render(d))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(table1 + ". ").contains(figure2 + ". ")
                    .contains(run.toString().substring(0, 8));
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 80), "png", Browsers.SHOTS
                        .resolve("policy-note-pdf-" + language + "-page" + (i + 1) + ".png").toFile());
            }
        }
        // Written again from what it read, it is the same.
        NoteDocument again = writer.write(t, locale, NoteParameters.of(t, null, "2024", null, DAY)
                .pinnedTo(d.data(), d.pins()));
        assertThat(again.parts()).isEqualTo(d.parts());
        // The check raises nothing on it.
        var report = checker.check(TextNote.render(d));
        assertThat(report.findings()).as(language + ": " + report.findings()).isEmpty();
    }

    @Test
    void aScenarioWithoutAFinishedRunAnUnknownScenarioOrMeasureIsRefusedNamingIt() throws Exception {
        NoteTemplate t = policy();
        // A scenario of its own that nothing runs: a shipped one may have been run by any test before this one.
        Scenario never = neverRun();
        assertThatThrownBy(() -> writer.write(t, Locale.ENGLISH,
                NoteParameters.of(t, null, "2024", Long.toString(never.id()), DAY)))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.code()).isEqualTo("note.write.scenario.noRun");
                    assertThat(e.args()).containsExactly("policy-note", "block 9", never.name());
                });
        assertThatThrownBy(() -> writer.write(t, Locale.ENGLISH,
                NoteParameters.of(t, null, "2024", "no_such_scenario", DAY)))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.code()).isEqualTo("note.write.scenario.unknown");
                    assertThat(e.args()).containsExactly("policy-note", "block 9", "no_such_scenario");
                });
        String body = templates.body("policy-note", null).orElseThrow().replace("\"measure\": 2", "\"measure\": 999");
        assertThatThrownBy(() -> templates.check(body)).isInstanceOfSatisfying(UserException.class, e -> {
            assertThat(e.code()).isEqualTo("note.write.kpi.unknown");
            assertThat(e.args()).containsExactly("policy-note", "12-блок", "999");
        });
        String body0 = templates.body("policy-note", null).orElseThrow();
        // Zhetysu has three years: too short a series for a forecast, said with the forecast's own reason.
        assertThatThrownBy(() -> templates.check(body0.replace("\"filters\": {\"region\": \"KZ\"}",
                "\"filters\": {\"region\": \"330000000\"}"))).isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.code()).isEqualTo("note.write.fan.cannot");
                    assertThat(e.args()).startsWith("policy-note", "6-блок");
                });
        assertThatThrownBy(() -> templates.check(body0.replace("\"RETURNEES\"", "\"NO_SUCH\"")))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.code()).isEqualTo("note.write.scenario.measure");
                    assertThat(e.args()).startsWith("policy-note", "9-блок", "NO_SUCH");
                });
        assertThatThrownBy(() -> templates.check(body0.replace("\"scenarios\": \"${scenarios}\",",
                "\"scenarios\": \"${scenarios}\", \"year\": \"1990\",")))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.code()).isEqualTo("note.write.scenario.year");
                    assertThat(e.args()).startsWith("policy-note", "9-блок", "1990");
                });
        // The template's preview says it where the analyst types, in the page's language.
        String noRun = templates.body("policy-note", null).orElseThrow()
                .replace("\"scenarios\": \"researchers_pay_30, research_budget_10bn\"", "\"scenarios\": \""
                        + never.id() + "\"");
        String preview = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/note/templates/preview").param("body", noRun).param("language", "ru")
                        .param("lang", "ru").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user("policy-analyst").roles("ANALYST"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("завершённого расчёта сценариев «" + never.name() + "» ещё нет");
        String unknownType = templates.body("policy-note", null).orElseThrow()
                .replace("\"type\": \"kpi\", \"id\": \"research-budget\"", "\"type\": \"gauge\", \"id\": \"x\"");
        assertThatThrownBy(() -> templates.check(unknownType)).isInstanceOfSatisfying(UserException.class, e -> {
            assertThat(e.code()).isEqualTo("note.write.template.type");
            assertThat(e.args()).containsExactly("12", "gauge");
        });
    }

    @Test
    void theScenariosChosenAtIssuingAreTheOnesCompared() {
        NoteTemplate t = policy();
        NoteDocument d = writer.write(t, Locale.forLanguageTag("ru"),
                NoteParameters.of(t, null, "2024", "returnee_supplement_20", DAY));
        NoteDocument.Table scenario = (NoteDocument.Table) d.parts().stream()
                .filter(p -> p instanceof NoteDocument.Table).findFirst().orElseThrow();
        assertThat(scenario.columns()).hasSize(4);
        assertThat(scenario.columns().get(2)).contains("20%");
    }

    @Autowired
    NoteIssues issues;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    /**
     * Issued from the form with two scenarios ticked: the record keeps them and the run read, and after a newer run
     * of the same scenarios the issued note is still written again byte for byte (from its run), while a fresh
     * note reads the newer one. The form offers every scenario; the page lists the run and the KPIs read.
     */
    @Test
    void anIssuedPolicyNoteKeepsItsScenariosAndRunAndIsWrittenAgainByteForByte() throws Exception {
        var analyst = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("policy-analyst").roles("ANALYST");
        String form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/note/issued").param("lang", "en").with(analyst))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"scenarios\" value=\"researchers_pay_30\"",
                "name=\"scenarios\" value=\"partnerships_15\"", "Partnerships 10 → 15");
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/note/issued").param("template", "policy-note").param("period", "2024")
                        .param("scenarios", "returnee_supplement_20", "research_budget_10bn")
                        .param("language", "kk").with(analyst)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/note/issued?note=");
        UUID id = UUID.fromString(location.substring(location.indexOf('=') + 1));
        NoteIssues.Issued issued = null;
        for (int i = 0; i < 600 && (issued == null || !issued.written()); i++) {
            Thread.sleep(100);
            issued = issues.find(id).orElseThrow();
        }
        assertThat(issued.written()).isTrue();
        assertThat(issued.scenarios()).isEqualTo("returnee_supplement_20,research_budget_10bn");
        assertThat(issued.pins().runs()).containsEntry("returnee_supplement_20,research_budget_10bn", run);
        assertThat(issued.pins().kpis()).containsKeys(1L, 2L);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/note/issued").param("note", id.toString()).param("lang", "en").with(analyst))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("scenario run (returnee_supplement_20,research_budget_10bn): " + run)
                .contains("measure&#39;s KPI: Raise the return of Bolashak graduates");

        UUID newer = scenarios.start(List.of(shipped("research_budget_10bn").id(),
                shipped("returnee_supplement_20").id()), new RunSettings(3, 6, 12, 2000), "note-test");
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (scenarios.finished(newer).isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        NoteTemplate t = policy();
        NoteDocument fresh = writer.write(t, Locale.forLanguageTag("kk"),
                NoteParameters.of(t, null, "2024", "returnee_supplement_20,research_budget_10bn", DAY));
        assertThat(fresh.pins().runs()).containsValue(newer);
        assertThat(issues.regenerate(id).identical()).isTrue();
        assertThat(new String(issues.regenerated(id, "html"), java.nio.charset.StandardCharsets.UTF_8))
                .contains(run.toString()).doesNotContain(newer.toString());
    }

    @Autowired
    kz.agyn.note.writer.internal.NoteWriterRepository repository;

    /**
     * The page that writes a note says why a template cannot be written now (here: its scenario never run), where
     * another can be chosen, instead of an error page. Stored directly: saving would refuse it for that reason.
     */
    @Test
    void theWritePageSaysWhyATemplateCannotBeWrittenNow() throws Exception {
        String code = "policy-no-run-" + UUID.randomUUID().toString().substring(0, 8);
        String body = templates.body("policy-note", null).orElseThrow()
                .replace("\"code\": \"policy-note\"", "\"code\": \"" + code + "\"")
                .replace("\"scenarios\": \"researchers_pay_30, research_budget_10bn\"", "\"scenarios\": \""
                        + neverRun().id() + "\"");
        repository.insertTemplate(code, 1, body, false, "policy-analyst");
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/note/write").param("template", code).param("language", "en").param("lang", "kk")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("policy-analyst").roles("ANALYST")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("id=\"note-write-error\"")
                .contains("аяқталған есебі әлі жоқ").doesNotContain("id=\"note-preview\"");
    }

    private NoteTemplate policy() {
        return templates.find("policy-note").orElseThrow();
    }

    /** A new scenario (the levers of a shipped one) that no test runs. */
    private Scenario neverRun() {
        return scenarios.create("Never run " + UUID.randomUUID().toString().substring(0, 8), null,
                shipped("partnerships_15").levers(), "policy-analyst");
    }

    private Scenario shipped(String code) {
        return scenarios.scenarios().stream().filter(s -> code.equals(s.shipped())).findFirst().orElseThrow();
    }
}
