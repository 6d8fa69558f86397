package kz.agyn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import kz.agyn.AgynTest;
import kz.agyn.account.internal.AccountRepository;
import kz.agyn.account.internal.BasicSignInMemory;
import kz.agyn.account.internal.PasswordSignIn;
import kz.agyn.account.internal.SignInDetails;
import kz.agyn.account.internal.SignInEvents;
import kz.agyn.account.internal.SignInMethod;
import kz.agyn.account.internal.SignInThrottle;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A script's HTTP Basic requests pay the slow password verification once, not on every request; what is remembered
 * never outlives a changed password, a reset or a disabled account, and a wrong password is never remembered and
 * still counts toward throttling.
 */
class BasicSignInMemoryTest extends AgynTest {

    static final String PASSWORD = "Script-password-for-basic-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    SignInEvents events;
    @Autowired
    AuditLog audit;

    /** The application's encoder, counting how often a password is verified. */
    final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger verified = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return encoder.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            verified.incrementAndGet();
            return encoder.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return encoder.upgradeEncoding(encoded);
        }
    }

    @Test
    void aScriptsSecondBasicRequestDoesNotVerifyThePasswordAgainButTheFormAlwaysDoes() {
        accounts.createUser("basic-memory-count", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        CountingEncoder counting = new CountingEncoder();
        PasswordSignIn signIn = new PasswordSignIn(repository, counting, throttle, events,
                new BasicSignInMemory(java.time.Duration.ofMinutes(5)));

        for (int i = 0; i < 5; i++) {
            assertThat(signIn.authenticate(attempt("basic-memory-count", PASSWORD, SignInMethod.BASIC))
                    .isAuthenticated()).isTrue();
        }
        assertThat(counting.verified).hasValue(1);

        // A wrong password is verified (and refused) every time, and ends what was remembered.
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("basic-memory-count", "wrong", SignInMethod.BASIC)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(counting.verified).hasValue(3);
        signIn.authenticate(attempt("basic-memory-count", PASSWORD, SignInMethod.BASIC));
        assertThat(counting.verified).hasValue(4);

        // The login form verifies on every sign-in (one per session).
        signIn.authenticate(attempt("basic-memory-count", PASSWORD, SignInMethod.FORM));
        signIn.authenticate(attempt("basic-memory-count", PASSWORD, SignInMethod.FORM));
        assertThat(counting.verified).hasValue(6);
    }

    @Test
    void aRememberedPasswordStopsWorkingAtOnceWhenItIsResetOrTheAccountDisabled() throws Exception {
        accounts.createUser("basic-memory-reset", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        basic(79, "basic-memory-reset", PASSWORD).andExpect(status().isOk());
        basic(79, "basic-memory-reset", PASSWORD).andExpect(status().isOk());

        accounts.resetPassword("basic-memory-reset", "A-new-password-set-by-admin-2");
        basic(79, "basic-memory-reset", PASSWORD).andExpect(status().isUnauthorized());

        accounts.createUser("basic-memory-disabled", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        basic(80, "basic-memory-disabled", PASSWORD).andExpect(status().isOk());
        accounts.setEnabled("basic-memory-disabled", false, "admin");
        basic(80, "basic-memory-disabled", PASSWORD).andExpect(status().isUnauthorized());
        CountingEncoder counting = new CountingEncoder();
        PasswordSignIn signIn = new PasswordSignIn(repository, counting, throttle, events,
                new BasicSignInMemory(java.time.Duration.ofMinutes(5)));
        assertThatThrownBy(() -> signIn.authenticate(attempt("basic-memory-disabled", PASSWORD, SignInMethod.BASIC)))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void aPasswordTheUserChangesThemselvesEndsWhatWasRememberedAtOnce() throws Exception {
        accounts.createUser("basic-memory-own", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        basic(82, "basic-memory-own", PASSWORD).andExpect(status().isOk());
        basic(82, "basic-memory-own", PASSWORD).andExpect(status().isOk());

        accounts.changeOwnPassword("basic-memory-own", PASSWORD, "Changed-by-the-user-themselves-3");
        basic(82, "basic-memory-own", PASSWORD).andExpect(status().isUnauthorized());
        basic(82, "basic-memory-own", "Changed-by-the-user-themselves-3").andExpect(status().isOk());
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequestAndIsVerifiedAgain() throws Exception {
        accounts.createUser("basic-memory-roles", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        basic(83, "basic-memory-roles", PASSWORD).andExpect(status().isOk());
        users(83, "basic-memory-roles").andExpect(status().isForbidden());

        accounts.setRoles("basic-memory-roles", Set.of(Role.ADMIN), "admin");
        users(83, "basic-memory-roles").andExpect(status().isOk());
        accounts.setRoles("basic-memory-roles", Set.of(Role.VIEWER), "admin");
        users(83, "basic-memory-roles").andExpect(status().isForbidden());

        // What was remembered is not used after a role change: the stamp moved, so the password is verified again.
        CountingEncoder counting = new CountingEncoder();
        PasswordSignIn signIn = new PasswordSignIn(repository, counting, throttle, events,
                new BasicSignInMemory(java.time.Duration.ofMinutes(5)));
        signIn.authenticate(attempt("basic-memory-roles", PASSWORD, SignInMethod.BASIC));
        signIn.authenticate(attempt("basic-memory-roles", PASSWORD, SignInMethod.BASIC));
        assertThat(counting.verified).hasValue(1);
        accounts.setRoles("basic-memory-roles", Set.of(Role.ANALYST), "admin");
        var after = signIn.authenticate(attempt("basic-memory-roles", PASSWORD, SignInMethod.BASIC));
        assertThat(counting.verified).hasValue(2);
        assertThat(after.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ANALYST");
    }

    @Test
    void aDeletedAccountIsRefusedAtOnceAndANewOneOfTheSameNameDoesNotInheritIt(@Autowired JdbcClient jdbc)
            throws Exception {
        accounts.createUser("basic-memory-deleted", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        basic(84, "basic-memory-deleted", PASSWORD).andExpect(status().isOk());
        basic(84, "basic-memory-deleted", PASSWORD).andExpect(status().isOk());

        // Agyn has no deletion of its own (accounts are disabled); an administrator may still delete the row.
        jdbc.sql("DELETE FROM app_user WHERE username = ?").param("basic-memory-deleted").update();
        basic(85, "basic-memory-deleted", PASSWORD).andExpect(status().isUnauthorized());

        // Re-created under the same name with another password: the old one is refused, not remembered.
        accounts.createUser("basic-memory-deleted", "Another-password-entirely-4", Set.of(Role.VIEWER), null, "en",
                false);
        basic(86, "basic-memory-deleted", PASSWORD).andExpect(status().isUnauthorized());
        basic(86, "basic-memory-deleted", "Another-password-entirely-4").andExpect(status().isOk());
    }

    @Test
    void wrongPasswordsAfterARememberedOneAreStillCountedAndAudited() throws Exception {
        accounts.createUser("basic-memory-wrong", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        basic(81, "basic-memory-wrong", PASSWORD).andExpect(status().isOk());
        for (int i = 1; i <= 5; i++) {
            basic(81, "basic-memory-wrong", "wrong-guess-" + i).andExpect(status().isUnauthorized());
        }
        // The sixth wrong one must wait, and so must the right one: nothing remembered lets it through.
        basic(81, "basic-memory-wrong", "wrong-guess-6").andExpect(status().isTooManyRequests());
        basic(81, "basic-memory-wrong", PASSWORD).andExpect(status().isTooManyRequests());
        assertThat(audit.search(new AuditQuery("basic-memory-wrong", AuditAction.SIGN_IN_FAILURE, null, null, null,
                null, 0, 100))).hasSize(5);
    }

    private static UsernamePasswordAuthenticationToken attempt(String name, String password, SignInMethod method) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new SignInDetails("203.0.113.77", method));
        return token;
    }

    private ResultActions users(int host, String username) throws Exception {
        return mvc.perform(get("/api/v1/users").with(httpBasic(username, PASSWORD)).with(request -> {
            request.setRemoteAddr("203.0.113." + host);
            return request;
        }).header("Accept-Language", "en"));
    }

    /** From an address of the test's own (RFC 5737), so that throttling by address touches no other test. */
    private ResultActions basic(int host, String username, String password) throws Exception {
        return mvc.perform(get("/api/v1/regions").with(httpBasic(username, password)).with(request -> {
            request.setRemoteAddr("203.0.113." + host);
            return request;
        }).header("Accept-Language", "en"));
    }
}
