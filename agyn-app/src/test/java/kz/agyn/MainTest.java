package kz.agyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void helpListsTheServeCommand() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: agyn").contains("serve").contains("--version");
    }

    @Test
    void unknownCommandIsAnErrorWithUsage() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("frobnicate")).isNotZero();
        assertThat(err.toString()).contains("frobnicate");
    }
}
