package kz.agyn.warehouse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.reference.Names;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, undo as an administrator meets it: withdraw a version and retire a dataset from its page, close a
 * survey, each through its confirmation page (screenshots at 1440×900 and 390×844).
 */
class UndoBrowserTest extends AgynBrowserTest {

    static final String USER = "undo-browser-admin";
    static final String PASSWORD = "Undo-browser-pw-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    SurveyService surveys;

    @Test
    void anAdministratorWithdrawsRetiresAndClosesAfterConfirming() throws Exception {
        account(USER, PASSWORD, Role.ADMIN, "ru");
        String ds = "test-undo-browser";
        mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + ds + "\",\"titleKk\":\"Кері қайтару\","
                        + "\"titleRu\":\"Отзыв импорта\",\"titleEn\":\"Withdrawal\",\"publisher\":\"Agyn tests\"}"));
        for (String value : new String[] {"500", "600"}) {
            String csv = "indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status\n"
                    + "IMMIGRANTS,2020,KZ,,,AM,,,IMM," + value + ",PERSONS,A\n";
            String id = json.readTree(mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file",
                                    "immigrants-" + value + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                            .param("dataset", ds).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andReturn().getResponse().getContentAsString()).get("id").asText();
            mvc.perform(post("/api/v1/imports/" + id + "/accept").with(httpBasic(ADMIN, ADMIN_PASSWORD)));
        }
        Survey survey = surveys.survey("test-undo-browser").orElseGet(() -> surveys.create("test-undo-browser",
                "migration-intentions", 1, new Names("Сынақ сауалнамасы", "Тестовый опрос", "Test survey"), "2032"));

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "ru");
            page.navigate(base() + "/warehouse/datasets/" + ds + "?lang=ru");
            page.locator("tr[data-version='2'] a.withdraw-version").click();
            assertThat(page.locator("#confirm-effects")).containsText("Это текущая версия");
            page.locator("#confirm-reason").fill("Издатель отозвал файл");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("undo-withdraw-confirm-ru.png"))
                    .setFullPage(true));
            page.locator("#confirm-submit").click();
            assertThat(page.locator("#versions-message")).containsText("Версия 2 отозвана; теперь текущая — версия 3");
            assertThat(page.locator("tr[data-version='2'] .withdrawn")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("undo-withdrawn-ru.png"))
                    .setFullPage(true));

            page.navigate(base() + "/surveys/" + survey.id() + "?lang=ru");
            page.locator("#close-survey").click();
            page.locator("#confirm-reason").fill("Сбор ответов завершён");
            page.locator("#confirm-submit").click();
            assertThat(page.locator("#survey-closed")).containsText("Сбор ответов завершён");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("undo-survey-closed-ru.png"))
                    .setFullPage(true));
            // Reopened at once, so that other tests may still use the survey.
            page.locator("#reopen-survey").click();
            assertThat(page.locator("#survey-closed")).hasCount(0);
        }
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = signIn(phone, USER, PASSWORD, "kk");
            page.navigate(base() + "/warehouse/datasets/" + ds + "?lang=kk");
            page.locator("#retire-dataset").click();
            page.locator("#confirm-reason").fill("Санақ деректерімен алмастырылды");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("undo-retire-confirm-kk-phone.png"))
                    .setFullPage(true));
            page.locator("#confirm-submit").click();
            assertThat(page.locator("#dataset-retired")).containsText("Санақ деректерімен алмастырылды");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("undo-retired-kk-phone.png"))
                    .setFullPage(true));
            page.locator("#reinstate-dataset").click();
            assertThat(page.locator("#dataset-retired")).hasCount(0);
        }
    }
}
