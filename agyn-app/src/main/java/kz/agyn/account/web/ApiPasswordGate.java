package kz.agyn.account.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.agyn.account.AccountService;
import kz.agyn.account.internal.SignedInUser;
import kz.agyn.platform.security.Problems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's side of {@link PasswordChangeGate}: an account that must change its one-time password may, by HTTP
 * Basic, a token or its session, only read its own account and change the password; anything else is a 403 that
 * says so.
 */
class ApiPasswordGate extends OncePerRequestFilter {

    static final String ACCOUNT = "/api/v1/account";
    static final String PASSWORD = "/api/v1/account/password";

    private final Problems problems;

    ApiPasswordGate(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (mustChange(request) && !allowed(request)) {
            problems.write(request, response, 403, "Forbidden", "api.auth.mustChangePassword");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean mustChange(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return false;
        }
        if (request.getHeader("Authorization") != null) {
            return user.mustChangePassword();
        }
        // A session: the flag of the moment of sign-in may be stale; the session attribute is cleared on change.
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(AccountService.MUST_CHANGE_PASSWORD));
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && path.equals(ACCOUNT)
                || "POST".equals(request.getMethod()) && path.equals(PASSWORD);
    }
}
