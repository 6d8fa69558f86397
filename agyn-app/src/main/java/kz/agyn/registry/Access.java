package kz.agyn.registry;

import java.util.Set;

import kz.agyn.account.Role;
import org.springframework.security.core.Authentication;

/** How much of a scholar's record a caller may see, from their roles. */
public enum Access {
    /** Registry officers and administrators: names, IIN and contacts. */
    PERSONAL,
    /** Analysts: the record under a pseudonym, without IIN, names or contacts. */
    PSEUDONYMISED,
    /** Viewers and anyone else: aggregates only. */
    NONE;

    /** Who may read the registry's records ({@link #PERSONAL} or {@link #PSEUDONYMISED}), for {@code @PreAuthorize}. */
    public static final String READERS = "hasAnyRole('ADMIN', 'REGISTRY_OFFICER', 'ANALYST')";
    /** Who may change the registry ({@link #PERSONAL}), for {@code @PreAuthorize}. */
    public static final String EDITORS = "hasAnyRole('ADMIN', 'REGISTRY_OFFICER')";

    public static Access of(Set<String> roles) {
        if (roles.contains("ADMIN") || roles.contains("REGISTRY_OFFICER")) {
            return PERSONAL;
        }
        return roles.contains("ANALYST") ? PSEUDONYMISED : NONE;
    }

    /** The signed-in caller's access, from the roles of {@code auth} (none when anonymous). */
    public static Access of(Authentication auth) {
        return of(Role.namesOf(auth));
    }

    /** Whether this caller may change the registry (record jobs, decisions, rules). */
    public boolean mayEdit() {
        return this == PERSONAL;
    }
}
