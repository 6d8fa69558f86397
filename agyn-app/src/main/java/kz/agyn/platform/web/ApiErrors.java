package kz.agyn.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.kernel.UserException;
import kz.agyn.platform.upload.UploadTooLargeException;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A script's mistake is answered with a problem+json (RFC 9457) that says what was wrong, in the language
 * of Accept-Language, never with a stack trace. The same mistake made through a page (a controller method that
 * renders a view or writes a download) gets the site's error page with the same sentence, because a person
 * in a browser should not be shown JSON.
 */
@RestControllerAdvice(basePackages = "kz.agyn")
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserException.class)
    Object user(UserException e, Locale locale, HandlerMethod handler) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case GONE -> HttpStatus.GONE;
        };
        if (e instanceof UploadTooLargeException) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
        }
        String detail = messages.getMessage(e.code(), e.args(), e.code(), locale);
        if (isPage(handler)) {
            return page(status, detail);
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", e.code());
        if (e instanceof UploadTooLargeException tooLarge) {
            p.setProperty("limit", tooLarge.limit());
        }
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, Locale locale, HandlerMethod handler) {
        String detail = messages.getMessage("api.error.badParameter", new Object[] {e.getName()}, locale);
        return isPage(handler) ? page(HttpStatus.BAD_REQUEST, detail)
                : ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    /** A method that answers a person: it renders a view or streams a file, rather than returning a body. */
    static boolean isPage(HandlerMethod handler) {
        if (handler == null || handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            return false;
        }
        Class<?> type = handler.getReturnType().getParameterType();
        return !ResponseEntity.class.isAssignableFrom(type) && !HttpEntity.class.isAssignableFrom(type);
    }

    private static ModelAndView page(HttpStatus status, String detail) {
        ModelAndView mv = new ModelAndView("error/4xx", status);
        mv.addObject("status", status.value());
        mv.addObject("detail", detail);
        return mv;
    }

    /**
     * The multipart limit as Spring reports it. Through the servlet container {@code ContainerLimits} answers
     * first; this remains for a limit met elsewhere (another container, a multipart resolved lazily).
     */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e, Locale locale) {
        long limit = e.getMaxUploadSize();
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, limit > 0
                ? messages.getMessage("upload.tooLarge.unnamed",
                        new Object[] {UploadTooLargeException.megabytes(limit)}, locale)
                : messages.getMessage("api.error.tooLarge", null, locale));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ProblemDetail missing(org.springframework.web.bind.MissingServletRequestParameterException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.error.missingParameter", new Object[] {e.getParameterName()}, locale));
    }

    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ProblemDetail missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e,
                              Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.error.missingParameter", new Object[] {e.getRequestPartName()}, locale));
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
