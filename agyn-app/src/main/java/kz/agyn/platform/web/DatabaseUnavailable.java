package kz.agyn.platform.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import javax.sql.DataSource;

import kz.agyn.platform.database.ConnectionFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the database cannot be reached (it was killed, it is restarting, the network to it is down), a request
 * gets 503 and a sentence saying so, not a 500 with an incident number: a person sees the "database unavailable,
 * try again shortly" page in their language, a script a problem+json with {@code Retry-After}. As a handler
 * exception resolver for what controllers throw, and as a filter for what the filters before them throw (an API
 * token checked against the database, say). The embedded database is started again by its guard within seconds;
 * the next request after that is served as usual.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailable extends OncePerRequestFilter implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final String RETRY_AFTER_SECONDS = "10";

    private final MessageSource messages;
    private final JsonMapper json;
    private final ObjectProvider<DataSource> dataSource;

    public DatabaseUnavailable(MessageSource messages, JsonMapper json, ObjectProvider<DataSource> dataSource) {
        this.messages = messages;
        this.json = json;
        this.dataSource = dataSource;
    }

    /** True when {@code failure}, or one of its causes, says the database could not be reached or went away. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    // 08: connection exceptions; 57P01-03: the server is shutting down, crashed, or starting
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!is(ex)) {
            return null;
        }
        try {
            answer(request, response, ex);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConnectionFailures.clear();
        try {
            chain.doFilter(request, new SignInRefusals(request, response));
        } catch (ServletException | RuntimeException e) {
            if (!is(e) || response.isCommitted()) {
                throw e;
            }
            answer(request, response, e);
        }
    }

    /**
     * A sign-in refused while the database is away (HTTP Basic, a token, the form) is refused because the user
     * could not be looked up, not because the password was wrong: Spring Security turns that into a 401 or a
     * redirect to the sign-in error, which would tell a script or a person their password is wrong. So before a
     * refusal goes out, the database is asked once whether it is there; if not, the answer is 503 instead.
     */
    private final class SignInRefusals extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        SignInRefusals(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (sc != HttpServletResponse.SC_UNAUTHORIZED || !answeredUnavailable()) {
                super.sendError(sc);
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (sc != HttpServletResponse.SC_UNAUTHORIZED || !answeredUnavailable()) {
                super.sendError(sc, msg);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (!location.contains("/login?error") || !answeredUnavailable()) {
                super.sendRedirect(location);
            }
        }

        private boolean answeredUnavailable() throws IOException {
            // Refused a connection while checking this sign-in; or, if it broke in the middle, not answering now.
            if (!ConnectionFailures.seen() && databaseAnswers()) {
                return false;
            }
            answer(request, (HttpServletResponse) getResponse(), null);
            return true;
        }
    }

    private boolean databaseAnswers() {
        DataSource ds = dataSource.getIfAvailable();
        if (ds == null) {
            return true;
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return !is(e);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception ex) throws IOException {
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                ex == null ? "a sign-in could not be checked" : rootMessage(ex));
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        if (wantsProblem(request)) {
            Locale locale = RequestContextUtils.getLocale(request);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    messages.getMessage("error.503.text", null, locale));
            problem.setTitle(messages.getMessage("error.503.title", null, locale));
            problem.setProperty("code", "database.unavailable");
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } else {
            // The error page of status 503 (templates/error/503.html), rendered as every error page is.
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    /** A script (the API, or anything that does not ask for HTML) gets problem+json; a browser gets the page. */
    private static boolean wantsProblem(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/") || path.startsWith("/actuator/")
                || (accept != null && !accept.contains("text/html") && accept.contains("json"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines()
                .findFirst().orElse(""));
    }
}
