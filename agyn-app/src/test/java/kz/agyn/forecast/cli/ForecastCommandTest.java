package kz.agyn.forecast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import kz.agyn.AgynTest;
import kz.agyn.forecast.ForecastService;
import kz.agyn.forecast.ModelWords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import picocli.CommandLine;

/**
 * {@code agyn forecast} in-process against the test application: a series forecast to 2030 with its intervals,
 * model and backtest; a batch across occupation groups as a job; input that cannot be forecast said in the user's
 * language with exit 2. (CommandLineIT runs the same command from the jar.)
 */
class ForecastCommandTest extends AgynTest {

    @Autowired ForecastService forecasts;
    @Autowired ModelWords words;
    @Autowired MessageSource messages;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new ForecastCommand(() -> new ForecastCommand.Services(forecasts, words,
                messages, () -> {
                    // the test's application outlives the command
                })));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void professionalsTo2030ThenABatchThenBadInput() {
        assertThat(run("--indicator", "EMIGRANTS", "--occupation", "2", "--horizon", "6", "--lang", "en"))
                .as("%s", err).isZero();
        assertThat(out.toString()).contains("Emigrants").contains("2030").contains("Chosen automatically")
                .contains("MASE").contains(" *");

        assertThat(run("--indicator", "EMIGRANTS", "--across", "OCCUPATION", "--horizon", "3", "--method", "DRIFT",
                "--lang", "ru")).isZero();
        assertThat(out.toString()).contains("Спрогнозировано рядов").contains("ID: ");

        assertThat(run("--indicator", "EMIGRANTS", "--horizon", "1000", "--lang", "kk"))
                .isEqualTo(ForecastCommand.INVALID);
        assertThat(err.toString()).contains("көкжиегі рұқсат етілген шектен тыс");
        assertThat(run("--indicator", "NOPE", "--lang", "en")).isEqualTo(ForecastCommand.INVALID);
        assertThat(err.toString()).contains("No indicator with the code NOPE");
    }
}
