package kz.agyn.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.SignedInClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A language picked with ?lang= follows a signed-in user to their next sign-in (the platform tells the account). */
class LanguageChoiceTest extends AgynTest {

    @Autowired
    AccountService accounts;

    @LocalServerPort
    int port;

    @Test
    void theChoiceIsKeptInTheUsersRecord() {
        accounts.createUser("lang-chooser", "Language-chooser-1", Set.of(Role.VIEWER), null, "kk", false);
        SignedInClient client = SignedInClient.signIn(port, "lang-chooser", "Language-chooser-1");
        assertThat(client.get("/account?lang=ru").statusCode()).isEqualTo(200);
        assertThat(accounts.user("lang-chooser").orElseThrow().locale()).isEqualTo("ru");
        // A new sign-in, with no language cookie, speaks Russian.
        SignedInClient again = SignedInClient.signIn(port, "lang-chooser", "Language-chooser-1");
        assertThat(again.get("/account").body()).contains("Сменить пароль");
    }

    @Test
    void aLanguagePickedOnTheLoginPageIsKeptAtSignInAndSaved() {
        accounts.createUser("lang-at-login", "Language-at-login-1", Set.of(Role.VIEWER), null, "kk", false);
        SignedInClient client = SignedInClient.anonymous(port);
        assertThat(client.get("/login?lang=en").body()).contains("Sign in");
        client.submitLogin("lang-at-login", "Language-at-login-1");
        assertThat(client.get("/account").body()).contains("Change password");
        assertThat(accounts.user("lang-at-login").orElseThrow().locale()).isEqualTo("en");

        // Another user on the same browser, who picked nothing this time, gets their own saved language.
        accounts.createUser("lang-shared-pc", "Language-shared-pc-1", Set.of(Role.VIEWER), null, "ru", false);
        assertThat(client.postForm("/account", "/logout", java.util.Map.of()).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        client.submitLogin("lang-shared-pc", "Language-shared-pc-1");
        assertThat(client.get("/account").body()).contains("Сменить пароль");
        assertThat(accounts.user("lang-shared-pc").orElseThrow().locale()).isEqualTo("ru");
    }
}
