package kz.agyn.forecast;

import kz.agyn.forecast.engine.ForecastEngine;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Outcome;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.forecast.engine.Transform;
import kz.agyn.note.writer.SeriesForecasts;
import org.springframework.stereotype.Component;

/**
 * A note's fan chart forecast as the forecast page forecasts a yearly series: every method backtested, the best
 * one chosen, its intervals calibrated (decisions 0037, 0038). Deterministic, so an issued note's fan is drawn
 * again the same from the same data.
 */
@Component
class NoteForecasts implements SeriesForecasts {

    private final ForecastEngine engine = new ForecastEngine();

    @Override
    public Fan forecast(double[] yearly, int horizon) {
        Outcome o = engine.forecast(yearly, 1, horizon, Method.AUTO, Transform.AUTO);
        Prediction p = o.prediction();
        return new Fan(o.method().name(), p.mean(), p.lo80(), p.hi80(), p.lo95(), p.hi95());
    }
}
