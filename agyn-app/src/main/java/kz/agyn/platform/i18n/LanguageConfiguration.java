package kz.agyn.platform.i18n;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Kazakh by default, Russian and English one click away ({@code ?lang=ru}). The choice lives in a cookie
 * for the browser and in the user's record, so it follows a user who signs in elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final Locale DEFAULT = Locale.forLanguageTag("kk");

    private final ApplicationEventPublisher events;
    private final LocaleResolver resolver;

    LanguageConfiguration(ApplicationEventPublisher events) {
        this.events = events;
        this.resolver = new BySecurity(cookie(false), cookie(true));
    }

    private static CookieLocaleResolver cookie(boolean secure) {
        CookieLocaleResolver cookie = new CookieLocaleResolver("agyn-lang");
        cookie.setDefaultLocale(DEFAULT);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieSecure(secure);
        cookie.setCookieHttpOnly(true);
        // Browsers mostly ask for ru or en; the observatory still opens in Kazakh until the user switches.
        // Scripts calling the API choose with Accept-Language.
        cookie.setDefaultLocaleFunction(request -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                    && request.getHeader("Accept-Language") != null
                    && Languages.CODES.contains(request.getLocale().getLanguage())) {
                return Locale.forLanguageTag(request.getLocale().getLanguage());
            }
            return DEFAULT;
        });
        return cookie;
    }

    /**
     * The language cookie is Secure when the page is served over HTTPS (directly, or behind a proxy that says so
     * and is trusted, AGYN_FORWARD_HEADERS=native), like the session cookie, and plain over HTTP, where a Secure
     * cookie would not come back.
     */
    private record BySecurity(LocaleResolver plain, LocaleResolver secure) implements LocaleResolver {
        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return plain.resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            (request.isSecure() ? secure : plain).setLocale(request, response, locale);
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(events, resolver)).excludePathPatterns("/api/**");
    }

    /**
     * Applies {@code ?lang=} when it names one of the interface's languages (others are ignored), and remembers
     * a signed-in user's choice in their record (the account feature listens for {@link LanguageChosen}).
     */
    private record LanguageSwitch(ApplicationEventPublisher events, LocaleResolver resolver) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (lang == null || !Languages.CODES.contains(lang)) {
                return true;
            }
            resolver.setLocale(request, response, Locale.forLanguageTag(lang));
            var auth = SecurityContextHolder.getContext().getAuthentication();
            // Not again while rendering an error page: the request that failed already tried, and if it failed
            // because the database is away, trying again here would leave the user no page at all.
            boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
            if (signedIn && request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
                events.publishEvent(new LanguageChosen(auth.getName(), lang));
            } else if (!signedIn && request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST) {
                // Someone who switches to Russian on the login page means to work in Russian: the sign-in keeps it.
                request.getSession().setAttribute(Languages.CHOSEN_BEFORE_SIGN_IN, lang);
            }
            return true;
        }
    }
}
