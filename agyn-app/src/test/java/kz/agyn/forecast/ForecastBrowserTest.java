package kz.agyn.forecast;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.measure.KpiSource;
import kz.agyn.measure.Measure;
import kz.agyn.measure.MeasureService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst forecasts emigration of ISCO 2 professionals to 2030 on the demonstration data: picks the series in
 * the form, sees the fan chart, the model in words and the backtest table with the chosen method marked; then goes
 * by the menu to the measures board and finds the return-rate measure with its actual value from the registry (the
 * issue's browser line, one visit). The address reopens the forecast, on a phone too, where the page never scrolls
 * sideways.
 */
class ForecastBrowserTest extends AgynBrowserTest {

    static final String USER = "forecast-browser-analyst";
    static final String PASSWORD = "Forecast-pass-7";

    @Autowired
    MeasureService measures;

    @Test
    void professionalsEmigrationTo2030() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        String address;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "en");
            // A link to the demonstration series (other tests leave series of their own in the shared database);
            // the form keeps the dataset it names.
            page.navigate(base() + "/forecast?indicator=EMIGRANTS&dataset=synthetic-emigration");
            page.locator("#forecast-indicator").selectOption("EMIGRANTS");
            page.locator("#forecast-occupation").selectOption("2");
            page.locator("#forecast-horizon").fill("6");
            page.locator("#forecast-method").selectOption("AUTO");
            page.locator("#forecast-submit").click();
            // The answer backtests every method at eight origins (TRAMO among them): seconds on a busy machine.
            page.waitForURL(url -> url.contains("horizon=6"), new Page.WaitForURLOptions().setTimeout(60_000));
            page.locator("#forecast-chart, #forecast-error").first().waitFor();
            assertThat(page.locator("#forecast-error").allTextContents()).as("the forecast page's refusal").isEmpty();
            assertThat(page.locator("#forecast-chart")).hasAttribute("data-rendered", "true",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            assertThat(page.locator("figcaption").first()).containsText("2030");
            assertThat(page.locator("#forecast-table tbody tr")).hasCount(6);
            assertThat(page.locator("#forecast-table tbody tr").last()).containsText("2030");
            assertThat(page.locator("#forecast-backtest tbody tr.chosen")).hasCount(1);
            assertThat(page.locator("#forecast-backtest tbody tr")).hasCount(7);
            assertThat(page.locator("#forecast-model")).containsText("Chosen automatically");
            assertThat(page.locator("#forecast-selection")).containsText("Professionals");
            assertThat(page.locator("#forecast-source")).containsText("SYNTHETIC");
            assertThat(page.url()).contains("occupation=2").contains("horizon=6")
                    .contains("dataset=synthetic-emigration");
            address = page.url();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("forecast-en-desktop.png"))
                    .setFullPage(true));

            // Then the measures board, by the menu: the note's return-rate measure, its value from the registry.
            Measure returns = measures.measures().stream()
                    .filter(m -> m.fromNote() && m.kpi().source() == KpiSource.REGISTRY).findFirst().orElseThrow();
            page.locator("nav.main-nav a[href='/measures']").click();
            page.waitForURL(url -> url.endsWith("/measures"));
            String row = "#measure-" + returns.id();
            assertThat(page.locator(row)).containsText("Bolashak");
            assertThat(page.locator(row + " td.actual")).containsText("%");
            assertThat(page.locator(row + " td.actual")).not().hasText("—");
            assertThat(page.locator(row)).containsText("Registry of scholars");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("forecast-then-measures-en-desktop.png")).setFullPage(true));
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(address.replace("/forecast?", "/forecast?lang=kk&"));
            assertThat(page.locator("#forecast-chart")).hasAttribute("data-rendered", "true",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            assertThat(page.locator("#forecast-backtest tbody tr.chosen")).hasCount(1);
            assertThat(page.locator("#forecast-model")).containsText("Автоматты түрде таңдалды");
            assertThat((Boolean) page.evaluate(
                    "() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("the page fits a phone").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("forecast-kk-phone.png"))
                    .setFullPage(true));
        }
    }
}
