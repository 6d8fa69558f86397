package kz.agyn.account.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import kz.agyn.account.UserAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Accounts and roles (ADMIN only)")
class UserApiController {

    private final AccountService accounts;

    UserApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    record NewUser(@NotBlank String username, @NotBlank String password, @NotEmpty Set<Role> roles,
                   String displayName, String locale) {
    }

    record UserView(long id, String username, String displayName, String locale, boolean enabled,
                    Set<Role> roles, boolean mustChangePassword, Instant signInLockedUntil) {
    }

    private UserView view(UserAccount u) {
        return new UserView(u.id(), u.username(), u.displayName(), u.locale(), u.enabled(), u.roles(),
                u.mustChangePassword(), accounts.signInLockedUntil(u.username()).orElse(null));
    }

    record Roles(@NotEmpty Set<Role> roles) {
    }

    record Enabled(@NotNull Boolean enabled) {
    }

    record NewPassword(@NotBlank String password) {
    }

    @PostMapping
    @Operation(summary = "Create a user", description = "JSON `username`, `password` (at least "
            + AccountService.MIN_PASSWORD_LENGTH + " characters, not one of the 10,000 most common passwords, not "
            + "containing the username; any letters and spaces), `roles` (ADMIN, ANALYST, REGISTRY_OFFICER, "
            + "VIEWER), optional `displayName` and `locale` (kk, ru, en). A refused password is a 400 whose "
            + "`code` names the rule and whose `detail` explains it in the Accept-Language.")
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser body) {
        UserAccount user = accounts.createUser(body.username(), body.password(), EnumSet.copyOf(body.roles()),
                body.displayName(), body.locale(), false);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(user));
    }

    @GetMapping
    @Operation(summary = "List users")
    List<UserView> list() {
        return accounts.users().stream().map(this::view).toList();
    }

    @PutMapping("/{username}/roles")
    @Operation(summary = "Set a user's roles", description = "JSON `roles`. The user's open sessions end at once "
            + "(they sign in again with the new roles); their API tokens act with the new roles from the next call.")
    ResponseEntity<Void> roles(@PathVariable String username, @Valid @RequestBody Roles body, Authentication auth) {
        accounts.setRoles(username, EnumSet.copyOf(body.roles()), auth.getName());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/enabled")
    @Operation(summary = "Enable or disable a user", description = "JSON `enabled`. Disabling ends the user's "
            + "sessions at once and refuses their API tokens until they are enabled again.")
    ResponseEntity<Void> enabled(@PathVariable String username, @Valid @RequestBody Enabled body,
                                 Authentication auth) {
        accounts.setEnabled(username, body.enabled(), auth.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/password")
    @Operation(summary = "Reset a user's password", description = "JSON `password`, a one-time password the user "
            + "must change at next sign-in (until then they cannot use the API). Ends their sessions, revokes their "
            + "API tokens and lifts a sign-in lock.")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @Valid @RequestBody NewPassword body) {
        accounts.resetPassword(username, body.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "Lift a sign-in lock", description = "After too many wrong passwords a user must wait "
            + "(signInLockedUntil); this lets them sign in at once.")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        accounts.unlock(username);
        return ResponseEntity.noContent().build();
    }
}
