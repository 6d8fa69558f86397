package kz.agyn.registry;

import java.util.Set;

/** How much of a scholar's record a caller may see, from their roles. */
public enum Access {
    /** Registry officers and administrators: names, IIN and contacts. */
    PERSONAL,
    /** Analysts: the record under a pseudonym, without IIN, names or contacts. */
    PSEUDONYMISED,
    /** Viewers and anyone else: aggregates only. */
    NONE;

    public static Access of(Set<String> roles) {
        if (roles.contains("ADMIN") || roles.contains("REGISTRY_OFFICER")) {
            return PERSONAL;
        }
        return roles.contains("ANALYST") ? PSEUDONYMISED : NONE;
    }

    /** Whether this caller may change the registry (record jobs, decisions, rules). */
    public boolean mayEdit() {
        return this == PERSONAL;
    }
}
