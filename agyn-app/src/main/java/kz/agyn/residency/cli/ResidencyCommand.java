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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import kz.agyn.jobs.JobTexts;
import kz.agyn.platform.cli.CommandApplication;
import kz.agyn.platform.cli.CtrlC;
import kz.agyn.platform.cli.ProgressLine;
import kz.agyn.residency.ResidencyRun;
import kz.agyn.residency.ResidencyRuns;
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
import kz.agyn.residency.parquet.ExtractsParquet;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agyn residency}: {@code generate} writes a synthetic country (extracts, crossings, statuses, truth) to a
 * folder; {@code run} estimates hidden emigration from a folder of extracts, or from a synthetic country generated in
 * memory (then precision and recall against its truth are printed). Exit 0: done; 1: input refused (every problem
 * printed, in the {@code --lang} language); 2: usage; 3: a {@code --store} run cancelled or failed. With
 * {@code --store} the run is a job of the observatory (recorded, followed on a progress line, Ctrl-C cancels) and its
 * results are kept and shown on {@code /residency}, as a run started on the page.
 */
@Command(name = "residency", mixinStandardHelpOptions = true,
        description = "Hidden emigration from register signs of life (issue 20): generate a synthetic country, run "
                + "the estimate.",
        subcommands = {ResidencyCommand.Generate.class, ResidencyCommand.Run.class})
public class ResidencyCommand implements Callable<Integer> {

    static final int REFUSED = 1;
    /** With --store: the run was cancelled or failed. */
    static final int STOPPED = 3;

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
            description = "Write a synthetic country with known truth: extracts, crossings and statuses as CSV or "
                    + "Parquet, and truth.csv (docs/formats/register-extracts.md).")
    static class Generate implements Callable<Integer> {
        @CommandLine.Mixin
        Common common;

        @Option(names = "--persons", defaultValue = "100000", description = "persons, 1-20000000 (default 100000)")
        int persons;

        @Option(names = "--seed", defaultValue = "1", description = "seed (default 1)")
        long seed;

        @Option(names = "--out", required = true, description = "folder to write the four files to")
        Path out;

        @Option(names = "--format", defaultValue = "csv", description = "csv (default) or parquet: extracts, "
                + "crossings and statuses as .csv or as .parquet; truth.csv either way")
        String format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Period period = common.period(err);
            boolean parquet = format.equalsIgnoreCase("parquet");
            if (!parquet && !format.equalsIgnoreCase("csv")) {
                err.println(common.text("residency.cli.badFormat"));
                return REFUSED;
            }
            Country c = period == null ? null : common.synthetic(persons, seed, period, err);
            if (c == null) {
                return REFUSED;
            }
            Files.createDirectories(out);
            if (parquet) {
                ExtractsParquet.write(c.extracts(), out);
            }
            try (Writer t = writer("truth.csv")) {
                c.truth().write(c.extracts(), t);
            }
            if (!parquet) {
                try (Writer e = writer(ExtractsCsv.EXTRACTS); Writer x = writer(ExtractsCsv.CROSSINGS);
                     Writer s = writer(ExtractsCsv.STATUSES)) {
                    ExtractsCsv.write(c.extracts(), e, x, s);
                }
            }
            spec.commandLine().getOut().println(common.text("residency.cli.generated", persons, out, parquet
                    ? String.join(", ", ExtractsParquet.EXTRACTS, ExtractsParquet.CROSSINGS, ExtractsParquet.STATUSES)
                    : String.join(", ", ExtractsCsv.EXTRACTS, ExtractsCsv.CROSSINGS, ExtractsCsv.STATUSES)));
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
                + "statuses.csv; or the same as .parquet (each a file or a folder of part files)")
        Path in;

        @Option(names = "--persons", description = "instead of --in: persons of a synthetic country")
        Integer persons;

        @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic country (default 1)")
        long seed;

        @Option(names = "--store", description = "run it as a job of the observatory (it starts the application): "
                + "recorded, with a progress line, Ctrl-C to cancel, and its results kept and shown on /residency")
        boolean store;

        @Option(names = "--user", defaultValue = "cli", description = "with --store: recorded as who ran it")
        String user;

        @Spec
        CommandSpec spec;

        /** What --store needs from the application, and how to let it go. */
        public record Services(ResidencyRuns runs, MessageSource messages, JobTexts jobTexts, Runnable close) {
        }

        private final Supplier<Services> services;
        private volatile ResidencyRuns running;
        private volatile UUID runId;

        /** Starts the application (without its web server) when --store asks for it. */
        public Run() {
            this(() -> {
                ConfigurableApplicationContext c = CommandApplication.start();
                return new Services(c.getBean(ResidencyRuns.class), c.getBean(MessageSource.class),
                        c.getBean(JobTexts.class), c::close);
            });
        }

        /** Uses services already running; a test's, for one. */
        public Run(Supplier<Services> services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
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
            if (store) {
                return stored(period, out, err);
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
                try {
                    x = read(period);
                    if (x == null) {
                        err.println(common.text("residency.cli.noExtracts", in.resolve(ExtractsCsv.EXTRACTS)));
                        return REFUSED;
                    }
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

        /**
         * The extracts of the --in folder: Parquet when {@code extracts.parquet} is there (a file or a folder of
         * parts), else CSV; null when neither is.
         */
        private Extracts read(Period period) throws IOException {
            if (Files.exists(in.resolve(ExtractsParquet.EXTRACTS))) {
                return ExtractsParquet.read(period, in);
            }
            try (Reader e = reader(ExtractsCsv.EXTRACTS); Reader c = reader(ExtractsCsv.CROSSINGS);
                 Reader s = reader(ExtractsCsv.STATUSES)) {
                return e == null ? null : ExtractsCsv.read(period, e, c, s);
            }
        }

        /** The run as a job of the observatory, followed on a progress line until it ends. */
        private int stored(Period period, PrintWriter out, PrintWriter err) throws Exception {
            if (persons != null && (persons < 1 || persons > ResidencyRuns.MAX_PERSONS)) {
                err.println(common.text("residency.cli.badPersons"));
                return REFUSED;
            }
            boolean parquet = persons == null && Files.exists(in.resolve(ExtractsParquet.EXTRACTS));
            if (persons == null && !parquet && !Files.isRegularFile(in.resolve(ExtractsCsv.EXTRACTS))) {
                err.println(common.text("residency.cli.noExtracts", in.resolve(ExtractsCsv.EXTRACTS)));
                return REFUSED;
            }
            if (parquet && Files.isDirectory(in.resolve(ExtractsParquet.EXTRACTS))) {
                // An upload is a copy of three files; part folders are read in place by a run without --store.
                err.println(common.text("residency.cli.partsNotStored"));
                return REFUSED;
            }
            String[] names = parquet
                    ? new String[] {ExtractsParquet.EXTRACTS, ExtractsParquet.CROSSINGS, ExtractsParquet.STATUSES}
                    : new String[] {ExtractsCsv.EXTRACTS, ExtractsCsv.CROSSINGS, ExtractsCsv.STATUSES};
            Locale locale = common.locale();
            Services s = services.get();
            try (CtrlC ctrlC = new CtrlC(this::interrupt, "residency-cancel")) {
                running = s.runs();
                runId = persons != null ? s.runs().startSynthetic(persons, seed, user)
                        : s.runs().startUpload(period, file(names[0]), file(names[1]), file(names[2]), user);
                ctrlC.arm();
                ProgressLine line = new ProgressLine(err);
                ResidencyRuns.RunState state;
                while (true) {
                    state = s.runs().state(runId).orElseThrow();
                    if (state.job() != null && state.job().state().over()) {
                        break;
                    }
                    if (state.job() != null) {
                        String phase = s.jobTexts().phase(state.job(), locale);
                        line.show(phase == null ? "" : phase, state.job().percent(), state.job().cancelRequested()
                                ? s.messages().getMessage("jobs.stopping", null, locale) : null);
                    }
                    Thread.sleep(200);
                }
                line.end();
                ResidencyRun run = state.run();
                if (run.refused()) {
                    err.println(common.text("residency.extract.refused", run.problems().size()));
                    for (ExtractProblem p : run.problems()) {
                        err.println("  " + common.text(p.code(), p.arguments()));
                    }
                    err.flush();
                    return REFUSED;
                }
                if (!run.finished()) {
                    err.println(s.jobTexts().outcome(state.job(), locale));
                    err.flush();
                    return STOPPED;
                }
                out.println(s.jobTexts().outcome(state.job(), locale));
                out.println(common.text("residency.cli.stored", "/residency/runs/" + run.id()));
                out.flush();
                return 0;
            } finally {
                s.close().run();
            }
        }

        /** Ctrl-C: asks the run to stop; the loop above reports how it ended. */
        private void interrupt() {
            if (running != null && runId != null) {
                running.cancel(runId);
            }
        }

        /** A file of the folder, or null when it is not there (crossings and statuses are optional). */
        private FileSystemResource file(String name) {
            Path f = in.resolve(name);
            return Files.isRegularFile(f) ? new FileSystemResource(f) : null;
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
