package kz.agyn.account.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.AccountService;
import kz.agyn.platform.security.SignInMethods;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** The account feature's sign-in methods on the platform's two doors (kz.agyn.platform.security). */
@Component
class SignInConfiguration implements SignInMethods {

    private final AccountService accounts;
    private final UserDetailsService users;
    private final LocaleResolver localeResolver;

    SignInConfiguration(AccountService accounts, UserDetailsService users, LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.users = users;
        this.localeResolver = localeResolver;
    }

    @Override
    public void api(HttpSecurity http) throws Exception {
        http.httpBasic(b -> b.realmName("Agyn"))
                .addFilterBefore(new ApiTokenAuthenticationFilter(accounts, users), BasicAuthenticationFilter.class);
    }

    @Override
    public void web(HttpSecurity http) throws Exception {
        http.formLogin(f -> f.loginPage("/login").permitAll().successHandler(onLogin()));
    }

    /** After sign-in the interface speaks the user's saved language, and a one-time password must be replaced. */
    private AuthenticationSuccessHandler onLogin() {
        var saved = new SavedRequestAwareAuthenticationSuccessHandler();
        return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
            accounts.user(auth.getName()).ifPresent(user -> {
                localeResolver.setLocale(request, response, Locale.forLanguageTag(user.locale()));
                if (user.mustChangePassword()) {
                    request.getSession().setAttribute(AccountService.MUST_CHANGE_PASSWORD, Boolean.TRUE);
                }
            });
            saved.onAuthenticationSuccess(request, response, auth);
        };
    }
}
