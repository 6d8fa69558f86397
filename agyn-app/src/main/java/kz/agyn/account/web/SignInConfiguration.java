package kz.agyn.account.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.agyn.account.AccountService;
import kz.agyn.account.internal.AccountRepository;
import kz.agyn.account.internal.AccountUserDetailsService;
import kz.agyn.account.internal.PasswordSignIn;
import kz.agyn.account.internal.SignInDetails;
import kz.agyn.account.internal.SignInEvents;
import kz.agyn.account.internal.SignInMethod;
import kz.agyn.account.internal.SignInRefusedException;
import kz.agyn.account.internal.SignInThrottle;
import kz.agyn.account.internal.SignedInUser;
import kz.agyn.platform.i18n.Languages;
import kz.agyn.platform.security.Problems;
import kz.agyn.platform.security.SignInMethods;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The account feature's sign-in methods on the platform's two doors (kz.agyn.platform.security): the login form
 * and HTTP Basic share one throttled password check ({@link PasswordSignIn}); tokens have their filter; every
 * request of a session is checked against the user's security stamp ({@link SessionCheck}); an account that must
 * change its password cannot use the API until it has ({@link ApiPasswordGate}).
 */
@Component
class SignInConfiguration implements SignInMethods {

    private final AccountService accounts;
    private final AccountUserDetailsService users;
    private final AccountRepository repository;
    private final SignInThrottle throttle;
    private final SignInEvents events;
    private final Problems problems;
    private final LocaleResolver localeResolver;
    private final AuthenticationManager manager;

    SignInConfiguration(AccountService accounts, AccountUserDetailsService users, AccountRepository repository,
                        SignInThrottle throttle, SignInEvents events, PasswordSignIn passwords, Problems problems,
                        LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.users = users;
        this.repository = repository;
        this.throttle = throttle;
        this.events = events;
        this.problems = problems;
        this.localeResolver = localeResolver;
        this.manager = new ProviderManager(passwords);
    }

    @Override
    public void api(HttpSecurity http) throws Exception {
        http.authenticationManager(manager)
                .httpBasic(b -> b.realmName("Agyn").authenticationEntryPoint(basicFailure())
                        .authenticationDetailsSource(r -> new SignInDetails(r.getRemoteAddr(), SignInMethod.BASIC)))
                .addFilterBefore(new ApiTokenAuthenticationFilter(accounts, users, repository, throttle, events,
                        problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new SessionCheck(repository, problems), AuthorizationFilter.class)
                .addFilterBefore(new ApiPasswordGate(problems), AuthorizationFilter.class);
    }

    @Override
    public void web(HttpSecurity http) throws Exception {
        http.authenticationManager(manager)
                .formLogin(f -> f.loginPage("/login").permitAll().successHandler(onLogin())
                        .failureHandler(onFailure())
                        .authenticationDetailsSource(r -> new SignInDetails(r.getRemoteAddr(), SignInMethod.FORM)))
                .addFilterBefore(new SessionCheck(repository, problems), AuthorizationFilter.class);
    }

    /**
     * After sign-in the interface speaks the language picked on the login page just before, which becomes the
     * user's saved choice, or else the language saved earlier; and a one-time password must be replaced. Only a
     * choice made in this session counts, not the browser's cookie, which may be another user's on a shared
     * computer.
     */
    private AuthenticationSuccessHandler onLogin() {
        var saved = new SavedRequestAwareAuthenticationSuccessHandler();
        return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
            HttpSession session = request.getSession(false);
            Object picked = session == null ? null : session.getAttribute(Languages.CHOSEN_BEFORE_SIGN_IN);
            if (session != null) {
                session.removeAttribute(Languages.CHOSEN_BEFORE_SIGN_IN);
            }
            accounts.user(auth.getName()).ifPresent(user -> {
                String language = user.locale();
                if (picked instanceof String lang && Languages.CODES.contains(lang)) {
                    language = lang;
                    if (!lang.equals(user.locale())) {
                        accounts.setLocale(user.username(), lang);
                    }
                }
                localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
            });
            if (auth.getPrincipal() instanceof SignedInUser user && user.mustChangePassword()) {
                request.getSession().setAttribute(AccountService.MUST_CHANGE_PASSWORD, Boolean.TRUE);
            }
            saved.onAuthenticationSuccess(request, response, auth);
        };
    }

    /** Back to the login page: with how long to wait, or the one message for any other failure. */
    private static AuthenticationFailureHandler onFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof SignInRefusedException r ? "/login?locked=" + r.minutes() : "/login?error"));
    }

    /** A failed HTTP Basic sign-in: 429 with Retry-After when the caller must wait, else 401. */
    private AuthenticationEntryPoint basicFailure() {
        return (request, response, exception) -> {
            if (exception instanceof SignInRefusedException r) {
                SignInResponses.tooMany(problems, request, response, r.retryAfter());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Agyn\", charset=\"UTF-8\"");
            problems.write(request, response, 401, "Unauthorized",
                    exception instanceof DisabledException ? "api.auth.disabled" : "api.auth.badCredentials");
        };
    }
}
