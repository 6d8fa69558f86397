package kz.agyn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import kz.agyn.AgynTest;
import kz.agyn.MovableTime;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditEvent;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Wrong passwords make an account name and a client address wait: from the 6th wrong password the answer is
 * "try again later", the same for a name that is no account; the right user signs in again once the wait is over.
 * Each test comes from an address of its own (documentation addresses, RFC 5737), so that the rest of the suite,
 * all from 127.0.0.1, is never slowed down; time is moved on instead of waited for ({@link MovableTime}).
 */
class SignInThrottlingTest extends AgynTest {

    static final String PASSWORD = "Right-password-for-all-1";
    static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    MovableTime time;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSixthWrongPasswordInAMinuteIsRefusedAndTheRightUserSignsInAfterTheWait() throws Exception {
        accounts.createUser("throttled-form", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        RequestPostProcessor from = newAddress();
        for (int i = 1; i <= 5; i++) {
            form("throttled-form", "wrong-guess-" + i, from).andExpect(redirectedUrl("/login?error"));
        }
        form("throttled-form", "wrong-guess-6", from).andExpect(redirectedUrl("/login?locked=1"));
        // While it waits, even the right password is refused without being looked at.
        form("throttled-form", PASSWORD, from).andExpect(redirectedUrl("/login?locked=1"));
        // From another address the name is still waiting: the limit is the account's.
        form("throttled-form", PASSWORD, newAddress()).andExpect(redirectedUrl("/login?locked=1"));

        time.advance(Duration.ofSeconds(61));
        form("throttled-form", PASSWORD, from).andExpect(redirectedUrl("/")).andExpect(authenticated());

        List<AuditEvent> failures = events("throttled-form", AuditAction.SIGN_IN_FAILURE);
        assertThat(failures).hasSize(5).allSatisfy(e -> {
            assertThat(e.detail()).contains("method=FORM").contains("wrong password").doesNotContain("wrong-guess");
            assertThat(e.channel()).isEqualTo("WEB");
        });
        assertThat(events("throttled-form", AuditAction.SIGN_IN_LOCKED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("delay of the account name for 60 s after 5"));
        assertThat(events("throttled-form", AuditAction.SIGN_IN)).singleElement()
                .satisfies(e -> assertThat(e.roles()).isEqualTo("VIEWER"));
    }

    @Test
    void aNameThatIsNoAccountIsAnsweredTheSameAndNotStoredAsTyped() throws Exception {
        RequestPostProcessor from = newAddress();
        String typed = "Maybe-My-Password-77";
        for (int i = 1; i <= 5; i++) {
            form(typed, "wrong-guess-" + i, from).andExpect(redirectedUrl("/login?error"));
        }
        form(typed, "wrong-guess-6", from).andExpect(redirectedUrl("/login?locked=1"));
        long stored = jdbc.sql("SELECT count(*) FROM audit_event WHERE actor ILIKE ? OR detail ILIKE ?")
                .params("%" + typed + "%", "%" + typed + "%").query(Long.class).single();
        assertThat(stored).isZero();
        long unknown = jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE actor = '(unknown)' AND action = 'SIGN_IN_FAILURE'
                        AND detail LIKE ?""").param("%" + address(from) + "%").query(Long.class).single();
        assertThat(unknown).isEqualTo(5);
    }

    @Test
    void httpBasicIsAnswered429WithRetryAfterInTheCallersLanguage() throws Exception {
        accounts.createUser("throttled-basic", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        RequestPostProcessor from = newAddress();
        for (int i = 1; i <= 5; i++) {
            basic("throttled-basic", "wrong-guess-" + i, from, "en").andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value("Wrong username or password."))
                    .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic realm=\"Agyn\"")));
        }
        basic("throttled-basic", "wrong-guess-6", from, "ru").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("api.auth.locked"))
                .andExpect(jsonPath("$.retryAfter").value(60))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Повторите через 1 мин")));
        basic("throttled-basic", PASSWORD, from, "kk").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("минуттан кейін")));
        // The same answer for a name that is no account.
        RequestPostProcessor other = newAddress();
        for (int i = 1; i <= 5; i++) {
            basic("throttled-nobody", "wrong-guess-" + i, other, "en").andExpect(status().isUnauthorized());
        }
        basic("throttled-nobody", "wrong-guess-6", other, "en").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));

        time.advance(Duration.ofSeconds(61));
        basic("throttled-basic", PASSWORD, from, "en").andExpect(status().isOk());
    }

    @Test
    void delaysGrowThenTenFailuresLockTheNameForFifteenMinutes() throws Exception {
        accounts.createUser("throttled-lock", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        RequestPostProcessor from = newAddress();
        for (int i = 1; i <= 5; i++) {
            basic("throttled-lock", "wrong-guess-" + i, from, "en").andExpect(status().isUnauthorized());
        }
        // Each further failure doubles the wait: 1, 2, 4, 8 minutes, then the lock of 15.
        long[] waits = {60, 120, 240, 480, 900};
        for (int i = 0; i < waits.length; i++) {
            basic("throttled-lock", "still-wrong-" + i, from, "en").andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", Long.toString(waits[i])));
            time.advance(Duration.ofSeconds(waits[i] + 1));
            if (i < waits.length - 1) {
                basic("throttled-lock", "wrong-after-wait-" + i, from, "en")
                        .andExpect(status().isUnauthorized());
            }
        }
        // Failure 10 (the last one above, made after the 8-minute wait) locked the name.
        assertThat(accounts.signInLockedUntil("throttled-lock")).isEmpty();
        basic("throttled-lock", "tenth-wrong", from, "en").andExpect(status().isUnauthorized());
        assertThat(accounts.signInLockedUntil("throttled-lock")).isPresent();
        assertThat(events("throttled-lock", AuditAction.SIGN_IN_LOCKED))
                .anySatisfy(e -> assertThat(e.detail()).contains("lock of the account name for 900 s after 10"));
        time.advance(Duration.ofMinutes(14));
        basic("throttled-lock", PASSWORD, from, "en").andExpect(status().isTooManyRequests());
        time.advance(Duration.ofMinutes(2));
        basic("throttled-lock", PASSWORD, from, "en").andExpect(status().isOk());
        assertThat(accounts.signInLockedUntil("throttled-lock")).isEmpty();
    }

    @Test
    void anAddressThatTriesManyNamesIsMadeToWait() throws Exception {
        RequestPostProcessor from = newAddress();
        for (int i = 1; i <= 30; i++) {
            basic("spray-" + (i % 6), "Spring2026!", from, "en").andExpect(status().isUnauthorized());
        }
        basic("spray-fresh-name", "Spring2026!", from, "en").andExpect(status().isTooManyRequests());
        // A wrong token from the same address is refused before it is looked at, too.
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer agyn_made-up").with(from))
                .andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_LOCKED' AND actor = '(anonymous)'
                        AND detail LIKE ?""").param("%" + address(from) + "%delay of the address%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongTokensFromOneAddressAreThrottled() throws Exception {
        RequestPostProcessor from = newAddress();
        for (int i = 1; i <= 30; i++) {
            mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer agyn_guess" + i).with(from)
                            .header("Accept-Language", "en"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("api.auth.tokenUnknown"));
        }
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer agyn_guess31").with(from))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    @Test
    void theLoginPageTellsTheWaitInEachLanguage() throws Exception {
        mvc.perform(get("/login").param("locked", "3").param("lang", "kk"))
                .andExpect(content().string(Matchers.containsString("3 минуттан кейін қайталап көріңіз")));
        mvc.perform(get("/login").param("locked", "3").param("lang", "ru"))
                .andExpect(content().string(Matchers.containsString("Повторите через 3 мин.")));
        mvc.perform(get("/login").param("locked", "3").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Try again in 3 min.")));
    }

    @Test
    void anAdministratorCanLiftALock() throws Exception {
        accounts.createUser("throttled-unlock", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        RequestPostProcessor from = newAddress();
        for (int i = 1; i <= 5; i++) {
            basic("throttled-unlock", "wrong-guess-" + i, from, "en").andExpect(status().isUnauthorized());
        }
        assertThat(accounts.signInLockedUntil("throttled-unlock")).isPresent();
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(ADMIN).roles("ADMIN");
        mvc.perform(get("/admin/users").with(admin).param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("/admin/users/throttled-unlock/unlock")))
                .andExpect(content().string(Matchers.containsString("sign-in locked until")));
        mvc.perform(get("/api/v1/users").with(admin))
                .andExpect(jsonPath("$[?(@.username == 'throttled-unlock')].signInLockedUntil").isNotEmpty());
        mvc.perform(post("/admin/users/throttled-unlock/unlock").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        basic("throttled-unlock", PASSWORD, from, "en").andExpect(status().isOk());
        assertThat(events("admin", AuditAction.SIGN_IN_UNLOCKED)).isNotEmpty();
    }

    private ResultActions form(String username, String password, RequestPostProcessor from) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(from));
    }

    private ResultActions basic(String username, String password, RequestPostProcessor from, String lang)
            throws Exception {
        return mvc.perform(get("/api/v1/regions").with(httpBasic(username, password)).with(from)
                .header("Accept-Language", lang));
    }

    private List<AuditEvent> events(String actor, AuditAction action) {
        return audit.search(new AuditQuery(actor, action, null, null, null, null, 0, 100));
    }

    private static RequestPostProcessor newAddress() {
        String address = "198.51.100." + ADDRESSES.incrementAndGet();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address(RequestPostProcessor from) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        return from.postProcessRequest(request).getRemoteAddr();
    }
}
