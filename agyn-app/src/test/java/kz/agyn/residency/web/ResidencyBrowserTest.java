package kz.agyn.residency.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 in the browser: an analyst generates a small country (100,000 persons), runs the estimate, watches it
 * go and sees the map, the breakdowns and the calibration; in Kazakh on a desktop and on a phone.
 */
class ResidencyBrowserTest extends AgynBrowserTest {

    static final String USER = "residency-analyst-browser";
    static final String PASSWORD = "Residency-pass-20";

    @Test
    void anAnalystEstimatesASmallCountryAndSeesTheMap() {
        account(USER, PASSWORD, Role.ANALYST, "kk");
        String runAddress;
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.locator("nav.main-nav a[href='/residency']").click();
            page.waitForURL(url -> url.endsWith("/residency"));
            assertThat(page.locator("h1")).hasText("Жасырын эмиграция");
            assertThat(page.locator("#persons")).hasValue("100000");
            page.locator("#seed").fill("2024");
            page.locator("#residency-start").click();

            page.waitForURL(url -> url.contains("/residency/runs/"));
            runAddress = page.url();
            Locator map = page.locator("#residency-map");
            map.waitFor(new Locator.WaitForOptions().setTimeout(240_000));
            assertThat(map).hasAttribute("data-rendered", "true");
            assertThat(page.locator("#residency-map canvas")).hasCount(1);
            assertThat(page.locator("#total-emigrated")).not().isEmpty();
            assertThat(page.locator("#run-accuracy")).containsText("дәлдігі");
            assertThat(page.locator("#by-REGION tbody tr")).hasCount(20);
            assertThat(page.locator("#by-REGION")).containsText("Жетісу");
            assertThat(page.locator("#run-fit tbody tr")).hasCount(12);
            assertThat(page.locator("#mirror h2")).hasText("Айна статистикасы");
            assertThat(page.locator("#mirror tbody tr").first()).containsText("Германия");
            assertThat(page.locator("#mirror-split")).containsText("2024");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("residency-run-kk.png"))
                    .setFullPage(true));
        }
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(runAddress);
            page.locator("#residency-map canvas").waitFor();
            // Nothing to scroll sideways but inside the tables' own scrolling boxes.
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("residency-run-kk-phone.png"))
                    .setFullPage(true));
        }
    }

    /**
     * Register extracts a statistics office would send (here written by the generator, then read like anyone's),
     * uploaded from a phone in Russian: the run's page shows the estimate without a synthetic label or accuracy.
     */
    @Test
    void anAnalystUploadsExtractsFromAPhone() throws Exception {
        account(USER + "-upload", PASSWORD, Role.ANALYST, "ru");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("agyn-extracts");
        kz.agyn.residency.generator.Country country = kz.agyn.residency.generator.CountryGenerator.generate(
                kz.agyn.residency.generator.CountrySettings.defaults(5_000, 9)
                        .withPeriod(kz.agyn.residency.engine.Period.defaultPeriod()));
        try (var e = java.nio.file.Files.newBufferedWriter(dir.resolve("extracts.csv"));
             var c = java.nio.file.Files.newBufferedWriter(dir.resolve("crossings.csv"));
             var st = java.nio.file.Files.newBufferedWriter(dir.resolve("statuses.csv"))) {
            kz.agyn.residency.engine.ExtractsCsv.write(country.extracts(), e, c, st);
        }
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = signIn(context, USER + "-upload", PASSWORD, "ru");
            page.navigate(base() + "/residency");
            assertThat(page.locator("#residency-upload h2")).hasText("Оценка по выгрузкам из регистров");
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("residency-upload-ru-phone.png"))
                    .setFullPage(true));
            page.locator("#upload-extracts").setInputFiles(dir.resolve("extracts.csv"));
            page.locator("#upload-crossings").setInputFiles(dir.resolve("crossings.csv"));
            page.locator("#upload-statuses").setInputFiles(dir.resolve("statuses.csv"));
            page.locator("#upload-start").click();
            page.waitForURL(url -> url.contains("/residency/runs/"));
            page.locator("#total-emigrated").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
            assertThat(page.locator("#run-settings")).containsText("5 000 чел. из загруженных выгрузок");
            assertThat(page.locator("#run-uploaded")).isVisible();
            assertThat(page.locator("#run-synthetic")).hasCount(0);
            assertThat(page.locator("#run-accuracy")).hasCount(0);
            assertThat(page.locator("#run-fit tbody tr")).hasCount(12);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("residency-uploaded-ru-phone.png"))
                    .setFullPage(true));
        }
    }
}
