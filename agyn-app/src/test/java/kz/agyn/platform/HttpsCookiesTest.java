package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.SignedInClient;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Served over HTTPS (directly, or behind a proxy that says so with X-Forwarded-Proto), the session cookie is
 * Secure (and so is the language cookie) and HSTS is sent; over plain HTTP neither. The test context trusts forwarded headers from 127.0.0.1, as
 * AGYN_FORWARD_HEADERS=native does behind a proxy on the same host.
 */
class HttpsCookiesTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void hstsOnlyOverHttps() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(get("/api/v1/regions").secure(true))
                .andExpect(header().string("Strict-Transport-Security", Matchers.startsWith("max-age=31536000")));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void behindAProxyThatSaysHttpsTheSessionCookieIsSecure() {
        HttpResponse<String> proxied = login("https");
        assertThat(sessionCookie(proxied)).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).startsWith("max-age=31536000"));

        HttpResponse<String> plain = login(null);
        assertThat(sessionCookie(plain)).contains("HttpOnly").doesNotContain("Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theLanguageCookieIsSecureOnlyOverHttps() {
        assertThat(languageCookie(login("https", "ru"))).contains("agyn-lang=ru").contains("Secure")
                .contains("HttpOnly");
        assertThat(languageCookie(login(null, "ru"))).contains("agyn-lang=ru").contains("HttpOnly")
                .doesNotContain("Secure");
    }

    @Test
    void behindAProxyTheClientAddressIsTheForwardedOne() {
        SignedInClient client = SignedInClient.anonymous(port);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/regions")).header("X-Forwarded-For", "203.0.113.77")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("proxied-nobody:Wrong-password-77".getBytes()))
                .GET().build());
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILURE'
                        AND detail LIKE 'method=BASIC address=203.0.113.77%'""").query(Long.class).single())
                .isEqualTo(1);
    }

    private HttpResponse<String> login(String forwardedProto) {
        return login(forwardedProto, null);
    }

    private HttpResponse<String> login(String forwardedProto, String lang) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"
                + (lang == null ? "" : "?lang=" + lang))).GET();
        if (forwardedProto != null) {
            b.header("X-Forwarded-Proto", forwardedProto);
        }
        return SignedInClient.anonymous(port).send(b.build());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return cookie(r, "JSESSIONID=");
    }

    private static String languageCookie(HttpResponse<String> r) {
        return cookie(r, "agyn-lang=");
    }

    private static String cookie(HttpResponse<String> r, String prefix) {
        List<String> cookies = r.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " cookie in " + cookies));
    }
}
