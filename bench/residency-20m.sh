#!/usr/bin/env bash
# Speed of the hidden-emigration estimate (issue 20, docs/benchmarks.md), all in one go, on the SAME Parquet files:
#   generation  20 M persons x 12 registers x 12 months (seed 1, with the generator's noise) written as Parquet once,
#               kept in a folder for the next runs (it says how long that took);
#   (a) embedded  the embedded engine end to end in its own JVM (-Xmx3500m: heap and JVM under 4 GiB): read the
#               Parquet, estimate, aggregate; wall time and peak RSS of that JVM (/usr/bin/time -v);
#   (b) duckdb    the same logic in DuckDB SQL over the same files through DuckDB's JDBC driver (2 threads, 4 GB):
#               pivot, activity, calibration sample, verdicts and aggregates in SQL, the fit by the engine's
#               Calibration from the SQL counts; its aggregates are CHECKED against the embedded engine's;
#   (c) spark     agyn-spark's job on Spark local[2] (driver on 127.0.0.1); its aggregates checked the same way.
# Prints each one's seconds and the ratios DuckDB/embedded and Spark/embedded, and the issue's targets: embedded under
# 60 s, at least as fast as DuckDB, at least 3x Spark, under 4 GiB. DuckDB's driver and Spark are on the class path of
# bench/residency only (root profile residency-bench), never in the application.
#
# Usage: bench/residency-20m.sh
#   AGYN_BENCH_PERSONS=1000000  persons (default 20000000)
#   AGYN_BENCH_DATA=DIR         where generated countries are kept, one folder per size (default
#                               /tmp/agyn-residency-bench); delete a folder to generate it again
#   AGYN_BENCH_JAVA_OPTS=...    options of the embedded engine's JVM (default -Xmx3500m)
#   AGYN_BENCH_GEN_XMX=10g      heap of the generator's JVM (it holds the country and its truth)
#   AGYN_BENCH_DUCKDB_MEMORY=4GB, AGYN_BENCH_DUCKDB_THREADS=2
#   AGYN_BENCH_SPARK=0          leave Spark out;  AGYN_BENCH_SPARK_XMX=8g  heap of Spark's driver (local mode)
# Run it on a quiet machine: the three runs take both cores each, one after the other.
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${AGYN_BENCH_PERSONS:-20000000}
data=${AGYN_BENCH_DATA:-/tmp/agyn-residency-bench}/$persons
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./mvnw -q -o -B -P residency-bench -pl bench/residency -am -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.10.0:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$work/classpath"
cp="bench/residency/target/classes:$(cat "$work/classpath")"
# What Spark needs opened on Java 17 (as agyn-spark's pom gives its tests).
spark_opens="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -f "$data/extracts.parquet" ] || [ ! -f "$data/generation.txt" ]; then
  rm -rf "$data"
  mkdir -p "$data"
  echo "generating $persons persons as Parquet into $data ..."
  java -Xmx"${AGYN_BENCH_GEN_XMX:-10g}" -cp "$cp" kz.agyn.bench.residency.Generate "$persons" "$data" \
    2>"$work/generate.err" | tee "$data/generation.txt.part" || { cat "$work/generate.err"; exit 1; }
  mv "$data/generation.txt.part" "$data/generation.txt"
else
  echo "using the country generated before in $data ($(cat "$data/generation.txt"))"
fi
echo "files: $(du -sh "$data/extracts.parquet" | cut -f1) extracts, $(du -sh "$data/crossings.parquet" | cut -f1) crossings, $(du -sh "$data/statuses.parquet" | cut -f1) statuses"

# (a) The embedded engine in its own JVM; the wall time and peak RSS of that whole process.
# shellcheck disable=SC2086
/usr/bin/time -v -o "$work/embedded.time" java ${AGYN_BENCH_JAVA_OPTS:--Xmx3500m} -cp "$cp" \
  kz.agyn.bench.residency.Embedded "$data" "$work/embedded.tsv" 2>"$work/embedded.err" | tee "$work/embedded.out" \
  || { cat "$work/embedded.err"; exit 1; }
embedded_wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.2f", s}' "$work/embedded.time")
embedded_rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$work/embedded.time")

# (b) DuckDB SQL on the same files, checked against (a).
/usr/bin/time -v -o "$work/duckdb.time" java -Xmx1g -Dagyn.bench.duckdb.threads="${AGYN_BENCH_DUCKDB_THREADS:-2}" \
  -Dagyn.bench.duckdb.memory="${AGYN_BENCH_DUCKDB_MEMORY:-4GB}" -cp "$cp" kz.agyn.bench.residency.DuckDb "$data" \
  "$work/embedded.tsv" 2>"$work/duckdb.err" | tee "$work/duckdb.out" || { tail -20 "$work/duckdb.err"; exit 1; }
duckdb_rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$work/duckdb.time")
rm -rf "$data/duckdb.tmp"

# (c) Spark local[2] on the same files, checked against (a).
if [ "${AGYN_BENCH_SPARK:-1}" != 0 ]; then
  # shellcheck disable=SC2086
  java -Xmx"${AGYN_BENCH_SPARK_XMX:-8g}" $spark_opens -cp "$cp" kz.agyn.bench.residency.Spark "$data" \
    "$work/embedded.tsv" 2>"$work/spark.err" | tee "$work/spark.out" || { tail -20 "$work/spark.err"; exit 1; }
  rm -rf "$data/spark.tmp"
fi

seconds() { awk '/^seconds /{print $2}' "$1"; }
embedded_in=$(seconds "$work/embedded.out")
duckdb=$(seconds "$work/duckdb.out")
echo
echo "== residency speed, $persons persons x 12 registers x 12 months, $(date -u +%Y-%m-%d) =="
printf 'embedded  %8.1f s end to end (its JVM; %.1f s from reading to aggregates), peak RSS %s MiB\n' \
  "$embedded_wall" "$embedded_in" "$embedded_rss"
printf 'duckdb    %8.1f s from loading to aggregates (RSS %s MiB)   duckdb/embedded = %.2f\n' "$duckdb" \
  "$duckdb_rss" "$(echo "$duckdb / $embedded_wall" | bc -l)"
verdict() { if [ "$(echo "$1" | bc -l)" = 1 ]; then echo yes; else echo NO; fi; }
targets="under 60 s: $(verdict "$embedded_wall < 60"), at least DuckDB's speed: $(verdict "$embedded_wall <= $duckdb"), memory under 4 GiB: $(verdict "$embedded_rss < 4096")"
if [ "${AGYN_BENCH_SPARK:-1}" != 0 ]; then
  spark=$(seconds "$work/spark.out")
  printf 'spark     %8.1f s from reading to aggregates (session start apart)   spark/embedded = %.2f\n' "$spark" \
    "$(echo "$spark / $embedded_wall" | bc -l)"
  targets="$targets, at least 3x Spark: $(verdict "$spark >= 3 * $embedded_wall")"
fi
echo "targets: $targets"
grep -h 'aggregates' "$work/duckdb.out" "$work/spark.out" 2>/dev/null || true
