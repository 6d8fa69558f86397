package kz.agyn.account.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import kz.agyn.account.UserAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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
                    Set<Role> roles) {
        static UserView of(UserAccount u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.locale(), u.enabled(), u.roles());
        }
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
        return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(user));
    }

    @GetMapping
    @Operation(summary = "List users")
    List<UserView> list() {
        return accounts.users().stream().map(UserView::of).toList();
    }
}
