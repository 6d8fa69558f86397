package kz.agyn.platform.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. Browsers use form login with a session and CSRF tokens; scripts use {@code /api/**} with HTTP
 * Basic or a personal API token. A request that carries its own Authorization header cannot be forged by
 * another site, so only cookie-authenticated API calls need a CSRF token. This class says who may reach what;
 * how callers sign in comes from {@link SignInMethods} (the account feature).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Role names as Spring's {@code hasRole} takes them; the enum of roles belongs to the account feature. */
    private static final String ADMIN = "ADMIN";

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * HSTS on every answer served over HTTPS (a request Tomcat sees as secure: TLS of its own, or behind a proxy
     * with server.forward-headers-strategy=native and X-Forwarded-Proto: https); never over plain HTTP, where a
     * browser would ignore it. One year, subdomains included. The session cookie is marked Secure on the same
     * condition by Tomcat.
     */
    private static void hsts(HeadersConfigurer<HttpSecurity>.HstsConfig h) {
        h.maxAgeInSeconds(365L * 24 * 3600).includeSubDomains(true);
    }

    // The filter chains exist only with a web server: the command-line tools start the application without one,
    // where HttpSecurity is not there to build them (and there is nothing for them to guard).
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, SignInMethods signIn, Problems problems) throws Exception {
        RequestMatcher needsCsrf = request -> request.getHeader("Authorization") == null
                && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && !"OPTIONS".equals(request.getMethod());
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .csrf(c -> c.requireCsrfProtectionMatcher(needsCsrf))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(SecurityConfiguration::hsts))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "Unauthorized",
                                "api.auth.unauthorized"))
                        // A missing CSRF token is not a matter of role: say what the request lacks.
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "Forbidden",
                                ex instanceof CsrfException ? "api.auth.csrf" : "api.auth.forbidden")));
        signIn.api(http);
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain web(HttpSecurity http, SignInMethods signIn) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/img/**", "/geo/**",
                                "/webjars/**", "/favicon.ico", "/swagger-ui/**").permitAll()
                        // The public survey form: a one-time link is its own authorization (kz.agyn.survey.FormService).
                        .requestMatchers("/s/*").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(SecurityConfiguration::hsts))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        signIn.web(http);
        return http.build();
    }
}
