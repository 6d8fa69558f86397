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
 * An analyst of Jetisu region goes from the note's figures to the note Agyn writes, reads it in Kazakh, switches
 * it to Russian, and downloads the PDF and the DOCX: both non-empty and named for what they are. At 1440 × 900 and
 * on a phone (390 × 844); then sends it to the consistency check, which finds the seed's contradictions.
 */
class NoteWriterBrowserTest extends AgynBrowserTest {

    static final String USER = "note-writer-analyst";
    static final String PASSWORD = "Note-writer-19";

    @Test
    void theAnalystWritesTheNoteAndDownloadsItsPdfAndDocx() throws Exception {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]).setAcceptDownloads(true))) {
                Page page = signIn(context, USER, PASSWORD, "kk");
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                page.navigate(base() + "/note?lang=kk");
                page.locator("#note-write-link").click();
                page.waitForURL(url -> url.contains("/note/write"));
                assertThat(page.locator("h1").first()).hasText("Аналитикалық жазбаны жазу");
                assertThat(page.locator("#note-preview")).containsText("1-кесте");
                assertThat(page.locator("#note-preview")).containsText("Жалақының төмендігі");
                assertThat(page.locator("#note-preview .warning")).containsText("110%");
                assertThat(page.locator("#note-preview")).containsText("Пайдаланылған әдебиеттер тізімі");
                page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                        "note-write-kk-" + size[0] + ".png")).setFullPage(size[0] > 1000));
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as("page width at " + size[0]).isLessThanOrEqualTo(size[0]);
                if (size[0] > 1000) {
                    page.locator("#note-language").selectOption("ru");
                    page.locator("#note-write-form button[type=submit]").click();
                    page.waitForURL(url -> url.contains("language=ru"));
                    assertThat(page.locator("#note-preview")).containsText("Таблица 3");
                    // The page stays Kazakh: only the note is in Russian.
                    assertThat(page.locator("h1").first()).hasText("Аналитикалық жазбаны жазу");
                    Download pdf = page.waitForDownload(() -> page.locator("#note-pdf").click());
                    assertThat(pdf.failure()).isNull();
                    assertThat(pdf.suggestedFilename()).isEqualTo("agyn-seed-note-2024-11-06-ru.pdf");
                    assertThat(Files.size(pdf.path())).isGreaterThan(10_000);
                    assertThat(Files.readAllBytes(pdf.path())).startsWith("%PDF".getBytes());
                    Download docx = page.waitForDownload(() -> page.locator("#note-docx").click());
                    assertThat(docx.failure()).isNull();
                    assertThat(docx.suggestedFilename()).isEqualTo("agyn-seed-note-2024-11-06-ru.docx");
                    assertThat(Files.size(docx.path())).isGreaterThan(5_000);
                    page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                            "note-write-ru-note-1440.png")));
                    // The note Agyn wrote goes to the consistency check in one click: the seed's figures disagree.
                    page.locator("#note-check-this").click();
                    page.waitForURL(url -> url.contains("/note-check"));
                    assertThat(page.locator("#check-findings")).isVisible();
                    assertThat(page.locator("#check-text-view mark").first()).isVisible();
                    page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                            "note-write-checked-1440.png")).setFullPage(true));
                }
                assertThat(errors).isEmpty();
            }
        }
    }
}
