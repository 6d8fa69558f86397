package kz.agyn.forecast;

import java.util.List;

import kz.agyn.forecast.engine.Outcome;

/** A series, its forecast with everything that explains it, and the periods forecast. */
public record ForecastResult(ObservedSeries series, Outcome outcome, List<String> periods) {
}
