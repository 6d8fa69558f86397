package kz.agyn.platform.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import kz.agyn.AgynTest;
import kz.agyn.BlankBodies;
import kz.agyn.SignedInClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's own limits — {@code spring.servlet.multipart.max-request-size} (210 MB) for uploads,
 * {@code server.tomcat.max-http-form-post-size} (2 MB) for form fields — met over real HTTP, as MockMvc cannot:
 * the answer is 413 with the limit in the user's language, problem+json for the API and the site's page for a
 * person, never a refused CSRF token, a bare status page or a trace. Each over-size body is streamed from
 * nothing, not held.
 */
class ContainerLimitsTest extends AgynTest {

    static final long MAX_REQUEST = DataSize.ofMegabytes(210).toBytes();

    @LocalServerPort
    int port;

    @Test
    void anApiUploadOverTheRequestLimitIsA413ProblemWithTheLimit() {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = SignedInClient.anonymous(port).send(multipart("/api/v1/imports", MAX_REQUEST + 1)
                .header("Authorization", "Basic " + basic).header("Accept-Language", "en").build());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"code\":\"upload.tooLarge.unnamed\"")
                .contains("at most 210 MB can be sent at once").contains("\"limit\":" + MAX_REQUEST);
    }

    @Test
    void aPageUploadOverTheRequestLimitShowsTheLimitOnThePage() {
        SignedInClient client = SignedInClient.signIn(port, ADMIN, ADMIN_PASSWORD);
        client.get("/?lang=ru");
        try {
            // No CSRF token can be read from a body that is not parsed: the answer must come before that check.
            HttpResponse<String> r = client.send(multipart("/warehouse/imports", MAX_REQUEST + 1)
                    .header("Accept", "text/html").build());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(r.body()).contains("<html").contains("Отправленные данные слишком велики")
                    .contains("не более 210 МБ").doesNotContain("Exception").doesNotContain("Forbidden");
        } finally {
            client.get("/?lang=kk");
        }
    }

    @Test
    void aPastedFormOverTheFormLimitShowsTheLimitOnThePage() {
        SignedInClient client = SignedInClient.signIn(port, ADMIN, ADMIN_PASSWORD);
        byte[] form = ("definition=" + "x".repeat(3 << 20)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/surveys/questionnaires?lang=en"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build());
        try {
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("What was sent is too large: at most 2 MB can be sent at once")
                    .doesNotContain("Exception");
        } finally {
            client.get("/?lang=kk");
        }
    }

    /** A multipart body of {@code size} bytes in all: one file part of blanks, generated as it is sent. */
    private HttpRequest.Builder multipart(String path, long size) {
        String boundary = "agyn-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long blanks = size - head.length - tail.length;
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BlankBodies.of(head, blanks, tail));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
