package kz.agyn.jobs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator on a phone, in Kazakh, finds a job that a crash interrupted shown as failed with its reason,
 * watches a running one move and cancels it from the Jobs page.
 */
class JobsBrowserTest extends AgynBrowserTest {

    static final String USER = "jobs-admin";
    static final String PASSWORD = "Tapsyrma-kilt-29";

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInterruptedJobAndACancelOnAPhone() {
        UUID dead = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO job (id, kind, started_by, parameters, state, phase, done, total)
                VALUES (?, 'REGISTRY_REKEY', 'jobs-browser', '{}', 'RUNNING', 'REKEYING', 700, 14033)""")
                .param(dead).update();
        UUID running = jobs.submit(JobKind.WAREHOUSE_WRITE, "jobs-browser", Map.of("file", "big.csv"), job -> {
            job.phase("WRITING", 1000L);
            while (true) {
                job.stopIfCancelled();
                job.done(Math.min(999, job.doneSoFar() + 1));
                Thread.sleep(20);
            }
        });
        account(USER, PASSWORD, Role.ADMIN, "kk");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, USER, PASSWORD, "kk");
            page.navigate(base() + "/admin/jobs?user=jobs-browser");
            assertThat(page.locator("h1")).hasText("Фондық тапсырмалар");
            assertThat(page.locator("tr[data-job='" + dead + "']")).containsText("сәтсіз");
            assertThat(page.locator("tr[data-job='" + dead + "']")).containsText("Үзілді");
            assertThat(page.locator("tr[data-job='" + running + "']")).containsText("орындалуда");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("jobs-kk-phone.png"))
                    .setFullPage(true));
            page.locator("tr[data-job='" + running + "'] button").click();
            assertThat(page.locator(".alert")).containsText("тоқтау бұйырылды");
            // The table reloads itself while a job runs: the cancelled job's row changes without a reload.
            assertThat(page.locator("tr[data-job='" + running + "']")).containsText("болдырылмады");
        }
    }
}
