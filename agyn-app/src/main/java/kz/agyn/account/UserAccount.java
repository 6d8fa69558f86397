package kz.agyn.account;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as the rest of the system sees it: never with the password hash. */
public record UserAccount(long id, String username, String displayName, String locale, boolean enabled,
                          boolean mustChangePassword, Set<Role> roles, OffsetDateTime createdAt) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
