package kz.agyn.registry.incentives;

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
 * An officer edits an incentive's rules in labelled fields in Russian, types a duration out of range and sees the
 * error next to the field with what they typed kept; on a phone the editor does not scroll sideways.
 */
class IncentivesBrowserTest extends AgynBrowserTest {

    static final String USER = "incentives-browser-officer";
    static final String PASSWORD = "Incentives-pass-7";

    @Test
    void theRulesEditorIsAFormWithErrorsNextToTheFields() {
        account(USER, PASSWORD, Role.REGISTRY_OFFICER, "ru");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "ru");
            page.navigate(base() + "/registry/incentives");
            var form = page.locator("#rules-TAX_EXEMPTION");
            assertThat(form.locator("label:has(input[name=durationYears]) > span").first())
                    .hasText("Срок после возвращения, лет");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("incentives-ru-desktop.png"))
                    .setFullPage(true));
            form.locator("input[name=durationYears]").fill("40");
            form.locator("button[type=submit]").click();
            var field = page.locator("#rules-TAX_EXEMPTION label:has(input[name=durationYears])");
            assertThat(field.locator(".field-error")).hasText("Введите число от 1 до 10.");
            assertThat(field.locator("input")).hasValue("40");
            field.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("incentives-ru-error.png")));
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(base() + "/registry/incentives");
            assertThat(page.locator("#rules-RESEARCH_SUPPLEMENT")).isVisible();
            assertThat((Boolean) page.evaluate("() => document.querySelector('#rules-RESEARCH_SUPPLEMENT')"
                    + ".getBoundingClientRect().right <= window.innerWidth + 1")).as("the editor fits a phone").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("incentives-kk-phone.png"))
                    .setFullPage(true));
        }
    }
}
