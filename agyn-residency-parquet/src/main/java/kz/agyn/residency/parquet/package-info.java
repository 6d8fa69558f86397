/**
 * The register extracts as Parquet for the embedded engine: {@link kz.agyn.residency.parquet.ExtractsParquet} reads
 * the three tables of docs/formats/register-extracts.md into the engine's columnar
 * {@link kz.agyn.residency.engine.Extracts}, refusing what the CSV reader and the Spark job refuse, and writes a
 * generated country. Parquet-java without Hadoop (docs/decisions/0053-embedded-engine-reads-parquet.md).
 */
package kz.agyn.residency.parquet;
