package kz.agyn.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.EnglishWords;
import kz.agyn.SignedInClient;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The forecast page with a result (fan chart, model in words, backtest, the batch form) and with a refusal is in
 * one language in Kazakh and Russian (decision 0030); the crawl of OneLanguagePerPageTest meets only the empty
 * form, since no page links to a forecast.
 */
class ForecastPageLanguageTest extends AgynTest {

    static final String USER = "forecast-lang-analyst";
    static final String PASSWORD = "Forecast-lang-7";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void aForecastAndARefusalInKazakhAndRussian() {
        if (accounts.user(USER).isEmpty()) {
            accounts.createUser(USER, PASSWORD, Set.of(Role.ANALYST), null, "kk", false);
        }
        List<String> found = new ArrayList<>();
        for (String lang : List.of("kk", "ru")) {
            SignedInClient client = SignedInClient.signIn(port, USER, PASSWORD);
            for (String path : List.of("/forecast?indicator=EMIGRANTS&occupation=2&horizon=6&lang=" + lang,
                    "/forecast?indicator=EMIGRANTS&method=TRAMO&horizon=4&lang=" + lang,
                    "/forecast?indicator=EMIGRANTS&horizon=1000&lang=" + lang)) {
                HttpResponse<String> r = client.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                Document doc = Jsoup.parse(r.body());
                List<String> words = EnglishWords.in(doc, lang);
                if (!words.isEmpty()) {
                    found.add(path + ": " + String.join("; ", words));
                }
                if (path.contains("occupation=2")) {
                    assertThat(doc.select("#forecast-backtest tbody tr")).hasSize(7);
                    assertThat(doc.select("#forecast-model p")).isNotEmpty();
                }
            }
        }
        assertThat(found).as("English on the kk/ru forecast pages").isEmpty();
    }
}
