package kz.agyn.platform.web;

import java.security.SecureRandom;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Every server error gets an incident id that the user sees on the error page (or in the JSON answer) and
 * that is written to the log with the stack trace, so support can find one from the other. The user never
 * sees the trace or the exception's message, which may carry data.
 */
@Component
public class ErrorReporting extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ErrorReporting.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INCIDENT = ErrorReporting.class.getName() + ".incident";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.remove("exception");
        attributes.remove("trace");
        attributes.remove("message");
        Object status = attributes.get("status");
        // 503 is the database being away for a moment (DatabaseUnavailable): no incident, nothing to report.
        if (status instanceof Integer code && code >= 500 && code != 503) {
            attributes.put("incidentId", incidentId(request));
        }
        return attributes;
    }

    private String incidentId(WebRequest request) {
        Object existing = request.getAttribute(INCIDENT, WebRequest.SCOPE_REQUEST);
        if (existing instanceof String id) {
            return id;
        }
        String id = String.format("%08X", RANDOM.nextInt());
        request.setAttribute(INCIDENT, id, WebRequest.SCOPE_REQUEST);
        Throwable error = getError(request);
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", WebRequest.SCOPE_REQUEST);
        log.error("Incident {} on {}", id, path, error);
        return id;
    }
}
