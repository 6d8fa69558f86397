package kz.agyn.warehouse.refresh;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.warehouse.refresh.RecordedSource.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst on a phone, in Russian, sets a dataset's source to the World Bank (a recorded answer served on
 * 127.0.0.1), refreshes, watches the import check the message, accepts it, and refreshes again: nothing new.
 */
class RefreshBrowserTest extends AgynBrowserTest {

    static final String USER = "refresh-browser-analyst";
    static final String PASSWORD = "Refresh-pass-7-ok";

    @Autowired
    Warehouse warehouse;

    @Test
    void setTheSourceAndRefreshOnAPhone() {
        account(USER, PASSWORD, Role.ANALYST, "ru");
        String code = "refresh-browser-" + Long.toString(System.nanoTime(), 36);
        warehouse.createDataset(code, new Names("Халық саны", "Население", "Population"), "World Bank", null, null,
                "CC BY 4.0", false);
        try (RecordedSource source = new RecordedSource();
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                     .setIsMobile(true).setHasTouch(true))) {
            source.answer("/v2/country/KAZ;RUS/indicator/SP.POP.TOTL", Answer.ok("application/json",
                    RecordedSource.recording("wb-sp-pop-totl-kaz-rus.json")));
            Page page = signIn(context, USER, PASSWORD, "ru");
            page.navigate(base() + "/warehouse/datasets/" + code);
            assertThat(page.locator("#refresh-source h2")).hasText("Обновление из источника");
            assertThat(page.locator("#no-source")).isVisible();
            page.locator("#source-kind").selectOption("WORLD_BANK");
            page.locator("#source-agency").selectOption("WB_API");
            page.locator("#source-base-url").fill(source.base() + "/v2");
            page.locator("#source-flow").fill("SP.POP.TOTL");
            page.locator("#source-key").fill("KAZ;RUS");
            page.locator("#source-start").fill("2021");
            page.locator("#source-end").fill("2025");
            page.locator("#save-source").click();
            assertThat(page.locator("#versions-message")).containsText("Источник набора " + code + " сохранён");
            assertThat(page.locator("#source-address")).containsText("/v2/country/KAZ;RUS/indicator/SP.POP.TOTL");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("refresh-source-ru-phone.png"))
                    .setFullPage(true));

            page.locator("#refresh-now").click();
            assertThat(page.locator("#import-message")).containsText("Получено с");
            assertThat(page.locator("#import-message")).containsText("Пропущено лет без значения: 2");
            assertThat(page.locator("#import-state")).hasAttribute("data-status", "VALID");
            page.locator("#accept-import").click();
            // The write runs in the background and the page follows it: on a busy machine that is more than the
            // default five seconds.
            assertThat(page.locator("#accepted-message")).containsText("1",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("refresh-import-ru-phone.png"))
                    .setFullPage(true));

            page.navigate(base() + "/warehouse/datasets/" + code);
            page.locator("#refresh-now").click();
            assertThat(page.locator("#versions-message")).containsText("Ничего нового");
            assertThat(page.locator("#versions tbody tr")).hasCount(1);
        }
    }
}
