package kz.agyn.note.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.AgynTest;
import kz.agyn.BlankBodies;
import kz.agyn.SignedInClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A 100 MB note sent to the check over real HTTP (MockMvc holds a body in memory and skips the container), as a
 * file on the page in a Kazakh session and as a text/plain body to the API: 413 with the check's own limit (20 MB)
 * in the user's language, word for word, never a 500, a trace or an English error page. The bodies are generated
 * as they are sent, not held by the test; the server streams them to disk and stops reading past the limit (a
 * text/plain body was read whole into a String before).
 */
class NoteCheckLimitsTest extends AgynTest {

    private static final long HUNDRED_MB = 100L << 20;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Test
    void aHundredMegabyteFileOnThePageIsRefusedInKazakhOnTheForm() {
        SignedInClient client = SignedInClient.signIn(port, ADMIN, ADMIN_PASSWORD);
        client.get("/?lang=kk");
        Matcher token = CSRF.matcher(client.get("/note-check").body());
        assertThat(token.find()).as("the form's CSRF token").isTrue();
        HttpResponse<String> r = client.send(multipart("/note-check", token.group(1), "big-note.txt")
                .header("Accept", "text/html").build());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String expected = messages.getMessage("upload.tooLarge", new Object[] {"big-note.txt", 20.0},
                Locale.forLanguageTag("kk"));
        assertThat(expected).startsWith("«big-note.txt» файлы тым үлкен: мұнда ең көбі 20 МБ");
        assertThat(r.body()).contains("id=\"check-error\"").contains(HtmlUtils.htmlEscape(expected, "UTF-8"))
                .doesNotContain("Exception").doesNotContain("too large");
    }

    @Test
    void aHundredMegabyteTextBodyToTheApiIsA413InTheRequestsLanguage() {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        for (String language : new String[] {"kk", "ru"}) {
            HttpResponse<String> r = SignedInClient.anonymous(port).send(HttpRequest.newBuilder(uri(
                            "/api/v1/note-checks"))
                    .header("Authorization", "Basic " + basic).header("Accept-Language", language)
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(BlankBodies.of(new byte[0], HUNDRED_MB, new byte[0])).build());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            String expected = messages.getMessage("upload.tooLarge.unnamed", new Object[] {20.0},
                    Locale.forLanguageTag(language));
            assertThat(r.body()).contains(expected).contains(language.equals("kk") ? "тым үлкен" : "слишком велики");
        }
    }

    /** A multipart body of 100 MB: the CSRF token, then one file part of blanks, generated as it is sent. */
    private HttpRequest.Builder multipart(String path, String csrf, String fileName) {
        String boundary = "agyn-note-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BlankBodies.of(head, HUNDRED_MB, tail));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
