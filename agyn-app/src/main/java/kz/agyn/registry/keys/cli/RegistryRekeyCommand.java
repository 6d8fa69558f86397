package kz.agyn.registry.keys.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import kz.agyn.platform.cli.CtrlC;
import kz.agyn.platform.cli.ImportOptions;
import kz.agyn.platform.cli.ProgressLine;
import kz.agyn.registry.Access;
import kz.agyn.registry.CommandServices;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.keys.RegistryKeyState;
import kz.agyn.registry.keys.RegistryRekeyJobs;
import kz.agyn.registry.keys.RegistryRekeyState;
import kz.agyn.registry.keys.RegistryRekeyStatus;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code agyn registry-rekey}: after a rotation of the registry's key, encrypts every row still under a retired
 * key again under the current one, with progress on standard error and a summary (counts and key ids, never
 * key material or personal data) on standard output. Ctrl-C stops after the batch under way: what was done
 * stays done, every row stays readable, and running the command again goes on. Exit code 0 when no row is left
 * under another key, 1 when some are (unreadable, or an IIN recorded twice), 2 for a usage error, 3 when the
 * job was cancelled, failed, or another one was running.
 */
@Command(name = "registry-rekey", mixinStandardHelpOptions = true,
        description = "After a rotation of the registry's key (new key in AGYN_REGISTRY_KEY, old one in "
                + "AGYN_REGISTRY_RETIRED_KEYS), encrypt every row again under the new key and recompute its "
                + "search hashes; then the retired key can be dropped.")
public class RegistryRekeyCommand implements Callable<Integer> {

    static final int CLEAN = 0;
    static final int ROWS_LEFT = 1;
    static final int STOPPED = 3;

    @Mixin
    ImportOptions options;

    @Spec
    CommandSpec spec;

    private final Supplier<CommandServices<RegistryRekeyJobs>> services;
    private volatile RegistryRekeyJobs jobs;

    /** Starts the application (without its web server) for the job. */
    public RegistryRekeyCommand() {
        this(() -> CommandServices.application(RegistryRekeyJobs.class));
    }

    /** Uses services already running; a test's, for one. */
    public RegistryRekeyCommand(Supplier<CommandServices<RegistryRekeyJobs>> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = options.locale();
        try (CtrlC ctrlC = new CtrlC(this::interrupt, "registry-rekey-cancel");
             CommandServices<RegistryRekeyJobs> s = services.get(); ImportOptions.Acting as = options.actAsUser()) {
            MessageSource messages = s.messages();
            jobs = s.jobs();
            ctrlC.arm();
            RegistryRekeyStatus started;
            try {
                started = jobs.start(Access.PERSONAL, options.user());
            } catch (RegistryException e) {
                err.println(messages.getMessage(e.code(), e.args(), e.code(), locale));
                return STOPPED;
            }
            RegistryRekeyStatus status = follow(started.id(), new ProgressLine(err), messages, locale);
            RegistryKeyState state = jobs.state();
            print(status, state, out, messages, locale);
            if (status.status() != RegistryRekeyState.DONE) {
                return STOPPED;
            }
            return state.rowsUnderOtherKeys() == 0 ? CLEAN : ROWS_LEFT;
        }
    }

    /** Asks the running job, if any, to stop after its current batch. */
    void interrupt() {
        RegistryRekeyJobs j = jobs;
        if (j != null) {
            j.cancel();
        }
    }

    private RegistryRekeyStatus follow(UUID id, ProgressLine line, MessageSource messages, Locale locale)
            throws InterruptedException {
        while (true) {
            RegistryRekeyStatus s = jobs.await(id, Duration.ofMillis(200)).orElseThrow();
            if (s.finished()) {
                line.end();
                return s;
            }
            line.show(messages.getMessage("registry.rekey.progress", new Object[] {s.done(), s.total()}, locale),
                    s.percent(), s.cancelRequested() ? messages.getMessage("registry.rekey.stopping", null, locale)
                            : null);
        }
    }

    private static void print(RegistryRekeyStatus s, RegistryKeyState state, PrintWriter out,
                              MessageSource messages, Locale locale) {
        out.println(messages.getMessage("registry.rekey.status." + s.status(), null, s.status().name(), locale));
        out.println(messages.getMessage("registry.rekey.counts",
                new Object[] {s.rekeyed(), s.total(), s.toKeyId(), s.unreadable(), s.duplicates()}, locale));
        out.println(state.rowsUnderOtherKeys() == 0
                ? messages.getMessage("registry.rekey.none", null, locale)
                : messages.getMessage("registry.rekey.left", new Object[] {state.rowsUnderOtherKeys()}, locale)
                        + " " + state.rowsByKeyId());
        out.flush();
    }
}
