package kz.agyn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.warehouse.Withdrawals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page keeps its figures between views (decision 0042) but never shows data older than the last accepted
 * import or edit: an import accepted a moment ago is on the very next view, and so is a dataset retired after it.
 */
class HomeFollowsTheDataTest extends AgynTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Warehouse warehouse;
    @Autowired
    ImportService imports;
    @Autowired
    Withdrawals withdrawals;
    @Autowired
    ReferenceData reference;

    @Test
    void anImportAndARetirementShowOnTheNextView() throws Exception {
        String before = mapTitle(home());
        assertThat(mapTitle(home())).isEqualTo(before).doesNotContain("2099");

        // An official series of emigrants in every region for a later year than any other: the map takes it (an
        // official source before a synthetic one, then the most regions, then the latest year), whatever other
        // tests have imported before.
        warehouse.createDataset("test-home-follows", new Names("Сынақ", "Тест", "Test"), "Agyn tests", null, null,
                null, false);
        StringBuilder csv = new StringBuilder("indicator,period,region,value\n");
        int n = 100;
        for (Region r : reference.currentRegions()) {
            csv.append("EMIGRANTS,2099,").append(r.kato()).append(',').append(n++).append('\n');
        }
        ImportReport report = imports.upload("test-home-follows", "home.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "csv", null,
                "home-analyst", Locale.ENGLISH);
        imports.accept(report.id(), "home-analyst", Locale.ENGLISH);
        assertThat(mapTitle(home())).contains("2099");

        withdrawals.retire("test-home-follows", "a test series, not to be shown", "home-admin");
        assertThat(mapTitle(home())).isEqualTo(before);
    }

    /**
     * The page's content is rendered once per language and generation and kept as text (decision 0049): everyone
     * gets the same content in their language, while the frame around it (the user's name, the menu) is each
     * viewer's own, and the kept text's static addresses carry their content versions as a rendered page's do.
     */
    @Test
    void theKeptContentIsEveryonesButTheFrameIsEachViewersOwn() throws Exception {
        var first = org.jsoup.Jsoup.parse(home("home-kept-first", "kk"));
        var second = org.jsoup.Jsoup.parse(home("home-kept-second", "kk"));
        var english = org.jsoup.Jsoup.parse(home("home-kept-first", "en"));

        assertThat(first.select("main")).hasSize(1);
        assertThat(second.selectFirst("main").outerHtml()).isEqualTo(first.selectFirst("main").outerHtml());
        assertThat(first.selectFirst(".username").text()).isEqualTo("home-kept-first");
        assertThat(second.selectFirst(".username").text()).isEqualTo("home-kept-second");
        assertThat(first.select("main .card")).isNotEmpty();
        assertThat(english.selectFirst("main h1").text()).isNotEqualTo(first.selectFirst("main h1").text());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(first.selectFirst("#chart-map").attr("data-geo")).matches("/geo/kz-regions-2024-[0-9a-f]{32}"
                + "\\.geojson");
    }

    private String home(String user, String language) throws Exception {
        return mvc.perform(get("/").param("lang", language).with(user(user).roles("VIEWER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The map's heading: the indicator and the year it shows. */
    private static String mapTitle(String page) {
        var map = org.jsoup.Jsoup.parse(page).selectFirst("#chart-map");
        assertThat(map).as("the home page's map").isNotNull();
        return map.attr("aria-label") + " " + map.attr("data-option");
    }

    private String home() throws Exception {
        return mvc.perform(get("/").with(user("home-viewer").roles("VIEWER")).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
