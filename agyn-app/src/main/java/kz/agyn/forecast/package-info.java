/**
 * Forecasts of warehouse series: automatic TRAMO/regARIMA modelling (JDemetra+ v3) beside the simple methods that
 * win forecasting competitions on short yearly data, chosen by a rolling-origin backtest, with 80/95% intervals
 * widened where the backtest shows them under-covering (docs/decisions/0037-forecasts.md,
 * 0038-interval-calibration.md).
 */
package kz.agyn.forecast;
