package kz.agyn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import kz.agyn.account.Role;
import kz.agyn.survey.SurveyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16's charts and shared views, as an analyst meets them: a chart saved as PNG and SVG and its data as CSV
 * from the chart's own toolbox, a map whose tooltip gives the value and its unit, and the views of the cost model,
 * the metrics, the cohorts and the survey results written into the address, so that the link the "copy link"
 * button copies reopens the same view in another signed-in session.
 */
class SharedViewsBrowserTest extends AgynBrowserTest {

    static final String USER = "shared-views-analyst";
    static final String PASSWORD = "Shared-views-pass-7";

    @Autowired
    SurveyService surveys;

    private static BrowserContext wide() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
                .setAcceptDownloads(true));
    }

    private static BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true));
    }

    /**
     * Clicks the toolbox's {@code n}th icon (0 PNG, 1 SVG, 2 CSV) and returns the file it saves. The icons are drawn
     * on the canvas, so their places are asked of ECharts: the toolbox's group and its icons, each centred on its
     * position.
     */
    @SuppressWarnings("unchecked")
    private static Download tool(Page page, Locator chart, int n) {
        chart.scrollIntoViewIfNeeded();
        BoundingBox box = chart.boundingBox();
        List<Number> at = (List<Number>) chart.evaluate("(el, n) => { const c = echarts.getInstanceByDom(el);"
                + " const v = c.getViewOfComponentModel(c.getModel().getComponent('toolbox'));"
                + " const icon = v.group.children()[n]; return [v.group.x + icon.x, v.group.y + icon.y]; }", n);
        double x = box.x + at.get(0).doubleValue();
        double y = box.y + at.get(1).doubleValue();
        page.mouse().move(x, y);
        return page.waitForDownload(() -> page.mouse().click(x, y));
    }

    @Test
    void aChartDownloadsAsPngSvgAndCsvAndTheMapTellsValueAndUnit() throws Exception {
        account(USER, PASSWORD, Role.ANALYST, "en");
        try (BrowserContext context = wide()) {
            Page page = signIn(context, USER, PASSWORD, "en");
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            page.navigate(base() + "/?lang=en");
            Locator rnd = page.locator("#chart-rnd");
            assertThat(rnd).hasAttribute("data-rendered", "true");

            Download png = tool(page, rnd, 0);
            assertThat(png.suggestedFilename()).isEqualTo("agyn-chart-rnd.png");
            byte[] image = Files.readAllBytes(png.path());
            assertThat(image).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            assertThat(image.length).isGreaterThan(5_000);

            Download svg = tool(page, rnd, 1);
            assertThat(svg.suggestedFilename()).isEqualTo("agyn-chart-rnd.svg");
            assertThat(Files.readString(svg.path())).startsWith("<svg").contains("Kazakhstan");

            Download csv = tool(page, rnd, 2);
            assertThat(csv.suggestedFilename()).isEqualTo("agyn-chart-rnd.csv");
            String data = Files.readString(csv.path(), StandardCharsets.UTF_8).replace("\ufeff", "");
            List<String> lines = data.lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("Category,Value");
            assertThat(lines.subList(1, 4)).containsExactly("Kazakhstan,0.2", "Japan,3.3", "South Korea,4.3");

            // The map is shaded by a regional series, and a region's tooltip gives its value and unit.
            Locator map = page.locator("#chart-map");
            assertThat(map).hasAttribute("data-rendered", "true");
            map.scrollIntoViewIfNeeded();
            Download mapCsv = tool(page, map, 2);
            List<String> regions = Files.readString(mapCsv.path(), StandardCharsets.UTF_8).lines().toList();
            assertThat(regions.get(0)).contains("Region").contains("persons");
            // How many regions depends on which EMIGRANTS series the warehouse holds (a published one with a few
            // regions wins over the synthetic one with all): the database is shared by every test class of a run.
            assertThat(regions.size() - 1).as("regions shaded, not one dot").isGreaterThan(1);
            assertThat(regions.subList(1, regions.size())).allMatch(l -> l.matches(".*,\\d+(\\.\\d+)?"));
            // The tooltip of a region that has a value, pointed at through the chart rather than by a guess of
            // where on the screen such a region lies.
            page.evaluate("""
                    () => { const c = echarts.getInstanceByDom(document.querySelector('#chart-map'));
                      const data = c.getOption().series[0].data;
                      const i = data.findIndex(d => typeof (d.value ?? d) === 'number');
                      c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: i}); }""");
            Locator tooltip = page.locator("#chart-map div").filter(new Locator.FilterOptions()
                    .setHasText(java.util.regex.Pattern.compile("persons"))).last();
            assertThat(tooltip).isVisible();
            assertThat(tooltip).containsText(java.util.regex.Pattern.compile("\\d[\\d,]* persons"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("home-map-tooltip-en.png")));
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("home-charts-en-1440.png"))
                    .setFullPage(true));
            assertThat(errors).isEmpty();
        }
        try (BrowserContext context = phone()) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(base() + "/?lang=kk");
            assertThat(page.locator("#chart-map")).hasAttribute("data-rendered", "true");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("home-charts-kk-390.png"))
                    .setFullPage(true));
            for (String id : List.of("rnd", "map")) {
                page.locator("#chart-" + id).scrollIntoViewIfNeeded();
                page.locator("#chart-" + id).screenshot(new Locator.ScreenshotOptions()
                        .setPath(Browsers.SHOTS.resolve("home-" + id + "-kk-390.png")));
            }
        }
    }

    @Test
    void aCostModelLinkWithOverridesReopensTheSameFigures() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        String link;
        String total;
        String byOccupation;
        try (BrowserContext context = wide()) {
            context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            Page page = signIn(context, USER, PASSWORD, "en");
            page.navigate(base() + "/cost-model?lang=en");
            String before = page.locator("#cost-total").getAttribute("data-total");
            page.locator("#p-return_probability").fill("0.45");
            page.locator("#op-2").fill("650000");
            page.locator("#p-draws").fill("1500");
            page.locator("#cost-run").click();
            assertThat(page.locator("#cost-total")).not().hasAttribute("data-total", before);
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/cost-model\\?.*return_probability=0\\.45"));
            assertThat(page).hasURL(java.util.regex.Pattern.compile("occupation_pay_2=650000"));
            assertThat(page).hasURL(java.util.regex.Pattern.compile("draws=1500"));
            total = page.locator("#cost-total").getAttribute("data-total");
            byOccupation = page.locator("#occupation-total").getAttribute("data-total");

            page.locator("#cost-form [data-copy-link]").click();
            assertThat(page.locator("#cost-form .copy-link-status")).hasText("Link copied");
            link = (String) page.evaluate("() => navigator.clipboard.readText()");
            assertThat(link).isEqualTo(page.url());
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("cost-model-link-1440.png")));
        }
        try (BrowserContext fresh = wide()) {
            Page page = signIn(fresh, USER, PASSWORD, "en");
            page.navigate(link);
            assertThat(page.locator("#cost-total")).hasAttribute("data-total", total);
            assertThat(page.locator("#occupation-total")).hasAttribute("data-total", byOccupation);
            assertThat(page.locator("#p-return_probability")).hasValue("0.45");
            assertThat(page.locator("#op-2")).hasValue("650000");
            assertThat(page.locator("#p-draws")).hasValue("1500");
            assertThat(page.locator("#cost-overridden")).containsText("Probability of return");
        }
        try (BrowserContext context = phone()) {
            Page page = signIn(context, USER, PASSWORD, "ru");
            page.navigate(link + "&lang=ru");
            assertThat(page.locator("#cost-total")).hasAttribute("data-total", total);
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= innerWidth + 1"))
                    .as("no sideways scrolling at 390 px").isTrue();
            page.locator("#cost-total-card").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("cost-model-link-ru-390.png")));
        }
    }

    @Test
    void metricsCohortsAndSurveyResultsKeepTheirSelectionInTheAddress() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        int survey = surveys.survey("demo-young-specialists-2025").orElseThrow().id();
        String metricsLink;
        String cohortLink;
        String surveyLink;
        try (BrowserContext context = wide()) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.navigate(base() + "/warehouse/metrics?lang=en");
            page.locator("#metric").selectOption("rd_gap");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("metric=rd_gap"));
            // The form came back with the metric: its own fields are there.
            page.locator("#metric-peer-group").selectOption("income");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("peerGroup=income"));
            assertThat(page.locator("#metric-form [data-copy-link]")).isVisible();
            metricsLink = page.url();

            page.navigate(base() + "/registry/cohorts?lang=en");
            page.locator("#cohort-filter select[name=breakdown]").selectOption("HOST_COUNTRY");
            page.locator("#cohort-filter button[type=submit]").click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("breakdown=HOST_COUNTRY"));
            cohortLink = page.url();
            cohortCharts(page, "en-1440");

            page.navigate(base() + "/surveys/" + survey + "?lang=en");
            page.locator("#question").selectOption("intend_leave");
            page.locator("#by").selectOption("education");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("question=intend_leave.*by=education"));
            surveyLink = page.url();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-results-link-1440.png")));
        }
        try (BrowserContext fresh = wide()) {
            Page page = signIn(fresh, USER, PASSWORD, "en");
            page.navigate(metricsLink);
            assertThat(page.locator("#metric")).hasValue("rd_gap");
            assertThat(page.locator("#metric-peer-group")).hasValue("income");

            page.navigate(cohortLink);
            assertThat(page.locator("#cohort-filter select[name=breakdown]")).hasValue("HOST_COUNTRY");
            assertThat(page.locator("#breakdown-table thead th").first()).not().hasText("");

            page.navigate(surveyLink);
            assertThat(page.locator("#question")).hasValue("intend_leave");
            assertThat(page.locator("#by")).hasValue("education");
        }
        try (BrowserContext context = phone()) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(cohortLink.replace("lang=en", "lang=kk"));
            cohortCharts(page, "kk-390");
        }
    }

    /**
     * The cohort charts drawn, their legends whole (no page numbers) and the survival chart opening on its first
     * years with the rest a slide away; both photographed as {@code cohorts-*-<shot>.png}.
     */
    private static void cohortCharts(Page page, String shot) {
        Locator km = page.locator("#chart-survival .chart");
        assertThat(km).hasAttribute("data-rendered", "true");
        for (String id : List.of("graduates", "states", "sectors", "survival")) {
            assertThat(page.locator("#chart-" + id + " .chart").getAttribute("data-option"))
                    .as(id).doesNotContain("\"scroll\"");
        }
        assertThat(km.getAttribute("data-option")).contains("\"dataZoom\"").contains("\"endValue\":60");
        km.scrollIntoViewIfNeeded();
        page.locator("#chart-survival").screenshot(new Locator.ScreenshotOptions()
                .setPath(Browsers.SHOTS.resolve("cohorts-survival-" + shot + ".png")));
        page.locator("#chart-states").screenshot(new Locator.ScreenshotOptions()
                .setPath(Browsers.SHOTS.resolve("cohorts-states-" + shot + ".png")));
    }
}
