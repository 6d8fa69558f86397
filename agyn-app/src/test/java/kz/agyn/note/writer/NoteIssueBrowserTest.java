package kz.agyn.note.writer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's acceptance line: an analyst issues a note for Jetisu region, downloads its PDF and DOCX (non-empty,
 * named for what they are), writes it again (identical bytes) and opens the consistency check's report on it; at
 * 1440 × 900 and on a phone (390 × 844). A year the warehouse holds nothing for is refused with a clear message.
 */
class NoteIssueBrowserTest extends AgynBrowserTest {

    static final String USER = "note-issue-analyst";
    static final String PASSWORD = "Note-issue-19";

    @Test
    void theAnalystIssuesANoteForJetisuDownloadsItAndChecksIt() throws Exception {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        String noteUrl = null;
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]).setAcceptDownloads(true))) {
                Page page = signIn(context, USER, PASSWORD, "kk");
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                if (noteUrl == null) {
                    page.navigate(base() + "/note/write?lang=kk");
                    page.locator("#note-issued-link").click();
                    page.waitForURL(url -> url.contains("/note/issued"));
                    assertThat(page.locator("h1").first()).hasText("Шыққан жазбалар");
                    // A year the warehouse holds nothing for: said, naming the block and the query.
                    page.locator("#issue-template").selectOption("regional-note");
                    page.locator("#issue-period").fill("1995");
                    page.locator("#issue-submit").click();
                    assertThat(page.locator("#issue-error")).containsText("1995");
                    page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                            "note-issue-nodata-1440.png")));
                    page.locator("#issue-template").selectOption("regional-note");
                    assertThat(page.locator("#issue-region")).hasValue("330000000");
                    page.locator("#issue-period").fill("2024");
                    page.locator("#issue-language").selectOption("kk");
                    page.locator("#issue-submit").click();
                    page.waitForURL(url -> url.contains("note="));
                    assertThat(page.locator("#issued-downloads")).isVisible(
                            new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                                    .setTimeout(60_000));
                    noteUrl = page.url();
                    assertThat(page.locator("#issued-note h2")).containsText("Жетісу облысы");
                    Download pdf = page.waitForDownload(() -> page.locator("#issued-pdf").click());
                    assertThat(pdf.failure()).isNull();
                    assertThat(pdf.suggestedFilename()).matches(
                            "agyn-regional-note-330000000-2024-\\d{4}-\\d{2}-\\d{2}-kk\\.pdf");
                    assertThat(Files.size(pdf.path())).isGreaterThan(10_000);
                    assertThat(Files.readAllBytes(pdf.path())).startsWith("%PDF".getBytes());
                    Download docx = page.waitForDownload(() -> page.locator("#issued-docx").click());
                    assertThat(docx.failure()).isNull();
                    assertThat(docx.suggestedFilename()).matches(
                            "agyn-regional-note-330000000-2024-\\d{4}-\\d{2}-\\d{2}-kk\\.docx");
                    assertThat(Files.size(docx.path())).isGreaterThan(3_000);
                    page.locator("#issued-regenerate").click();
                    assertThat(page.locator("#regenerated")).hasClass("alert success");
                    assertThat(page.locator("#issued-history tbody tr").first()).containsText("Жетісу облысы");
                    page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                            "note-issued-1440.png")).setFullPage(true));
                    page.locator("#issued-check").click();
                    page.waitForURL(url -> url.contains("/note-check"));
                    assertThat(page.locator("#check-summary")).isVisible();
                    page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                            "note-issued-checked-1440.png")).setFullPage(true));
                } else {
                    page.navigate(noteUrl);
                    assertThat(page.locator("#issued-downloads")).isVisible();
                    page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                            "note-issued-390.png")).setFullPage(true));
                    Object width = page.evaluate("() => document.documentElement.scrollWidth");
                    assertThat(((Number) width).intValue()).as("page width at 390").isLessThanOrEqualTo(390);
                }
                assertThat(errors).isEmpty();
            }
        }
    }
}
