/** The forecast page, its exports, the API ({@code /api/v1/forecasts}) and the batch page. */
package kz.agyn.forecast.web;
