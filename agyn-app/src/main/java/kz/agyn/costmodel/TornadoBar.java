package kz.agyn.costmodel;

/**
 * One bar of the tornado chart: the annual total with one parameter at the low and at the high end of its range,
 * every other parameter at its base value. For an ECharts horizontal bar chart, plot
 * {@code totalAtLow − baseTotal} and {@code totalAtHigh − baseTotal} on a category axis of codes, in list order
 * (widest swing first).
 *
 * @param code        the parameter's code
 * @param unit        its unit
 * @param low         the low end of its range
 * @param base        its base value
 * @param high        the high end of its range
 * @param totalAtLow  the annual total with the parameter at low
 * @param totalAtHigh the annual total with the parameter at high
 * @param baseTotal   the annual total with every parameter at base
 * @param swing       |totalAtHigh − totalAtLow|
 */
public record TornadoBar(String code, Unit unit, double low, double base, double high, double totalAtLow,
                         double totalAtHigh, double baseTotal, double swing) {
}
