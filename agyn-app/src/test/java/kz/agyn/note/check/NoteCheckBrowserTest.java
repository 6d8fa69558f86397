package kz.agyn.note.check;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;

/** An analyst uploads the seed note and sees its contradictions marked in the text and listed beside it. */
class NoteCheckBrowserTest extends AgynBrowserTest {

    private static final String USER = "note-checker";
    private static final String PASSWORD = "Note-check-pw-19";
    private static final Path SEED = Path.of("src/test/resources/note-check/seed-note-kk.txt");

    private void uploadSeed(Page page) {
        page.navigate(base() + "/note-check");
        page.locator("#check-file").setInputFiles(SEED);
        page.locator("#check-submit").click();
        assertThat(page.locator("#check-findings")).isVisible();
    }

    @Test
    void uploadsTheSeedNoteAndSeesTheFindings() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            assertThat(page.locator("nav a[href='/note-check']")).hasCount(1);
            uploadSeed(page);
            assertThat(page.locator("#check-findings .finding[data-kind=CONTRADICTION]")).hasCount(3);
            assertThat(page.locator("#check-findings .finding[data-kind=SHARES]")).containsText("110%");
            assertThat(page.locator("#check-findings .finding[data-kind=WAREHOUSE]")).containsText("31\u00a0287");
            assertThat(page.locator("#fig-15-522")).hasClass("CONTRADICTION");
            assertThat(page.locator("#fig-68-31")).hasClass("SHARES");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("note-check-kk-desktop.png")));
            // Following a finding's figure lands on it in the text.
            page.locator("#check-findings a[href='#fig-86-153']").first().click();
            assertThat(page.locator("#fig-86-153")).isInViewport();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("note-check-kk-desktop-text.png")));
        }
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(phone, USER, PASSWORD, "ru");
            uploadSeed(page);
            assertThat(page.locator("#check-summary")).containsText("Противоречие: 3");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("note-check-ru-phone.png")));
            page.locator("#check-findings").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("note-check-ru-phone-findings.png")));
        }
    }
}
