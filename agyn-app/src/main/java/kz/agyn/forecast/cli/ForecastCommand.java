package kz.agyn.forecast.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import kz.agyn.forecast.ForecastResult;
import kz.agyn.forecast.ForecastService;
import kz.agyn.forecast.ModelWords;
import kz.agyn.forecast.SeriesChoice;
import kz.agyn.forecast.engine.Accuracy;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.forecast.engine.Transform;
import kz.agyn.jobs.JobView;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.cli.CommandApplication;
import kz.agyn.warehouse.Dimension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agyn forecast}: a warehouse series forecast with its 80/95% intervals, the model in words and the
 * backtest, as the forecast page shows them; with {@code --across} every series of one or two dimensions
 * forecast as a FORECAST job and stored with the data version read. Whoever runs it holds the database, so the
 * small counts a viewer would not see are read (as an analyst). Exit 0; 2 for input that cannot be forecast
 * (said in {@code --lang}).
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast a warehouse series (TRAMO/regARIMA, naive, drift, damped trend, Theta, combination; "
                + "automatic choice by backtest) with 80/95%% intervals, or many series at once with --across.")
public class ForecastCommand implements Callable<Integer> {

    static final int INVALID = 2;

    @Option(names = "--indicator", required = true, description = "indicator code, e.g. EMIGRANTS")
    String indicator;
    @Option(names = "--region", description = "KATO code, or KZ (default)")
    String region;
    @Option(names = "--occupation", description = "ISCO-08 code, e.g. 2")
    String occupation;
    @Option(names = "--education", description = "ISCED code")
    String education;
    @Option(names = "--country", description = "ISO 3166 alpha-2 destination")
    String country;
    @Option(names = "--sex", description = "F, M or _T")
    String sex;
    @Option(names = "--age", description = "age group, e.g. Y25T34")
    String age;
    @Option(names = "--flow", description = "EMI, IMM or NET")
    String flow;
    @Option(names = "--dataset", description = "dataset code (default: the one holding the longest series)")
    String dataset;
    @Option(names = "--horizon", description = "periods ahead (default five years)")
    Integer horizon;
    @Option(names = "--method", defaultValue = "AUTO", description = "${COMPLETION-CANDIDATES} (default AUTO)")
    Method method;
    @Option(names = "--transform", defaultValue = "AUTO", description = "TRAMO's: ${COMPLETION-CANDIDATES}")
    Transform transform;
    @Option(names = "--across", split = ",", description = "forecast every code of these dimensions (at most two), "
            + "e.g. REGION,OCCUPATION, as a job")
    List<Dimension> across;
    @Option(names = "--lang", defaultValue = "kk", description = "language of the output: kk, ru, en")
    String lang;

    @Spec
    CommandSpec spec;

    private final Supplier<Services> services;

    /** What the command needs from the application, and how to let it go. */
    public record Services(ForecastService forecasts, ModelWords words, MessageSource messages, Runnable release)
            implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    /** Starts the application (without its web server), as the other commands do. */
    public ForecastCommand() {
        this(() -> {
            ConfigurableApplicationContext context = CommandApplication.start();
            return new Services(context.getBean(ForecastService.class), context.getBean(ModelWords.class),
                    context.getBean(MessageSource.class), context::close);
        });
    }

    /** Uses services already running; a test's, for one. */
    public ForecastCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = Locale.forLanguageTag(lang);
        try (Services s = services.get()) {
            try {
                SeriesChoice choice = SeriesChoice.of(indicator, region, occupation, education, country, sex, age,
                        flow, dataset);
                if (across != null && !across.isEmpty()) {
                    Map<Dimension, String> fixed = new EnumMap<>(Dimension.class);
                    fixed.putAll(choice.filters());
                    return batch(s, fixed, out, locale);
                }
                ForecastResult r = s.forecasts().forecast(choice, horizon,
                        method, transform, Set.of("ANALYST"));
                print(s, r, out, locale);
                return 0;
            } catch (UserException e) {
                err.println(s.messages().getMessage(e.code(), e.args(), e.code(), locale));
                err.flush();
                return INVALID;
            }
        }
    }

    private int batch(Services s, Map<Dimension, String> filters, PrintWriter out, Locale locale) {
        List<Dimension> dims = across.stream().distinct().limit(2).toList();
        dims.forEach(filters::remove);
        JobView job = s.forecasts().runBatch(new ForecastService.Batch(indicator, filters, dims,
                horizon == null ? 5 : horizon, method), System.getProperty("user.name", "cli"), Set.of("ANALYST"));
        out.println(s.messages().getMessage(job.outcome(), job.outcomeArgs().toArray(), locale));
        out.println("ID: " + job.id());
        out.flush();
        return 0;
    }

    private void print(Services s, ForecastResult r, PrintWriter out, Locale locale) {
        MessageSource m = s.messages();
        out.println(r.series().indicator().names().in(locale) + " — " + r.series().dataset().code() + " v"
                + r.series().version() + (r.series().dataset().synthetic() ? " (SYNTHETIC)" : ""));
        out.println(m.getMessage("forecast.method", null, locale) + ": "
                + s.words().method(r.outcome().method(), locale));
        out.printf("%-10s %12s %12s %12s %12s %12s%n", m.getMessage("forecast.col.period", null, locale),
                m.getMessage("forecast.col.forecast", null, locale), "80% lo", "80% hi", "95% lo", "95% hi");
        Prediction p = r.outcome().prediction();
        for (int i = 0; i < r.periods().size(); i++) {
            out.printf(Locale.ROOT, "%-10s %12.1f %12.1f %12.1f %12.1f %12.1f%n", r.periods().get(i), p.mean()[i],
                    p.lo80()[i], p.hi80()[i], p.lo95()[i], p.hi95()[i]);
        }
        out.println();
        for (String line : s.words().sentences(r.outcome(), r.series().periods(), locale)) {
            out.println(line);
        }
        out.println();
        out.printf("%-28s %5s %8s %8s %8s %8s %6s %6s%n", m.getMessage("forecast.backtest.method", null, locale),
                "n", "MASE", "sMAPE", "rMASE", "rsMAPE", "80%", "95%");
        List<Accuracy> rows = new ArrayList<>(r.outcome().backtest());
        for (Accuracy a : rows) {
            out.printf(Locale.ROOT, "%-28s %5d %8.3f %8.2f %8.3f %8.3f %6.0f %6.0f%s%n",
                    s.words().method(a.method(), locale), a.forecasts(), a.mase(), a.smape(), a.relativeMase(),
                    a.relativeSmape(), 100 * a.coverage80(), 100 * a.coverage95(),
                    a.method() == r.outcome().method() ? " *" : "");
        }
        out.flush();
    }

}
