package kz.agyn.registry.casework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.account.Role;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15: an officer agrees an instalment plan from the scholar's card (the amount is what the breach made owed,
 * the term at most the rule's maxInstalmentYears), sees the schedule and the balance, and records a payment
 * against it; a term beyond the rule is refused next to the field, in the officer's language.
 */
class InstalmentCardBrowserTest extends AgynBrowserTest {

    static final String OFFICER = "instalment-browser-officer";
    static final String PASSWORD = "Instalment-pass-15";

    @Autowired
    ScholarService scholars;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerAgreesAPlanAndSeesTheScheduleAndBalance() {
        account(OFFICER, PASSWORD, Role.REGISTRY_OFFICER, "ru");
        TestScholars make = new TestScholars(scholars);
        LocalDate today = LocalDate.now();
        long s = make.scholar(make.freshIin(LocalDate.of(1992, 2, 12), Sex.FEMALE), "Жұмабаева", "Айгерім");
        long award = make.award(s, today.minusDays(300), true, "GB");
        scholars.decide(award, new NewDecision("BREACH_DECLARED", today, null, null, "не вернулась"),
                Access.PERSONAL, "off");

        // Each answer re-evaluates the obligation; on a shared, loaded machine that can take more than 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, OFFICER, PASSWORD, "ru");
            page.navigate(base() + "/registry/scholars/" + s + "?lang=ru");
            Locator form = page.locator("#agreement-" + award);
            assertThat(form).isVisible();
            BigDecimal owed = amount(form.locator(".owed"));
            assertThat(owed).isPositive();

            // 16 years is beyond the rule's 15: refused beside the term, in Russian.
            form.locator("input[name=months]").evaluate("e => e.removeAttribute('max')");
            form.locator("input[name=months]").fill("192");
            form.locator("input[name=reason]").fill("Соглашение 12/2026");
            com.microsoft.playwright.Response answer = page.waitForResponse(
                    r -> r.url().contains("/casework/instalments"), () -> form.locator("button[type=submit]").click());
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("instalment-card-refused.png")));
            Locator error = page.locator("#agreement-" + award + " .field-error");
            assertThat(error).containsText("192");
            assertThat(error).containsText("15 лет");

            page.locator("#agreement-" + award + " input[name=months]").fill("12");
            page.locator("#agreement-" + award + " input[name=reason]").fill("Соглашение 12/2026");
            page.locator("#agreement-" + award + " button[type=submit]").click();
            assertThat(page.locator("#agreement-saved")).isVisible();
            Locator plan = page.locator("#plan-" + award);
            assertThat(plan.locator(".schedule tbody tr")).hasCount(12);
            assertThat(amount(plan.locator(".balance"))).isEqualByComparingTo(owed);
            assertThat(plan).containsText("Предстоит");

            // A payment against the first instalment lowers the balance and marks it paid.
            BigDecimal first = amount(plan.locator(".schedule tbody tr").first().locator("td").nth(2));
            plan.locator("details:has(input[name=amount]) summary").click();
            plan.locator("input[name=amount]").fill(first.toPlainString());
            plan.locator("form:has(input[name=amount]) button[type=submit]").click();
            Locator after = page.locator("#plan-" + award);
            assertThat(after.locator(".payments li")).hasCount(1);
            assertThat(after.locator(".schedule tbody tr").first()).containsText("Оплачен");
            assertThat(amount(after.locator(".balance"))).isEqualByComparingTo(owed.subtract(first));
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("instalment-card-agreed.png")));
        }
        assertThat(jdbc.sql("SELECT state FROM reg_obligation WHERE award_id = ?").param(award)
                .query(String.class).single()).isEqualTo("REPAYING");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = signIn(context, OFFICER, PASSWORD, "ru");
            page.navigate(base() + "/registry/scholars/" + s + "?lang=ru");
            assertThat(page.locator("#plan-" + award + " .schedule tbody tr")).hasCount(12);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Browsers.SHOTS.resolve("instalment-card-agreed-mobile.png")));
        } finally {
            PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        }
    }

    /** An amount as the card shows it, digits grouped by spaces. */
    static BigDecimal amount(Locator l) {
        return new BigDecimal(l.textContent().replaceAll("[\\s\u00a0]", ""));
    }
}
