package kz.agyn.account.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.AccountService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer agyn_...} with a personal API token. An unknown or revoked token
 * is answered with 401 straight away rather than falling through to anonymous access.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final AccountService accounts;
    private final UserDetailsService users;

    ApiTokenAuthenticationFilter(AccountService accounts, UserDetailsService users) {
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String secret = header.substring(7).trim();
            var username = accounts.authenticateToken(secret);
            if (username.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\","
                        + "\"detail\":\"The API token is unknown, revoked or its user is disabled.\"}");
                return;
            }
            UserDetails user = users.loadUserByUsername(username.get());
            var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
