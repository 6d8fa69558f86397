/** Storage of forecasts (table {@code forecast}, V190). */
package kz.agyn.forecast.internal;
