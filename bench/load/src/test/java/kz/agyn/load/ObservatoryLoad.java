package kz.agyn.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Signed-in users of a whole ministry at once (issue 22): analysts and viewers reading the home page, the explorer
 * with changing filters, the metrics and a survey's results; registry officers searching by name; scripts reading
 * the metrics API with a personal token and with HTTP Basic. A closed model: a fixed number of users, each waiting
 * half a second to a second and a half between requests as a reader does, for a fixed time. Only 127.0.0.1.
 *
 * <p>Set by bench/load-test.sh: {@code agyn.url}, {@code users}, {@code seconds}, {@code password} (of the users
 * the script created), {@code token}, {@code survey} (the id of a survey with results).
 */
public class ObservatoryLoad extends Simulation {

    static final String URL = System.getProperty("agyn.url", "http://127.0.0.1:18080");
    static final int USERS = Integer.getInteger("users", 200);
    static final Duration TIME = Duration.ofSeconds(Long.getLong("seconds", 600));
    static final String PASSWORD = System.getProperty("password");
    static final String TOKEN = System.getProperty("token");
    static final String SURVEY = System.getProperty("survey", "1");

    static final List<String> BREAKDOWNS = List.of("REGION", "PERIOD", "OCCUPATION", "EDUCATION", "COUNTRY", "SEX",
            "AGE", "FLOW");
    static final List<String> SURNAMES = List.of("Ахметов", "Ахметова", "Серикбаев", "Нурланова", "Жумабаев",
            "Ким", "Иванов", "Абдрахманова", "Sultanov", "Tokayeva");

    HttpProtocolBuilder protocol = http.baseUrl(URL).acceptLanguageHeader("kk").acceptEncodingHeader("gzip")
            .disableCaching().shareConnections();

    static ChainBuilder signIn(String user) {
        return exec(http("sign-in page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("sign in").post("/login").formParam("username", user).formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}").disableFollowRedirect().check(status().is(302)));
    }

    static ChainBuilder think() {
        return exec(session -> session).pause(Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    /** The explorer with a breakdown and a year range that change from one view to the next. */
    static ChainBuilder explorer() {
        return exec(session -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            int from = 2010 + r.nextInt(10);
            return session.setAll(Map.of("by", BREAKDOWNS.get(r.nextInt(BREAKDOWNS.size())), "from", from,
                    "to", from + 1 + r.nextInt(24 - (from - 2010))));
        }).exec(http("explorer").get("/warehouse/explore?indicator=EMIGRANTS&by=#{by}&from=#{from}&to=#{to}"));
    }

    ScenarioBuilder readers = scenario("analysts and viewers").exec(signIn("load-analyst"))
            .exec(forever().on(
                    exec(http("home").get("/")).exec(think())
                            .exec(explorer()).exec(think())
                            .exec(http("metrics page").get("/warehouse/metrics")).exec(think())
                            .exec(http("survey results").get("/surveys/" + SURVEY)).exec(think())));

    ScenarioBuilder officers = scenario("registry officers").exec(signIn("load-officer"))
            .exec(forever().on(
                    exec(session -> session.set("surname",
                            SURNAMES.get(ThreadLocalRandom.current().nextInt(SURNAMES.size())))
                    ).exec(http("registry search").get("/registry?name=#{surname}")).exec(think())
                            .exec(http("cohorts").get("/registry/cohorts")).exec(think())));

    ScenarioBuilder scripts = scenario("scripts").exec(forever().on(
            exec(http("metrics API, token").get("/api/v1/metrics").header("Authorization", "Bearer " + TOKEN))
                    .exec(think())
                    .exec(http("metrics API, HTTP Basic").get("/api/v1/metrics").basicAuth("load-script", PASSWORD))
                    .exec(think())));

    {
        int officers = Math.max(1, USERS / 10);
        int scripts = Math.max(1, USERS / 5);
        int readers = USERS - officers - scripts;
        setUp(this.readers.injectClosed(constantConcurrentUsers(readers).during(TIME)),
                this.officers.injectClosed(constantConcurrentUsers(officers).during(TIME)),
                this.scripts.injectClosed(constantConcurrentUsers(scripts).during(TIME)))
                .protocols(protocol)
                // Each user loops until the end: the run ends at the time given, not when users finish.
                .maxDuration(TIME)
                .assertions(global().failedRequests().count().is(0L));
    }
}
