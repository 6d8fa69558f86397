package kz.agyn.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.account.AccountException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A script's mistake is answered with a problem+json (RFC 9457) that says what was wrong, in the language
 * of Accept-Language, never with a stack trace.
 */
@RestControllerAdvice(basePackages = "kz.agyn")
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccountException.class)
    ProblemDetail account(AccountException e, Locale locale) {
        HttpStatus status = e.code().endsWith(".taken") ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, messages.getMessage(e.code(), e.args(), locale));
        p.setProperty("code", e.code());
        return p;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, Locale locale) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale)))
                .toList();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.error.invalid", null, locale));
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.error.unreadable", null, locale));
    }
}
