package kz.agyn.platform.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.AccountService;
import kz.agyn.account.ApiTokenAuthenticationFilter;
import kz.agyn.account.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two doors. Browsers use form login with a session and CSRF tokens; scripts use {@code /api/**} with HTTP
 * Basic or a personal API token. A request that carries its own Authorization header cannot be forged by
 * another site, so only cookie-authenticated API calls need a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    // The filter chains exist only with a web server: the command-line tools start the application without one,
    // where HttpSecurity is not there to build them (and there is nothing for them to guard).
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, AccountService accounts, UserDetailsService users) throws Exception {
        RequestMatcher needsCsrf = request -> request.getHeader("Authorization") == null
                && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && !"OPTIONS".equals(request.getMethod());
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Agyn"))
                .addFilterBefore(new ApiTokenAuthenticationFilter(accounts, users), BasicAuthenticationFilter.class)
                .csrf(c -> c.requireCsrfProtectionMatcher(needsCsrf))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> problem(res, 401,
                                "Unauthorized", "Sign in with HTTP Basic or send 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden",
                                "Your role does not allow this request.")));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain web(HttpSecurity http, AccountService accounts, LocaleResolver localeResolver)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/img/**", "/geo/**",
                                "/webjars/**", "/favicon.ico", "/swagger-ui/**").permitAll()
                        // The public survey form: a one-time link is its own authorization (kz.agyn.survey.FormService).
                        .requestMatchers("/s/*").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler(onLogin(accounts, localeResolver)))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }

    /** After sign-in the interface speaks the user's saved language, and a one-time password must be replaced. */
    private static AuthenticationSuccessHandler onLogin(AccountService accounts, LocaleResolver localeResolver) {
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

    private static void problem(HttpServletResponse res, int status, String title, String detail)
            throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
    }
}
