#!/usr/bin/env bash
# Measures how long a new user waits: first start (creates the embedded PostgreSQL cluster, runs every
# migration) and second start (reuses the data), from `java -jar` to /actuator/health answering UP.
# Usage: bench/startup.sh [--extracted | --cds | --compare] [SECOND_STARTS]     (builds the jar first if missing)
#   (none)       the jar as built, agyn-app/target/agyn.jar
#   --extracted  the jar extracted by Spring Boot's tools (java -Djarmode=tools -jar agyn.jar extract): the
#                application's jar beside its libraries, which the JVM opens directly rather than inside the jar
#   --cds        the extracted jar with a class data sharing archive (AppCDS) made first by a training run that
#                starts the application on a throw-away data directory and stops it once its context is
#                refreshed (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh); the starts then map the
#                archive (-XX:SharedArchiveFile). The training run's own time is printed, not counted.
#   --compare    all three on the same data: one first start (the jar as built), then SECOND_STARTS rounds of a
#                second start of each, in turn, so that a busy machine's changing load falls on all three alike.
#   --compare-aot  the same with Spring's ahead-of-time processing (a jar built with ./mvnw -Paot package): rounds of
#                the jar, the jar with -Dspring.aot.enabled=true, the extracted jar with its archive, and the
#                extracted jar with an archive trained under AOT and AOT on.
#   SECOND_STARTS  how many second starts (of each, with --compare; default 1, 3 with --compare); with more than
#                one, their median is printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=plain
case "${1:-}" in
  --extracted) mode=extracted; shift ;;
  --cds) mode=cds; shift ;;
  --compare) mode=compare; shift ;;
  --compare-aot) mode=compare-aot; shift ;;
  --*) echo "unknown option $1 (--extracted, --cds, --compare or --compare-aot)"; exit 2 ;;
esac
runs=${1:-$([[ "$mode" = compare* ]] && echo 3 || echo 1)}
[ -f agyn-app/target/agyn.jar ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
if [ "$mode" = compare-aot ] && ! grep -q 'AgynApplication__ApplicationContextInitializer' <(unzip -l agyn-app/target/agyn.jar); then
  echo "agyn-app/target/agyn.jar has no AOT code: build it with ./mvnw -Paot -DskipTests package -pl agyn-app -am"
  exit 2
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
port=${PORT:-18080}
jar=agyn-app/target/agyn.jar
extracted=$home/app/agyn.jar
archive=$home/app/agyn.jsa

seconds_since() {
  echo "$(date +%s.%N) - $1" | bc
}

median() {
  sort -g | awk '{a[NR] = $1} END {print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

if [ "$mode" != plain ]; then
  java -Djarmode=tools -jar agyn-app/target/agyn.jar extract --destination "$home/app" >/dev/null
fi
# train ARCHIVE [JVM OPTIONS…]: a class data sharing archive from a start that halts once the context is refreshed.
train() {
  local archive=$1 t0
  shift
  t0=$(date +%s.%N)
  # The archive is only used by a JVM of the same version with the same class path, so it is made here, from the
  # extracted jar the starts use. spring.context.exit=onRefresh halts the JVM (exit 0) once the context is
  # refreshed, before the web server starts; the archive is written as it exits.
  rm -rf "$home/training-pgdata"
  AGYN_ADMIN_PASSWORD=Bench-start-pw-1 java "$@" -XX:ArchiveClassesAtExit="$archive" -Dspring.context.exit=onRefresh \
      -jar "$extracted" --server.port=$port --agyn.db.data-directory="$home/training-pgdata" \
      >"$home/log.training" 2>&1 || true
  [ -f "$archive" ] || { echo "the training run wrote no archive:"; tail -20 "$home/log.training"; exit 1; }
  printf '%-28s %6.1f s (archive %s MB)\n' "training run $*" "$(seconds_since "$t0")" \
    "$(($(stat -c %s "$archive") / 1048576))"
}
if [ "$mode" = cds ] || [[ "$mode" = compare* ]]; then
  train "$archive"
fi
aot_archive=$home/app/agyn-aot.jsa
if [ "$mode" = compare-aot ]; then
  train "$aot_archive" -Dspring.aot.enabled=true
fi

# start LABEL JAR [JVM OPTIONS…]: one start on the data directory, from `java -jar` to healthy; the time is
# appended to $home/times.LABEL.
start() {
  local label=$1 jar=$2 t0 t
  shift 2
  t0=$(date +%s.%N)
  AGYN_ADMIN_PASSWORD=Bench-start-pw-1 java "$@" -jar "$jar" --server.port=$port \
      --agyn.db.data-directory="$home/pgdata" >"$home/log.$label" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    sleep 0.1
    if ! kill -0 $pid 2>/dev/null; then echo "start failed:"; tail -20 "$home/log.$label"; exit 1; fi
  done
  t=$(seconds_since "$t0")
  printf '%-28s %6.1f s\n' "$label" "$t"
  echo "$t" >>"$home/times.$label"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC'); mode: $mode"
case $mode in
  plain) labels=(second-start); start first-start "$jar" ;;
  extracted) labels=(second-start); start first-start "$extracted" ;;
  cds) labels=(second-start); start first-start "$extracted" -XX:SharedArchiveFile="$archive" ;;
  compare) labels=(second-jar second-extracted second-extracted-cds); start first-start "$jar" ;;
  compare-aot) labels=(second-jar second-jar-aot second-extracted-cds second-extracted-cds-aot)
    start first-start "$jar" ;;
esac
for i in $(seq "$runs"); do
  case $mode in
    plain) start second-start "$jar" ;;
    extracted) start second-start "$extracted" ;;
    cds) start second-start "$extracted" -XX:SharedArchiveFile="$archive" ;;
    compare)
      start second-jar "$jar"
      start second-extracted "$extracted"
      start second-extracted-cds "$extracted" -XX:SharedArchiveFile="$archive" ;;
    compare-aot)
      start second-jar "$jar"
      start second-jar-aot "$jar" -Dspring.aot.enabled=true
      start second-extracted-cds "$extracted" -XX:SharedArchiveFile="$archive"
      start second-extracted-cds-aot "$extracted" -XX:SharedArchiveFile="$aot_archive" -Dspring.aot.enabled=true ;;
  esac
done
if [ "$runs" -gt 1 ]; then
  for label in "${labels[@]}"; do
    printf '%-28s %6.1f s\n' "median $label" "$(median <"$home/times.$label")"
  done
fi
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$mode" = cds ] || [[ "$mode" = compare* ]]; then
  # Whether the starts in fact mapped the archive (a JVM that cannot use it starts without it, silently): one more
  # start on the same data, up to the refreshed context, that logs where each class came from.
  java -XX:SharedArchiveFile="$archive" -Xlog:class+load=info:file="$home/classes.txt" \
    -Dspring.context.exit=onRefresh -jar "$extracted" --server.port=$port \
    --agyn.db.data-directory="$home/pgdata" >"$home/log.check" 2>&1 || true
  echo "classes loaded up to the refreshed context: $(grep -c 'source:' "$home/classes.txt"), of which from the" \
    "training run's archive $(grep -c 'shared objects file (top)' "$home/classes.txt") and from the JDK's own" \
    "$(grep 'shared objects file' "$home/classes.txt" | grep -vc '(top)')"
fi
