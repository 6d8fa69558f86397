package kz.agyn.warehouse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;

/**
 * An analyst on a phone, in Kazakh, reads the emigration rate from UN DESA's stock with the datasets named per value,
 * then switches to the R&amp;D gap and to the income-matched comparison group; the page never scrolls sideways.
 */
class MetricsBrowserTest extends AgynBrowserTest {

    static final String USER = "metrics-phone-analyst";
    static final String PASSWORD = "Metrics-pass-7";

    @Test
    void stockRateAndIncomeMatchedPeersOnAPhone() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(base() + "/warehouse/metrics?metric=emigration_stock_rate"
                    + "&dataset=undesa-ims-2020,wb-wdi-population&from=2020&to=2020");
            assertThat(page.locator("#metric-preference")).containsText("undesa-ims-2020 → wb-wdi-population");
            assertThat(page.locator("#metric-table td.metric-sources").first()).containsText("undesa-ims-2020 v");
            assertThat(page.locator("#metric-table td.num").first()).containsText(java.util.regex.Pattern.compile("17[.,]7"));
            assertThat(noSidewaysScroll(page)).as("the page fits a phone").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("metrics-kk-phone.png"))
                    .setFullPage(true));

            page.navigate(base() + "/warehouse/metrics?metric=rd_gap");
            page.locator("#metric-peer-group").selectOption("income");
            assertThat(page.locator("#metric-table")).isVisible();
            // The income-matched group is different from the default frontier peers (KR, JP, DE, US).
            assertThat(page.locator("#metric-table").first()).not().containsText("I_KR");
            assertThat(noSidewaysScroll(page)).isTrue();
        }
    }

    private static boolean noSidewaysScroll(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
    }
}
