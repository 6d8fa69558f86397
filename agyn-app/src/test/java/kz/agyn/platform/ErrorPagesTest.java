package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.AgynTest;
import kz.agyn.SignedInClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No stack trace or bare 500 reaches a user: localized error pages, incident ids that lead to the log. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest extends AgynTest {

    @LocalServerPort
    int port;

    @Test
    void unknownUrlGivesALocalized404Page() {
        SignedInClient client = SignedInClient.signIn(port, ADMIN, ADMIN_PASSWORD);
        // Asked in Kazakh: the account may have another language saved by an earlier test.
        HttpResponse<String> kk = client.get("/no/such/page?lang=kk");
        assertThat(kk.statusCode()).isEqualTo(404);
        assertThat(kk.body()).contains("Бет табылмады").contains("<html").doesNotContain("Exception");
        HttpResponse<String> ru = client.get("/no/such/page?lang=ru");
        assertThat(ru.body()).contains("Страница не найдена");
        HttpResponse<String> en = client.get("/no/such/page?lang=en");
        assertThat(en.body()).contains("Page not found");
        client.get("/?lang=kk");
    }

    @Test
    void serverErrorShowsAnIncidentIdThatIsInTheLog(CapturedOutput output) {
        SignedInClient client = SignedInClient.signIn(port, ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> page = client.get("/test/failure?lang=en");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Something went wrong")
                .doesNotContain(FailingTestController.SECRET).doesNotContain("IllegalStateException")
                .doesNotContain("at kz.agyn");
        Matcher m = Pattern.compile("id=\"incident-id\">([0-9A-F]{8})<").matcher(page.body());
        assertThat(m.find()).as("incident id on the page").isTrue();
        assertThat(output.getOut()).contains("Incident " + m.group(1));
        client.get("/?lang=kk");
    }

    @Test
    void apiServerErrorIsJsonWithIncidentIdAndNoDetails() {
        SignedInClient client = SignedInClient.anonymous(port);
        String basic = java.util.Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes());
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/test/failure"))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").GET().build());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("\"incidentId\"").doesNotContain(FailingTestController.SECRET)
                .doesNotContain("trace");
    }
    /** The database gone for a moment is said so, in the user's language, with 503: not a 500 and an incident. */
    @Test
    void aDatabaseThatIsAwayGivesTheUnavailablePage(CapturedOutput output) {
        SignedInClient client = SignedInClient.signIn(port, ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> kk = client.get("/test/database-down?lang=kk");
        assertThat(kk.statusCode()).isEqualTo(503);
        assertThat(kk.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(kk.body()).contains("Дерекқор уақытша қолжетімсіз").contains("<html")
                .doesNotContain("incident-id").doesNotContain("Connection is not available");
        assertThat(client.get("/test/database-down?lang=ru").body()).contains("База данных временно недоступна");
        assertThat(client.get("/test/database-down?lang=en").body()).contains("The database is unavailable");
        assertThat(output.getOut()).doesNotContain("Incident");
        client.get("/?lang=kk");
    }

    @Test
    void aDatabaseThatIsAwayGivesTheApiA503Problem() {
        SignedInClient client = SignedInClient.anonymous(port);
        String basic = java.util.Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes());
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/test/database-down"))
                .header("Authorization", "Basic " + basic).header("Accept-Language", "ru").GET().build());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(r.body()).contains("\"code\":\"database.unavailable\"").contains("База данных временно недоступна")
                .doesNotContain("Connection is not available").doesNotContain("incidentId");
    }
}
