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
        HttpResponse<String> kk = client.get("/no/such/page");
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
}
