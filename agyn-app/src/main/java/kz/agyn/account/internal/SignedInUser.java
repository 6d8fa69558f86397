package kz.agyn.account.internal;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a signed-in user, carrying what the account feature checks on later requests: the security
 * stamp the session was signed in under (an administrator's change raises it and ends the session) and whether
 * the password must still be changed.
 */
public class SignedInUser extends User {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final long stamp;
    private final boolean mustChangePassword;

    public SignedInUser(long id, String username, String password, boolean enabled,
                        Collection<? extends GrantedAuthority> authorities, long stamp, boolean mustChangePassword) {
        super(username, password == null ? "" : password, enabled, true, true, true, authorities);
        this.id = id;
        this.stamp = stamp;
        this.mustChangePassword = mustChangePassword;
    }

    public long id() {
        return id;
    }

    public long stamp() {
        return stamp;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
