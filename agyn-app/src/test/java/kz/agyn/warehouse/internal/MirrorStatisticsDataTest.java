package kz.agyn.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import kz.agyn.AgynTest;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The real data shipped for mirror statistics (issue 20): arrivals from Kazakhstan as destination countries record
 * them (indicator MIRROR_INFLOW, flow EMI, country = the destination), loaded at start like every shipped dataset.
 * Every expected figure is quoted from the publication named beside it, not read from the shipped file; where the
 * figures could not be checked against a second copy or another statement of the publisher (README of
 * resources/realdata), the explorer says so.
 */
class MirrorStatisticsDataTest extends AgynTest {

    static final RequestPostProcessor VIEWER = user("mirror-viewer").roles("VIEWER");

    @Autowired
    Warehouse warehouse;

    @Autowired
    MockMvc mvc;

    /** Every MIRROR_INFLOW figure of a dataset's current version, keyed "period country". */
    private Map<String, String> inflows(String dataset) {
        Map<String, String> found = new TreeMap<>();
        for (Observation o : warehouse.observations(new ObservationQuery("MIRROR_INFLOW", Map.of(), null, null,
                dataset, null, 0, 1000))) {
            assertThat(o.flow()).as("flow of " + o).isEqualTo("EMI");
            found.put(o.period() + " " + o.country(), o.scaledValue().toPlainString());
        }
        return found;
    }

    /**
     * Eurostat, migr_imm5prv (immigration by country of previous residence), partner KZ, all ages, both sexes,
     * 2024, data of 2 July 2026, as the Eurostat API answered it (JSON-stat, kept in
     * github.com/code-4you/world-migration-flows @ 7fb6e09a, raw/eurostat_imm.json). Germany's figure carries
     * Eurostat's flag "e" (estimated); Spain's is flagged not for publication and has no value, so it is absent.
     */
    @Test
    void europeanCountriesRecordedTheImmigrantsFromKazakhstanEurostatPublishes() {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(Map.entry("2024 AT", "334"),
                Map.entry("2024 BE", "105"), Map.entry("2024 BG", "153"), Map.entry("2024 CZ", "1056"),
                Map.entry("2024 DE", "3254"), Map.entry("2024 EE", "50"), Map.entry("2024 FI", "84"),
                Map.entry("2024 HR", "21"), Map.entry("2024 IS", "1"), Map.entry("2024 IT", "268"),
                Map.entry("2024 LT", "1079"), Map.entry("2024 NL", "229"), Map.entry("2024 NO", "64"),
                Map.entry("2024 RO", "120"), Map.entry("2024 SE", "68"), Map.entry("2024 SI", "48"),
                Map.entry("2024 SK", "20")));
        assertThat(inflows("eurostat-immigration-kazakhstan")).isEqualTo(expected);
        Observation germany = warehouse.observations(new ObservationQuery("MIRROR_INFLOW",
                Map.of(Dimension.COUNTRY, "DE"), "2024", "2024", "eurostat-immigration-kazakhstan", null, 0, 10))
                .get(0);
        assertThat(germany.status()).isEqualTo("E");
    }

    /** The one copy could not be checked: it says so wherever it is read (decision 0041). */
    @Test
    void theMirrorSeriesIsMarkedNotChecked() {
        assertThat(RealDataChecks.notChecked("eurostat-immigration-kazakhstan", "MIRROR_INFLOW")).isTrue();
    }

    /**
     * UN DESA's 2015 flows workbook ("Copyright © 2015 by United Nations. All rights reserved") is not shipped: its
     * terms allow no redistribution, which an open-source repository is (realdata/README.md).
     */
    @Test
    void dataWithoutAnOpenLicenceAreNotShipped() {
        assertThat(warehouse.dataset("undesa-flows-2015")).isEmpty();
        assertThat(new ClassPathResource("realdata/undesa-flows-2015-germany.csv").exists()).isFalse();
    }

    /** The explorer shows the arrivals by destination country, with the not-checked mark beside the source. */
    @Test
    void theExplorerShowsTheArrivalsByCountry() throws Exception {
        String html = page("/warehouse/explore?indicator=MIRROR_INFLOW&dataset=eurostat-immigration-kazakhstan"
                + "&by=COUNTRY&from=2024&to=2024", "en");
        assertThat(html).contains("id=\"pivot\"", "<tr data-code=\"DE\"", "<tr data-code=\"CZ\"",
                "<tr data-code=\"LT\"", "3,254", "1,079", "id=\"source-not-checked\"", "Eurostat")
                .doesNotContain("id=\"no-data\"");
        assertThat(count(html, "<tr data-code=")).isGreaterThanOrEqualTo(17);
        assertThat(page("/warehouse/explore?indicator=MIRROR_INFLOW&dataset=eurostat-immigration-kazakhstan"
                + "&by=COUNTRY&from=2024&to=2024", "kk")).contains("Баратын ел тіркеген Қазақстаннан келгендер",
                "САЛЫСТЫРЫЛМАҒАН");
    }

    /** The explorer shows a destination's arrivals by year, the not-checked mark beside the source. */
    @Test
    void theExplorerShowsTheArrivalsByPeriod() throws Exception {
        String html = page("/warehouse/explore?indicator=MIRROR_INFLOW&dataset=eurostat-immigration-kazakhstan"
                + "&by=PERIOD&country=DE", "ru");
        assertThat(html).contains("id=\"pivot\"", "<th class=\"num\">2024</th>",
                "Прибывшие из Казахстана по данным страны назначения", "НЕ СВЕРЕНО").doesNotContain("id=\"no-data\"");
        assertThat(html).containsPattern("<td class=\"num\">3[ ,\u00a0\u202f]254</td>");
    }

    private String page(String url, String lang) throws Exception {
        return mvc.perform(get(url).with(VIEWER).header("Accept-Language", lang).param("lang", lang))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
