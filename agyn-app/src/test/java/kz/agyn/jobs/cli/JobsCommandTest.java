package kz.agyn.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobTexts;
import kz.agyn.jobs.Jobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import picocli.CommandLine;

/**
 * {@code agyn jobs} in-process against the test application: a running job is listed with its progress and can be
 * cancelled (which CommandLineIT cannot show: beside a running server the embedded database admits no second
 * process), a finished one cannot (exit 1, the API's 409), an unknown id is exit 2 (the API's 404).
 */
class JobsCommandTest extends AgynTest {

    @Autowired Jobs jobs;
    @Autowired JobTexts texts;
    @Autowired MessageSource messages;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new JobsCommand(() -> new JobsCommand.Services(jobs, texts, messages, () -> {
            // the test's application outlives the command
        })));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aRunningJobIsListedShownAndCancelledAFinishedOneIsNot() {
        String user = "cli-jobs-" + UUID.randomUUID().toString().substring(0, 8);
        Jobs.Handle handle = jobs.start(JobKind.REGISTRY_REKEY, user, Map.of("from", "0badc0de"));
        try {
            handle.phase("REKEYING", 200L);
            handle.advance(50);
            // The listing reads the record, which the flusher writes within a second.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jobs.find(handle.id()).orElseThrow().done() == 50);

            assertThat(run("--lang", "en", "--user", user)).isZero();
            assertThat(out.toString()).contains("Kind").contains("Started by").contains(handle.id().toString())
                    .contains("Registry re-key").contains("running").contains("re-encrypting (rows) 25% 50/200");

            assertThat(run("show", handle.id().toString(), "--lang", "ru")).isZero();
            assertThat(out.toString()).contains("ID: " + handle.id()).contains("(REGISTRY_REKEY)")
                    .contains("{from=0badc0de}").contains("(RUNNING)").containsPattern("[А-Яа-я]");

            assertThat(run("cancel", handle.id().toString(), "--lang", "en")).isZero();
            assertThat(out.toString()).contains("The job was asked to stop");
            // The work learns it from the record at the next flush, as a job of another process would.
            await().atMost(Duration.ofSeconds(10)).until(handle::cancelRequested);
            handle.cancelled(null);
        } finally {
            handle.close();
        }
        assertThat(jobs.find(handle.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);

        assertThat(run("cancel", handle.id().toString(), "--lang", "en")).isEqualTo(JobsCommand.NOT_RUNNING);
        assertThat(err.toString()).contains("This job is no longer running. cancelled: Cancelled");
    }

    @Test
    void aFinishedJobShowsItsOutcomeInTheUsersLanguage() {
        String user = "cli-jobs-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = jobs.run(JobKind.WAREHOUSE_WRITE, user, Map.of("import", "x"),
                job -> JobOutcome.of("jobs.outcome.importWritten", "a.csv", 3, "cli-data", 12)
                        .linkedTo("/warehouse/datasets/cli-data")).id();
        assertThat(run("show", id.toString(), "--lang", "en")).isZero();
        assertThat(out.toString()).contains("State: done (SUCCEEDED)")
                .contains("Outcome: a.csv: version 3 of cli-data written (12 observations).")
                .contains("Result page: /warehouse/datasets/cli-data");
        assertThat(run("--user", user)).isZero();
        assertThat(out.toString()).contains("Деректер жиынының нұсқасын жазу").contains("дайын");
        assertThat(run("--user", user, "--state", "FAILED", "--lang", "en")).isZero();
        assertThat(out.toString()).isEqualTo("No jobs match.\n");
    }

    @Test
    void anUnknownOrMalformedIdIsAUsageError() {
        assertThat(run("show", UUID.randomUUID().toString(), "--lang", "en")).isEqualTo(JobsCommand.USAGE);
        assertThat(err.toString()).contains("There is no job").contains("`agyn jobs` lists the ids");
        assertThat(run("cancel", "not-an-id", "--lang", "ru")).isEqualTo(JobsCommand.USAGE);
        assertThat(err.toString()).contains("«not-an-id» — не идентификатор задачи");
    }
}
