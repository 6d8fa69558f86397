package kz.agyn.registry.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.audit.AuditLog;
import kz.agyn.reference.ReferenceData;
import kz.agyn.registry.CommandServices;
import kz.agyn.registry.internal.RegistryRepository;
import kz.agyn.registry.keys.RegistryKeys;
import kz.agyn.registry.keys.RegistryRekeyJobs;
import kz.agyn.registry.keys.RotatedKeys;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import picocli.CommandLine;

/**
 * {@code agyn registry-rekey}, run in-process against the test application after a simulated rotation: rows
 * under the old key are re-keyed (exit 0) with a summary naming key ids and counts only; Ctrl-C between two
 * batches stops the job (exit 3), and running the command again finishes it.
 */
class RegistryRekeyCommandTest extends AgynTest {

    @Autowired RegistryKeys keys;
    @Autowired RegistryRepository repository;
    @Autowired AuditLog audit;
    @Autowired ObligationService obligations;
    @Autowired ReferenceData reference;
    @Autowired ScholarService scholars;
    @Autowired RegistryRekeyJobs jobs;
    @Autowired MessageSource messages;

    RotatedKeys rotation;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    RegistryRekeyCommand command;

    @BeforeEach
    void rotate() {
        rotation = new RotatedKeys(keys, repository, audit, obligations, reference, scholars, jobs, 2);
    }

    @AfterEach
    void restore() {
        rotation.close();
    }

    int run() {
        command = new RegistryRekeyCommand(() -> new CommandServices<>(jobs, messages, () -> {
            // the test's application outlives the command
        }));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute("--lang", "en", "--user", "cli-rekey");
    }

    @Test
    void rowsUnderTheOldKeyAreReKeyedAndTheSummarySaysTheRetiredKeyCanGo() {
        List<RotatedKeys.Old> old = rotation.scholars(3);

        assertThat(run()).isEqualTo(RegistryRekeyCommand.CLEAN);

        assertThat(out.toString()).startsWith("Re-key finished")
                .contains("Re-keyed 3 of 3 rows to key " + keys.currentKeyId())
                .contains("the retired keys can be removed from AGYN_REGISTRY_RETIRED_KEYS");
        assertThat(out + err.toString()).doesNotContain(old.get(0).iin()).doesNotContain(RotatedKeys.LAST)
                .doesNotContain(RotatedKeys.EMAIL);

        out.getBuffer().setLength(0);
        assertThat(run()).isEqualTo(RegistryRekeyCommand.CLEAN);
        assertThat(out.toString()).contains("Re-keyed 0 of 0 rows");
    }

    @Test
    void ctrlCStopsBetweenBatchesAndTheNextRunFinishes() {
        rotation.scholars(4);
        jobs.listener((id, done) -> command.interrupt());

        assertThat(run()).isEqualTo(RegistryRekeyCommand.STOPPED);
        assertThat(out.toString()).startsWith("Re-key cancelled").contains("Re-keyed 2 of 4 rows")
                .contains("Rows still under other keys: 2");

        jobs.listener(null);
        out.getBuffer().setLength(0);
        assertThat(run()).isEqualTo(RegistryRekeyCommand.CLEAN);
        assertThat(out.toString()).contains("Re-keyed 2 of 2 rows");
    }
}
