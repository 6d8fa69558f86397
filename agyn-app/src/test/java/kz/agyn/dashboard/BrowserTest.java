package kz.agyn.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person in headless Chromium: signs in, sees the home page's cards, charts and map, and switches the
 * language to Russian and English, which stays chosen at the next sign-in. Screenshots go to
 * target/screenshots for a human to look at.
 */
class BrowserTest extends AgynBrowserTest {

    static final String USER = "browser-analyst";
    static final String PASSWORD = "Browser-pass-7";

    @Test
    void signInSeeTheDashboardAndSwitchLanguages() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        String base = base();
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = context.newPage();
            page.navigate(base + "/");
            assertThat(page).hasURL(base + "/login");
            assertThat(page.locator("html")).hasAttribute("lang", "kk");
            assertThat(page.locator("h1")).hasText("Кіру");
            submitSignIn(page, USER, PASSWORD);

            assertThat(page.locator("h1")).hasText("Обсерватория");
            assertThat(page.locator(".figure-card")).hasCount(6);
            assertThat(page.locator("[data-card=emigrants] .value").first()).containsText("31");
            assertThat(page.locator("[data-card=emigrants] .source").first()).containsText("[1]");
            assertThat(page.locator("[data-card=bolashak] .value")).hasCount(3);
            for (String id : List.of("reasons", "rnd", "pay", "return", "map")) {
                assertThat(page.locator("#chart-" + id)).hasAttribute("data-rendered", "true");
                assertThat(page.locator("#chart-" + id + " canvas")).hasCount(1);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("home-kk.png")).setFullPage(true));

            page.locator(".langs a[data-lang=ru]").click();
            assertThat(page.locator("html")).hasAttribute("lang", "ru");
            assertThat(page.locator("h1")).hasText("Обсерватория");
            assertThat(page.locator(".main-nav a").first()).hasText("Главная");
            assertThat(page.locator("[data-card=emigrants] h2")).hasText("Выбыли из страны в 2022 году");
            assertThat(page.locator("#chart-reasons")).hasAttribute("data-rendered", "true");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("home-ru.png")).setFullPage(true));

            page.locator(".langs a[data-lang=en]").click();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("The observatory");
            assertThat(page.locator("[data-card=emigrants] .value").first()).containsText("31,287");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("home-en.png")).setFullPage(true));

            page.navigate(base + "/note");
            assertThat(page.locator("#contradictions .contradiction").first()).isVisible();
            assertThat(page.locator("#contradictions .chip").first()).containsText(":");
            assertThat(page.locator("#fig-emigrants_2022 td.num")).containsText("31,287");
            assertThat(page.locator("#fig-emigrants_2022 .citation")).containsText("Nasimova");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("note-en.png")));
        }
        assertThat(accounts.user(USER).orElseThrow().locale()).isEqualTo("en");

        // A new browser, no cookies: the saved choice of English comes back at sign-in.
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/login");
            submitSignIn(page, USER, PASSWORD);
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("The observatory");
        }
    }
}
