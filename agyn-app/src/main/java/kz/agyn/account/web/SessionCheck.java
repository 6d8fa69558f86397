package kz.agyn.account.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.agyn.account.internal.AccountRepository;
import kz.agyn.account.internal.SignedInUser;
import kz.agyn.platform.security.Problems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose user was changed since it signed in: disabled, given other roles, their password reset by
 * an administrator or changed in another session. The session's principal carries the user's security stamp of
 * the moment of sign-in; one query per request compares it with the stored one. A browser is sent to the login
 * page, which says why; a script that used the session cookie gets a 401. Requests that sign in by themselves
 * (HTTP Basic, tokens) read the user afresh and are not concerned.
 */
class SessionCheck extends OncePerRequestFilter {

    private final AccountRepository repository;
    private final Problems problems;

    SessionCheck(AccountRepository repository, Problems problems) {
        this.repository = repository;
        this.problems = problems;
    }

    /** Style sheets, scripts and images say nothing about anyone; they are not worth a query each. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/geo/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (request.getHeader("Authorization") == null && auth != null
                && auth.getPrincipal() instanceof SignedInUser user) {
            Optional<Long> stamp = repository.stamp(user.id());
            if (stamp.isEmpty() || stamp.get() != user.stamp()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (path.startsWith("/api/")) {
                    problems.write(request, response, 401, "Unauthorized", "api.auth.sessionEnded");
                } else if (request.getHeader("HX-Request") != null) {
                    // htmx follows redirects inside the page; it must load the login page as a whole instead.
                    response.setHeader("HX-Redirect", request.getContextPath() + "/login?ended");
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
