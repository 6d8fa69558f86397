package kz.agyn.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst downloads a survey's microdata from its page, in Russian, at 1440 × 900 and on a phone (390 × 844):
 * the link and the design form with its trimming bounds fit the page, and the download is the survey's ZIP.
 */
class SurveyMicrodataBrowserTest extends AgynBrowserTest {

    static final String USER = "survey-microdata-analyst";
    static final String PASSWORD = "Survey-pass-21";

    @Autowired
    SurveyService surveys;

    @Test
    void theAnalystDownloadsTheMicrodataFromTheSurveysPage() {
        account(USER, PASSWORD, Role.ANALYST, "ru");
        Survey survey = surveys.survey("demo-young-specialists-2024").orElseThrow();
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]).setAcceptDownloads(true))) {
                Page page = signIn(context, USER, PASSWORD, "ru");
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                page.navigate(base() + "/surveys/" + survey.id() + "?lang=ru");
                assertThat(page.locator("#microdata-download")).hasText("Скачать микроданные (CSV со скриптами R и Stata)");
                assertThat(page.locator("#design-trim-lower")).isVisible();
                page.locator("#design-form").scrollIntoViewIfNeeded();
                page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                        "survey-microdata-" + size[0] + ".png")).setFullPage(true));
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as("page width at " + size[0]).isLessThanOrEqualTo(size[0]);
                if (size[0] > 1000) {
                    Download download = page.waitForDownload(() -> page.locator("#microdata-download").click());
                    assertThat(download.suggestedFilename()).isEqualTo(survey.code() + "-microdata.zip");
                    assertThat(download.failure()).isNull();
                }
                assertThat(errors).isEmpty();
            }
        }
    }
}
