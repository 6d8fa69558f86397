package kz.agyn;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client with a cookie jar, signed in through the login form as a browser would be. MockMvc does
 * not run the servlet container's error dispatch, so error pages are tested through this.
 */
public final class SignedInClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;

    private SignedInClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static SignedInClient anonymous(int port) {
        return new SignedInClient("http://localhost:" + port);
    }

    public static SignedInClient signIn(int port, String username, String password) {
        SignedInClient client = anonymous(port);
        HttpResponse<String> r = client.submitLogin(username, password);
        String location = r.headers().firstValue("Location").orElse("");
        if (location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("sign-in refused: " + location);
        }
        return client;
    }

    /** Fills in and sends the login form; the answer is the redirect (to the page asked for, or back to /login). */
    public HttpResponse<String> submitLogin(String username, String password) {
        return postForm("/login", "/login", Map.of("username", username, "password", password));
    }

    /** Opens {@code page} for its CSRF token and sends the form's {@code fields} to {@code action}. */
    public HttpResponse<String> postForm(String page, String action, Map<String, String> fields) {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        StringBuilder form = new StringBuilder("_csrf=").append(enc(m.group(1)));
        fields.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    /** A GET as a script with this session's cookie would send it, asking for JSON. */
    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
