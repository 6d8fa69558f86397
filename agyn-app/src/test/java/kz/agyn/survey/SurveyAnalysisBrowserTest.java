package kz.agyn.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst goes from a survey's results to the cross-tabulation and wave-comparison tabs, in English: the
 * tables fill, the heatmap and the bar chart are drawn, and the script reports no error.
 */
class SurveyAnalysisBrowserTest extends AgynBrowserTest {

    static final String USER = "survey-analysis-analyst";
    static final String PASSWORD = "Survey-pass-10";

    @Autowired
    SurveyService surveys;

    @Test
    void crossTabulationAndWaveComparisonTabs() {
        account(USER, PASSWORD, Role.ANALYST, "en");
        int later = surveys.survey("demo-young-specialists-2025").orElseThrow().id();
        try (BrowserContext context = desktop()) {
            Page page = signIn(context, USER, PASSWORD, "en");
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);

            page.navigate(base() + "/surveys/" + later + "?lang=en");
            page.locator(".survey-tabs a").nth(1).click();
            assertThat(page.locator("#crosstab-table")).isVisible();
            page.locator("#crosstab-row").selectOption("reasons_main");
            page.locator("#crosstab-column").selectOption("age_group");
            page.locator("#crosstab-form button").click();
            assertThat(page.locator("#crosstab-table tbody tr")).hasCount(5);
            assertThat(page.locator("#crosstab-test")).containsText("p = ");
            assertThat(page.locator("#crosstab-chart")).hasAttribute("data-rendered", "true");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-crosstab.png"))
                    .setFullPage(true));

            page.locator(".survey-tabs a").nth(2).click();
            assertThat(page.locator("#compare-table tbody tr")).hasCount(5);
            assertThat(page.locator("#compare-table tr.significant")).hasCount(2);
            assertThat(page.locator("#compare-chart")).hasAttribute("data-rendered", "true");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-compare.png"))
                    .setFullPage(true));
            assertThat(errors).isEmpty();
        }
    }
}
