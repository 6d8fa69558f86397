package kz.agyn.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.agyn.forecast.engine.Accuracy;
import kz.agyn.forecast.engine.Calibration;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Model;
import kz.agyn.forecast.engine.Outcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The fitted model said in words in the reader's language: the method, its orders and transformation, its
 * parameters, the outliers found, the fit statistics, how it was chosen, and what the backtest said of its
 * intervals.
 */
@Component
public class ModelWords {

    private final MessageSource messages;

    public ModelWords(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> sentences(Outcome outcome, List<String> periods, Locale locale) {
        Model m = outcome.prediction().model();
        List<String> out = new ArrayList<>();
        switch (m.method()) {
            case TRAMO -> {
                out.add(msg(locale, "forecast.model.TRAMO", m.orders(),
                        msg(locale, m.log() ? "forecast.model.onLog" : "forecast.model.onLevel")));
                out.add(msg(locale, "forecast.model.params", parameters(m, locale)));
                if (m.outliers().isEmpty()) {
                    out.add(msg(locale, "forecast.model.noOutliers"));
                } else {
                    List<String> o = new ArrayList<>();
                    for (Model.Outlier x : m.outliers()) {
                        String at = x.index() >= 0 && x.index() < periods.size() ? periods.get(x.index())
                                : String.valueOf(x.index() + 1);
                        o.add(msg(locale, "forecast.outlier." + x.type(), at,
                                x.t() == null ? "—" : fmt(locale, x.t(), 2)));
                    }
                    out.add(msg(locale, "forecast.model.outliers", String.join("; ", o)));
                }
            }
            case DAMPED -> out.add(msg(locale, "forecast.model.DAMPED", fmt(locale, param(m, "alpha"), 3),
                    fmt(locale, param(m, "beta"), 3), fmt(locale, param(m, "phi"), 3)));
            case THETA -> out.add(msg(locale, "forecast.model.THETA", fmt(locale, param(m, "alpha"), 3),
                    fmt(locale, param(m, "b"), 2)));
            case DRIFT -> out.add(msg(locale, "forecast.model.DRIFT", fmt(locale, param(m, "drift"), 2)));
            case NAIVE -> out.add(msg(locale, "forecast.model.NAIVE"));
            case COMBINATION -> out.add(msg(locale, "forecast.model.COMBINATION", String.join(", ",
                    m.components().stream().map(c -> msg(locale, "forecast.method." + c.name())).toList())));
            default -> { }
        }
        if (m.seasonallyAdjusted()) {
            out.add(msg(locale, "forecast.model.seasonallyAdjusted"));
        }
        Model.Fit f = m.fit();
        if (f != null && !Double.isNaN(f.sigma())) {
            // Three significant figures: a residual deviation of 559 persons, or 0.0371 on the log scale.
            int places = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.max(1e-9, Math.abs(f.sigma())))));
            String sigma = fmt(locale, f.sigma(), places);
            out.add(f.aic() == null ? msg(locale, "forecast.model.fitShort", f.observations(), sigma)
                    : msg(locale, "forecast.model.fit", f.observations(), sigma,
                    fmt(locale, f.aic(), 1), fmt(locale, f.bic(), 1)));
        }
        if (outcome.origins() == 0) {
            out.add(msg(locale, "forecast.model.noBacktest"));
        } else if (outcome.automatic()) {
            out.add(msg(locale, "forecast.model.auto", outcome.origins(), outcome.backtestHorizon()));
        } else {
            out.add(msg(locale, "forecast.model.chosen"));
        }
        out.add(coverage(outcome, locale));
        return out;
    }

    /** What the backtest said of the intervals, and the widening applied. */
    public String coverage(Outcome outcome, Locale locale) {
        Accuracy a = outcome.accuracy();
        Calibration c = outcome.calibration();
        if (a == null || !a.scored() || c.scored() < kz.agyn.forecast.engine.Backtester.MIN_CALIBRATION) {
            return msg(locale, "forecast.calibration.few", a == null ? 0 : a.forecasts());
        }
        String c80 = percent(locale, a.coverage80());
        String c95 = percent(locale, a.coverage95());
        return c.widened() ? msg(locale, "forecast.calibration.widened", c80, c95, fmt(locale, c.factor80(), 2),
                fmt(locale, c.factor95(), 2)) : msg(locale, "forecast.calibration.ok", c80, c95);
    }

    private String parameters(Model m, Locale locale) {
        List<String> p = new ArrayList<>();
        for (Model.Parameter x : m.parameters()) {
            String name = x.name().replace("btheta", "Θ").replace("theta", "θ").replace("bphi", "Φ")
                    .replace("phi", "φ");
            p.add(name + " = " + fmt(locale, x.value(), 3) + (x.stderr() == null ? ""
                    : " (" + msg(locale, "forecast.model.se") + " " + fmt(locale, x.stderr(), 3) + ")"));
        }
        return p.isEmpty() ? "—" : String.join(", ", p);
    }

    private static double param(Model m, String name) {
        return m.parameters().stream().filter(p -> p.name().equals(name)).mapToDouble(Model.Parameter::value)
                .findFirst().orElse(Double.NaN);
    }

    public static String fmt(Locale locale, double v, int places) {
        if (Double.isNaN(v)) {
            return "—";
        }
        String s = String.format(locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.forLanguageTag("ru"),
                "%,." + places + "f", v).replace('\u00A0', '\u202F');
        // A true minus sign, as the statistical tables print it.
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    public static String percent(Locale locale, double share) {
        return Double.isNaN(share) ? "—" : fmt(locale, 100 * share, 0) + "%";
    }

    public String method(Method m, Locale locale) {
        return msg(locale, "forecast.method." + m.name());
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
