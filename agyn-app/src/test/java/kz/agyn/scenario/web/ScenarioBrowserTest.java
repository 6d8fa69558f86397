package kz.agyn.scenario.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of issue 17 in the browser: an analyst sets researchers' pay +30% and the research budget to 10 bn KZT,
 * runs 50 draws, watches the progress, and sees the fan chart and the cost per specialist kept against the
 * baseline, with the assumptions; on a desktop and on a phone.
 */
class ScenarioBrowserTest extends AgynBrowserTest {

    static final String USER = "scenario-analyst-browser";
    static final String PASSWORD = "Scenario-pass-17";

    @Test
    void anAnalystRunsTheNotesFirstAndThirdRecommendationsTogether() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        String runAddress;
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.locator("nav.main-nav a[href='/scenarios']").click();
            page.waitForURL(url -> url.endsWith("/scenarios"));
            assertThat(page.locator("h1")).hasText("Policy scenarios");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("scenarios-en.png"))
                    .setFullPage(true));

            page.locator("#scenario-new").click();
            page.locator("#name").fill("Researchers +30% and research budget 10 bn");
            page.locator("#sector-RESEARCH").check();
            page.locator("#sector-EDUCATION").check();
            page.locator("#payChangePercent").fill("30");
            page.locator("#researchBudgetBn").fill("10");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("scenario-form-en.png"))
                    .setFullPage(true));
            page.locator("#scenario-save").click();

            assertThat(page.locator("#scenario-levers")).containsText("Pay +30%: research institutes");
            assertThat(page.locator("#scenario-levers")).containsText("Research budget 10 bn ₸ a year");
            page.locator("#run-draws").fill("50");
            page.locator("#run-start").click();

            // The progress card while it runs (polled every second), then the results in place of it.
            page.waitForURL(url -> url.contains("/scenarios/runs/"));
            runAddress = page.url();
            Locator progress = page.locator("#run-progress progress");
            if (progress.count() > 0 && progress.isVisible()) {
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Browsers.SHOTS.resolve("scenario-run-progress-en.png")));
            }
            Locator fan = page.locator("#fan-chart");
            fan.waitFor(new Locator.WaitForOptions().setTimeout(240_000));
            assertThat(fan).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#fan-chart canvas")).hasCount(1);
            assertThat(page.locator("#results-table thead").first()).containsText("Cost per specialist kept");
            String cost = page.locator("#results-table td.cost-per-kept").first().textContent();
            assertThat(cost).matches(".*\\d.*₸.*|—");
            assertThat(page.locator("#results-table td.kept").first()).containsText("95%");
            assertThat(page.locator("#assumptions")).containsText("Research budget, KZT a year");
            assertThat(page.locator("#fit")).isVisible();
            assertThat(page.locator("#lever-costs")).containsText("Research budget");
            assertThat(page.locator("#constants")).isVisible();
            // The four figures with their bands fit a laptop's screen: nothing to scroll sideways.
            Object overflow = page.evaluate("() => { const s = document.querySelector('#results-table .table-scroll');"
                    + " return s.scrollWidth - s.clientWidth; }");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("scenario-results-en.png"))
                    .setFullPage(true));

            // The measure chosen is in the address, as in the explorer.
            page.locator("#measure").selectOption("COST_PER_SPECIALIST_KEPT_KZT");
            page.waitForURL(url -> url.contains("measure=COST_PER_SPECIALIST_KEPT_KZT"));
            assertThat(page.locator("#fan-chart")).hasAttribute("data-rendered", "true");
            // ECharts draws its lines in over a second: the picture is taken when they are all there.
            page.waitForTimeout(1500);
            page.locator("#fan-chart").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("scenario-fan-cost-en.png")));
        }

        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(runAddress + (runAddress.contains("?") ? "&" : "?") + "lang=kk");
            assertThat(page.locator("#fan-chart")).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#results-table")).containsText("Сақталған бір маманның құны");
            int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            assertThat(width).isLessThanOrEqualTo(390);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("scenario-results-kk-phone.png")));
            page.locator("#results-table").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("scenario-results-kk-phone-table.png")));
            page.locator("#fan-chart").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("scenario-results-kk-phone-fan.png")));
        }
    }
}
