package kz.agyn.platform.upload;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's own limits — {@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size} for multipart uploads, {@code server.tomcat.max-http-form-post-size} for form
 * fields — answered as clearly as a feature's own: 413 with the limit in the user's language, as problem+json
 * under {@code /api/} and as the site's error page elsewhere.
 *
 * <p>Left alone, an over-size form breaks earlier than any controller: the CSRF filter asks for its token, the
 * container cannot parse the body, and the user met a refused token or a bare status page. So this filter,
 * ahead of the security filters, has the body parsed first (the parsing every form post gets anyway) and
 * answers itself when a limit stopped it. Other parse failures pass on, to be reported where they are today.
 */
public final class ContainerLimits extends OncePerRequestFilter {

    /** Where the page answer is rendered (a forward, so that it has the site's layout and language). */
    public static final String PAGE = "/upload-too-large";
    /** The request attribute holding what was exceeded ({@link Exceeded}), for {@link #PAGE}. */
    public static final String EXCEEDED_ATTRIBUTE = ContainerLimits.class.getName() + ".exceeded";

    /**
     * A limit a request ran into: its bytes, and the file that ran into it when the container names one (the
     * per-file limit does).
     */
    public record Exceeded(long limit, String file) {

        /** The exception a feature would have thrown, for its message key and arguments. */
        public UploadTooLargeException asException() {
            return new UploadTooLargeException(file, limit);
        }
    }

    private final long maxFormBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ContainerLimits(long maxFormBytes, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.maxFormBytes = maxFormBytes;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Exceeded exceeded = null;
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("multipart/form-data")) {
                request.getParts();
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                request.getParameterMap();
            }
        } catch (IllegalStateException | ServletException | IOException e) {
            exceeded = exceeded(e, maxFormBytes);
        }
        if (exceeded == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Locale locale = locales.resolveLocale(request);
            UploadTooLargeException e = exceeded.asException();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    messages.getMessage(e.code(), e.args(), locale));
            problem.setProperty("code", e.code());
            problem.setProperty("limit", exceeded.limit());
            response.setStatus(UploadTooLargeException.STATUS);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(problem));
            return;
        }
        request.setAttribute(EXCEEDED_ATTRIBUTE, exceeded);
        request.getRequestDispatcher(PAGE).forward(new WithoutBody(request), response);
    }

    /**
     * The limit a parse failure ran into, or null when it was not a size limit. Tomcat wraps the multipart limits'
     * exception, which names the limit (and, for the per-file limit, the file); the form-field limit it reports
     * with the status 413 alone.
     */
    static Exceeded exceeded(Throwable e, long maxFormBytes) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileSizeLimitExceededException file) {
                String name = file.getFileName();
                return new Exceeded(file.getPermittedSize(), name == null || name.isBlank() ? null
                        : Uploads.safeName(name));
            }
            if (t instanceof SizeException size) {
                return new Exceeded(size.getPermittedSize(), null);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidParameterException p && p.getErrorCode() == UploadTooLargeException.STATUS) {
                return new Exceeded(maxFormBytes, null);
            }
        }
        return null;
    }

    /**
     * The request as the page sees it: a GET without a body, so that the page's own handling (the multipart
     * resolver, the language switch) does not trip over the body that could not be parsed. The parameters of
     * the address (such as {@code ?lang=ru}) remain.
     */
    private static final class WithoutBody extends HttpServletRequestWrapper {
        private final Map<String, String[]> query;

        WithoutBody(HttpServletRequest request) {
            super(request);
            Map<String, List<String>> q = new LinkedHashMap<>();
            UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                    .forEach((k, v) -> q.put(decode(k), v.stream().map(x -> x == null ? "" : decode(x)).toList()));
            Map<String, String[]> m = new LinkedHashMap<>();
            q.forEach((k, v) -> m.put(k, v.toArray(String[]::new)));
            query = Collections.unmodifiableMap(m);
        }

        private static String decode(String s) {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public String getParameter(String name) {
            String[] v = query.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return query;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(query.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return query.get(name);
        }
    }
}
