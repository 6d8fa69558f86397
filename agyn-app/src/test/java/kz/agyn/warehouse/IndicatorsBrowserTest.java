package kz.agyn.warehouse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;

/** An analyst on a phone, in Russian, defines a migrant stock on the indicators page and finds it in the list. */
class IndicatorsBrowserTest extends AgynBrowserTest {

    static final String USER = "indicators-analyst";
    static final String PASSWORD = "Indicators-pass-7";

    @Test
    void defineAMigrantStockOnAPhone() {
        account(USER, PASSWORD, Role.ANALYST, "ru");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, USER, PASSWORD, "ru");
            page.navigate(base() + "/warehouse/indicators");
            assertThat(page.locator("h1")).hasText("Показатели");
            assertThat(page.locator("tr[data-code=EMIGRANTS] .kind")).hasText("Поток (события за период)");
            page.locator("input[name=code]").fill("UN_MIGRANT_STOCK");
            page.locator("input[name=nameKk]").fill("Халықаралық мигранттар қоры");
            page.locator("input[name=nameRu]").fill("Численность международных мигрантов");
            page.locator("input[name=nameEn]").fill("International migrant stock");
            page.locator("select[name=kind]").selectOption("STOCK");
            // A stock with a period is refused, and the form keeps what was typed.
            page.locator("select[name=per]").selectOption("YEAR");
            page.locator("#indicator-form button[type=submit]").click();
            assertThat(page.locator("#indicator-error")).containsText("нет периода");
            assertThat(page.locator("input[name=nameRu]")).hasValue("Численность международных мигрантов");
            page.locator("select[name=per]").selectOption("");
            page.locator("input[name=source]").fill("UN DESA, International Migrant Stock 2020");
            page.locator("#indicator-form button[type=submit]").click();
            assertThat(page.locator("#indicator-message")).hasText("Показатель «UN_MIGRANT_STOCK» создан.");
            assertThat(page.locator("tr[data-code=UN_MIGRANT_STOCK] .source"))
                    .hasText("UN DESA, International Migrant Stock 2020");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("indicators-ru-phone.png"))
                    .setFullPage(true));
        }
    }
}
