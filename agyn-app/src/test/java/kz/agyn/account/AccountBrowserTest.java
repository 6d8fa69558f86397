package kz.agyn.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.MovableTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-in and account pages as a new officer meets them on a phone, in Kazakh: wrong passwords until the
 * "try again later" notice, the wait, a one-time password that must be changed, a common password refused with
 * the reason, a 40-odd-character Kazakh pass phrase accepted and usable, and an API token with its expiry date.
 * The browser claims an address of its own (X-Forwarded-For, trusted from 127.0.0.1 in tests) so that its wrong
 * passwords slow nobody else down; time is moved on rather than waited for.
 */
class AccountBrowserTest extends AgynBrowserTest {

    static final String USER = "phone-officer";
    static final String ONE_TIME = "One-time-pass-2026";
    /** 46 characters, 84 bytes in UTF-8: beyond bcrypt's 72 bytes, fine for Argon2id. */
    static final String KAZAKH = "Қазақстанның жас ғалымдары елге қайтып оралады";

    @Autowired
    MovableTime time;

    @Test
    void wrongPasswordsThenTheWaitThenAOneTimePasswordChangedToAKazakhPhrase() {
        accounts.createUser(USER, ONE_TIME, Set.of(Role.REGISTRY_OFFICER), null, "kk", true);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "198.51.100.201")))) {
            Page page = context.newPage();
            page.navigate(base() + "/login?lang=kk");
            for (int i = 1; i <= 5; i++) {
                fill(page, USER, "Not-the-password-" + i);
                page.waitForURL(url -> url.contains("/login?error"));
                assertThat(page.locator(".alert.error")).hasText("Пайдаланушы аты немесе құпиясөз қате.");
            }
            fill(page, USER, "Not-the-password-6");
            page.waitForURL(url -> url.contains("/login?locked"));
            assertThat(page.locator("#login-locked")).containsText("минуттан кейін қайталап көріңіз");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("sign-in-locked-kk-phone.png"))
                    .setFullPage(true));
            // Even the right password waits until the delay is over...
            fill(page, USER, ONE_TIME);
            page.waitForURL(url -> url.contains("/login?locked"));

            // ...and then signs in, straight to the page that asks for a new password.
            time.advance(Duration.ofSeconds(61));
            fill(page, USER, ONE_TIME);
            page.waitForURL(url -> url.contains("/account"));
            assertThat(page.locator(".alert.warn")).containsText("Бір реттік құпиясөзбен кірдіңіз");
            page.navigate(base() + "/registry");
            assertThat(page).hasURL(base() + "/account?mustChange");

            changePassword(page, ONE_TIME, "password1234");
            assertThat(page.locator(".alert.error")).containsText("ең жиі қолданылатын 10 000 құпиясөздің бірі");
            changePassword(page, ONE_TIME, "Қазақстан-phone-officer-2026");
            assertThat(page.locator(".alert.error")).hasText("Құпиясөзде пайдаланушы аты болмауы керек.");
            changePassword(page, ONE_TIME, KAZAKH);
            assertThat(page.locator(".alert.ok")).hasText("Құпиясөз ауыстырылды.");
            assertThat(page.locator(".alert.warn")).hasCount(0);

            page.locator("input[name=name]").fill("телефоннан");
            page.locator("form[action$='/account/tokens'] button[type=submit]").click();
            assertThat(page.locator("#new-token")).containsText("agyn_");
            String expiry = LocalDate.ofInstant(time.instant().plus(Duration.ofDays(90)), ZoneId.systemDefault())
                    .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            assertThat(page.locator(".token-expiry").first()).hasText(expiry);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("account-kk-phone.png"))
                    .setFullPage(true));
            // Measured against the phone's 390 px: a mobile browser widens its layout to what overflows.
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .as("the account page fits a phone's width").isLessThanOrEqualTo(390);
        }

        // A fresh browser: the Kazakh pass phrase signs in.
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "198.51.100.202")))) {
            Page page = signIn(context, USER, KAZAKH, "kk");
            assertThat(page.url()).doesNotContain("/login").doesNotContain("/account");
        }
    }

    private static void fill(Page page, String user, String password) {
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.locator("form.card button[type=submit]").click();
    }

    private static void changePassword(Page page, String current, String password) {
        page.locator("input[name=current]").fill(current);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=repeat]").fill(password);
        page.locator("form[action$='/account/password'] button[type=submit]").click();
        page.waitForLoadState();
    }
}
