package kz.agyn.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.agyn.demo.registry.SyntheticRegistry;
import kz.agyn.demo.registry.SyntheticScholar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14's acceptance, as a user would meet it: the application (a JVM of its own, started from the packaged jar
 * by Failsafe after {@code package}) is killed with {@code kill -9} while it writes a warehouse import (its check,
 * which stages every accepted row as it reads the file: decision 0050) and re-keys
 * the registry at once; started again on the same data, it shows both jobs FAILED with the reason "interrupted" in
 * {@code GET /api/v1/jobs} and on the administrators' Jobs page, and both can be started again and finish.
 *
 * <p>Sized for CI on two cores, where the three JVM starts are most of its time: the first 4,000 scholars of the
 * synthetic registry (about 38,000 encrypted rows, a re-key of ten seconds or more), 300,000 observation rows (a
 * write of several seconds), and progress flushed every 200 ms so that a job shows progress soon after it starts. The re-key starts first, as
 * it is the longer, so that both are surely running when the JVM dies. {@code bench/kill-during-import.sh} does the
 * same at full size, one kill at a time, and also looks inside the database.
 */
class KillRecoveryIT {

    static final String PASSWORD = "Kill-recovery-pw-1";
    static final int OBSERVATIONS = 300_000;
    static final int SCHOLARS = 4_000;
    static final String INTERRUPTED_EN = "Interrupted: Agyn stopped while this job ran";
    static final Duration START = Duration.ofMinutes(3);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    Path jar;
    Path home;
    Path log;
    int port;
    Process app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void killedDuringAnImportAndAReKeyBothShowFailedAfterTheRestartAndBothRunAgain() throws Exception {
        jar = Path.of(System.getProperty("agyn.jar", "target/agyn.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (run by Failsafe after package)").isRegularFile();
        home = work.resolve("home");
        log = work.resolve("agyn.log");
        String oldKey = randomKey();
        String newKey = randomKey();
        Map<String, String> rotated = Map.of("AGYN_REGISTRY_KEY", newKey, "AGYN_REGISTRY_RETIRED_KEYS", oldKey);
        Instant t0 = Instant.now();

        // The registry, written under the old key by the command line (the server is not up yet: one process at a
        // time on the embedded database); then the server starts with the new key, the old one retired.
        List<Path> files = registryFiles(work.resolve("registry"));
        Path observations = observations(work.resolve("observations.csv"));
        List<String> importArgs = new ArrayList<>(List.of("registry-import", "--lang", "en"));
        files.forEach(f -> importArgs.add(f.toString()));
        Process cli = java(Map.of("AGYN_REGISTRY_KEY", oldKey), importArgs);
        assertThat(cli.waitFor(4, TimeUnit.MINUTES)).as("registry-import ended").isTrue();
        assertThat(cli.exitValue()).as("registry-import exit code; output:\n%s", tail()).isZero();
        note(t0, "registry of " + SCHOLARS + " scholars imported under the old key");

        start(rotated);
        note(t0, "server started with the new key");
        long underOldKey = api("GET", "/registry/rekey", null).path("rowsUnderOtherKeys").asLong();
        assertThat(underOldKey).as("rows under the retired key").isGreaterThan(10_000);

        post("/datasets", """
                {"code":"kill9","titleKk":"kill9","titleRu":"kill9","titleEn":"kill9","publisher":"KillRecoveryIT"}""");

        // The re-key first (the longer), then the upload, whose check writes every row it accepts into the
        // import's staged table while it reads the file (decision 0050: the long write of an import is now its
        // check; accepting attaches the staged rows in one short transaction). The JVM dies once both show progress.
        api("POST", "/registry/rekey", null);
        UUID rekeyJob = UUID.fromString(api("GET", "/registry/rekey", null).path("job").path("id").asString());
        until("the re-key shows progress in /api/v1/jobs", Duration.ofMinutes(1), () -> {
            JsonNode job = api("GET", "/jobs/" + rekeyJob, null);
            assertThat(job.path("state").asString()).as("the re-key ended before the kill").isEqualTo("RUNNING");
            return job.path("done").asLong() > 0 ? Optional.of(job) : Optional.empty();
        });
        CompletableFuture<HttpResponse<String>> uploading = http.sendAsync(uploadRequest(observations),
                BodyHandlers.ofString());
        JsonNode write = until("the check and its write show progress", Duration.ofMinutes(1), () -> {
            assertThat(uploading).as("the upload's check ended before the kill").isNotDone();
            return job("WAREHOUSE_CHECK", j -> "kill9".equals(j.path("parameters").path("dataset").asString()))
                    .filter(j -> j.path("done").asLong() > 0);
        });
        JsonNode rekeying = job("REGISTRY_REKEY", j -> rekeyJob.toString().equals(j.path("id").asString()))
                .orElseThrow();
        assertThat(write.path("state").asString()).isEqualTo("RUNNING");
        assertThat(rekeying.path("state").asString()).isEqualTo("RUNNING");
        assertThat(rekeying.path("done").asLong()).isPositive();
        UUID writeJob = UUID.fromString(write.path("id").asString());
        String importId = write.path("parameters").path("import").asString();
        note(t0, "both running: check and staging " + write.path("percent") + " %, re-key " + rekeying.path("done")
                + " of " + rekeying.path("total") + " rows");

        kill9();
        note(t0, "killed; its PostgreSQL stopped");
        assertThat(uploading.handle((r, e) -> e)).as("the upload's request died with the JVM")
                .succeedsWithin(Duration.ofSeconds(30)).isNotNull();

        start(rotated);
        note(t0, "restarted");

        // The API, in English and in Russian.
        for (UUID id : List.of(writeJob, rekeyJob)) {
            JsonNode job = api("GET", "/jobs/" + id, null);
            assertThat(job.path("state").asString()).as("job %s after the restart", job).isEqualTo("FAILED");
            assertThat(job.path("outcome").asString()).isEqualTo("jobs.outcome.interrupted");
            assertThat(job.path("outcomeText").asString()).startsWith(INTERRUPTED_EN);
            assertThat(job.path("endedAt").isNull()).isFalse();
        }
        assertThat(apiIn("ru", "/jobs?state=FAILED").toString()).contains(writeJob.toString())
                .contains(rekeyJob.toString()).contains("Прервана: Agyn остановился");
        assertThat(api("GET", "/imports/" + importId, null).path("status").asString()).isEqualTo("INTERRUPTED");
        // Nothing of the killed write is visible: the dataset has no version and no row.
        JsonNode dataset = null;
        for (JsonNode d : api("GET", "/datasets", null)) {
            dataset = "kill9".equals(d.path("code").asString()) ? d : dataset;
        }
        assertThat(dataset).as("dataset kill9").isNotNull();
        assertThat(dataset.path("currentVersion").isNull()).as("%s", dataset).isTrue();
        assertThat(dataset.path("rows").asLong()).isZero();
        // The killed check's staged rows died with its transaction; the start-up recovery found it checking and
        // dropped whatever it had staged (decision 0050's purge).
        assertThat(Files.readString(log)).contains("Import " + importId + " marked INTERRUPTED (while being checked)");

        // The Jobs page, signed in with the form as the administrator.
        String page = jobsPage();
        for (UUID id : List.of(writeJob, rekeyJob)) {
            String row = row(page, id);
            assertThat(row).as("the Jobs page's row of %s", id).contains("data-state=\"FAILED\"").contains(">failed<")
                    .contains(INTERRUPTED_EN);
        }
        note(t0, "both FAILED, interrupted, in the API and on the page");

        // Started again: the re-key in the background, the same file uploaded and checked again meanwhile, then
        // accepted; all finish.
        api("POST", "/registry/rekey", null);
        JsonNode checked = send(uploadRequest(observations));
        assertThat(checked.path("status").asString()).as("checked again: %s", checked).isEqualTo("VALID");
        JsonNode accepted = post("/imports/" + checked.path("id").asString() + "/accept", null);
        assertThat(accepted.path("status").asString()).as("accepted: %s", accepted).isEqualTo("ACCEPTED");
        assertThat(accepted.path("version").asInt()).as("the killed write left no version").isEqualTo(1);
        assertThat(accepted.path("rows").asLong()).isEqualTo(OBSERVATIONS);
        JsonNode rekeyed = until("the re-key started again finishes", Duration.ofMinutes(3), () -> {
            JsonNode state = api("GET", "/registry/rekey", null);
            return state.path("job").path("finished").asBoolean() ? Optional.of(state) : Optional.empty();
        });
        assertThat(rekeyed.path("job").path("status").asString()).as("%s", rekeyed).isEqualTo("DONE");
        assertThat(rekeyed.path("rowsUnderOtherKeys").asLong()).isZero();
        assertThat(job("WAREHOUSE_CHECK", j -> !j.path("id").asString().equals(writeJob.toString())
                && "kill9".equals(j.path("parameters").path("dataset").asString())).orElseThrow()
                .path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(job("REGISTRY_REKEY", j -> !j.path("id").asString().equals(rekeyJob.toString())).orElseThrow()
                .path("state").asString()).isEqualTo("SUCCEEDED");
        note(t0, "accepted again and re-keyed again");
    }

    // --- the application ---------------------------------------------------------------------------------------

    /** {@code java -jar agyn.jar ARGS} on the test's home, with nothing of the user's own settings. */
    Process java(Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(args);
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("AGYN_") || k.startsWith("SPRING_"));
        e.put("HOME", work.toString());
        e.put("AGYN_HOME", home.toString());
        e.put("AGYN_ADMIN_PASSWORD", PASSWORD);
        e.putAll(new HashMap<>(env));
        return pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Starts the server on a free port and waits until it answers; a start that fails fails the test. */
    void start(Map<String, String> env) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        app = java(env, List.of("--server.port=" + port, "--agyn.demo.enabled=false", "--agyn.demo.survey=false",
                "--agyn.jobs.flush-interval-ms=200"));
        until("the application answers on port " + port, START, () -> {
            assertThat(app.isAlive()).as("the application stopped while starting; its output:\n%s", tail()).isTrue();
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.discarding());
                return r.statusCode() == 200 ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * {@code kill -9} of the JVM itself (the process started is {@code java}, not a shell around it), then waits
     * for its PostgreSQL, which no one told to stop, to stop by its watchdog, as the restart expects after a crash.
     */
    void kill9() throws Exception {
        assertThat(app.info().command()).as("the process killed is the JVM").hasValueSatisfying(
                c -> assertThat(Path.of(c).getFileName().toString()).startsWith("java"));
        long postmaster = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).trim());
        app.destroyForcibly();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        until("the embedded PostgreSQL stops after the JVM's kill", Duration.ofMinutes(1),
                () -> ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty()
                        ? Optional.of(true) : Optional.empty());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    static void note(Instant t0, String what) {
        System.out.printf("KillRecoveryIT %5.1f s: %s%n", Duration.between(t0, Instant.now()).toMillis() / 1000.0,
                what);
    }

    // --- the API and the page ----------------------------------------------------------------------------------

    HttpRequest.Builder request(String method, String path, BodyPublisher body) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base() + "/api/v1" + path)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Basic " + basic).header("Accept-Language", "en").method(method, body);
    }

    JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", request.method(), request.uri(), r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? tools.jackson.databind.node.MissingNode.getInstance() : JSON.readTree(r.body());
    }

    JsonNode api(String method, String path, String json) throws IOException, InterruptedException {
        return send(request(method, path, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    JsonNode post(String path, String json) throws IOException, InterruptedException {
        return api("POST", path, json);
    }

    JsonNode apiIn(String lang, String path) throws IOException, InterruptedException {
        return send(request("GET", path, BodyPublishers.noBody()).setHeader("Accept-Language", lang).build());
    }

    /** The newest job of a kind that matches, as {@code GET /api/v1/jobs} gives it. */
    Optional<JsonNode> job(String kind, Predicate<JsonNode> which) throws IOException, InterruptedException {
        for (JsonNode j : api("GET", "/jobs?kind=" + kind + "&limit=1000", null)) {
            if (which.test(j)) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    /** {@code POST /api/v1/imports} of a CSV file into dataset kill9: multipart, the file streamed from disk. */
    HttpRequest uploadRequest(Path file) throws IOException {
        String boundary = "agyn-" + UUID.randomUUID();
        String head = part(boundary, "dataset", "kill9") + part(boundary, "format", "csv") + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        BodyPublisher body = BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(file),
                BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        return request("POST", "/imports", body).header("Content-Type", "multipart/form-data; boundary="
                + boundary).build();
    }

    static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** The Jobs page in English, after signing in with the login form (its CSRF token, its session cookie). */
    String jobsPage() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String form = Map.of("username", "admin", "password", PASSWORD, "_csrf", csrf.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form))
                .build(), BodyHandlers.ofString());
        assertThat(signedIn.uri().getPath()).as("signed in").isNotEqualTo("/login");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base()
                + "/admin/jobs?lang=en&state=FAILED")).build(), BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/admin/jobs");
        return page.body();
    }

    static String row(String page, UUID id) {
        Matcher m = Pattern.compile("<tr[^>]*data-job=\"" + id + "\"[^>]*>.*?</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a row of job %s on the Jobs page", id).isTrue();
        return m.group();
    }

    /** Polls {@code check} every 100 ms until it gives a value; fails after {@code limit}. */
    static <T> T until(String what, Duration limit, Check<T> check) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (true) {
            Optional<T> v = check.get();
            if (v.isPresent()) {
                return v.get();
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    interface Check<T> {
        Optional<T> get() throws Exception;
    }

    // --- the files ---------------------------------------------------------------------------------------------

    /** The first {@value #SCHOLARS} scholars of the synthetic registry, with their awards and jobs. */
    static List<Path> registryFiles(Path dir) throws IOException {
        SyntheticRegistry all = SyntheticRegistry.generate();
        List<SyntheticScholar> scholars = all.scholars().subList(0, SCHOLARS);
        Set<String> refs = scholars.stream().map(SyntheticScholar::ref).collect(Collectors.toSet());
        new SyntheticRegistry(all.seed(), all.asOf(), scholars,
                all.awards().stream().filter(a -> refs.contains(a.scholarRef())).toList(),
                all.employments().stream().filter(e -> refs.contains(e.scholarRef())).toList()).writeCsv(dir);
        return List.of(dir.resolve("scholars.csv"), dir.resolve("awards.csv"), dir.resolve("employments.csv"));
    }

    /** {@value #OBSERVATIONS} valid rows in the canonical CSV, as bench/gen-observations.py writes them. */
    static Path observations(Path file) throws IOException {
        List<String> regions = List.of("100000000", "110000000", "150000000", "190000000", "230000000", "270000000",
                "310000000", "330000000", "350000000", "390000000", "430000000", "470000000", "550000000",
                "590000000", "610000000", "620000000", "630000000", "710000000", "750000000", "790000000");
        List<String> occupations = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "_T", "_U");
        List<String> education = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "_T", "_U");
        List<String> countries = List.of("RU", "DE", "US", "KR", "TR", "CN", "PL", "CA", "GB", "CZ", "IL", "AE",
                "UZ", "KG", "BY", "_T");
        List<String> sexes = List.of("M", "F", "_T");
        List<String> ages = List.of("Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65", "_T");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,FLOW,OBS_VALUE,"
                    + "UNIT_MULT,OBS_STATUS\n");
            int i = 0;
            // Every combination once (no duplicate keys), in the order of the Python script's itertools.product.
            outer:
            for (String p : List.of("2022", "2023", "2024")) {
                for (String r : regions) {
                    for (String o : occupations) {
                        for (String e : education) {
                            for (String c : countries) {
                                for (String s : sexes) {
                                    for (String a : ages) {
                                        if (i == OBSERVATIONS) {
                                            break outer;
                                        }
                                        out.write("EMIGRANTS," + p + "," + r + "," + o + "," + e + "," + c + "," + s
                                                + "," + a + ",EMI," + (i * 7919L) % 500 + ",0,E\n");
                                        i++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return file;
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
