/**
 * The forecasting engine in plain Java (no Spring, no database): series in, point forecasts, intervals, the model
 * and its backtest out. Methods: TRAMO (JDemetra+ v3), naive, random walk with drift, damped-trend ETS, Theta
 * (Hyndman &amp; Billah 2003) and their combination; see docs/decisions/0037-forecasts.md.
 */
package kz.agyn.forecast.engine;
