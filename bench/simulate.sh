#!/usr/bin/env bash
# The scenario engine's speed (issue 17): a JMH run comparing the engine with a straightforward per-agent loop
# (an object per agent, one logit and one random draw per agent-year) on the same 250,000-agent population, then
# the full run (2.5 million agents, 10 years, 200 draws, baseline + one scenario, both cores) under -Xmx2g.
# Prints agent-years per second, the engine/straightforward ratio, the full run's seconds and heap.
# Usage: bench/simulate.sh [--quick]   (--quick: shorter JMH iterations, for a look rather than the record)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -B test-compile -pl agyn-app -am
cp=agyn-app/target/test-classes:agyn-app/target/classes:$(./mvnw -q -o -B dependency:build-classpath -pl agyn-app -Dmdep.includeScope=test \
  -Dmdep.outputFile=/dev/stdout)
jmh_args=()
[ "${1:-}" = --quick ] && jmh_args=(-wi 2 -i 3 -w 1s -r 1s)
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" org.openjdk.jmh.Main 'SimulationBenchmark' "${jmh_args[@]}" -rf csv -rff agyn-app/target/jmh-simulate.csv
# JMH's CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit" — score in ms per call.
agent_years=$((250000 * 10 * 4))
awk -F, -v ay=$agent_years '
  NR > 1 { gsub(/"/, "", $1); sub(/.*\./, "", $1); ms[$1] = $5 }
  END {
    for (b in ms) printf "%-18s %9.1f ms  %.3g agent-years/s\n", b, ms[b], ay / (ms[b] / 1000)
    printf "RATIO engine (1 thread) / straightforward loop (1 thread) = %.1f\n", ms["naiveLoop"] / ms["engineOneThread"]
    printf "RATIO engine (2 threads) / straightforward loop (1 thread) = %.1f\n", ms["naiveLoop"] / ms["engineTwoThreads"]
    printf "ENGINE_AGENT_YEARS_PER_S (2 threads) = %.3g\n", ay / (ms["engineTwoThreads"] / 1000)
  }' agyn-app/target/jmh-simulate.csv
echo "load average before the full run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$cp" kz.agyn.scenario.engine.bench.FullPopulationRun 2500000 200 2
