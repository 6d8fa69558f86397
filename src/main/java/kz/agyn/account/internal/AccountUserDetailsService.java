package kz.agyn.account.internal;

import kz.agyn.account.Role;
import kz.agyn.account.UserAccount;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Spring Security's view of our users, shared by form login, HTTP Basic and API tokens. */
@Component
public class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository repository;

    public AccountUserDetailsService(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = repository.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = repository.passwordHash(user.username()).orElseThrow();
        return User.withUsername(user.username())
                .password(hash)
                .disabled(!user.enabled())
                .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                .build();
    }

    /**
     * Spring Security calls this after a successful sign-in whose hash is of an older kind (bcrypt): the password
     * just verified is stored again as Argon2id. Nothing else about the user changes.
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        repository.upgradeHash(user.getUsername(), newPassword);
        return User.withUserDetails(user).password(newPassword).build();
    }
}
