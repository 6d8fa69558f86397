package kz.agyn.account.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.AccountService;
import kz.agyn.account.TokenCheck;
import kz.agyn.account.internal.AccountRepository;
import kz.agyn.account.internal.AccountUserDetailsService;
import kz.agyn.account.internal.SignInDetails;
import kz.agyn.account.internal.SignInEvents;
import kz.agyn.account.internal.SignInMethod;
import kz.agyn.account.internal.SignInThrottle;
import kz.agyn.account.internal.SignedInUser;
import kz.agyn.platform.security.Problems;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer agyn_...} with a personal API token. A token that is unknown,
 * revoked, expired or whose user is disabled is answered with 401 at once, saying which (its holder has the
 * secret, so this reveals nothing), rather than falling through to anonymous access. A token is a 256-bit
 * secret that cannot be guessed, but a client address that keeps sending wrong ones is throttled like one that
 * keeps sending wrong passwords.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final AccountService accounts;
    private final AccountUserDetailsService users;
    private final AccountRepository repository;
    private final SignInThrottle throttle;
    private final SignInEvents events;
    private final Problems problems;

    ApiTokenAuthenticationFilter(AccountService accounts, AccountUserDetailsService users,
                                 AccountRepository repository, SignInThrottle throttle, SignInEvents events,
                                 Problems problems) {
        this.accounts = accounts;
        this.users = users;
        this.repository = repository;
        this.throttle = throttle;
        this.events = events;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        SignInDetails how = new SignInDetails(request.getRemoteAddr(), SignInMethod.TOKEN);
        var refusal = throttle.check(null, how.address());
        if (refusal.isPresent()) {
            SignInResponses.tooMany(problems, request, response, refusal.get().retryAfter(throttle.now()));
            return;
        }
        TokenCheck check = accounts.checkToken(header.substring(7).trim());
        AccountRepository.Credentials owner = check.username() == null ? null
                : repository.credentials(check.username()).orElse(null);
        if (!check.valid() || owner == null) {
            var blocks = throttle.failed(null, how.address());
            events.failed(owner, how, "token " + check.status().name().toLowerCase()
                    + (check.prefix() == null ? "" : " " + check.prefix() + "…"));
            events.blocked(blocks, owner, how);
            String code = switch (check.status()) {
                case REVOKED -> "api.auth.tokenRevoked";
                case EXPIRED -> "api.auth.tokenExpired";
                case DISABLED -> "api.auth.tokenDisabled";
                default -> "api.auth.tokenUnknown";
            };
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Agyn\", error=\"invalid_token\"");
            problems.write(request, response, 401, "Unauthorized", code,
                    Map.of("tokenStatus", check.status().name()),
                    check.expiresAt() == null ? "" : check.expiresAt().toLocalDate().toString());
            return;
        }
        SignedInUser user = users.loadUserByUsername(owner.username());
        events.succeeded(owner, how);
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        auth.setDetails(how);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
