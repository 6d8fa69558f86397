package kz.agyn.registry.scholars.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.scholars.NewScholar;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16's registry walk in a browser: a Latin name finds the Cyrillic card, the name search is an address that
 * pages and goes Back without sending a form again, the IIN search leaves no IIN in an address, the card names its
 * codes, and the worklist opens on the most overdue task said to be overdue; at 1440×900 and 390×844.
 */
class RegistryUsabilityBrowserTest extends AgynBrowserTest {

    static final String OFFICER = "registry-usability-officer";
    static final String PASSWORD = "Registry-pass-16";

    @Autowired
    ScholarService scholars;

    @Autowired
    MonitoringService monitoring;

    static BrowserContext sized(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    @Test
    void anOfficerFindsALatinNamePagesGoesBackAndReadsTheCodes() {
        account(OFFICER, PASSWORD, Role.REGISTRY_OFFICER, "en");
        TestScholars make = new TestScholars(scholars);
        String iin = make.freshIin(LocalDate.of(1994, 9, 12), Sex.FEMALE);
        long id = scholars.create(new NewScholar(iin, "Мамырова", "Ақбота", null, "Мамырова Акбота",
                "Mamyrova Aqbota", null, null, null, null, false), Access.PERSONAL);
        make.award(id, LocalDate.now().minusYears(2), true, "NL");
        scholars.addEmployment(id, new kz.agyn.registry.scholars.NewEmployment("Test employer", null,
                "RESEARCH_HE", "750000000", "KZ", "23", LocalDate.now().minusMonths(3), null, null, null),
                Access.PERSONAL, "test-officer");
        monitoring.run(false, "test");

        try (BrowserContext context = sized(1440, 900)) {
            Page page = signIn(context, OFFICER, PASSWORD, "en");
            page.navigate(base() + "/registry");
            page.locator("#search-name").fill("Mamyrova");
            page.locator("#search-name-button").click();
            page.waitForURL(url -> url.contains("name=Mamyrova"));
            assertThat(page.locator("#result-count")).containsText("Found: ");
            String firstPage = page.locator("#search-results tbody").textContent();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(false)
                    .setPath(Browsers.SHOTS.resolve("registry-search-latin-1440.png")));
            if (page.locator("#page-next").count() > 0) {
                page.locator("#page-next").click();
                page.waitForURL(url -> url.contains("page=1"));
                assertThat(page.locator("#result-range")).containsText("51–");
                // Back is a plain GET of the first page: no form to send again, the same lines.
                page.goBack();
                assertThat(page.locator("#search-results tbody")).hasText(firstPage);
            }

            page.locator("#search-name").fill("Mamyrova Aqbota");
            page.locator("#search-name-button").click();
            assertThat(page.locator("#search-results tbody tr")).hasCount(1);
            page.locator("#search-results tbody a").first().click();
            assertThat(page.locator(".award-field").first()).containsText("06 · Information and communication");
            assertThat(page.locator(".award-country").first()).hasText("Netherlands");
            assertThat(page.locator(".job-isco").first()).containsText("23 · ");
            assertThat(page.locator("#jobs")).containsText("Almaty");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("registry-card-labels-1440.png")));

            page.navigate(base() + "/registry");
            page.locator("#search-iin").fill(iin);
            page.locator("#search-iin-button").click();
            assertThat(page.locator("#search-results tbody tr")).hasCount(1);
            assertThat(page.url()).doesNotContain(iin).endsWith("/registry");
            // Reloading shows the empty search page: nothing is sent again, the IIN is gone from the page.
            page.reload();
            assertThat(page.locator("#search-results")).hasCount(0);
            assertThat(page.content()).doesNotContain(iin);

            page.navigate(base() + "/registry/worklist");
            assertThat(page.locator("#worklist-table tbody tr").first().locator("td.due"))
                    .containsText("overdue by");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(false)
                    .setPath(Browsers.SHOTS.resolve("registry-worklist-1440.png")));
        }

        try (BrowserContext context = sized(390, 844)) {
            Page page = signIn(context, OFFICER, PASSWORD, "ru");
            page.navigate(base() + "/registry?name=" + "Мамырова");
            assertThat(page.locator("#result-count")).containsText("Найдено: ");
            page.locator("#registry-name-search").scrollIntoViewIfNeeded();
            page.evaluate("document.getElementById('registry-name-search').scrollIntoView()");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(false)
                    .setPath(Browsers.SHOTS.resolve("registry-search-390-ru.png")));
            page.navigate(base() + "/registry/worklist");
            assertThat(page.locator("#worklist-table tbody tr").first().locator("td.due"))
                    .containsText("просрочено на");
            page.evaluate("document.getElementById('worklist-total').scrollIntoView()");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(false)
                    .setPath(Browsers.SHOTS.resolve("registry-worklist-390-ru.png")));
        }
    }
}
