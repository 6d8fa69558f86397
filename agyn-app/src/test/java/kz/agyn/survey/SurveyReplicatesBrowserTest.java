package kz.agyn.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst chooses replicate weights on the design form of a survey whose respondents have none, in Kazakh, at
 * 1440 × 900 and on a phone (390 × 844): the form's replicate fields fit the page, and the refusal names the missing
 * column repw_1 beside the form, which keeps the choice.
 */
class SurveyReplicatesBrowserTest extends AgynBrowserTest {

    static final String USER = "survey-replicates-analyst";
    static final String PASSWORD = "Survey-pass-48";

    @Autowired
    SurveyService surveys;

    @Test
    void replicateWeightsWithoutTheirColumnsAreRefusedBesideTheForm() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        Survey survey = surveys.survey("demo-young-specialists-2024").orElseThrow();
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]))) {
                Page page = signIn(context, USER, PASSWORD, "kk");
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                page.navigate(base() + "/surveys/" + survey.id() + "?lang=kk");
                page.locator("#design-replicate-type").selectOption("JK1");
                page.locator("#design-form button[type=submit]").click();
                assertThat(page.locator("#design-error")).containsText("repw_1");
                assertThat(page.locator("#design-replicate-type")).hasValue("JK1");
                page.locator("#design-replicates").scrollIntoViewIfNeeded();
                page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                        "survey-replicates-" + size[0] + ".png")));
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as("page width at " + size[0]).isLessThanOrEqualTo(size[0]);
                assertThat(errors).isEmpty();
            }
        }
    }
}
