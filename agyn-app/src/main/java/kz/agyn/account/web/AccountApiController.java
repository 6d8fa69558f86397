package kz.agyn.account.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import kz.agyn.account.AccountService;
import kz.agyn.account.ApiToken;
import kz.agyn.account.NewToken;
import kz.agyn.account.Role;
import kz.agyn.account.UserAccount;
import kz.agyn.account.internal.SignInDetails;
import kz.agyn.account.internal.SignInMethod;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account over the API: who they are, their password and their personal API tokens. */
@RestController
@RequestMapping(ApiPasswordGate.ACCOUNT)
@Tag(name = "Account", description = "The caller's own account: password and personal API tokens")
class AccountApiController {

    private final AccountService accounts;
    private final SessionRenewal sessions;
    private final MessageSource messages;

    AccountApiController(AccountService accounts, SessionRenewal sessions, MessageSource messages) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.messages = messages;
    }

    record AccountView(String username, String displayName, String locale, Set<Role> roles,
                       boolean mustChangePassword) {
        static AccountView of(UserAccount u) {
            return new AccountView(u.username(), u.displayName(), u.locale(), u.roles(), u.mustChangePassword());
        }
    }

    record PasswordChange(@NotBlank String current, @NotBlank String password) {
    }

    record TokenView(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                     OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedReason, ApiToken.State state) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.expiresAt(),
                    t.revokedAt(), t.revokedReason(), t.state());
        }
    }

    record TokenRequest(@NotBlank String name, Integer days) {
    }

    record CreatedToken(TokenView token, String secret) {
    }

    @GetMapping
    @Operation(summary = "Who the caller is", description = "Also allowed while a one-time password is to be "
            + "changed, so that a script can see why it is refused (mustChangePassword).")
    AccountView me(Authentication auth) {
        return AccountView.of(accounts.user(auth.getName()).orElseThrow());
    }

    @PostMapping("/password")
    @Operation(summary = "Change the caller's password", description = "JSON `current` and `password` (the "
            + "password rules of POST /api/v1/users). Ends the caller's other sessions; an account with a one-time "
            + "password may use the API again once it is changed.")
    ResponseEntity<Void> password(@Valid @RequestBody PasswordChange body, Authentication auth,
                                  HttpServletRequest request, HttpServletResponse response) {
        accounts.changeOwnPassword(auth.getName(), body.current(), body.password());
        sessions.renew(auth.getName(), request, response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's API tokens", description = "Never the secrets: name, first characters, "
            + "when created, last used and expiring, and the state (ACTIVE, EXPIRED, REVOKED).")
    List<TokenView> tokens(Authentication auth) {
        return accounts.tokens(auth.getName()).stream().map(TokenView::of).toList();
    }

    @PostMapping("/tokens")
    @Operation(summary = "Create an API token", description = "JSON `name` and optional `days` of validity "
            + "(default 90, at most 365 unless configured otherwise). The secret is in this answer only. A token "
            + "cannot create tokens: sign in with the password (HTTP Basic) to do so.")
    ResponseEntity<?> create(@Valid @RequestBody TokenRequest body, Authentication auth, Locale locale) {
        if (auth.getDetails() instanceof SignInDetails d && d.method() == SignInMethod.TOKEN) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    messages.getMessage("account.error.tokenByToken", null, locale));
            p.setProperty("code", "account.error.tokenByToken");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
        }
        NewToken token = accounts.createToken(auth.getName(), body.name(), body.days());
        return ResponseEntity.created(URI.create(ApiPasswordGate.ACCOUNT + "/tokens/" + token.token().id()))
                .body(new CreatedToken(TokenView.of(token.token()), token.secret()));
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of the caller's API tokens")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication auth) {
        accounts.revokeToken(auth.getName(), id);
        return ResponseEntity.noContent().build();
    }
}
