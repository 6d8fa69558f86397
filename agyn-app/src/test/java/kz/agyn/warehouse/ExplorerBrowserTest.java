package kz.agyn.warehouse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issues 13 and 16), as an analyst in the browser: the explorer opens on a series, every breakdown of
 * the demonstration data chosen from its default view shows data with a form that follows it, the address holds
 * the whole view (a link opens it again in another session), and the language switch keeps it.
 */
class ExplorerBrowserTest extends AgynBrowserTest {

    static final String USER = "explorer-browser-analyst";
    static final String PASSWORD = "Explorer-pass-7";
    static final String DEMO = "synthetic-emigration";

    @Test
    void everyBreakdownFromTheDefaultViewShowsData() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.navigate(base() + "/warehouse/explore");
            // The default view: a line over every period, and its whole state in the address.
            page.waitForURL(url -> url.contains("indicator=EMIGRANTS") && url.contains("by=PERIOD"));
            assertThat(page.locator("#explore-chart")).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#pivot thead th.num")).hasCount(15);
            assertThat(page.locator("#explore-map")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("explore-default-1440.png"))
                    .setFullPage(true));
            if (!page.locator("#dataset").inputValue().equals(DEMO)) {
                choose(page, "#dataset", DEMO, "dataset=" + DEMO);
            }
            for (String by : new String[] {"PERIOD", "REGION", "OCCUPATION", "EDUCATION", "COUNTRY", "SEX", "AGE",
                    "FLOW"}) {
                choose(page, "#by", by, "by=" + by);
                assertThat(page.locator("#no-data")).hasCount(0);
                assertThat(page.locator("#no-breakdown")).hasCount(0);
                assertThat(page.locator("#pivot tbody td.num").filter(new Locator.FilterOptions()
                        .setHasText(Pattern.compile("\\d"))).first()).isVisible();
                int rows = page.locator("#pivot tbody tr").count();
                assertThat(rows).as(by).isGreaterThanOrEqualTo(by.equals("PERIOD") || by.equals("FLOW") ? 1 : 3);
                assertThat(page.locator("#source-licence")).not().isEmpty();
                assertThat(page.locator("#explore-chart")).hasAttribute("data-rendered", "true");
                // The form follows the breakdown: no filter for it, the others offered with their counts.
                assertThat(page.locator("select[data-filter='" + by + "']")).hasCount(0);
                if (!by.equals("REGION")) {
                    assertThat(page.locator("select[data-filter='REGION']")).hasValue("KZ");
                }
                if (by.equals("REGION")) {
                    assertThat(page.locator("#explore-map")).hasAttribute("data-rendered", "true");
                    page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS
                            .resolve("explore-by-region-1440.png")).setFullPage(true));
                }
                if (by.equals("AGE")) {
                    // Age groups by name, the code beside for analysts.
                    Locator young = page.locator("#pivot tr[data-code='Y15T24'] td").first();
                    assertThat(young).containsText("15–24 years");
                    assertThat(young.locator("small.code")).hasText("Y15T24");
                    assertThat(page.locator("#pivot tr[data-code='Y_GE65'] td").first())
                            .containsText("65 years and over");
                }
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("explore-by-flow.png"))
                    .setFullPage(true));
        }
    }

    /**
     * A shipped real series not checked against a figure its publisher states (WDI tertiary enrolment, see
     * resources/realdata/README.md) carries a NOT CHECKED badge and a note beside its source, on a desktop and on a
     * phone, in Kazakh.
     */
    @Test
    void anUncheckedRealSeriesIsMarkedBesideItsSource() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        String view = "/warehouse/explore?indicator=TERTIARY_ENROLMENT_GROSS&by=COUNTRY&from=2015&to=2020"
                + "&dataset=wb-wdi-education-migration";
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]))) {
                Page page = signIn(context, USER, PASSWORD, "kk");
                page.navigate(base() + view);
                assertThat(page.locator("#source-not-checked")).isVisible();
                assertThat(page.locator("#source-not-checked")).hasText("САЛЫСТЫРЫЛМАҒАН");
                assertThat(page.locator("#not-checked")).isVisible();
                assertThat(page.locator("#pivot tbody tr[data-code='KZ']")).hasCount(1);
                page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS
                        .resolve("explore-not-checked-" + size[0] + ".png")).setFullPage(true));
            }
        }
    }

    /** A link copied from the address bar opens the same view for someone signed in elsewhere. */
    @Test
    void aLinkFromTheAddressBarReopensTheSameViewInAnotherSession() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        String url;
        String table;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.navigate(base() + "/warehouse/explore?indicator=EMIGRANTS&dataset=" + DEMO);
            choose(page, "#by", "REGION", "by=REGION");
            choose(page, "select[data-filter='SEX']", "F", "sex=F");
            choose(page, "#from", "2018", "from=2018");
            url = page.url();
            assertThat(url).contains("indicator=EMIGRANTS", "dataset=" + DEMO, "by=REGION", "sex=F", "from=2018")
                    .doesNotContain("shown=");
            table = page.locator("#pivot").innerText();
            assertThat(page.locator("#pivot thead th.num")).hasCount(7);
            // Back goes to the view before, drawn again.
            page.goBack();
            page.waitForURL(u -> !u.contains("from=2018"));
            assertThat(page.locator("#from")).hasValue("");
            assertThat(page.locator("#pivot thead th.num")).hasCount(15);
            assertThat(page.locator("#explore-map")).hasAttribute("data-rendered", "true");
            page.goForward();
            page.waitForURL(u -> u.contains("from=2018"));
            assertThat(page.locator("#pivot thead th.num")).hasCount(7);
        }
        try (BrowserContext other = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(other, USER, PASSWORD, "en");
            page.navigate(url);
            assertThat(page.locator("#by")).hasValue("REGION");
            assertThat(page.locator("select[data-filter='SEX']")).hasValue("F");
            assertThat(page.locator("#from")).hasValue("2018");
            assertThat(page.locator("#pivot").innerText()).isEqualTo(table);
            assertThat(page.url()).isEqualTo(url);
        }
    }

    /** The language switch keeps the view chosen, on a phone too. */
    @Test
    void theLanguageSwitchKeepsTheFilters() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.navigate(base() + "/warehouse/explore?indicator=EMIGRANTS&dataset=" + DEMO);
            choose(page, "#by", "SEX", "by=SEX");
            choose(page, "select[data-filter='AGE']", "Y25T34", "age=Y25T34");
            page.locator(".langs a[data-lang='ru']").click();
            page.waitForURL(url -> url.contains("age=Y25T34") && !url.contains("lang="));
            assertThat(page.locator("html")).hasAttribute("lang", "ru");
            assertThat(page.locator("#by")).hasValue("SEX");
            assertThat(page.locator("select[data-filter='AGE']")).hasValue("Y25T34");
            assertThat(page.locator("select[data-filter='AGE'] option:checked")).containsText("25–34 лет");
            assertThat(page.locator("#pivot tr[data-code='F'] td").first()).containsText("Женщины");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("explore-ru-390.png"))
                    .setFullPage(true));
            page.locator(".langs a[data-lang='kk']").click();
            page.waitForURL(url -> url.contains("age=Y25T34") && !url.contains("lang="));
            assertThat(page.locator("html")).hasAttribute("lang", "kk");
            assertThat(page.locator("select[data-filter='AGE'] option:checked")).containsText("25–34 жас");
            // Every page keeps its query string when the language changes, not only the explorer.
            page.navigate(base() + "/warehouse/datasets/" + DEMO + "?from=1");
            page.locator(".langs a[data-lang='en']").click();
            page.waitForURL(url -> url.contains("from=1") && url.contains("lang=en"));
            assertThat(page.locator("html")).hasAttribute("lang", "en");
        }
    }

    /** Chooses a value in a select of the explorer's form and waits for the view htmx brings back with it. */
    private static void choose(Page page, String select, String value, String inAddress) {
        if (page.locator(select).inputValue().equals(value)) {
            return;
        }
        page.locator(select).selectOption(value);
        page.waitForURL(url -> url.contains(inAddress));
        assertThat(page.locator("#explorer[data-address*='" + inAddress + "']")).hasCount(1);
    }
}
