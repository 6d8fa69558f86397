package kz.agyn.scenario.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobTexts;
import kz.agyn.platform.cli.CommandApplication;
import kz.agyn.platform.cli.CtrlC;
import kz.agyn.platform.cli.ImportOptions;
import kz.agyn.platform.cli.ProgressLine;
import kz.agyn.scenario.LeverProblem;
import kz.agyn.scenario.ResultBand;
import kz.agyn.scenario.RunSettings;
import kz.agyn.scenario.Scenario;
import kz.agyn.scenario.ScenarioException;
import kz.agyn.scenario.ScenarioLevers;
import kz.agyn.scenario.ScenarioService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code agyn simulate --scenario FILE}: stores the scenario of a file (docs/formats/scenario.md) under the user's
 * name, runs it against the baseline as a job with a progress bar on standard error, and prints what it keeps and
 * costs, year by year, on standard output. Ctrl-C cancels the run, which then keeps no results. Exit 0: done; 1:
 * the file or a setting is refused (every problem printed); 2: usage; 3: cancelled or failed.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a policy scenario file against the baseline (the microsimulation of issue 17).")
public class SimulateCommand implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int STOPPED = 3;

    @Option(names = "--scenario", required = true, description = "the scenario file (JSON, docs/formats/scenario.md)")
    Path file;

    @Option(names = "--horizon", defaultValue = "10", description = "years to simulate, 1-20 (default 10)")
    int horizon;

    @Option(names = "--draws", defaultValue = "200", description = "draws, 1-100000 (default 200)")
    int draws;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random numbers (default 1)")
    long seed;

    @Option(names = "--scale", defaultValue = "100", description = "persons per agent, 1 = the full population "
            + "(default 100)")
    int scale;

    @Mixin
    ImportOptions options;

    @Spec
    CommandSpec spec;

    /** What the command needs from the application, and how to let it go. */
    public record Services(ScenarioService scenarios, MessageSource messages, JobTexts jobTexts, Runnable close) {
    }

    private final Supplier<Services> services;
    private volatile ScenarioService running;
    private volatile UUID runId;

    /** Starts the application (without its web server) for the run. */
    public SimulateCommand() {
        this(() -> {
            ConfigurableApplicationContext c = CommandApplication.start();
            return new Services(c.getBean(ScenarioService.class), c.getBean(MessageSource.class),
                    c.getBean(JobTexts.class), c::close);
        });
    }

    /** Uses services already running; a test's, for one. */
    public SimulateCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = options.locale();
        Services s = services.get();
        try (CtrlC ctrlC = new CtrlC(this::interrupt, "simulate-cancel"); ImportOptions.Acting as = options.actAsUser()) {
            MessageSource messages = s.messages();
            running = s.scenarios();
            ctrlC.arm();
            Scenario scenario;
            RunSettings settings;
            try {
                settings = RunSettings.of(horizon, draws, seed, scale);
                scenario = read(s.scenarios(), options.user());
                runId = s.scenarios().start(List.of(scenario.id()), settings, options.user());
            } catch (ScenarioException e) {
                for (LeverProblem p : e.problems()) {
                    err.println((p.field() == null ? "" : p.field() + ": ")
                            + messages.getMessage(p.code(), p.args(), p.code(), locale));
                }
                err.flush();
                return REFUSED;
            }
            ScenarioService.RunState state = follow(s, runId, new ProgressLine(err), locale);
            if (!state.finished()) {
                err.println(state.job() == null ? "" : s.jobTexts().outcome(state.job(), locale));
                err.flush();
                return STOPPED;
            }
            print(s, state, out, locale);
            return 0;
        } finally {
            s.close().run();
        }
    }

    private Scenario read(ScenarioService scenarios, String user) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(List.of(new LeverProblem(null, "scenario.cli.unreadable", file.toString())));
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(text);
        } catch (JacksonException e) {
            throw new ScenarioException(List.of(new LeverProblem(null, "scenario.invalid.json")));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(List.of(new LeverProblem(null, "scenario.invalid.json")));
        }
        for (String name : root.propertyNames()) {
            if (!List.of("name", "description", "levers").contains(name)) {
                throw new ScenarioException(List.of(new LeverProblem(name, "scenario.invalid.unknownField", name,
                        "description, levers, name")));
            }
        }
        ScenarioLevers levers = ScenarioLevers.of(root.get("levers"));
        JsonNode name = root.get("name");
        JsonNode description = root.get("description");
        String fallback = file.getFileName().toString();
        return scenarios.create(name == null || !name.isString() ? fallback : name.asString(),
                description == null || !description.isString() ? "" : description.asString(), levers, user);
    }

    private static ScenarioService.RunState follow(Services s, UUID id, ProgressLine line, Locale locale)
            throws InterruptedException {
        while (true) {
            ScenarioService.RunState state = s.scenarios().run(id);
            if (state.job() != null && state.job().state() != JobState.RUNNING) {
                line.end();
                return state;
            }
            if (state.job() != null) {
                String phase = s.jobTexts().phase(state.job(), locale);
                line.show(phase == null ? "" : phase, state.job().percent(), state.job().cancelRequested()
                        ? s.messages().getMessage("jobs.stopping", null, locale) : null);
            }
            Thread.sleep(200);
        }
    }

    /** Year by year for each scenario: specialists kept and cost per specialist kept, with their 95% bands. */
    private static void print(Services s, ScenarioService.RunState state, PrintWriter out, Locale locale) {
        MessageSource m = s.messages();
        List<ResultBand> bands = s.scenarios().results(state.run().id(), List.of("TOTAL"));
        Map<String, ResultBand> byKey = new java.util.HashMap<>();
        bands.forEach(b -> byKey.put(b.position() + "|" + b.measure() + "|" + b.yearOffset(), b));
        out.println(m.getMessage("scenario.cli.header", null, locale));
        for (int p = 1; p <= state.scenarios().size(); p++) {
            Scenario sc = state.scenarios().get(p - 1);
            for (int y = 0; y < state.settings().horizon(); y++) {
                ResultBand kept = byKey.get(p + "|KEPT_VS_BASELINE|" + y);
                ResultBand cost = byKey.get(p + "|COST_PER_SPECIALIST_KEPT_KZT|" + y);
                ResultBand budget = byKey.get(p + "|BUDGET_COST_KZT|" + y);
                out.println(String.join("\t", sc.name(), String.valueOf(state.run().startYear() + y),
                        band(kept), band(cost), band(budget)));
            }
        }
        out.println(m.getMessage("scenario.cli.page", new Object[] {"/scenarios/runs/" + state.run().id()}, locale));
        out.flush();
    }

    private static String band(ResultBand b) {
        if (b == null || !Double.isFinite(b.mean())) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f [%.0f..%.0f]", b.mean(), b.p2_5(), b.p97_5());
    }

    void interrupt() {
        ScenarioService s = running;
        UUID id = runId;
        if (s != null && id != null) {
            s.cancel(id);
        }
    }
}
