package kz.agyn.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Signed-in users of a whole ministry at once (issue 22): analysts and viewers reading the home page, the explorer
 * with changing filters, the metrics and a survey's results; registry officers searching by name; scripts reading
 * the metrics API with a personal token and with HTTP Basic. A closed model: a fixed number of users, each waiting
 * half a second to a second and a half between requests as a reader does, for a fixed time. Only 127.0.0.1.
 *
 * <p>The users sign in over a ramp ({@code ramp} seconds), as a ministry's staff arrive over a morning rather than in
 * one second, and then all of them stay for {@code seconds}. Every request's end and response time are also written
 * to {@code times} (a CSV), so that the script can report the signed-in phase apart from the ramp, which holds the
 * sign-ins' Argon2id hashes and the JIT's first compilations.
 *
 * <p>Set by bench/load-test.sh: {@code agyn.url}, {@code users}, {@code seconds}, {@code ramp}, {@code times},
 * {@code password} (of the users the script created), {@code token}, {@code survey} (the id of a survey with results).
 */
public class ObservatoryLoad extends Simulation {

    static final String URL = System.getProperty("agyn.url", "http://127.0.0.1:18080");
    static final int USERS = Integer.getInteger("users", 200);
    static final Duration TIME = Duration.ofSeconds(Long.getLong("seconds", 600));
    static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 60));
    static final String TIMES = System.getProperty("times");
    static final String PASSWORD = System.getProperty("password");
    static final String TOKEN = System.getProperty("token");
    static final String SURVEY = System.getProperty("survey", "1");

    static final List<String> BREAKDOWNS = List.of("REGION", "PERIOD", "OCCUPATION", "EDUCATION", "COUNTRY", "SEX",
            "AGE", "FLOW");
    static final List<String> SURNAMES = List.of("Ахметов", "Ахметова", "Серикбаев", "Нурланова", "Жумабаев",
            "Ким", "Иванов", "Абдрахманова", "Sultanov", "Tokayeva");

    /** Each request as it ended: endpoint, end (ms since the epoch), response time (ms); one line per request. */
    static final java.util.concurrent.ConcurrentLinkedQueue<String> ENDED =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** The request, its response time kept for the script's phases. */
    static ChainBuilder timed(String name, HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs("rt"))).exec(session -> {
            if (session.contains("rt")) {
                ENDED.add(name + "," + System.currentTimeMillis() + "," + session.getInt("rt")
                        + (session.isFailed() ? ",KO" : ",OK"));
            }
            return session.remove("rt");
        });
    }

    HttpProtocolBuilder protocol = http.baseUrl(URL).acceptLanguageHeader("kk").acceptEncodingHeader("gzip")
            .disableCaching().shareConnections();

    static ChainBuilder signIn(String user) {
        return exec(timed("sign-in page",
                http("sign-in page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf"))))
                .exec(timed("sign in", http("sign in").post("/login").formParam("username", user)
                        .formParam("password", PASSWORD).formParam("_csrf", "#{csrf}").disableFollowRedirect()
                        .check(status().is(302))));
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
        }).exec(timed("explorer",
                http("explorer").get("/warehouse/explore?indicator=EMIGRANTS&by=#{by}&from=#{from}&to=#{to}")));
    }

    ScenarioBuilder readers = scenario("analysts and viewers").exec(signIn("load-analyst"))
            .exec(forever().on(
                    exec(timed("home", http("home").get("/"))).exec(think())
                            .exec(explorer()).exec(think())
                            .exec(timed("metrics page", http("metrics page").get("/warehouse/metrics"))).exec(think())
                            .exec(timed("survey results", http("survey results").get("/surveys/" + SURVEY)))
                            .exec(think())));

    ScenarioBuilder officers = scenario("registry officers").exec(signIn("load-officer"))
            .exec(forever().on(
                    exec(session -> session.set("surname",
                            SURNAMES.get(ThreadLocalRandom.current().nextInt(SURNAMES.size())))
                    ).exec(timed("registry search", http("registry search").get("/registry?name=#{surname}")))
                            .exec(think())
                            .exec(timed("cohorts", http("cohorts").get("/registry/cohorts"))).exec(think())));

    ScenarioBuilder scripts = scenario("scripts").exec(forever().on(
            exec(timed("metrics API, token",
                    http("metrics API, token").get("/api/v1/metrics").header("Authorization", "Bearer " + TOKEN)))
                    .exec(think())
                    .exec(timed("metrics API, HTTP Basic",
                            http("metrics API, HTTP Basic").get("/api/v1/metrics").basicAuth("load-script", PASSWORD)))
                    .exec(think())));

    {
        int officers = Math.max(1, USERS / 10);
        int scripts = Math.max(1, USERS / 5);
        int readers = USERS - officers - scripts;
        setUp(this.readers.injectClosed(rampConcurrentUsers(0).to(readers).during(RAMP),
                        constantConcurrentUsers(readers).during(TIME)),
                this.officers.injectClosed(rampConcurrentUsers(0).to(officers).during(RAMP),
                        constantConcurrentUsers(officers).during(TIME)),
                this.scripts.injectClosed(rampConcurrentUsers(0).to(scripts).during(RAMP),
                        constantConcurrentUsers(scripts).during(TIME)))
                .protocols(protocol)
                // Each user loops until the end: the run ends at the time given, not when users finish.
                .maxDuration(RAMP.plus(TIME))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        ENDED.add("start," + System.currentTimeMillis() + ",0,OK");
    }

    @Override
    public void after() {
        if (TIMES != null) {
            try {
                Files.write(Path.of(TIMES), ENDED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
