package kz.agyn.registry.scholars.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4's browser scenario: a registry officer finds a scholar by IIN, records a new job on the card and sees
 * the days left fall; an analyst opening the same card sees no personal data.
 */
class RegistryBrowserTest extends AgynBrowserTest {

    static final String OFFICER = "registry-browser-officer";
    static final String ANALYST = "registry-browser-analyst";
    static final String PASSWORD = "Registry-pass-4";
    static final String LAST = "Есенжолова";
    static final String FIRST = "Мөлдір";

    @Autowired
    ScholarService scholars;

    @Test
    void officerFindsByIinRecordsAJobAndAnAnalystSeesNoPersonalData() {
        account(OFFICER, PASSWORD, Role.REGISTRY_OFFICER, "en");
        account(ANALYST, PASSWORD, Role.ANALYST, "en");
        TestScholars make = new TestScholars(scholars);
        String iin = make.freshIin(LocalDate.of(1993, 6, 21), Sex.FEMALE);
        long id = make.scholar(iin, LAST, FIRST);
        long award = make.award(id, LocalDate.now().minusMonths(8), true, "NL");

        try (BrowserContext context = desktop()) {
            Page page = signIn(context, OFFICER, PASSWORD, "en");
            page.locator("nav.main-nav a[href='/registry']").click();
            page.locator("#search-iin").fill(iin);
            page.locator("#registry-search button[type=submit]").click();
            assertThat(page.locator("#search-results tbody tr")).hasCount(1);
            assertThat(page.locator("#search-results")).containsText(LAST);
            // The search went by POST: the IIN is in no address the browser keeps.
            assertThat(page.url()).doesNotContain(iin);
            page.locator("#search-results tbody a").first().click();

            assertThat(page.locator("#scholar-iin")).hasText(iin);
            long before = Long.parseLong(page.locator("#days-left-" + award).textContent().strip());
            page.locator("#job-employer").fill("Әл-Фараби атындағы ҚазҰУ");
            page.locator("#job-sector").selectOption("RESEARCH_HE");
            page.locator("#job-region").selectOption("750000000");
            page.locator("#job-start").fill(LocalDate.now().minusMonths(6).toString());
            page.locator("#job-save").click();
            assertThat(page.locator("#job-saved")).isVisible();
            long after = Long.parseLong(page.locator("#days-left-" + award).textContent().strip());
            assertThat(after).isLessThan(before);
            assertThat(page.locator("#jobs")).containsText("Әл-Фараби");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("registry-card-officer.png")));
        }

        try (BrowserContext context = desktop()) {
            Page page = signIn(context, ANALYST, PASSWORD, "en");
            page.navigate(base() + "/registry/scholars/" + id);
            assertThat(page.locator("#pseudonymised")).isVisible();
            String html = page.content();
            assertThat(html).doesNotContain(iin).doesNotContain(LAST).doesNotContain(FIRST)
                    .doesNotContain("Әл-Фараби");
            assertThat(page.locator("#job-form")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("registry-card-analyst.png")));
        }
    }

    @Test
    void anAnalystReadsTheCohortDashboardWithItsCharts() {
        account(ANALYST, PASSWORD, Role.ANALYST, "en");
        try (BrowserContext context = desktop()) {
            Page page = signIn(context, ANALYST, PASSWORD, "en");
            page.locator("nav.main-nav a[href='/registry']").click();
            page.locator("nav.registry-tabs a[href='/registry/cohorts']").click();
            assertThat(page.locator("#table3-note-column")).isVisible();
            assertThat(page.locator("#table3-registry-column")).isVisible();
            for (String chart : new String[] {"graduates", "states", "sectors", "survival"}) {
                assertThat(page.locator("#chart-" + chart + " .chart")).hasAttribute("data-rendered", "true");
            }
            page.locator("#cohort-filter select[name=breakdown]").selectOption("HOST_COUNTRY");
            page.locator("#cohort-filter button[type=submit]").click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("breakdown=HOST_COUNTRY"));
            assertThat(page.locator("#breakdown-table tbody tr").first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("registry-cohorts.png")));
        }
    }
}
