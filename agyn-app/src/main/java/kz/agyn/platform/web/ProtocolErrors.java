package kz.agyn.platform.web;

import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request no handler takes — a method the address does not answer (405), a body of a type it does not read
 * (415) — said to a script in its language, as problem+json. These are refused before a handler is chosen, so
 * {@link ApiErrors}, which advises Agyn's own handlers, never sees them, and the container's English default answered
 * (a script sending an image to the imports API got "Unsupported Media Type"). Outside {@code /api/} the exception
 * goes on to Spring's own handling and the site's error page, as before.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProtocolErrors {

    private final MessageSource messages;

    ProtocolErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, Locale locale, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!api(request)) {
            throw e;
        }
        String given = e.getContentType() == null ? "—" : e.getContentType().toString();
        String accepted = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                messages.getMessage("api.error.mediaType", new Object[] {given, accepted}, locale));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e, Locale locale, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!api(request)) {
            throw e;
        }
        String accepted = e.getSupportedHttpMethods() == null ? "—" : e.getSupportedHttpMethods().stream()
                .map(Object::toString).collect(Collectors.joining(", "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                messages.getMessage("api.error.method", new Object[] {e.getMethod(), accepted}, locale));
    }

    private static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
