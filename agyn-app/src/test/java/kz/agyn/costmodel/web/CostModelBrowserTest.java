package kz.agyn.costmodel.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;


import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst in the browser opens the cost model from the menu, raises the return probability and sees the total
 * and the tornado chart recomputed in place; without JavaScript the same form still recomputes by a plain POST.
 */
class CostModelBrowserTest extends AgynBrowserTest {

    static final String USER = "cost-analyst-browser";
    static final String PASSWORD = "Cost-model-pass-7";

    @Test
    void changingOneParameterRecomputesTheTotalAndTheTornado() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        String base = base();
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.locator("nav.main-nav a[href='/cost-model']").click();
            page.waitForURL(url -> url.endsWith("/cost-model"));
            assertThat(page.locator("h1")).hasText("Cost of brain drain");
            assertThat(page.locator("#tornado-chart")).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#tornado-chart canvas")).hasCount(1);
            assertThat(page.locator("#claim-summary")).containsText("25");
            String total = page.locator("#cost-total").getAttribute("data-total");
            String totalText = page.locator("#cost-total").textContent();
            String option = page.locator("#tornado-chart").getAttribute("data-option");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("cost-model-en.png"))
                    .setFullPage(true));

            page.locator("#p-return_probability").fill("0.5");
            page.locator("#cost-run").click();

            assertThat(page.locator("#cost-total")).not().hasAttribute("data-total", total);
            assertThat(page.locator("#cost-overridden")).containsText("Probability of return");
            assertThat(page.locator("#tornado-chart")).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#tornado-chart canvas")).hasCount(1);
            double before = Double.parseDouble(total);
            double after = Double.parseDouble(page.locator("#cost-total").getAttribute("data-total"));
            assertThat(after).isLessThan(before);
            assertThat(page.locator("#cost-total").textContent()).isNotEqualTo(totalText);
            assertThat(page.locator("#tornado-chart").getAttribute("data-option")).isNotEqualTo(option);
            // htmx swapped the results in place: the page was not reloaded, so the edited value is still there.
            assertThat(page).hasURL(base + "/cost-model?return_probability=0.5");
            assertThat(page.locator("#p-return_probability")).hasValue("0.5");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("cost-model-changed.png")));
            page.locator("#cost-tornado").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("cost-model-tornado.png")));

            // An occupation's pay moves its row and the total by occupation, not the annual total by level.
            String byOccupation = page.locator("#occupation-total").getAttribute("data-total");
            String byLevel = page.locator("#cost-total").getAttribute("data-total");
            page.locator("#op-2").fill("600000");
            page.locator("#cost-run").click();
            assertThat(page.locator("#occupation-total")).not().hasAttribute("data-total", byOccupation);
            assertThat(page.locator("#occupation-table tr[data-occupation='2'] td.overridden")).containsText("600");
            assertThat(page.locator("#cost-total")).hasAttribute("data-total", byLevel);
            page.locator("#cost-occupations").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("cost-model-occupations.png")));
        }

        try (var context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = signIn(context, USER, PASSWORD, "en");
            page.navigate(base + "/cost-model?lang=en");
            String total = page.locator("#cost-total").getAttribute("data-total");
            page.locator("#p-return_probability").fill("0.5");
            page.locator("#cost-run").click();
            page.waitForLoadState();
            assertThat(page.locator("#cost-total")).not().hasAttribute("data-total", total);
            assertThat(page.locator("#cost-overridden")).containsText("Probability of return");
        }
    }
}
