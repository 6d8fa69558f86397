package kz.agyn.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs in with a user name and password, for the login form and HTTP Basic alike. In order: a name or address
 * that must wait is refused without its password being looked at; the password is checked (against a made-up
 * hash when the name is no account, so that the time taken does not tell); a failure is counted and audited,
 * and may start a wait; a success forgets the account's failures, replaces an old bcrypt hash by an Argon2id
 * one, and is audited.
 */
@Component
public class PasswordSignIn implements AuthenticationProvider {

    private final AccountRepository repository;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final SignInEvents events;
    private final BasicSignInMemory memory;
    private volatile String dummyHash;

    public PasswordSignIn(AccountRepository repository, PasswordEncoder encoder, SignInThrottle throttle,
                          SignInEvents events, BasicSignInMemory memory) {
        this.repository = repository;
        this.encoder = encoder;
        this.throttle = throttle;
        this.events = events;
        this.memory = memory;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        SignInDetails how = authentication.getDetails() instanceof SignInDetails d ? d
                : new SignInDetails("unknown", SignInMethod.FORM);

        var refusal = throttle.check(name, how.address());
        if (refusal.isPresent()) {
            throw new SignInRefusedException(refusal.get().retryAfter(throttle.now()));
        }
        Optional<AccountRepository.Credentials> user = name.isBlank() ? Optional.empty()
                : repository.credentials(name);
        boolean basic = how.method() == SignInMethod.BASIC;
        // A script's repeated HTTP Basic requests: the same name and password verified moments ago against the
        // account as it still is need not pay Argon2id again (BasicSignInMemory says why this is safe).
        boolean matches = user.isPresent() && basic && memory.remembers(user.get(), password)
                || (user.isPresent() ? encoder.matches(password, user.get().passwordHash())
                : encoder.matches(password, dummyHash()));
        if (matches && user.isPresent()) {
            AccountRepository.Credentials c = user.get();
            if (!c.enabled()) {
                events.failed(c, how, "account disabled");
                throw new DisabledException("account disabled");
            }
            throttle.succeeded(name);
            String hash = c.passwordHash();
            if (encoder.upgradeEncoding(hash)) {
                hash = encoder.encode(password);
                repository.upgradeHash(c.username(), hash);
            }
            if (basic) {
                memory.remember(c, hash, password);
            }
            events.succeeded(c, how);
            SignedInUser principal = AccountUserDetailsService.principal(c);
            var result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    principal.getAuthorities());
            result.setDetails(how);
            return result;
        }
        memory.forget(name);
        List<SignInThrottle.Block> blocks = throttle.failed(name, how.address());
        AccountRepository.Credentials named = user.orElse(null);
        events.failed(named, how, named == null ? "no such account" : "wrong password");
        events.blocked(blocks, named, how);
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode("no-account-has-this-password-" + System.nanoTime());
            dummyHash = hash;
        }
        return hash;
    }
}
