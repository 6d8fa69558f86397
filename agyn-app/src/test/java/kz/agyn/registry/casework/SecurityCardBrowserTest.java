package kz.agyn.registry.casework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15: a pledge recorded by mistake is corrected from the card (the old record kept in the history with the
 * grounds), and withdrawn; a withdrawal without grounds is refused in the officer's language.
 */
class SecurityCardBrowserTest extends AgynBrowserTest {

    static final String OFFICER = "security-browser-officer";
    static final String PASSWORD = "Security-pass-15";

    @Autowired
    ScholarService scholars;

    @Autowired
    Securities securities;

    @Test
    void anOfficerCorrectsAPledgeThenWithdrawsIt() {
        account(OFFICER, PASSWORD, Role.REGISTRY_OFFICER, "kk");
        TestScholars make = new TestScholars(scholars);
        long s = make.scholar(make.freshIin(LocalDate.of(1994, 10, 10), Sex.MALE), "Кепілов", "Нұржан");
        long award = make.award(s, LocalDate.now().minusDays(60), true, "US");
        securities.pledge(award, new NewPledge("Астана, Кенесары 4, пәтер 1", new BigDecimal("16000000"), null,
                "ZL-1"), Access.PERSONAL, "off");

        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, OFFICER, PASSWORD, "kk");
            page.navigate(base() + "/registry/scholars/" + s + "?lang=kk");
            Locator security = page.locator("#security-" + award);
            assertThat(security).containsText("Кенесары 4, пәтер 1");
            security.locator(".pledge-correction summary").click();
            security.locator(".pledge-correction input[name=property]").fill("Астана, Кенесары 40, пәтер 1");
            security.locator(".pledge-correction input[name=reason]").fill("үй нөмірі қате жазылған");
            security.locator(".pledge-correction button[type=submit]").click();
            assertThat(page.locator("#security-corrected")).isVisible();
            assertThat(page.locator("#security-" + award + " .pledge-property")).hasText("Астана, Кенесары 40, пәтер 1");
            page.locator("#security-history-" + award + " summary").click();
            assertThat(page.locator("#security-history-" + award)).containsText("үй нөмірі қате жазылған");

            // Withdrawing needs grounds: refused beside the form, in Kazakh.
            Locator withdraw = page.locator("#security-" + award + " .security-withdrawal");
            withdraw.locator("summary").click();
            withdraw.locator("input[name=reason]").evaluate("e => e.removeAttribute('required')");
            withdraw.locator("button[type=submit]").click();
            assertThat(page.locator("#security-" + award + " .security-withdrawal .alert.error"))
                    .containsText("негіздемесін");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("security-card-corrected.png")));

            page.locator("#security-" + award + " .security-withdrawal input[name=reason]")
                    .fill("кепіл 5/2026 бұйрығымен босатылды");
            page.locator("#security-" + award + " .security-withdrawal button[type=submit]").click();
            assertThat(page.locator("#security-withdrawn")).isVisible();
            assertThat(page.locator("#security-" + award)).hasCount(0);
            page.locator("#security-history-" + award + " summary").click();
            assertThat(page.locator("#security-history-" + award + " li")).hasCount(2);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("security-card-withdrawn.png")));
        } finally {
            PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        }
    }
}
