/**
 * Hidden emigration (issue 20) on Apache Spark: the embedded engine's three passes ({@code kz.agyn.residency
 * .estimator.Estimator}) run on each partition's persons as a columnar batch, their parts merged on the driver, the
 * aggregates written to Agyn's PostgreSQL. Reads the register extracts as Parquet or CSV ({@link ExtractsTables}).
 * Decision 0047 says why it is one logic and how to submit it to a cluster (docs/spark.md).
 */
package kz.agyn.spark;
