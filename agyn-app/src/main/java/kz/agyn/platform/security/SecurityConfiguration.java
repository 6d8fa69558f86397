package kz.agyn.platform.security;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. Browsers use form login with a session and CSRF tokens; scripts use {@code /api/**} with HTTP
 * Basic or a personal API token. A request that carries its own Authorization header cannot be forged by
 * another site, so only cookie-authenticated API calls need a CSRF token. This class says who may reach what of
 * the platform's own (sign-in, errors, static files, API documentation, operations) and applies what the features
 * say of their routes ({@link AccessRule}); everything else needs a signed-in user. How callers sign in comes from
 * {@link SignInMethods} (the account feature).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The role that may see the operations' figures, as Spring's {@code hasRole} takes it; the enum of roles
     * belongs to the account feature.
     */
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
    SecurityFilterChain api(HttpSecurity http, SignInMethods signIn, Problems problems,
                            ObjectProvider<AccessRule> features) throws Exception {
        List<AccessRule> rules = inOrder(features);
        RequestMatcher needsCsrf = request -> request.getHeader("Authorization") == null
                && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && !"OPTIONS".equals(request.getMethod());
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> {
                    // springdoc 3 serves the page of /api/docs under /api/swagger-ui/: without it here a signed-out
                    // visitor of the documentation met a JSON 401 (issue 16).
                    a.requestMatchers("/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**",
                                    "/api/swagger-ui/**").permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/actuator/**").hasRole(ADMIN);
                    apply(rules, a);
                    a.anyRequest().authenticated();
                })
                .csrf(c -> c.requireCsrfProtectionMatcher(needsCsrf))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(SecurityConfiguration::hsts))
                .exceptionHandling(e -> e
                        // A browser that opens an API address signed out is sent to the sign-in page; scripts
                        // (JSON, or any request that carries its own Authorization) get the JSON 401.
                        .authenticationEntryPoint((req, res, ex) -> {
                            if (browser(req)) {
                                res.sendRedirect(req.getContextPath() + "/login");
                            } else {
                                problems.write(req, res, 401, "Unauthorized", "api.auth.unauthorized");
                            }
                        })
                        // A missing CSRF token is not a matter of role: say what the request lacks.
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "Forbidden",
                                ex instanceof CsrfException ? "api.auth.csrf" : "api.auth.forbidden")));
        signIn.api(http);
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain web(HttpSecurity http, SignInMethods signIn, ObjectProvider<AccessRule> features)
            throws Exception {
        List<AccessRule> rules = inOrder(features);
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/img/**", "/geo/**",
                            "/webjars/**", "/favicon.ico", "/swagger-ui/**").permitAll();
                    apply(rules, a);
                    a.anyRequest().authenticated();
                })
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(SecurityConfiguration::hsts))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        signIn.web(http);
        return http.build();
    }

    /**
     * A browser's page request: it asks for HTML before JSON and signs in by the session, not by its own
     * Authorization header. Swagger UI's and htmx's calls ask for JSON or say who they are, and keep the 401.
     */
    static boolean browser(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getHeader("Authorization") != null || request.getHeader("HX-Request") != null) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json);
    }

    /** The features' rules, lowest order first (a stable sort: rules of equal order keep the beans' order). */
    private static List<AccessRule> inOrder(ObjectProvider<AccessRule> features) {
        return features.stream().sorted(Comparator.comparingInt(AccessRule::order)).toList();
    }

    /**
     * Adds the features' rules after the platform's own, which no feature can loosen or tighten: Spring Security
     * takes the first matching rule, and the platform's come first. Each door is given every rule; a rule for the
     * other door's paths never matches there (see {@link AccessRule}).
     */
    private static void apply(List<AccessRule> rules,
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        for (AccessRule rule : rules) {
            var matched = a.requestMatchers(rule.patterns().toArray(String[]::new));
            switch (rule.audience()) {
                case ANYONE -> matched.permitAll();
                case SIGNED_IN -> matched.authenticated();
                case ROLES -> matched.hasAnyRole(rule.roles().stream().sorted().toArray(String[]::new));
            }
        }
    }
}
