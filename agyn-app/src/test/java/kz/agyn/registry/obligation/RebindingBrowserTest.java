package kz.agyn.registry.obligation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decision 0027 on the rules page: an administrator sees the awards bound to each version, previews re-binding
 * version 1 (per award the term and the state before and after, in Kazakh) and starts it as a job.
 */
class RebindingBrowserTest extends AgynBrowserTest {

    static final String PROGRAMME = "REBINDWEB";
    static final String ADMIN = "rebind-browser-admin";
    static final String PASSWORD = "Rebind-pass-27";

    @Autowired
    ScholarService scholars;

    @Autowired
    ObligationService obligations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorPreviewsAndStartsARebinding() {
        account(ADMIN, PASSWORD, Role.ADMIN, "kk");
        RebindingTest.programme(PROGRAMME, jdbc, obligations);
        TestScholars make = new TestScholars(scholars);
        LocalDate end = LocalDate.now().minusYears(4);
        long s = make.scholar(make.freshIin(LocalDate.of(1989, 3, 3), Sex.MALE), "Беттен", "Бір");
        RebindingTest.award(scholars, PROGRAMME, s, end, null);
        make.job(s, "PUBLIC", "550000000", "KZ", end.plusDays(20), null, "B3");

        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, ADMIN, PASSWORD, "kk");
            page.navigate(base() + "/registry/rules?lang=kk");
            assertThat(page.locator("#rules-" + PROGRAMME + "-1 .bound")).hasText("1");
            page.locator("#rebind-version").selectOption(PROGRAMME + "/1");
            page.locator("#rebind-preview").click();
            assertThat(page.locator("#rebind-lines tbody tr")).hasCount(1);
            assertThat(page.locator("#rebind-lines tbody tr").first()).containsText("5 → 3");
            assertThat(page.locator("#rebind-state-changes")).containsText("1");
            page.locator("#rebinding").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Browsers.SHOTS.resolve("rules-rebinding-preview.png")));
            page.locator("#rebind-apply").click();
            assertThat(page.locator("#rebind-started")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(false)
                    .setPath(Browsers.SHOTS.resolve("rules-rebinding-started.png")));
        } finally {
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        }
    }
}
