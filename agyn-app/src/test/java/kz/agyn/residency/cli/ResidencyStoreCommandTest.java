package kz.agyn.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobTexts;
import kz.agyn.residency.ResidencyRun;
import kz.agyn.residency.ResidencyRuns;
import kz.agyn.residency.RunSource;
import kz.agyn.residency.engine.ExtractsCsv;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import picocli.CommandLine;

/**
 * {@code agyn residency run --store}: the run is a job of the observatory, followed on a progress line, and its
 * results are kept as a run started on the page; refusals and a missing calibration are told in the chosen language.
 */
class ResidencyStoreCommandTest extends AgynTest {

    @Autowired
    ResidencyRuns runs;

    @Autowired
    MessageSource messages;

    @Autowired
    JobTexts jobTexts;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ResidencyCommand.Run(() -> new ResidencyCommand.Run.Services(runs,
                messages, jobTexts, () -> { })));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void aFolderOfExtractsIsEstimatedAsAJobAndKept(@TempDir Path dir) throws Exception {
        Country c = CountryGenerator.generate(CountrySettings.defaults(3_000, 31).withPeriod(Period.defaultPeriod()));
        try (Writer e = Files.newBufferedWriter(dir.resolve("extracts.csv"));
             Writer x = Files.newBufferedWriter(dir.resolve("crossings.csv"));
             Writer s = Files.newBufferedWriter(dir.resolve("statuses.csv"))) {
            ExtractsCsv.write(c.extracts(), e, x, s);
        }
        Result r = run("--in", dir.toString(), "--store", "--user", "cli-analyst", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("^\\d+ persons: \\d+ emigrated")
                .contains("Kept in the observatory: /residency/runs/");
        String address = r.out().substring(r.out().indexOf("/residency/runs/")).strip();
        ResidencyRun run = runs.run(UUID.fromString(address.substring("/residency/runs/".length()))).orElseThrow();
        assertThat(run.source()).isEqualTo(RunSource.UPLOAD);
        assertThat(run.startedBy()).isEqualTo("cli-analyst");
        assertThat(run.finished()).isTrue();
        assertThat(runs.cells(run.id())).isNotEmpty();
    }

    @Test
    void extractsWithoutKnownStatusesAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Country c = CountryGenerator.generate(CountrySettings.defaults(1_000, 32).withPeriod(Period.defaultPeriod()));
        try (Writer e = Files.newBufferedWriter(dir.resolve("extracts.csv"))) {
            ExtractsCsv.write(c.extracts(), e, Writer.nullWriter(), Writer.nullWriter());
        }
        Result r = run("--in", dir.toString(), "--store", "--lang", "ru");
        assertThat(r.code()).isEqualTo(ResidencyCommand.REFUSED);
        assertThat(r.err()).contains("ничего не сохранено").contains("не хватает лиц с известным статусом");
        Result none = run("--in", dir.resolve("nowhere").toString(), "--store", "--lang", "en");
        assertThat(none.code()).isEqualTo(ResidencyCommand.REFUSED);
        assertThat(none.err()).contains("There is no file");
    }
}
