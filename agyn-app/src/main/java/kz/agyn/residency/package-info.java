/**
 * Hidden emigration (issue 20): who has really left Kazakhstan, estimated from the signs of life people stop
 * leaving in administrative registers and from border crossings, beside the official (deregistration) count.
 *
 * <p>The engine lives in the module {@code agyn-residency-engine}, three plain-Java packages with no Spring, no
 * database and no other Agyn feature, which the Spark module ({@code agyn-spark}) calls too:
 * {@code kz.agyn.residency.engine} (the register extracts in memory, their CSV format — docs/formats/register-extracts.md
 * — and its checks), {@code kz.agyn.residency.generator} (a seeded synthetic country with known truth) and
 * {@code kz.agyn.residency.estimator} (calibration, residency index, per-person status, aggregates with intervals,
 * precision and recall when the truth is known). This package, in the application:
 * <ul>
 *   <li>{@link kz.agyn.residency.ResidencyRuns}: runs as jobs ({@code RESIDENCY_RUN}) over a synthetic country or
 *       over register extracts an analyst uploaded; the calibration, accuracy and aggregates stored
 *       ({@link kz.agyn.residency.internal}, V230, V250; never a person's verdict), a refused upload's located
 *       problems and nothing else;</li>
 *   <li>{@link kz.agyn.residency.MirrorStatistics}: destinations' records of arrivals beside the official count;</li>
 *   <li>{@link kz.agyn.residency.web}: the pages and the API; {@link kz.agyn.residency.cli}:
 *       {@code agyn residency generate|run} on files.</li>
 * </ul>
 * The method is docs/decisions/0044-residency-index.md.
 */
package kz.agyn.residency;
