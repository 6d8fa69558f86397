package kz.agyn.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.survey.internal.SurveyRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst gives a survey margins on its calibration tab, in Kazakh, at 1440 × 900 and on a phone (390 × 844):
 * a share left out of a question is refused with the reason beside the question and what was typed kept; the
 * full margins are saved with linear calibration, and the results are weighted to them.
 */
class SurveyCalibrationBrowserTest extends AgynBrowserTest {

    static final String USER = "survey-calibration-analyst";
    static final String PASSWORD = "Survey-pass-43";

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyRepository repository;

    @Test
    void theAnalystGivesMarginsInTheFormAndFixesWhatIsRefused() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        Survey survey = SurveyCalibrationApiTest.fixture(surveys, repository, "test-calibration-page");
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            repository.saveCalibration(survey.id(), new SurveyRepository.CalibrationRow(
                    kz.agyn.survey.estimation.CalibrationMethod.RAKING, MarginTargets.COUNT), Map.of());
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(size[0], size[1]))) {
                Page page = signIn(context, USER, PASSWORD, "kk");
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                page.navigate(base() + "/surveys/" + survey.id() + "?lang=kk");
                page.locator("#calibration-tab").click();
                assertThat(page.locator("h2")).hasText("Салмақтарды калибрлеу");
                page.locator("#calibration-targets").selectOption("SHARE");
                page.locator("#calibration-method").selectOption("LINEAR");
                page.locator("[id='m.studied_abroad.yes']").fill("0,4");
                page.locator("#calibration-submit").click();
                assertThat(page.locator("#error-studied_abroad")).containsText("«no»");
                assertThat(page.locator("[id='m.studied_abroad.yes']")).hasValue("0,4");
                page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                        "survey-calibration-refused-" + size[0] + ".png")).setFullPage(true));
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as("page width at " + size[0]).isLessThanOrEqualTo(size[0]);

                page.locator("[id='m.studied_abroad.no']").fill("0,6");
                page.locator("#calibration-submit").click();
                assertThat(page.locator("#calibration-saved")).isVisible();
                assertThat(page.locator("#calibration-method")).hasValue("LINEAR");
                assertThat(page.locator("[id='m.studied_abroad.no']")).hasValue("0.6");
                page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                        "survey-calibration-saved-" + size[0] + ".png")).setFullPage(true));
                assertThat(errors).isEmpty();
            }
        }
        Estimates e = surveys.estimates(survey.id(), "reasons_main", null, java.util.Locale.ENGLISH);
        assertThat(e.options().stream().filter(o -> o.option().equals("pay")).findFirst().orElseThrow().share())
                .isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(e.weighting().method()).isEqualTo(kz.agyn.survey.estimation.CalibrationMethod.LINEAR);
    }
}
