/**
 * ECharts options as typed values: {@link kz.agyn.platform.charts.ChartOption} with its tooltip, legend, grid,
 * axes, visual map and {@link kz.agyn.platform.charts.Series}, each written by the application's JSON mapper as
 * exactly the object ECharts reads (agyn.js draws it from a {@code data-option} attribute). The features say what
 * they draw ("bars stacked per group", "the map of Kazakhstan shaded by value"); the key names, the house colours
 * and the two Agyn extensions ({@code agynErrorBars} on a series, {@code regionNames} on the option) live here once.
 * Only what the pages use is modelled; a new chart adds what it needs.
 */
package kz.agyn.platform.charts;
