package kz.agyn.residency.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import kz.agyn.residency.engine.ExtractException;
import kz.agyn.residency.engine.ExtractProblem;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.ExtractsCsv;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.Register;
import kz.agyn.residency.engine.Truth;
import kz.agyn.residency.estimator.Accuracy;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Dimension;
import kz.agyn.residency.estimator.Estimate;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.estimator.Fit;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agyn residency}: {@code generate} writes a synthetic country (extracts, crossings, statuses, truth) to a
 * folder; {@code run} estimates hidden emigration from a folder of extracts, or from a synthetic country generated in
 * memory (then precision and recall against its truth are printed). Exit 0: done; 1: input refused (every problem
 * printed, in the {@code --lang} language); 2: usage.
 */
@Command(name = "residency", mixinStandardHelpOptions = true,
        description = "Hidden emigration from register signs of life (issue 20): generate a synthetic country, run "
                + "the estimate.",
        subcommands = {ResidencyCommand.Generate.class, ResidencyCommand.Run.class})
public class ResidencyCommand implements Callable<Integer> {

    static final int REFUSED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The options of the period and the language, shared by both subcommands. */
    static class Common {
        @Option(names = "--from", defaultValue = "2024-01", description = "first month of the period, YYYY-MM")
        String from;

        @Option(names = "--months", defaultValue = "24", description = "months in the period, 1-32 (default 24)")
        int months;

        @Option(names = "--lang", defaultValue = "kk", description = "language of the report: kk, ru, en")
        String lang;

        Locale locale() {
            return Locale.forLanguageTag(lang);
        }

        String text(String key, Object... args) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.residency", locale(),
                    ResidencyCommand.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(key), locale()).format(args);
        }

        /** A synthetic country with the documented defaults, or null after saying the number is wrong. */
        Country synthetic(int persons, long seed, Period period, PrintWriter err) {
            if (persons < 1 || persons > 20_000_000) {
                err.println(text("residency.cli.badPersons"));
                return null;
            }
            return CountryGenerator.generate(CountrySettings.defaults(persons, seed).withPeriod(period));
        }

        /** The period, or null after saying what is wrong with it. */
        Period period(PrintWriter err) {
            try {
                return new Period(YearMonth.parse(from), months);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                err.println(text("residency.cli.badPeriod", Period.MAX_MONTHS));
                return null;
            }
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a synthetic country with known truth: extracts.csv, crossings.csv, statuses.csv, "
                    + "truth.csv (docs/formats/register-extracts.md).")
    static class Generate implements Callable<Integer> {
        @CommandLine.Mixin
        Common common;

        @Option(names = "--persons", defaultValue = "100000", description = "persons, 1-20000000 (default 100000)")
        int persons;

        @Option(names = "--seed", defaultValue = "1", description = "seed (default 1)")
        long seed;

        @Option(names = "--out", required = true, description = "folder to write the four files to")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Period period = common.period(err);
            Country c = period == null ? null : common.synthetic(persons, seed, period, err);
            if (c == null) {
                return REFUSED;
            }
            Files.createDirectories(out);
            try (Writer e = writer(ExtractsCsv.EXTRACTS); Writer x = writer(ExtractsCsv.CROSSINGS);
                 Writer s = writer(ExtractsCsv.STATUSES); Writer t = writer("truth.csv")) {
                ExtractsCsv.write(c.extracts(), e, x, s);
                c.truth().write(c.extracts(), t);
            }
            spec.commandLine().getOut().println(common.text("residency.cli.generated", persons, out));
            return 0;
        }

        private Writer writer(String name) throws IOException {
            return Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Estimate who has emigrated: from the extracts in --in, or from a synthetic country of "
                    + "--persons generated in memory (with precision and recall against its truth).")
    static class Run implements Callable<Integer> {
        @CommandLine.Mixin
        Common common;

        @Option(names = "--in", description = "folder with extracts.csv and, if present, crossings.csv and "
                + "statuses.csv")
        Path in;

        @Option(names = "--persons", description = "instead of --in: persons of a synthetic country")
        Integer persons;

        @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic country (default 1)")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Period period = common.period(err);
            if (period == null) {
                return REFUSED;
            }
            if ((in == null) == (persons == null)) {
                err.println(common.text("residency.cli.inOrPersons"));
                return REFUSED;
            }
            Extracts x;
            Truth truth = null;
            if (persons != null) {
                Country c = common.synthetic(persons, seed, period, err);
                if (c == null) {
                    return REFUSED;
                }
                x = c.extracts();
                truth = c.truth();
            } else {
                try (Reader e = reader(ExtractsCsv.EXTRACTS); Reader c = reader(ExtractsCsv.CROSSINGS);
                     Reader s = reader(ExtractsCsv.STATUSES)) {
                    if (e == null) {
                        err.println(common.text("residency.cli.noExtracts", in.resolve(ExtractsCsv.EXTRACTS)));
                        return REFUSED;
                    }
                    x = ExtractsCsv.read(period, e, c, s);
                } catch (ExtractException e) {
                    err.println(common.text("residency.extract.refused", e.problems().size()));
                    for (ExtractProblem p : e.problems()) {
                        err.println("  " + common.text(p.code(), p.arguments()));
                    }
                    return REFUSED;
                }
            }
            Estimate estimate;
            try {
                estimate = Estimator.run(x, truth, EstimatorSettings.defaults());
            } catch (IllegalArgumentException e) {
                err.println(common.text("residency.cli.noKnownStatus"));
                return REFUSED;
            }
            report(out, estimate);
            return 0;
        }

        private Reader reader(String name) throws IOException {
            Path file = in.resolve(name);
            return Files.isRegularFile(file) ? Files.newBufferedReader(file, StandardCharsets.UTF_8) : null;
        }

        private void report(PrintWriter out, Estimate e) {
            Fit fit = e.fit();
            out.println(common.text("residency.cli.calibration", fit.present(), fit.abroad(), fit.logLikelihood(),
                    fit.pseudoR2(), fit.auc()));
            double[] w = fit.weights();
            double[] se = fit.standardErrors();
            for (int r = 0; r < Register.COUNT; r++) {
                out.printf(Locale.ROOT, "  %-10s %7.3f  (%.3f)%n", Register.at(r).name(), w[r], se[r + 1]);
            }
            out.println(common.text("residency.cli.columns"));
            for (Dimension d : new Dimension[] {Dimension.TOTAL, Dimension.REGION, Dimension.AGE_GROUP,
                    Dimension.SEX, Dimension.ISCED, Dimension.ISCO}) {
                for (Cell c : e.cells(d)) {
                    out.printf(Locale.ROOT, "%-9s %-6s %10d %9d %9d %9d %9d  %.0f-%.0f%n", d.name(), c.code(),
                            c.persons(), c.emigrated(), c.official(), c.hidden(), c.uncertain(), c.low(), c.high());
                }
            }
            e.accuracy().ifPresent((Accuracy a) -> out.println(common.text("residency.cli.accuracy",
                    a.precision(), a.recall(), a.estimated(), a.actual(), a.countError())));
        }
    }
}
