package kz.agyn.forecast;

import java.util.List;

import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Indicator;

/**
 * A warehouse series as forecast: what was chosen, the indicator, the dataset and the version read (so that a
 * stored forecast names the data it used), the periods and values (in units), and the points per year.
 */
public record ObservedSeries(SeriesChoice choice, Indicator indicator, DatasetInfo dataset, int version,
                             List<String> periods, double[] values, int periodsPerYear) {
}
