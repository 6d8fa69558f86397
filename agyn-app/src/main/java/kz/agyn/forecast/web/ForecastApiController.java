package kz.agyn.forecast.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.account.Role;
import kz.agyn.forecast.ForecastResult;
import kz.agyn.forecast.ForecastService;
import kz.agyn.forecast.ModelWords;
import kz.agyn.forecast.SeriesChoice;
import kz.agyn.forecast.engine.Accuracy;
import kz.agyn.forecast.engine.Model;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.warehouse.DatasetInfo;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/forecasts}: one series forecast, with its intervals, the model (and in words, in the
 * language of Accept-Language), the backtest and the data version read. Bad input answers 400 or 404 with a
 * problem+json saying what was wrong (ApiErrors).
 */
@RestController
@Tag(name = "Forecasts")
class ForecastApiController {

    private final ForecastService forecasts;
    private final ModelWords words;

    ForecastApiController(ForecastService forecasts, ModelWords words) {
        this.forecasts = forecasts;
        this.words = words;
    }

    record Observed(String period, double value) {
    }

    record Point(String period, Double mean, Double lo80, Double hi80, Double lo95, Double hi95) {
    }

    record Outlier(String type, String period, Double coefficient, Double t) {
    }

    record ModelJson(String method, String orders, boolean log, List<Model.Parameter> parameters,
                     List<Outlier> outliers, Integer observations, Double sigma, Double aic, Double bic,
                     boolean seasonallyAdjusted, List<String> components, List<String> description) {
    }

    record Score(String method, int forecasts, Double mase, Double smape, Double relativeMase, Double relativeSmape,
                 Double coverage80, Double coverage95, boolean underCovers) {
    }

    record Backtest(int origins, int horizon, Score naive2, List<Score> methods, double factor80, double factor95,
                    boolean widened) {
    }

    record ForecastJson(String indicator, String unit, Map<String, String> selection, String dataset,
                        int datasetVersion, boolean synthetic, String licence, int periodsPerYear, String method,
                        boolean automatic, List<Observed> observed, List<Point> forecast, ModelJson model,
                        Backtest backtest) {
    }

    @GetMapping("/api/v1/forecasts")
    @Operation(summary = "Forecast a warehouse series with 80/95% intervals, the model and its backtest")
    ForecastJson forecast(ForecastParams params, Authentication auth, Locale locale) {
        ForecastResult r = forecasts.forecast(params.choice(), params.horizonValue(), params.methodValue(),
                params.transformValue(), Role.namesOf(auth));
        Map<String, String> selection = new LinkedHashMap<>();
        SeriesChoice.DIMENSIONS.forEach(d -> selection.put(d.name().toLowerCase(Locale.ROOT),
                r.series().choice().shown(d)));
        List<Observed> observed = new ArrayList<>();
        for (int i = 0; i < r.series().periods().size(); i++) {
            observed.add(new Observed(r.series().periods().get(i), r.series().values()[i]));
        }
        Prediction p = r.outcome().prediction();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < r.periods().size(); i++) {
            points.add(new Point(r.periods().get(i), n(p.mean()[i]), n(p.lo80()[i]), n(p.hi80()[i]),
                    n(p.lo95()[i]), n(p.hi95()[i])));
        }
        Model m = p.model();
        List<Outlier> outliers = m.outliers().stream().map(o -> new Outlier(o.type(),
                o.index() >= 0 && o.index() < r.series().periods().size() ? r.series().periods().get(o.index())
                        : null, n(o.coefficient()), o.t() == null ? null : n(o.t()))).toList();
        ModelJson model = new ModelJson(m.method().name(), m.orders(), m.log(), m.parameters(), outliers,
                m.fit() == null ? null : m.fit().observations(), m.fit() == null ? null : n(m.fit().sigma()),
                m.fit() == null || m.fit().aic() == null ? null : n(m.fit().aic()),
                m.fit() == null || m.fit().bic() == null ? null : n(m.fit().bic()), m.seasonallyAdjusted(),
                m.components().stream().map(Enum::name).toList(),
                words.sentences(r.outcome(), r.series().periods(), locale));
        var c = r.outcome().calibration();
        Backtest backtest = new Backtest(r.outcome().origins(), r.outcome().backtestHorizon(),
                r.outcome().naive2().scored() ? score(r.outcome().naive2(), "NAIVE2") : null,
                r.outcome().backtest().stream().map(a -> score(a, a.method().name())).toList(), c.factor80(),
                c.factor95(), c.widened());
        DatasetInfo d = r.series().dataset();
        return new ForecastJson(r.series().indicator().code(), r.series().indicator().unit(), selection, d.code(),
                r.series().version(), d.synthetic(), d.licence(), r.series().periodsPerYear(), p.method().name(),
                r.outcome().automatic(), observed, points, model, backtest);
    }

    private static Score score(Accuracy a, String name) {
        return new Score(name, a.forecasts(), n(a.mase()), n(a.smape()), n(a.relativeMase()), n(a.relativeSmape()),
                n(a.coverage80()), n(a.coverage95()), a.underCovers());
    }

    /** JSON has no NaN: a measure that could not be computed is null. */
    private static Double n(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
