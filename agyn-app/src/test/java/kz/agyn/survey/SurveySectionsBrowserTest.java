package kz.agyn.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A respondent answers a wave of version 2 of the standard instrument on a phone (390 × 844): one section at a
 * time with its progress, a missing required answer said next to its question before anything is sent, no
 * destination or reasons asked after "No", nothing of them stored; and without JavaScript the same form is one
 * page whose mistakes the server lists next to their questions.
 */
class SurveySectionsBrowserTest extends AgynBrowserTest {

    @Autowired
    SurveyService surveys;

    @Autowired
    FormService forms;

    @Autowired
    JdbcClient jdbc;

    Survey wave() {
        return surveys.survey("test-sections-phone").orElseGet(() -> surveys.create("test-sections-phone",
                SurveyCreationService.STANDARD, 2, new Names("Сынақ", "Тест", "Sections test"), "test"));
    }

    static BrowserContext phone(boolean script) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true).setDeviceScaleFactor(2).setJavaScriptEnabled(script));
    }

    static void choose(Page page, String question, String label) {
        page.locator("fieldset[data-question=" + question + "] label")
                .filter(new Locator.FilterOptions().setHasText(label)).locator("input").check();
    }

    static int overflow(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - Math.min(window.innerWidth, 390)"))
                .intValue();
    }

    @Test
    void aSectionAtATimeSkipsTheDestinationAfterNoAndChecksRequiredAnswersInTheBrowser() {
        Survey survey = wave();
        String token = forms.issue(survey.id(), "test");
        try (BrowserContext context = phone(true)) {
            Page page = context.newPage();
            page.onPageError(e -> System.out.println("Page error: " + e));
            List<String> posts = new ArrayList<>();
            page.onRequest(r -> {
                if (r.method().equals("POST")) {
                    posts.add(r.url());
                }
            });
            page.navigate(base() + "/s/" + token + "?lang=en");
            // Respondents are not told about demonstration data, and no menu is offered to them.
            assertThat(page.locator("p.notice")).hasCount(0);
            assertThat(page.locator("button.nav-toggle")).hasCount(0);
            Locator first = page.locator("section[data-section='1']");
            assertThat(first).isVisible();
            assertThat(first.locator(".progress-text")).hasText("Section 1 of 4");
            assertThat(page.locator("section[data-section='2']")).isHidden();
            assertThat(page.locator("#public-form button[type=submit]")).isHidden();
            assertThat(overflow(page)).as("the form fits a phone").isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-sections-1.png"))
                    .setFullPage(true));

            // Next without the required answers: each is asked for next to its question, and nothing is sent.
            first.locator("[data-next]").click();
            assertThat(page.locator("#err-age_group")).hasText("Please answer this question.");
            assertThat(page.locator("#err-sex")).hasText("Please answer this question.");
            assertThat(page.locator("fieldset#q-age_group")).hasClass(java.util.regex.Pattern.compile("has-error"));
            assertThat(first).isVisible();
            assertThat(posts).as("checked without a round trip to the server").isEmpty();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-sections-error.png"))
                    .setFullPage(true));

            choose(page, "age_group", "25–29");
            assertThat(page.locator("#err-age_group")).hasText("");
            choose(page, "sex", "Female");
            page.locator("fieldset[data-question=region] select").selectOption(new SelectOption().setIndex(3));
            choose(page, "education", "Master");
            first.locator("[data-next]").click();
            Locator second = page.locator("section[data-section='2']");
            assertThat(second).isVisible();
            assertThat(second.locator(".progress-text")).hasText("Section 2 of 4");
            assertThat(first).isHidden();
            second.locator("[data-next]").click();

            Locator third = page.locator("section[data-section='3']");
            assertThat(third.locator(".progress-text")).hasText("Section 3 of 4");
            assertThat(page.locator("#q-destination")).isVisible();
            choose(page, "intend_leave", "No");
            assertThat(page.locator("#q-destination")).isHidden();
            assertThat(page.locator("#q-reasons_main")).isHidden();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-sections-skip.png"))
                    .setFullPage(true));
            choose(page, "intend_leave", "Undecided");
            assertThat(page.locator("#q-reasons_main")).isVisible();
            // The reasons are required when asked: leaving them out is said before the next section.
            third.locator("[data-next]").click();
            assertThat(page.locator("#err-reasons_main")).hasText("Please answer this question.");
            choose(page, "intend_leave", "No");
            assertThat(page.locator("#q-reasons_main")).isHidden();
            third.locator("[data-next]").click();

            Locator fourth = page.locator("section[data-section='4']");
            assertThat(fourth.locator(".progress-text")).hasText("Section 4 of 4");
            assertThat(page.locator("#public-form button[type=submit]")).isVisible();
            assertThat(posts).isEmpty();
            page.locator("#public-form button[type=submit]").click();
            assertThat(page.locator("#form-done")).isVisible();
        }
        // Stored: the intention, and nothing for the questions skipped.
        List<String> answered = jdbc.sql("""
                SELECT DISTINCT q.code FROM survey_answer a JOIN survey_question q ON q.id = a.question_id
                JOIN survey_respondent r ON r.id = a.respondent_id WHERE r.survey_id = ?""")
                .param(survey.id()).query(String.class).list();
        assertThat(answered).contains("intend_leave", "age_group").doesNotContain("destination", "reasons_main");
    }

    @Test
    void withoutJavaScriptEverySectionIsOnOnePageAndTheServerSaysWhatIsMissingNextToIt() {
        Survey survey = wave();
        String token = forms.issue(survey.id(), "test");
        try (BrowserContext context = phone(false)) {
            Page page = context.newPage();
            page.navigate(base() + "/s/" + token + "?lang=ru");
            assertThat(page.locator("section.form-section")).hasCount(4);
            for (int i = 1; i <= 4; i++) {
                assertThat(page.locator("section[data-section='" + i + "']")).isVisible();
            }
            assertThat(page.locator("section[data-section='2'] .progress-text")).hasText("Раздел 2 из 4");
            assertThat(page.locator(".pager").first()).isHidden();
            assertThat(overflow(page)).isLessThanOrEqualTo(0);
            // The browser's own check holds the unconditional required questions; the reasons, asked only of
            // some, are left to the server, which knows the answer they depend on.
            assertThat((Boolean) page.locator("fieldset#q-age_group input").first().evaluate("e => e.required"))
                    .isTrue();
            assertThat((Boolean) page.locator("select[name=q_reasons_main_1]").evaluate("e => e.required")).isFalse();
            choose(page, "age_group", "25–29");
            choose(page, "sex", "Женский");
            page.locator("fieldset[data-question=region] select").selectOption(new SelectOption().setIndex(3));
            choose(page, "education", "Магистр");
            choose(page, "intend_leave", "Да, в течение года");
            page.locator("#public-form button[type=submit]").click();
            assertThat(page.locator("#form-errors")).isVisible();
            assertThat(page.locator("#err-reasons_main")).containsText("Расположите причины");
            assertThat(page.locator("#form-errors a[href='#q-reasons_main']")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-sections-nojs.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void onADesktopTheFormShowsOneSectionInANarrowColumn() {
        String token = forms.issue(wave().id(), "test");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = context.newPage();
            page.navigate(base() + "/s/" + token + "?lang=kk");
            assertThat(page.locator("section[data-section='1'] .progress-text")).hasText("1-бөлім, барлығы 4");
            assertThat(page.locator("section[data-section='2']")).isHidden();
            Number width = (Number) page.evaluate("document.querySelector('main').getBoundingClientRect().width");
            assertThat(width.intValue()).as("a readable column").isLessThanOrEqualTo(720);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("survey-sections-desktop.png")));
        }
    }
}
