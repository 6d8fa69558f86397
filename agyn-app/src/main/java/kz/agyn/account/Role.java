package kz.agyn.account;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a user may do. ADMIN manages users; REGISTRY_OFFICER sees scholars' personal data; ANALYST sees
 * pseudonymised records and all statistics; VIEWER sees published aggregates only.
 */
public enum Role {
    ADMIN, ANALYST, REGISTRY_OFFICER, VIEWER;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The caller's role names without Spring's prefix; none for an anonymous caller. */
    public static Set<String> namesOf(Authentication auth) {
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            return Set.of();
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }
}
