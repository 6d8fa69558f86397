package kz.agyn.jobs.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import kz.agyn.jobs.JobFilter;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobTexts;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.platform.cli.CommandApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code agyn jobs}: running and recent jobs as the Jobs page lists them (running first, then the newest), with
 * {@code show ID} for one job and {@code cancel ID} to ask a running one to stop. The rules are the API's: a job
 * whose process died is shown FAILED with that reason (the start of this command marks it, as the server's start
 * does), and only a running job can be cancelled. Whoever runs the command holds the database (its data directory
 * or its password), so, as an administrator on the page, they see every user's jobs. Exit 0; 1 when a cancel meets
 * a job that is not running (the API's 409); 2 for a usage error or a job that does not exist (the API's 404).
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List running and recent jobs (imports, refreshes, registry imports and re-keys), show one, or "
                + "cancel a running one.",
        subcommands = {JobsCommand.Show.class, JobsCommand.Cancel.class})
public class JobsCommand implements Callable<Integer> {

    static final int NOT_RUNNING = 1;
    static final int USAGE = 2;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--lang", defaultValue = "kk", description = "language of the listing: kk, ru, en")
    String lang;

    @Option(names = "--kind", description = "only jobs of this kind: ${COMPLETION-CANDIDATES}")
    JobKind kind;

    @Option(names = "--state", description = "only jobs in this state: ${COMPLETION-CANDIDATES}")
    JobState state;

    @Option(names = "--user", description = "only jobs started by this user")
    String user;

    @Option(names = "--limit", defaultValue = "30", description = "at most this many jobs (default 30, at most 1000)")
    int limit;

    @Spec
    CommandSpec spec;

    private final Supplier<Services> services;

    /** What the command needs from the application, and how to let it go. */
    public record Services(Jobs jobs, JobTexts texts, MessageSource messages, Runnable release)
            implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    /** Starts the application (without its web server), as the other commands do. */
    public JobsCommand() {
        this(() -> {
            ConfigurableApplicationContext context = CommandApplication.start();
            return new Services(context.getBean(Jobs.class), context.getBean(JobTexts.class),
                    context.getBean(MessageSource.class), context::close);
        });
    }

    /** Uses services already running; a test's, for one. */
    public JobsCommand(Supplier<Services> services) {
        this.services = services;
    }

    Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = locale();
        try (Services s = services.get()) {
            List<JobView> jobs = s.jobs().list(new JobFilter(kind, user, state, limit));
            if (jobs.isEmpty()) {
                out.println(s.messages().getMessage("jobs.none", null, locale));
                out.flush();
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", text(s, "jobs.kind", locale), text(s, "jobs.user", locale),
                    text(s, "jobs.state", locale), text(s, "jobs.progress", locale), text(s, "jobs.started", locale),
                    text(s, "jobs.ended", locale), text(s, "jobs.outcome", locale)});
            for (JobView j : jobs) {
                rows.add(new String[] {j.id().toString(), s.texts().kind(j, locale), j.startedBy(),
                        state(s, j, locale), progress(s, j, locale), time(j.startedAt()), time(j.endedAt()),
                        orEmpty(s.texts().outcome(j, locale))});
            }
            print(rows, out);
            out.flush();
            return 0;
        }
    }

    /** Columns padded to their widest cell; the last (the outcome, a sentence) is not padded. */
    private static void print(List<String[]> rows, PrintWriter out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? r[c] : r[c] + " ".repeat(width[c] - r[c].length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String text(Services s, String code, Locale locale) {
        return s.messages().getMessage(code, null, code, locale);
    }

    /** The state, and "stopping" while a cancel asked of a running job has not yet reached it. */
    static String state(Services s, JobView j, Locale locale) {
        String state = s.texts().state(j, locale);
        return j.cancelRequested() && j.state() == JobState.RUNNING
                ? state + " (" + text(s, "jobs.stopping", locale) + ")" : state;
    }

    /** Phase, percent and counts: "writing (bytes) 44% 22400000/51000000"; what is unknown is left out. */
    static String progress(Services s, JobView j, Locale locale) {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(s.texts().phase(j, locale)).ifPresent(parts::add);
        if (j.state() == JobState.RUNNING && j.percent() >= 0) {
            parts.add(j.percent() + "%");
        }
        if (j.total() != null) {
            parts.add(j.done() + "/" + j.total());
        } else if (j.done() > 0) {
            parts.add(Long.toString(j.done()));
        }
        return parts.isEmpty() ? "—" : String.join(" ", parts);
    }

    static String time(Instant t) {
        return t == null ? "—" : TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The job named on the command line, or empty after saying on standard error why there is none. */
    Optional<JobView> job(Services s, String id, Locale locale, PrintWriter err) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            err.println(s.messages().getMessage("jobs.cli.badId", new Object[] {id}, locale));
            err.flush();
            return Optional.empty();
        }
        Optional<JobView> job = s.jobs().find(uuid);
        if (job.isEmpty()) {
            err.println(s.messages().getMessage("jobs.cli.notFound", new Object[] {id}, locale));
            err.flush();
        }
        return job;
    }

    /**
     * A subcommand about one job: its id, its language, and the job looked up (an unknown or malformed id is said on
     * the error stream and exits {@value #USAGE}); what it does with the job is the subclass's.
     */
    abstract static class OneJob implements Callable<Integer> {

        @ParentCommand
        JobsCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "the job's id (from `agyn jobs`)")
        String id;

        @Option(names = "--lang", description = "language: kk, ru, en (default: the one given to `jobs`, or kk)")
        String lang;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Locale locale = lang == null ? parent.locale() : Locale.forLanguageTag(lang);
            try (Services s = parent.services.get()) {
                Optional<JobView> found = parent.job(s, id, locale, err);
                if (found.isEmpty()) {
                    return USAGE;
                }
                int code = on(s, found.get(), locale, out, err);
                out.flush();
                err.flush();
                return code;
            }
        }

        abstract int on(Services s, JobView job, Locale locale, PrintWriter out, PrintWriter err);
    }

    /** {@code agyn jobs show ID}: every field of one job. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one job: what it does, who "
            + "started it with which parameters, its phase and counts, and how it ended.")
    static class Show extends OneJob {

        @Override
        int on(Services s, JobView j, Locale locale, PrintWriter out, PrintWriter err) {
            out.println("ID: " + j.id());
            out.println(text(s, "jobs.kind", locale) + ": " + s.texts().kind(j, locale) + " (" + j.kind() + ")");
            out.println(text(s, "jobs.user", locale) + ": " + j.startedBy());
            if (!j.parameters().isEmpty()) {
                out.println(text(s, "jobs.parameters", locale) + ": " + new java.util.TreeMap<>(j.parameters()));
            }
            out.println(text(s, "jobs.state", locale) + ": " + state(s, j, locale) + " (" + j.state() + ")");
            out.println(text(s, "jobs.progress", locale) + ": " + progress(s, j, locale));
            out.println(text(s, "jobs.started", locale) + ": " + time(j.startedAt()));
            out.println(text(s, "jobs.updated", locale) + ": " + time(j.updatedAt()));
            out.println(text(s, "jobs.ended", locale) + ": " + time(j.endedAt()));
            if (j.outcome() != null) {
                out.println(text(s, "jobs.outcome", locale) + ": " + s.texts().outcome(j, locale)
                        + " (" + j.outcome() + ")");
            }
            if (j.resultLink() != null) {
                out.println(text(s, "jobs.cli.result", locale) + ": " + j.resultLink());
            }
            return 0;
        }
    }

    /** {@code agyn jobs cancel ID}: asks a running job to stop, as the page's button and the API do. */
    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Ask a running job to stop; it stops at "
            + "its next safe point, in whichever process runs it (what it had written is kept or rolled back as its "
            + "feature says). Exit 1 if the job is not running.")
    static class Cancel extends OneJob {

        @Override
        int on(Services s, JobView job, Locale locale, PrintWriter out, PrintWriter err) {
            if (!s.jobs().cancel(job.id())) {
                JobView now = s.jobs().find(job.id()).orElseThrow();
                String outcome = s.texts().outcome(now, locale);
                err.println(text(s, "jobs.notRunning", locale) + " " + state(s, now, locale)
                        + (outcome == null ? "" : ": " + outcome));
                return NOT_RUNNING;
            }
            out.println(text(s, "jobs.cancelAsked", locale));
            return 0;
        }
    }
}
