package kz.agyn.account.internal;

import java.util.List;

import kz.agyn.account.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of our users, for API tokens and for refreshing a session's principal (passwords are
 * checked by {@link PasswordSignIn}). Each call reads the user afresh, so a token acts with the roles its owner
 * has now.
 */
@Component
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository repository;

    public AccountUserDetailsService(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        return repository.credentials(username).map(AccountUserDetailsService::principal)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    static SignedInUser principal(AccountRepository.Credentials c) {
        List<SimpleGrantedAuthority> authorities = c.roles().stream().map(Role::authority)
                .map(SimpleGrantedAuthority::new).toList();
        return new SignedInUser(c.id(), c.username(), c.passwordHash(), c.enabled(), authorities, c.stamp(),
                c.mustChangePassword());
    }
}
