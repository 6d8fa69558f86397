package kz.agyn.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobTexts;
import kz.agyn.scenario.ScenarioService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import picocli.CommandLine;

/**
 * {@code agyn simulate} on the test's running application: a scenario file runs to its table of specialists kept
 * and cost per specialist kept; an unknown lever and an impossible horizon are refused with exit code 1 and the
 * message in the language asked.
 */
class SimulateCommandTest extends AgynTest {

    @Autowired
    ScenarioService scenarios;

    @Autowired
    MessageSource messages;

    @Autowired
    JobTexts jobTexts;

    @TempDir
    Path dir;

    record Ran(int code, String out, String err) {
    }

    Ran run(String... args) {
        CommandLine cli = new CommandLine(new SimulateCommand(
                () -> new SimulateCommand.Services(scenarios, messages, jobTexts, () -> { })));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Ran(code, out.toString(), err.toString());
    }

    @Test
    void aScenarioFileRunsToItsTable() throws Exception {
        Path file = Files.writeString(dir.resolve("budget.json"), """
                {"name": "Budget 10 bn (command line)", "levers": {"researchBudgetKzt": 10000000000}}""");
        Ran r = run("--scenario", file.toString(), "--horizon", "2", "--draws", "5", "--scale", "2000", "--lang",
                "en", "--user", "cli-analyst");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Specialists kept [95%]", "Budget 10 bn (command line)\t", "/scenarios/runs/");
        assertThat(r.out().lines().filter(l -> l.startsWith("Budget 10 bn (command line)\t"))).hasSize(2);
        assertThat(scenarios.runs(5).get(0).run().startedBy()).isEqualTo("cli-analyst");
    }

    @Test
    void anUnknownLeverAndAnImpossibleHorizonAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"levers\": {\"salaryBoost\": 0.3}}");
        Ran unknown = run("--scenario", file.toString(), "--lang", "ru");
        assertThat(unknown.code()).isEqualTo(SimulateCommand.REFUSED);
        assertThat(unknown.err()).contains("Неизвестный рычаг «salaryBoost»");

        Path good = Files.writeString(dir.resolve("good.json"), "{\"levers\": {\"partnerships\": 15}}");
        Ran horizon = run("--scenario", good.toString(), "--horizon", "500", "--lang", "en");
        assertThat(horizon.code()).isEqualTo(SimulateCommand.REFUSED);
        assertThat(horizon.err()).contains("horizon: The horizon must be 1 to 20 years.");
    }
}
