package kz.agyn.warehouse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The explorer keeps what a view shows between requests (decision 0042) but shows a new version of a dataset on the
 * very next request after it was accepted, and keeps what a viewer may see apart from what an analyst may.
 */
class ExplorerFollowsTheDataTest extends AgynTest {

    static final String VIEW = "/warehouse/explore?indicator=EMIGRANTS&by=PERIOD&from=2031&to=2031"
            + "&dataset=test-explorer-follows&lang=en";

    @Autowired
    MockMvc mvc;
    @Autowired
    Warehouse warehouse;
    @Autowired
    ImportService imports;

    @Test
    void aNewVersionShowsOnTheNextViewAndSmallCountsStayHiddenFromViewers() throws Exception {
        warehouse.createDataset("test-explorer-follows", new Names("Сынақ", "Тест", "Test"), "Agyn tests", null,
                null, null, true);
        load("EMIGRANTS,2031,000000000,4321\n");
        assertThat(view("ANALYST")).contains("4,321").doesNotContain("8,765");
        assertThat(view("ANALYST")).contains("4,321");

        load("EMIGRANTS,2031,000000000,8765\n");
        assertThat(view("ANALYST")).contains("8,765").doesNotContain("4,321");

        // A count of 3 is shown to an analyst, never to a viewer, whoever asked first.
        load("EMIGRANTS,2031,000000000,3\n");
        String analyst = view("ANALYST");
        String viewer = view("VIEWER");
        assertThat(cell(analyst)).isEqualTo("3");
        assertThat(cell(viewer)).isNotEqualTo("3");
    }

    private void load(String rows) {
        ImportReport report = imports.upload("test-explorer-follows", "follows.csv", new ByteArrayInputStream(
                        ("indicator,period,region,value\n" + rows).getBytes(StandardCharsets.UTF_8)), "csv", null,
                "follows-analyst", Locale.ENGLISH);
        imports.accept(report.id(), "follows-analyst", Locale.ENGLISH);
    }

    /**
     * The explorer is kept as rendered HTML (decision 0049): the page holds it once, inside the page's frame, and
     * htmx's answer is the same explorer without the frame.
     */
    @Test
    void thePageAndHtmxGetTheSameKeptExplorer() throws Exception {
        String address = "/warehouse/explore?indicator=EMIGRANTS&by=REGION&lang=en";
        var page = org.jsoup.Jsoup.parse(mvc.perform(get(address).with(user("kept-analyst").roles("ANALYST")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String htmx = mvc.perform(get(address).header("HX-Request", "true")
                        .with(user("kept-other-analyst").roles("ANALYST")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.select("#explorer")).hasSize(1);
        assertThat(page.select("#explorer form#explore-form select#indicator")).hasSize(1);
        assertThat(page.selectFirst(".username").text()).isEqualTo("kept-analyst");
        assertThat(htmx).doesNotContain("<main").doesNotContain("kept-analyst");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(htmx).selectFirst("#explorer").outerHtml())
                .isEqualTo(page.selectFirst("#explorer").outerHtml());
    }

    /** The table's one figure. */
    private static String cell(String page) {
        return org.jsoup.Jsoup.parse(page).select("table td.num").text();
    }

    private String view(String role) throws Exception {
        return mvc.perform(get(VIEW).with(user("follows-" + role.toLowerCase(Locale.ROOT)).roles(role)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
