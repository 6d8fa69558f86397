package kz.agyn.platform.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers from the security filters, which run before Spring MVC and so cannot use its problem handling: a
 * problem+json (RFC 9457) whose detail is in the caller's language (Accept-Language on the API).
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final LocaleResolver locales;

    Problems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** The language of the request's answer. */
    public Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    /** A message of the bundles in the request's language. */
    public String message(HttpServletRequest request, String code, Object... args) {
        return messages.getMessage(code, args, code, locale(request));
    }

    /**
     * Writes a problem+json. {@code extra} adds members (a machine-readable {@code code}, {@code retryAfter});
     * values are strings or numbers.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String code, Map<String, Object> extra, Object... args) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        StringBuilder json = new StringBuilder("{\"status\":").append(status)
                .append(",\"title\":").append(quote(title))
                .append(",\"detail\":").append(quote(message(request, code, args)))
                .append(",\"code\":").append(quote(code));
        extra.forEach((k, v) -> json.append(',').append(quote(k)).append(':')
                .append(v instanceof Number ? v.toString() : quote(String.valueOf(v))));
        response.getWriter().write(json.append('}').toString());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String code, Object... args) throws IOException {
        write(request, response, status, title, code, Map.of(), args);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
