/**
 * Hidden emigration (issue 20): who has really left Kazakhstan, estimated from the signs of life people stop
 * leaving in administrative registers and from border crossings, beside the official (deregistration) count.
 *
 * <p>This increment holds the embedded engine only, in three plain-Java packages with no Spring, no database and
 * no other Agyn feature (ArchitectureTest.residencyEngineIsAPlainLibrary), so that the Spark job of a later
 * increment can call the same per-person functions:
 * <ul>
 *   <li>{@link kz.agyn.residency.engine}: the register extracts in memory (columnar, primitive arrays), their CSV
 *       format (docs/formats/register-extracts.md) and its checks;</li>
 *   <li>{@link kz.agyn.residency.generator}: a seeded synthetic country with known truth;</li>
 *   <li>{@link kz.agyn.residency.estimator}: calibration, the residency index, the per-person status and the
 *       aggregates with intervals, with precision and recall against the truth when it is known.</li>
 * </ul>
 * and {@link kz.agyn.residency.cli} ({@code agyn residency generate|run}, on files), and
 * {@link kz.agyn.residency.ResidencyRuns}: a synthetic country generated and estimated as a job
 * ({@code RESIDENCY_RUN}), its calibration, accuracy and aggregates stored ({@link kz.agyn.residency.internal}, V230;
 * never a person's verdict). The method is docs/decisions/0044-residency-index.md. Still to come: runs on uploaded
 * extracts, the page, API, Parquet, the Spark module, mirror statistics, the warehouse dataset.
 */
package kz.agyn.residency;
