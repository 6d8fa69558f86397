/**
 * Brain-drain metrics as documented, framework-free functions: growth, shares of the highly skilled
 * and of intellectual professions, the Docquier–Marfouk emigration rate, net migration and its rate,
 * pay gaps at market rates and at purchasing-power parity, and R&amp;D intensity against a peer group.
 *
 * <p>Each metric is a static method whose Javadoc gives its formula in plain text and its source in
 * the literature, and is listed in {@link kz.agyn.warehouse.metrics.Metric} with message keys
 * ({@code metric.<name>.name}, {@code metric.<name>.formula} in {@code i18n/metrics*.properties}) so
 * that a page can show an analyst exactly what was computed from which inputs.
 *
 * <p>One rule for failures, the same in every class, because a metric is computed over whole cubes
 * of imported data where gaps are normal and must not stop a page:
 * <ul>
 *   <li>{@code Optional.empty()} when the data leave the metric undefined: an input is missing
 *       ({@code null}), a denominator is zero, a comparison group is empty, or the formula has no
 *       meaning for the values given (growth from a base of zero or below);</li>
 *   <li>{@link java.lang.IllegalArgumentException} when an input lies outside its domain, a value
 *       no correct data can hold: a negative count of people, a negative pay or GDP, a non-positive
 *       exchange rate or PPP factor, a part larger than its whole, a span of less than one year.
 *       Such a value is a defect upstream, and hiding it behind an empty result would let it spread.</li>
 * </ul>
 *
 * <p>Arithmetic is {@link java.math.BigDecimal} rounded to {@link java.math.MathContext#DECIMAL64}
 * (16 significant digits) so that a figure shown in a note can be re-derived by hand; only the
 * compound annual growth rate, which needs a fractional power, passes through {@code double}.
 *
 * <p>The package depends on the JDK only: the warehouse, importers, the note generator and tests all
 * call it, and none of them should have to start a framework to compute a ratio.
 */
package kz.agyn.warehouse.metrics;
