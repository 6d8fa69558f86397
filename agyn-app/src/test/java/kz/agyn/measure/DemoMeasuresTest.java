package kz.agyn.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Locale;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a new installation shows on /measures: the note's two measures followed by warehouse indicators have figures
 * (the synthetic research file of the demonstration), said to be synthetic, and a light computed from them. Before
 * that file, both said "no data" (found trying the product as a new user, 2026-12-07).
 */
class DemoMeasuresTest extends AgynTest {

    @Autowired
    MeasureService measures;

    @Autowired
    MockMvc mvc;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ImportService imports;

    private Measure fromNote(String indicator) {
        return measures.measures().stream()
                .filter(m -> m.fromNote() && indicator.equals(m.kpi().indicator())).findFirst().orElseThrow();
    }

    @Test
    void theNotesWarehouseMeasuresFollowTheDemonstrationsSyntheticFiguresAndSaySo() {
        Measure budget = fromNote("RESEARCH_BUDGET");
        KpiReport b = measures.kpi(budget, Locale.ENGLISH);
        // From four years before the baseline to the demonstration's last year, the last one the note's baseline.
        assertThat(b.actual()).extracting(KpiPoint::year).containsExactly(2020, 2021, 2022, 2023, 2024);
        assertThat(b.latest().value()).isEqualTo(5e9);
        assertThat(b.sources()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("synthetic-research");
            assertThat(s.synthetic()).isTrue();
        });
        // 3.9 to 5.0 bn in five years does not double by 2030.
        assertThat(b.verdict().light()).isEqualTo(TrafficLight.OFF_TRACK);

        Measure pay = fromNote("RESEARCHER_WAGE");
        KpiReport p = measures.kpi(pay, Locale.ENGLISH);
        assertThat(p.latest().value()).isEqualTo(200_000);
        assertThat(p.sources()).singleElement().satisfies(s -> assertThat(s.synthetic()).isTrue());
        // 149,000 to 200,000 a month in five years: +30% by 2030 is on its trend.
        assertThat(p.verdict().light()).isEqualTo(TrafficLight.ON_TRACK);
    }

    @Test
    void theMeasuresPageShowsTheirLightsAndTheSyntheticLabelInKazakh() throws Exception {
        String page = mvc.perform(get("/measures/" + fromNote("RESEARCH_BUDGET").id()).param("lang", "kk")
                        .with(user("demo-measures-viewer").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString().replaceAll("[\\u00A0\\u202F]", " ");
        assertThat(page).contains("5 000 000 000").doesNotContain("Дерек жоқ");
        assertThat(page).contains("демонстрациялық деректер");
        String list = mvc.perform(get("/measures").param("lang", "kk")
                        .with(user("demo-measures-viewer").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString().replaceAll("[\\u00A0\\u202F]", " ");
        String row = list.substring(list.indexOf("id=\"measure-" + fromNote("RESEARCH_BUDGET").id() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("5 000 000 000").contains("демонстрациялық деректер").doesNotContain("Дерек жоқ");
        // And the board's export says so beside the source.
        byte[] xlsx = mvc.perform(get("/measures/export.xlsx").param("lang", "ru")
                        .with(user("demo-measures-viewer").roles("VIEWER")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            boolean labelled = false;
            for (var r : sheet) {
                if (r.getCell(0) != null && r.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && (long) r.getCell(0).getNumericCellValue() == fromNote("RESEARCH_BUDGET").id()) {
                    labelled = r.getCell(3).getStringCellValue().endsWith("демонстрационные данные");
                }
            }
            assertThat(labelled).isTrue();
        }
    }

    @Test
    void aRealSeriesIsFollowedBeforeASyntheticOneEvenWhenItHoldsFewerYears() {
        String indicator = "TEST_MEASURE_REAL_FIRST";
        warehouse.createIndicator(new Indicator(indicator, new Names("Сынақ", "Тест", "Test"), "KZT", null, null));
        load("test-measure-synthetic", true, "2020,1\n2021,2\n2022,3\n2023,4\n2024,5\n", indicator);
        load("test-measure-real", false, "2023,40\n2024,50\n", indicator);
        Measure m = measures.create(new MeasureDraft("Сынақ", "Тест", "Test", "Министрлік", "Министерство",
                "Ministry", null, null, KpiSource.WAREHOUSE, KpiUnit.KZT, indicator, null, null, null,
                BigDecimal.ONE, 2024, BigDecimal.TEN, 2030, LocalDate.of(2030, 12, 31), MeasureStatus.ADOPTED),
                "demo-measures-test");
        KpiReport r = measures.kpi(m, Locale.ENGLISH);
        assertThat(r.actual()).extracting(KpiPoint::value).containsExactly(40.0, 50.0);
        assertThat(r.sources()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("test-measure-real");
            assertThat(s.synthetic()).isFalse();
        });
        assertThat(r.synthetic()).isFalse();
    }

    private void load(String dataset, boolean synthetic, String rows, String indicator) {
        warehouse.createDataset(dataset, new Names("Сынақ", "Тест", "Test"), "Agyn tests", null, null, "CC0",
                synthetic);
        String csv = "INDICATOR,TIME_PERIOD,OBS_VALUE\n" + rows.lines().map(l -> indicator + "," + l + "\n")
                .reduce("", String::concat);
        ImportReport report = imports.upload(dataset, dataset + ".csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "csv", ImportMapping.empty(), "test",
                Locale.ENGLISH);
        assertThat(report.problemCount()).as(report.problems().toString()).isZero();
        imports.accept(report.id(), "test", Locale.ENGLISH);
    }
}
