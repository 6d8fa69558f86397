package kz.agyn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.SignedInClient;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Passwords as people type them: long, Kazakh, with an old bcrypt hash, or refused with a reason. */
class PasswordsTest extends AgynTest {

    static final String KAZAKH_40 = PasswordPolicyTest.KAZAKH_40;
    /** 45 characters, 89 bytes: "the steppe wind does not stop, 2027". */
    static final String KAZAKH_NEXT = "Дала–желі–тоқтамайды–ақылым–ағынмен–№2027-жыл";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aFortyCharacterKazakhPasswordWorksFromCreationToChange() throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8)
                        .content("{\"username\":\"kazakh-pw\",\"password\":\"" + KAZAKH_40 + "\",\"roles\":[\"ANALYST\"]}"))
                .andExpect(status().isCreated());
        assertThat(hash("kazakh-pw")).startsWith("{argon2}$argon2id$");

        // HTTP Basic, through MockMvc and through the real server (the header is Base64 of UTF-8).
        mvc.perform(get("/api/v1/regions").with(httpBasic("kazakh-pw", KAZAKH_40))).andExpect(status().isOk());
        assertThat(basic("kazakh-pw", KAZAKH_40).statusCode()).isEqualTo(200);
        assertThat(basic("kazakh-pw", KAZAKH_40.substring(0, 39)).statusCode()).isEqualTo(401);

        // The login form, then the password changed on the account page.
        SignedInClient client = SignedInClient.signIn(port, "kazakh-pw", KAZAKH_40);
        assertThat(client.get("/account").statusCode()).isEqualTo(200);
        HttpResponse<String> changed = client.postForm("/account", "/account/password",
                Map.of("current", KAZAKH_40, "password", KAZAKH_NEXT, "repeat", KAZAKH_NEXT));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        // The message is in the user's language, Kazakh.
        assertThat(client.get("/account").body()).contains("Құпиясөз ауыстырылды.");

        SignedInClient.signIn(port, "kazakh-pw", KAZAKH_NEXT);
        assertThat(SignedInClient.anonymous(port).submitLogin("kazakh-pw", KAZAKH_40).headers()
                .firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(basic("kazakh-pw", KAZAKH_NEXT).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordTypedWithDecomposedLettersIsTheSamePassword() throws Exception {
        String composed = "Қайың-орманы-жаңбыр-жауды";
        accounts.createUser("nfkc-user", composed, Set.of(Role.VIEWER), null, "kk", false);
        mvc.perform(get("/api/v1/regions").with(httpBasic("nfkc-user", composed.replace("й", "и\u0306"))))
                .andExpect(status().isOk());
    }

    @Test
    void anOldBcryptHashStillSignsInAndIsUpgradedToArgon2id() throws Exception {
        String password = "Legacy-bcrypt-pass-1";
        accounts.createUser("legacy-user", password, Set.of(Role.VIEWER), null, "en", false);
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = 'legacy-user'")
                .param("{bcrypt}" + new BCryptPasswordEncoder().encode(password)).update();
        // A password over bcrypt's 72 bytes is simply wrong against a bcrypt hash, not an error.
        mvc.perform(get("/api/v1/regions").with(httpBasic("legacy-user", KAZAKH_40 + KAZAKH_40)))
                .andExpect(status().isUnauthorized());
        assertThat(hash("legacy-user")).startsWith("{bcrypt}");
        mvc.perform(get("/api/v1/regions").with(httpBasic("legacy-user", password))).andExpect(status().isOk());
        assertThat(hash("legacy-user")).startsWith("{argon2}$argon2id$");
        mvc.perform(get("/api/v1/regions").with(httpBasic("legacy-user", password))).andExpect(status().isOk());
    }

    @Test
    void aRefusedPasswordIsExplainedInTheCallersLanguage() throws Exception {
        Map<String, String> common = Map.of("kk", "ең жиі қолданылатын", "ru", "самых распространённых",
                "en", "most common");
        for (var lang : common.entrySet()) {
            mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .header("Accept-Language", lang.getKey()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"weak-one\",\"password\":\"Password2026!\",\"roles\":[\"VIEWER\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("account.error.passwordCommon"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString(lang.getValue())));
        }
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"named-one\",\"password\":\"I-am-Named-One-2026\",\"roles\":[\"VIEWER\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The password must not contain the username."));
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"long-one\",\"password\":\"" + "ж".repeat(201)
                                + "\",\"roles\":[\"VIEWER\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Пароль слишком длинный (до 200 символов)."));
        assertThat(accounts.user("weak-one")).isEmpty();

        // The same rules on the administrator's page and on a user's own page, as a message, not an error page.
        mvc.perform(post("/admin/users").with(user(ADMIN).roles("ADMIN")).with(csrf())
                        .param("username", "page-weak").param("password", "qwertyuiop123").param("roles", "VIEWER"))
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attributeExists("error"));
        accounts.createUser("changer", "First-of-many-pw-1", Set.of(Role.VIEWER), null, "en", false);
        mvc.perform(post("/account/password").with(user("changer").roles("VIEWER")).with(csrf())
                        .param("current", "First-of-many-pw-1").param("password", "short-pw")
                        .param("repeat", "short-pw"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("error", Matchers.containsString("12")));
    }

    @Test
    void anEnormousPasswordAtSignInIsAWrongPasswordNotAnError() throws Exception {
        mvc.perform(formLogin("/login").user("nobody-at-all").password("ж".repeat(5000)))
                .andExpect(redirectedUrl("/login?error"));
        accounts.createUser("enormous-user", "Huge-input-holder-1", Set.of(Role.VIEWER), null, "en", false);
        mvc.perform(get("/api/v1/regions").with(httpBasic("enormous-user", "ж".repeat(5000))))
                .andExpect(status().isUnauthorized());
    }

    private String hash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username)
                .query(String.class).single();
    }

    private HttpResponse<String> basic(String username, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return SignedInClient.anonymous(port).send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/regions"))
                .header("Authorization", "Basic " + credentials).GET().build());
    }
}
