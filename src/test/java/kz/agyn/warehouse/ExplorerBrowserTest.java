package kz.agyn.warehouse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 13), as an analyst in the browser: the explorer opens every breakdown of the demonstration
 * data from its "Break down" list and sees data in each, with the source and its licence above the table.
 */
class ExplorerBrowserTest extends AgynBrowserTest {

    static final String USER = "explorer-browser-analyst";
    static final String PASSWORD = "Explorer-pass-7";

    @Test
    void everyBreakdownChosenOnThePageShowsData() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        try (BrowserContext context = desktop()) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.navigate(base() + "/warehouse/explore?indicator=EMIGRANTS");
            assertThat(page.locator("#pivot")).isVisible();
            for (String by : new String[] {"PERIOD", "REGION", "OCCUPATION", "EDUCATION", "COUNTRY", "SEX", "AGE",
                    "FLOW"}) {
                page.locator("#by").selectOption(by);
                page.waitForURL(url -> url.contains("by=" + by));
                assertThat(page.locator("#no-data")).hasCount(0);
                assertThat(page.locator("#pivot tbody tr").first()).isVisible();
                assertThat(page.locator("#pivot tbody tr").count()).as(by).isGreaterThanOrEqualTo(1);
                assertThat(page.locator("#pivot tbody td.num").filter(new com.microsoft.playwright.Locator
                        .FilterOptions().setHasText(java.util.regex.Pattern.compile("\\d"))).first()).isVisible();
                assertThat(page.locator("#source-licence")).not().isEmpty();
                assertThat(page.locator("#explore-chart")).hasAttribute("data-rendered", "true");
                // The filters follow the breakdown: every other dimension can be held, the region at Kazakhstan.
                assertThat(page.locator("select[data-filter='" + by + "']")).hasCount(0);
                if (!by.equals("REGION")) {
                    assertThat(page.locator("select[data-filter='REGION']")).hasValue("KZ");
                }
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("explore-by-flow.png"))
                    .setFullPage(true));
        }
    }
}
