package kz.agyn.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditEvent;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import kz.agyn.kernel.Sex;
import kz.agyn.reference.Names;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.scholars.ScholarService;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance of the measures (issue 18): an analyst builds the note's four measures through the API, their
 * actual values arrive through a warehouse import, the registry (a scholar whose state changes) and values
 * reported with evidence, and each KPI, light and audit row is checked.
 */
class MeasuresTest extends AgynTest {

    static final String ANALYST = "measure-analyst";
    static final String DATASET = "test-measures";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ImportService imports;

    @Autowired
    ScholarService scholars;

    @Autowired
    AuditLog audit;

    @Test
    void theNotesFourMeasuresFollowTheirDataAndEveryChangeIsAudited() throws Exception {
        importFigures();
        int year = LocalDate.now().getYear();

        long returns = create(draft("RETURN_RATE", "REGISTRY", "PERCENT", null, null, 40, 70, 2030));
        long budget = create(draft("RESEARCH_BUDGET", "WAREHOUSE", "KZT", "RESEARCH_BUDGET", DATASET, 5e9, 1e10,
                2030));
        long agreements = create(draft("AGREEMENTS", "MANUAL", "COUNT", null, null, 10, 15, 2028));
        long pay = create(draft("PAY", "WAREHOUSE", "KZT", "RESEARCHER_WAGE", DATASET, 200000, 260000, 2030));

        // Research budget: 5.0, 6.0, 7.1, 7.9 bn from 2022 to 2025, a trend to about 12.8 bn in 2030: on track.
        JsonNode b = kpi(budget);
        assertThat(values(b)).containsExactly(5.0e9, 6.0e9, 7.1e9, 7.9e9);
        assertThat(b.get("verdict").get("light").asString()).isEqualTo("ON_TRACK");
        assertThat(b.get("verdict").get("reason").asString()).isEqualTo("projected");
        JsonNode at2030 = projected(b, 2030);
        // Least squares by hand: slope 0.98 bn a year through (2023.5, 6.5 bn), so 6.5 + 6.5 × 0.98 = 12.87 bn.
        assertThat(at2030.get("value").asDouble()).isCloseTo(12.87e9, org.assertj.core.data.Offset.offset(1e6));
        assertThat(at2030.get("lower").asDouble()).isLessThan(12.87e9);
        assertThat(b.get("sources").get(0).get("code").asString()).isEqualTo(DATASET);

        // Researchers' pay: 190 to 201 thousand, a trend to about 221 thousand against 260: off track.
        JsonNode p = kpi(pay);
        assertThat(values(p)).containsExactly(190000.0, 195000.0, 200000.0, 201000.0);
        assertThat(p.get("verdict").get("light").asString()).isEqualTo("OFF_TRACK");
        assertThat(p.get("verdict").get("reason").asString()).isEqualTo("outsideInterval");

        // Agreements: no value reported yet, then two (a line without an interval, short of 15), then 15.
        assertThat(kpi(agreements).get("verdict").get("light").asString()).isEqualTo("NO_DATA");
        reportValue(agreements, year - 1, "10", "Agreements register, 1 Dec " + (year - 1));
        reportValue(agreements, year, "11", "https://example.org/agreements/" + year);
        JsonNode a = kpi(agreements);
        assertThat(values(a)).containsExactly(10.0, 11.0);
        assertThat(a.get("verdict").get("reason").asString()).isEqualTo("projectedShort");
        assertThat(a.get("verdict").get("light").asString()).isEqualTo("OFF_TRACK");
        reportValue(agreements, year, "15", "Agreement with a fifth university, signed " + year);
        a = kpi(agreements);
        assertThat(values(a)).containsExactly(10.0, 15.0);
        assertThat(a.get("verdict").get("light").asString()).isEqualTo("ON_TRACK");
        assertThat(a.get("verdict").get("reason").asString()).isEqualTo("reached");

        // Return rate from the registry: a graduate overdue abroad comes back, and the share moves by one.
        TestScholars make = new TestScholars(scholars);
        long scholar = make.scholar(make.freshIin(LocalDate.of(1995, 4, 9), Sex.FEMALE), "Нұрланова", "Әсел");
        long award = make.award(scholar, LocalDate.now().minusYears(3), true, "DE");
        int[] before = counts(kpi(returns));
        var back = scholars.decide(award, new NewDecision("RETURN_CONFIRMED", LocalDate.now(), null,
                null, "arrival"), Access.PERSONAL, "test-officer");
        assertThat(back.state()).isIn(ObligationState.RETURNED, ObligationState.WORKING_OFF);
        // The registry changed: its shares are computed again on this request (decision 0042), not served stale.
        JsonNode r = kpi(returns);
        int[] after = counts(r);
        assertThat(after[0]).as("graduates back").isEqualTo(before[0] + 1);
        assertThat(after[1]).as("graduates due back").isEqualTo(before[1]);
        JsonNode latest = r.get("actual").get(r.get("actual").size() - 1);
        assertThat(latest.get("value").asDouble()).isCloseTo(100.0 * after[0] / after[1],
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(latest.get("year").asInt()).isEqualTo(year);
        assertThat(r.get("verdict").get("light").asString()).isNotEqualTo("NO_DATA");

        // A change of the target is kept field by field and audited, as are creation, values and comments.
        mvc.perform(put("/api/v1/measures/" + pay).with(user(ANALYST).roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft("PAY", "WAREHOUSE", "KZT", "RESEARCHER_WAGE", DATASET, 200000, 220000, 2030)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        assertThat(kpi(pay).get("verdict").get("light").asString()).isEqualTo("ON_TRACK");
        MvcResult page = mvc.perform(get("/measures/" + pay).with(user(ANALYST).roles("ANALYST"))).andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("260000").contains("220000");
        mvc.perform(post("/measures/" + pay + "/comments").with(user(ANALYST).roles("ANALYST")).with(csrf())
                .param("body", "The ministry's order on pay is in force").param("link", "https://example.org/order"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());

        List<AuditEvent> rows = audit.search(new AuditQuery(ANALYST, null, null, null, null, null, 0, 1000));
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CREATE);
            assertThat(e.subjectType()).isEqualTo("MEASURE");
            assertThat(e.subjectId()).isEqualTo(returns);
            assertThat(e.channel()).isEqualTo("API");
        });
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.UPDATE);
            assertThat(e.subjectId()).isEqualTo(pay);
            assertThat(e.detail()).contains("targetValue");
        });
        assertThat(rows).filteredOn(e -> e.subjectType().equals("MEASURE") && e.subjectId() == agreements
                && e.action() == AuditAction.UPDATE).hasSize(3);
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.subjectType()).isEqualTo("MEASURE_COMMENT");
            assertThat(e.channel()).isEqualTo("WEB");
        });
        List<MeasureChange> changes = measures.changes(pay);
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("targetValue");
            assertThat(c.oldValue()).isEqualTo("260000");
            assertThat(c.newValue()).isEqualTo("220000");
            assertThat(c.changedBy()).isEqualTo(ANALYST);
        });
        assertThat(measures.changes(agreements)).extracting(MeasureChange::field)
                .contains("value " + year, "value " + (year - 1), "created");
    }

    @Autowired
    MeasureService measures;

    /** The note's four recommendations are there from the first start, marked as such. */
    @Test
    void theNotesRecommendationsAreSeeded() {
        List<Measure> seeded = measures.measures().stream().filter(Measure::fromNote).toList();
        assertThat(seeded).hasSize(4);
        assertThat(seeded).extracting(m -> m.kpi().source())
                .containsExactlyInAnyOrder(KpiSource.REGISTRY, KpiSource.WAREHOUSE, KpiSource.MANUAL,
                        KpiSource.WAREHOUSE);
        Measure returns = seeded.stream().filter(m -> m.kpi().source() == KpiSource.REGISTRY).findFirst().orElseThrow();
        assertThat(returns.baseline().value()).isEqualByComparingTo("40");
        assertThat(returns.target().value()).isEqualByComparingTo("70");
        assertThat(returns.kpi().registry()).isEqualTo(RegistryFormula.RETURN_RATE);
        assertThat(seeded).extracting(m -> m.target().value().toPlainString())
                .containsExactlyInAnyOrder("70", "10000000000", "15", "260000");
    }

    /** Figures of two indicators for 2022–2025 in a dataset of the test's own. */
    private void importFigures() {
        synchronized (MeasuresTest.class) {
            if (warehouse.dataset(DATASET).isPresent()) {
                return;
            }
            warehouse.createDataset(DATASET, new Names("Сынақ: шаралар", "Тест: меры", "Test: measures"),
                    "Agyn tests", null, null, "CC0", true);
            String csv = "INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n"
                    + "RESEARCH_BUDGET,2022,5.0,9\nRESEARCH_BUDGET,2023,6.0,9\nRESEARCH_BUDGET,2024,7.1,9\n"
                    + "RESEARCH_BUDGET,2025,7.9,9\n"
                    + "RESEARCHER_WAGE,2022,190000,0\nRESEARCHER_WAGE,2023,195000,0\n"
                    + "RESEARCHER_WAGE,2024,200000,0\nRESEARCHER_WAGE,2025,201000,0\n";
            ImportReport report = imports.upload(DATASET, "measures.csv",
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "csv", ImportMapping.empty(),
                    "test", Locale.ENGLISH);
            assertThat(report.problemCount()).as(report.problems().toString()).isZero();
            imports.accept(report.id(), "test", Locale.ENGLISH);
        }
    }

    static String draft(String name, String source, String unit, String indicator, String dataset, double baseline,
                        double target, int targetYear) {
        return """
                {"nameKk": "Сынақ %1$s", "nameRu": "Тест %1$s", "nameEn": "Test %1$s",
                 "ownerKk": "Министрлік", "ownerRu": "Министерство", "ownerEn": "Ministry",
                 "kpiSource": "%2$s", "kpiUnit": "%3$s", "indicator": %4$s, "dataset": %5$s,
                 "registryFormula": %6$s, "baselineValue": %7$s, "baselineYear": 2024,
                 "targetValue": %8$s, "targetYear": %9$d, "deadline": "%9$d-12-31"}"""
                .formatted(name, source, unit, quoted(indicator), quoted(dataset),
                        source.equals("REGISTRY") ? "\"RETURN_RATE\"" : "null",
                        java.math.BigDecimal.valueOf(baseline).toPlainString(),
                        java.math.BigDecimal.valueOf(target).toPlainString(), targetYear);
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private long create(String body) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/measures").with(user(ANALYST).roles("ANALYST")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(r.getResponse().getContentAsString()).get("id").asLong();
    }

    private JsonNode kpi(long id) throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/measures/" + id + "/kpi").with(user("measure-viewer").roles("VIEWER"))
                .accept(MediaType.APPLICATION_JSON)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(r.getResponse().getContentAsString());
    }

    private void reportValue(long id, int year, String value, String evidence) throws Exception {
        mvc.perform(post("/measures/" + id + "/values").with(user(ANALYST).roles("ANALYST")).with(csrf())
                        .param("year", Integer.toString(year)).param("value", value).param("evidence", evidence))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("message"));
    }

    private static List<Double> values(JsonNode kpi) {
        return kpi.get("actual").valueStream().map(v -> v.get("value").asDouble()).toList();
    }

    private static JsonNode projected(JsonNode kpi, int year) {
        return kpi.get("projection").get("points").valueStream().filter(p -> p.get("year").asInt() == year)
                .findFirst().orElseThrow();
    }

    /** The latest registry value's "back / due" counts. */
    private static int[] counts(JsonNode kpi) {
        JsonNode actual = kpi.get("actual");
        String[] parts = actual.get(actual.size() - 1).get("detail").asString().split(" / ");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
