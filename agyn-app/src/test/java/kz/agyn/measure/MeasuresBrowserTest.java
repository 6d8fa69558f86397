package kz.agyn.measure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst opens the measures board, sees the return-rate measure with its actual value from the registry and
 * opens its page: the light, the chart with baseline and target, the values and the source. On a phone neither
 * page scrolls sideways.
 */
class MeasuresBrowserTest extends AgynBrowserTest {

    static final String USER = "measures-browser-analyst";
    static final String PASSWORD = "Measures-pass-7";

    @Autowired
    MeasureService measures;

    @Test
    void anAnalystSeesTheReturnRateFromTheRegistryAndOpensItsPage() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        Measure returns = measures.measures().stream()
                .filter(m -> m.fromNote() && m.kpi().source() == KpiSource.REGISTRY).findFirst().orElseThrow();
        // The registry's past year ends take seconds to evaluate on a cold start; the page is then served at once.
        KpiReport expected = measures.kpi(returns, Locale.ENGLISH);
        assertThat(expected.latest()).as("the registry gives the return rate a value").isNotNull();
        String row = "#measure-" + returns.id();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.navigate(base() + "/measures");
            assertThat(page.locator(row)).isVisible();
            assertThat(page.locator(row + " td.actual")).not().hasText("—");
            assertThat(page.locator(row + " td.actual")).containsText("%");
            assertThat(page.locator(row + " .light")).not().hasText("No data");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("measures-en-desktop.png"))
                    .setFullPage(true));
            page.locator(row + " a").first().click();
            page.waitForURL(url -> url.endsWith("/measures/" + returns.id()));
            assertThat(page.locator("#measure-name")).hasText("Raise the return of Bolashak graduates");
            assertThat(page.locator("#measure-actual")).containsText("%");
            assertThat(page.locator("#measure-sources")).containsText("registry of scholars");
            assertThat(page.locator("#measure-chart canvas")).isVisible();
            assertThat(page.locator("#actual-values tbody tr")).hasCount(expected.actual().size());
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("measure-en-desktop.png"))
                    .setFullPage(true));
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(base() + "/measures");
            assertThat(page.locator(row + " td.actual")).isVisible();
            assertThat(page.locator(row + " td.actual")).containsText("%");
            assertThat(fits(page)).as("the board fits a phone").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("measures-kk-phone.png"))
                    .setFullPage(true));
            page.navigate(base() + "/measures/" + returns.id());
            assertThat(page.locator("#measure-name")).hasText("«Болашақ» түлектерінің оралуын арттыру");
            assertThat(page.locator("#measure-chart canvas")).isVisible();
            assertThat(fits(page)).as("the measure's page fits a phone").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("measure-kk-phone.png"))
                    .setFullPage(true));
        }
    }

    private static boolean fits(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
    }
}
