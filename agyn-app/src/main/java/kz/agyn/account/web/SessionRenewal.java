package kz.agyn.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.agyn.account.AccountService;
import kz.agyn.account.internal.AccountUserDetailsService;
import kz.agyn.account.internal.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After a user changed their own password (which ends their other sessions), the session they did it in signs in
 * again under the new security stamp, with the password no longer to be changed; a new session id too, as after
 * any sign-in. A request that did not come with a session (HTTP Basic, a token) has nothing to renew.
 */
@Component
class SessionRenewal {

    private final AccountUserDetailsService users;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionRenewal(AccountUserDetailsService users) {
        this.users = users;
    }

    void renew(String username, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        session.removeAttribute(AccountService.MUST_CHANGE_PASSWORD);
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof SignedInUser)) {
            return;
        }
        request.changeSessionId();
        SignedInUser fresh = users.loadUserByUsername(username);
        var auth = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        auth.setDetails(current.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
