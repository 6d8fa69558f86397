#!/usr/bin/env bash
# Fuzzes every file reader under Jazzer (coverage-guided, libFuzzer's engine), one target at a time, each in its
# own JVM under `nice -n 19`: CSV, XLSX, SDMX-CSV, SDMX-ML (kz.agyn.tabular), survey response files
# (kz.agyn.survey.internal.ResponseParser), questionnaire JSON (kz.agyn.survey.QuestionnaireReader) and the
# registry's three bulk files (kz.agyn.registry.imports.RegistryRows). A target stops after RUNS executions or MAX_TIME,
# whichever comes first, or at its first finding: an input that makes a reader throw anything but its own
# refusal, or a refusal that hides a failure (kz.agyn.tabular.FuzzFindings). Jazzer writes such an input into the
# target's seed folder under src/test/resources (…FuzzTestInputs/<method>/crash-…), where `./mvnw verify`
# replays it from then on; fix the reader and commit the input.
#
# Usage: bench/fuzz.sh [target…]            targets: csv sdmx-csv sdmx-ml questionnaire responses scholars
#                                           awards employments xlsx (default: all, in that order)
#        RUNS=1000000 MAX_TIME=2h XLSX_MAX_TIME=2h HEAP=1g bench/fuzz.sh xlsx
# Prints, per target: executions, seconds fuzzing (libFuzzer's count) and in all (with the JVM's start),
# executions per second, and findings. The generated corpus is kept in
# .cifuzz-corpus/ (ignored by git), so a second run starts where the first stopped; logs go to agyn-app/target/fuzz/.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-1000000}
max_time=${MAX_TIME:-2h}
# XLSX goes through POI's zip and XML layers for every input: about a hundred times slower than the text readers.
xlsx_max_time=${XLSX_MAX_TIME:-$max_time}
heap=${HEAP:-1g}
out=agyn-app/target/fuzz
mkdir -p "$out"

# target → test class, method, classes to instrument (the readers and what they drive; never Spring's classes)
declare -A class method instrument
add() { class[$1]=$2; method[$1]=$3; instrument[$1]=$4; }
tabular='kz.agyn.tabular.**'
add csv          kz.agyn.tabular.TabularFuzzTest                 csv          "$tabular"
add xlsx         kz.agyn.tabular.TabularFuzzTest                 xlsx         "$tabular,org.apache.poi.**"
add sdmx-csv     kz.agyn.tabular.TabularFuzzTest                 sdmxCsv      "$tabular"
add sdmx-ml      kz.agyn.tabular.TabularFuzzTest                 sdmxMl       "$tabular"
add responses    kz.agyn.survey.internal.ResponseParserFuzzTest  parse        "kz.agyn.survey.internal.**,$tabular,org.apache.poi.**"
add questionnaire kz.agyn.survey.QuestionnaireFuzzTest           read         "kz.agyn.survey.Questionnaire*,tools.jackson.core.**,tools.jackson.databind.node.**"
registry="kz.agyn.registry.imports.RegistryRows*,kz.agyn.registry.imports.RegistryImport*,kz.agyn.kernel.**,$tabular,org.apache.poi.**"
add scholars     kz.agyn.registry.imports.RegistryFilesFuzzTest          scholars     "$registry"
add awards       kz.agyn.registry.imports.RegistryFilesFuzzTest          awards       "$registry"
add employments  kz.agyn.registry.imports.RegistryFilesFuzzTest          employments  "$registry"
# The slow workbook reader last, so that the others' findings come first.
all=(csv sdmx-csv sdmx-ml questionnaire responses scholars awards employments xlsx)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for t in "${targets[@]}"; do
  [ -n "${class[$t]:-}" ] || { echo "unknown target $t; targets: ${all[*]}" >&2; exit 2; }
done

# Compiled once; each target then runs its own forked test JVM.
nice -n 19 ./mvnw -q -o -B test-compile -pl agyn-app -am || exit 1

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); runs per target: $runs; max time: $max_time (xlsx $xlsx_max_time); heap $heap"
printf '%-14s %12s %9s %9s %9s %s\n' target executions fuzzing-s wall-s exec/s findings
status=0
for t in "${targets[@]}"; do
  log=$out/$t.log
  limit=$max_time
  [ "$t" = xlsx ] && limit=$xlsx_max_time
  start=$(date +%s)
  # jazzer.internal.arg.*: libFuzzer's own flags (the first is its argv[0]); -timeout makes a hang a finding.
  JAZZER_FUZZ=1 JAZZER_INSTRUMENT="${instrument[$t]}" nice -n 19 ./mvnw -o -B surefire:test -pl agyn-app \
      -Dtest="${class[$t]}#${method[$t]}" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_executions="$runs" -Djazzer.max_duration="$limit" \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-timeout=30 \
      -DargLine="-Xmx$heap -XX:+UseSerialGC -Dlogback.configurationFile=$PWD/bench/fuzz-logback.xml" >"$log" 2>&1
  rc=$?
  seconds=$(( $(date +%s) - start ))
  # libFuzzer's last status line: "#<executions> DONE cov: … exec/s: <n> …", or the last progress line.
  execs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  # "Done <runs> runs in <s> second(s)": the fuzzing itself, without the JVM's start and Jazzer's class scan.
  fuzzing=$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | awk '{print $5}')
  rate=$(grep -aoE 'exec/s: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  [ -n "$fuzzing" ] && [ "$fuzzing" -gt 0 ] && rate=$(( execs / fuzzing ))
  findings=$(grep -acE '== Java Exception:|Test unit written to|ERROR: libFuzzer: (timeout|out-of-memory)' "$log")
  crashes=$(grep -aoE '(crash|timeout|oom)-[0-9a-f]{40}' "$log" | sort -u | tr '\n' ' ')
  if [ "$rc" -ne 0 ] && [ "$findings" -eq 0 ]; then
    crashes="run failed (exit $rc), see $log"
    status=1
  fi
  [ "$findings" -gt 0 ] && status=1
  printf '%-14s %12s %9s %9s %9s %s %s\n' "$t" "${execs:-?}" "${fuzzing:-?}" "$seconds" "${rate:-?}" "$findings" \
    "$crashes"
done
exit $status
