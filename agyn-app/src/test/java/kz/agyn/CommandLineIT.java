package kz.agyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user meets it: each command run as a new {@code java -jar target/agyn.jar} process (after
 * {@code package}, by Failsafe), on a fresh home and then on the same home again, checked by its exit code and
 * what it prints. The in-process command tests cannot see what only a new process meets (the application
 * started without a web server, its start-up, its logging, its exit).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineIT {

    /** One home for the whole class: the first command meets it empty, the later ones as the earlier left it. */
    @TempDir
    static Path home;

    static Path jar;
    static final String KEY = randomKey();
    /** The key after the rotation of registryRekeyAfterARotation; later commands start with it. */
    static final String NEW_KEY = randomKey();

    @BeforeAll
    static void theJar() {
        jar = Path.of(System.getProperty("agyn.jar", "target/agyn.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (run by Failsafe after package)").isRegularFile();
    }

    @Test
    @Order(1)
    void helpAndVersion() throws Exception {
        Run help = agyn(Map.of(), "--help");
        assertThat(help.code).isZero();
        assertThat(help.out).contains("Usage: agyn").contains("serve").contains("import").contains("registry-import")
                .contains("registry-rekey").contains("refresh").contains("jobs");
        Run version = agyn(Map.of(), "--version");
        assertThat(version.code).isZero();
        assertThat(version.out).startsWith("Agyn ");
    }

    @Test
    @Order(2)
    void importOnAFreshHomeChecksCreatesAndWrites() throws Exception {
        Path csv = Files.writeString(home.resolve("emigrants.csv"),
                "indicator,period,region,value\nEMIGRANTS,2023,000000000,100\nEMIGRANTS,2024,000000000,120\n");
        Run check = agyn(Map.of(), "import", "--dataset", "cli-test", "--title-kk", "Сынақ", "--title-ru", "Тест",
                "--title-en", "Test", "--publisher", "Agyn tests", "--lang", "en", csv.toString());
        assertThat(check.code).as(check.toString()).isZero();
        assertThat(check.err).contains("Dataset \"cli-test\" registered");
        assertThat(check.out).contains("emigrants.csv: no problems").contains("2 observations");
        assertNoTrace(check);

        Run write = agyn(Map.of(), "import", "--dataset", "cli-test", "--accept", "--lang", "en", csv.toString());
        assertThat(write.code).as(write.toString()).isZero();
        assertThat(write.out).isEqualTo("emigrants.csv: no problems — 2 observations, 0 problems\nAccepted as version 1.\n");
        assertNoTrace(write);

        // The same file again: it is that version already, and the command says so and ends (it used to wait
        // for a write that never started); no second version is made.
        Run again = agyn(Map.of(), "import", "--dataset", "cli-test", "--accept", "--lang", "en", csv.toString());
        assertThat(again.code).as(again.toString()).isZero();
        assertThat(again.out).contains("already stored as version 1").contains("nothing new was written")
                .doesNotContain("version 2");
    }

    @Test
    @Order(3)
    void importOfABadFileListsItsProblemsAndExitsOne() throws Exception {
        Path csv = Files.writeString(home.resolve("bad.csv"),
                "indicator,period,region,value\nEMIGRANTS,2023,000000000,many\n");
        Run run = agyn(Map.of(), "import", "--dataset", "cli-test", "--lang", "en", csv.toString());
        assertThat(run.code).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("bad.csv").contains("problem");
        assertNoTrace(run);
    }

    @Test
    @Order(4)
    void importIntoAMissingDatasetIsToldInTheUsersLanguage() throws Exception {
        Path csv = Files.writeString(home.resolve("some.csv"), "indicator,period,region,value\n");
        Run run = agyn(Map.of(), "import", "--dataset", "Not a code!", "--title-kk", "а", "--title-ru", "б",
                "--title-en", "c", "--publisher", "p", "--lang", "ru", csv.toString());
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).doesNotContain("warehouse.dataset").containsPattern("[А-Яа-я]");
        assertNoTrace(run);
    }

    @Test
    @Order(4)
    void refreshOfADatasetWithoutASourceSaysHowToSetOne() throws Exception {
        Run run = agyn(Map.of(), "refresh", "cli-test", "--lang", "en");
        assertThat(run.code).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("Dataset cli-test has no source to refresh from")
                .contains("PUT /api/v1/datasets/cli-test/source");
        assertNoTrace(run);
        Run kk = agyn(Map.of(), "refresh", "no-such-dataset");
        assertThat(kk.code).as(kk.toString()).isEqualTo(2);
        assertThat(kk.err).doesNotContain("warehouse.dataset").containsPattern("[А-Яа-яӘәҚқҢңӨөҰұҮүІі]");
        assertNoTrace(kk);
    }

    @Test
    @Order(5)
    void registryImportChecksThenImports() throws Exception {
        List<Path> files = registryFiles(home.resolve("registry"), 3);
        List<String> args = new ArrayList<>(List.of("registry-import", "--lang", "en", "--check-only"));
        files.forEach(f -> args.add(f.toString()));
        Run check = agyn(Map.of("AGYN_REGISTRY_KEY", KEY), args.toArray(String[]::new));
        assertThat(check.code).as(check.toString()).isZero();
        assertThat(check.out).startsWith("Checked: no problems").contains("Scholars: 3; awards: 3; jobs: 3");

        args.remove("--check-only");
        Run write = agyn(Map.of("AGYN_REGISTRY_KEY", KEY), args.toArray(String[]::new));
        assertThat(write.code).as(write.toString()).isZero();
        assertThat(write.out).startsWith("Imported").contains("Scholars: 3; awards: 3; jobs: 3");
        assertThat(write.out + write.err).doesNotContain("Прогрессова");
        assertNoTrace(write);
    }

    @Test
    @Order(6)
    void registryRekeyAfterARotation() throws Exception {
        String newKey = NEW_KEY;
        Run run = agyn(Map.of("AGYN_REGISTRY_KEY", newKey, "AGYN_REGISTRY_RETIRED_KEYS", KEY),
                "registry-rekey", "--lang", "en");
        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).doesNotContain(KEY).doesNotContain(newKey);
        assertNoTrace(run);
        // Again: nothing is left under the retired key.
        Run again = agyn(Map.of("AGYN_REGISTRY_KEY", newKey, "AGYN_REGISTRY_RETIRED_KEYS", KEY),
                "registry-rekey", "--lang", "en");
        assertThat(again.code).as(again.toString()).isZero();
    }

    /**
     * {@code agyn jobs} on the home the commands above used: their imports and re-keys are listed, in the user's
     * language, and one is shown; a finished job cannot be cancelled (exit 1, the API's 409). Three processes
     * only (each start costs seconds): an unknown id (exit 2) and the cancel of a running job are JobsCommandTest's,
     * in-process; beside a running command the embedded database admits no second process anyway.
     */
    @Test
    @Order(7)
    void jobsListsWhatTheCommandsDidShowsOneAndCancelsOnlyARunningOne() throws Exception {
        Map<String, String> keys = Map.of("AGYN_REGISTRY_KEY", NEW_KEY, "AGYN_REGISTRY_RETIRED_KEYS", KEY);
        Run list = agyn(keys, "jobs", "--lang", "en");
        assertThat(list.code).as(list.toString()).isZero();
        assertThat(list.out).startsWith("ID").contains("Kind").contains("Started by").contains("Outcome")
                .contains("Writing a dataset version").contains("Checking a warehouse file")
                .contains("Registry import").contains("Registry re-key").contains("cli").contains("done")
                .contains("emigrants.csv: version 1 of cli-test written (2 observations).")
                .doesNotContain("running");
        assertNoTrace(list);
        String rekey = list.out.lines().filter(l -> l.contains("Registry re-key")).findFirst().orElseThrow()
                .split(" ")[0];

        Run show = agyn(keys, "jobs", "show", rekey, "--lang", "ru");
        assertThat(show.code).as(show.toString()).isZero();
        assertThat(show.out).startsWith("ID: " + rekey).contains("(REGISTRY_REKEY)").contains("(SUCCEEDED)")
                .containsPattern("[А-Яа-я]");

        Run cancel = agyn(keys, "jobs", "cancel", rekey, "--lang", "en");
        assertThat(cancel.code).as(cancel.toString()).isEqualTo(1);
        assertThat(cancel.err).contains("This job is no longer running. done");
        assertNoTrace(cancel);
    }

    /**
     * {@code agyn forecast} from the jar: emigration of ISCO 2 professionals 2014–2024, imported here, forecast to
     * 2030 with intervals, the model and the backtest; a horizon of 1,000 is refused with exit 2 and no trace.
     */
    @Test
    @Order(8)
    void forecastOfProfessionalsTo2030() throws Exception {
        Map<String, String> keys = Map.of("AGYN_REGISTRY_KEY", NEW_KEY, "AGYN_REGISTRY_RETIRED_KEYS", KEY);
        StringBuilder rows = new StringBuilder("indicator,period,region,occupation,value\n");
        int[] values = {410, 432, 455, 470, 502, 540, 498, 560, 601, 640, 662};
        for (int i = 0; i < values.length; i++) {
            rows.append("EMIGRANTS,").append(2014 + i).append(",000000000,2,").append(values[i]).append('\n');
        }
        Path csv = Files.writeString(home.resolve("professionals.csv"), rows.toString());
        Run imported = agyn(keys, "import", "--dataset", "cli-forecast", "--title-kk", "Болжам", "--title-ru",
                "Прогноз", "--title-en", "Forecast", "--publisher", "Agyn tests", "--accept", "--lang", "en",
                csv.toString());
        assertThat(imported.code).as(imported.toString()).isZero();
        Run run = agyn(keys, "forecast", "--indicator", "EMIGRANTS", "--occupation", "2", "--dataset",
                "cli-forecast", "--horizon", "6", "--lang", "en");
        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).contains("2030").contains("Chosen automatically").contains("MASE");
        Run bad = agyn(keys, "forecast", "--indicator", "EMIGRANTS", "--horizon", "1000", "--lang", "en");
        assertThat(bad.code).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err).contains("Horizon 1000 is out of range");
        assertNoTrace(bad);
    }

    /**
     * {@code agyn simulate} from the jar: the note's budget lever as a scenario file, run as a job to its table of
     * specialists kept beside the baseline; an unknown lever is refused with exit 1, in Russian, with no trace.
     */
    @Test
    @Order(8)
    void simulateAScenarioFile() throws Exception {
        Map<String, String> keys = Map.of("AGYN_REGISTRY_KEY", NEW_KEY, "AGYN_REGISTRY_RETIRED_KEYS", KEY);
        Path scenario = Files.writeString(home.resolve("budget.json"),
                "{\"name\": \"Budget 10 bn (jar)\", \"levers\": {\"researchBudgetKzt\": 10000000000}}");
        Run run = agyn(keys, "simulate", "--scenario", scenario.toString(), "--horizon", "2", "--draws", "5",
                "--scale", "2000", "--lang", "en");
        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).contains("Specialists kept [95%]", "Budget 10 bn (jar)\t", "/scenarios/runs/");
        assertNoTrace(run);
        Path bad = Files.writeString(home.resolve("bad.json"), "{\"levers\": {\"salaryBoost\": 0.3}}");
        Run refused = agyn(keys, "simulate", "--scenario", bad.toString(), "--lang", "ru");
        assertThat(refused.code).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err).contains("Неизвестный рычаг «salaryBoost»");
        assertNoTrace(refused);
    }

    /**
     * {@code agyn residency} from the jar: a small synthetic country written to files and estimated back from them;
     * an IIN in clear where a keyed hash is expected is refused in Russian, the IIN not echoed, no trace.
     */
    @Test
    @Order(8)
    void residencyGeneratesACountryAndEstimatesItFromItsFiles() throws Exception {
        Path country = Files.createDirectories(home.resolve("country"));
        Run generated = agyn(Map.of(), "residency", "generate", "--persons", "20000", "--seed", "3", "--out",
                country.toString(), "--lang", "en");
        assertThat(generated.code).as(generated.toString()).isZero();
        assertThat(generated.out).contains("20,000 persons");
        assertThat(country.resolve("extracts.csv")).isNotEmptyFile();
        Run estimated = agyn(Map.of(), "residency", "run", "--in", country.toString(), "--lang", "en");
        assertThat(estimated.code).as(estimated.toString()).isZero();
        assertThat(estimated.out).contains("TAX").contains("TOTAL");
        assertNoTrace(estimated);
        Path bad = Files.createDirectories(home.resolve("bad-extracts"));
        Files.writeString(bad.resolve("extracts.csv"), "person,register,first_month,mask,region,age,sex,isced,isco\n"
                + "870412300415,TAX,2024-01,1,,,,,\n");
        Run refused = agyn(Map.of(), "residency", "run", "--in", bad.toString(), "--lang", "ru");
        assertThat(refused.code).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err).contains("ИИН в открытом виде").doesNotContain("870412300415");
        assertNoTrace(refused);
    }

    @Test
    @Order(8)
    void aStartUpMistakeIsTwoShortParagraphsAndANonZeroExit(@TempDir Path fresh) throws Exception {
        Run run = agyn(fresh, Map.of("AGYN_ADMIN_PASSWORD", "admin-is-in-this-password-1"), "--server.port=0");
        assertThat(run.code).as(run.toString()).isNotZero();
        String all = run.out + run.err;
        assertThat(all).contains("APPLICATION FAILED TO START").contains("AGYN_ADMIN_PASSWORD");
        assertThat(all.split("APPLICATION FAILED TO START", -1)).as("reported once").hasSize(2);
        assertThat(all).as("the reason is not retold around the report")
                .doesNotContain("Exception encountered during context initialization")
                .doesNotContain("Error starting ApplicationContext");
        assertNoTrace(run);
    }

    // --- running the jar ---------------------------------------------------------------------------------------

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run agyn(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return agyn(home, env, args);
    }

    static Run agyn(Path homeDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(homeDir.toFile());
        Map<String, String> e = pb.environment();
        // A user's own settings must not leak into the test: the home is the temporary one, nothing else is set.
        e.keySet().removeIf(k -> k.startsWith("AGYN_") || k.startsWith("SPRING_"));
        e.put("HOME", homeDir.toString());
        e.putAll(new HashMap<>(env));
        Path out = Files.createTempFile("agyn-it", ".out");
        Path err = Files.createTempFile("agyn-it", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(Duration.ofMinutes(4).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("agyn " + String.join(" ", args) + " did not end in 4 minutes");
        }
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    static void assertNoTrace(Run run) {
        assertThat(run.out + run.err).as("no stack trace in\n" + run).doesNotContainPattern("\\n\\s+at [a-z]+\\.")
                .doesNotContain("Exception in thread");
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Three clean scholars with one award and one job each, in the format of docs/formats/registry.md. */
    static List<Path> registryFiles(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        StringBuilder s = new StringBuilder("scholar_ref,iin,last_name_kk,first_name_kk,patronymic_kk,last_name_ru,"
                + "first_name_ru,patronymic_ru,last_name_latin,first_name_latin,patronymic_latin,birth_date,sex,email,"
                + "phone,synthetic\n");
        StringBuilder a = new StringBuilder("award_ref,scholar_ref,programme,call_year,awarded_on,degree_level,"
                + "isced_f,host_country,host_university,funding_kzt,security_kind,security_ref,study_start,"
                + "planned_end,actual_end,deferred_until,deferral_reason,returned_on,synthetic\n");
        StringBuilder j = new StringBuilder("scholar_ref,seq,employer_name,employer_bin,sector,country,kato,isco_08,"
                + "salary_band,start_date,end_date,evidence,synthetic\n");
        LocalDate born = LocalDate.of(1993, 4, 17);
        int serial = 4242;
        for (int i = 1; i <= n; i++) {
            String ref = "CLI-IT-" + i;
            String iin = null;
            while (iin == null) {
                // Some serials give no valid check digit; the next one will.
                iin = Iin.of(born, Sex.FEMALE, serial++).map(Iin::value).orElse(null);
            }
            s.append(ref).append(',').append(iin).append(",Прогрессова,Әсем,,Прогрессова,Асем,,Progressova,Assem,,")
                    .append("1993-04-17,FEMALE,,,false\n");
            a.append(ref).append("-A,").append(ref).append(",BOLASHAK,2015,2015-05-20,MASTER,06,GB,University of ")
                    .append("Leeds,12000000,PLEDGE,P-").append(i).append(",2015-09-01,2016-08-31,2016-08-31,,,")
                    .append("2016-09-15,false\n");
            j.append(ref).append(",1,Test employer,,PRIVATE,KZ,750000000,25,B3,2016-10-01,,SELF_REPORT,false\n");
        }
        return List.of(Files.writeString(dir.resolve("scholars.csv"), s, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("awards.csv"), a, StandardCharsets.UTF_8),
                Files.writeString(dir.resolve("employments.csv"), j, StandardCharsets.UTF_8));
    }
}
