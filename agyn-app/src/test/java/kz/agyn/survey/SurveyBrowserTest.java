package kz.agyn.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;


import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst issues a one-time link from the demonstration survey's page; a respondent opens it on a phone
 * (390 × 844) in Kazakh, answers and sends; the analyst's results then count one respondent more.
 */
class SurveyBrowserTest extends AgynBrowserTest {

    static final String USER = "survey-browser-analyst";
    static final String PASSWORD = "Survey-pass-9";

    @Autowired
    SurveyService surveys;

    @Test
    void aRespondentAnswersOnAPhoneInKazakhAndTheResultsCountThem() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        int surveyId = surveys.survey("demo-young-specialists-2024").orElseThrow().id();
        String base = base();
        try (BrowserContext analyst = browser.newContext(new Browser.NewContextOptions().setViewportSize(1300, 1000));
             BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                     .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2))) {
            Page page = signIn(analyst, USER, PASSWORD, "kk");

            page.navigate(base + "/surveys/" + surveyId + "?lang=kk");
            assertThat(page.locator("#synthetic-notice")).isVisible();
            assertThat(page.locator("#ranking tbody tr")).hasCount(5);
            assertThat(page.locator("#ranking tbody tr").first()).containsText("Жалақы деңгейі");
            assertThat(page.locator("#survey-chart")).hasAttribute("data-rendered", "true");
            int before = Integer.parseInt(page.locator("#respondent-count").textContent().trim());
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-results.png"))
                    .setFullPage(true));

            page.locator("#by").selectOption("age_group");
            assertThat(page.locator("#breakdown tbody tr")).hasCount(3);
            page.locator("#by").selectOption("region");
            assertThat(page.locator("#breakdown tbody tr")).hasCount(20);
            assertThat(page.locator("#breakdown td.suppressed").first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-by-region.png"))
                    .setFullPage(true));

            page.locator("#link-form button").click();
            String link = page.locator("#issued-link code").textContent().trim();
            assertThat(link).contains("/s/");

            Page form = phone.newPage();
            form.navigate(link + "?lang=kk");
            assertThat(form.locator("html")).hasAttribute("lang", "kk");
            choose(form, "age_group", "25–29");
            choose(form, "sex", "Әйел");
            form.locator("fieldset[data-question=region] select").selectOption(new SelectOption()
                    .setLabel("Жетісу облысы"));
            choose(form, "education", "Магистратура немесе оған баламалы деңгей");
            choose(form, "intend_leave", "Иә, үш жыл ішінде");
            form.locator("select[name=q_reasons_main_1]").selectOption(new SelectOption().setLabel("Жалақы деңгейі"));
            form.locator("select[name=q_reasons_main_2]").selectOption(new SelectOption()
                    .setLabel("Кәсіби өсу мүмкіндіктері"));
            form.locator("fieldset[data-question=comment] textarea").fill("Ғылымға көбірек қаражат керек");
            Object overflow = form.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
            form.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-form-phone.png"))
                    .setFullPage(true));
            form.locator("#public-form button[type=submit]").click();
            assertThat(form.locator("#form-done")).isVisible();
            assertThat(form.locator("#form-done")).containsText("Рақмет");

            page.navigate(base + "/surveys/" + surveyId + "?lang=kk");
            assertThat(page.locator("#respondent-count")).hasText(String.valueOf(before + 1));
            // A real answer in a synthetic survey is said to be there, not silently mixed in.
            assertThat(page.locator("#mixed-notice")).isVisible();

            form.navigate(link + "?lang=kk");
            assertThat(form.locator("#form-closed")).isVisible();
        }
    }

    private static void choose(Page page, String question, String label) {
        Locator option = page.locator("fieldset[data-question=" + question + "] label")
                .filter(new Locator.FilterOptions().setHasText(label));
        option.locator("input").check();
    }
}
