/**
 * A SYNTHETIC national series of emigration, immigration and population for Kazakhstan, 2010–2024,
 * generated from a fixed seed and shipped as CSV in Agyn's canonical long format under
 * {@code src/main/resources/demo/}.
 *
 * <p>It exists so that every part of Agyn — import, warehouse, metrics, charts, the note generator —
 * can be built, tested and shown without waiting for official data, on figures of the right shape and
 * magnitude that add up exactly like real statistical cubes. Only the totals the analytical note gives
 * (31,287 emigrants in 2022; 25% of them in intellectual professions) are calibrated; everything else is
 * invented. The data are SYNTHETIC: every value carries status {@code E} and must never be presented
 * as official.
 *
 * <p>The package depends on the JDK only, so {@code java -cp target/classes} can regenerate the files
 * without starting the application; {@code internal} loads the shipped files at start-up.
 */
package kz.agyn.demo.warehouse;
