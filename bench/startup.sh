#!/usr/bin/env bash
# Measures how long a new user waits: first start (creates the embedded PostgreSQL cluster, runs every
# migration) and second start (reuses the data), from `java -jar` to /actuator/health answering UP.
# Usage: bench/startup.sh [--extracted | --cds] [SECOND_STARTS]     (builds the jar first if missing)
#   (none)       the jar as built, agyn-app/target/agyn.jar
#   --extracted  the jar extracted by Spring Boot's tools (java -Djarmode=tools -jar agyn.jar extract): the
#                application's jar beside its libraries, which the JVM opens directly rather than inside the jar
#   --cds        the extracted jar with a class data sharing archive (AppCDS) made first by a training run that
#                starts the application on a throw-away data directory and stops it once its context is
#                refreshed (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh); the starts then map the
#                archive (-XX:SharedArchiveFile). The training run's own time is printed, not counted.
#   SECOND_STARTS  how many second starts on the same data (default 1); with more, their median is printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=plain
case "${1:-}" in
  --extracted) mode=extracted; shift ;;
  --cds) mode=cds; shift ;;
  --*) echo "unknown option $1 (--extracted or --cds)"; exit 2 ;;
esac
runs=${1:-1}
[ -f agyn-app/target/agyn.jar ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
port=${PORT:-18080}
jar=agyn-app/target/agyn.jar
java_opts=()

seconds_since() {
  echo "$(date +%s.%N) - $1" | bc
}

if [ "$mode" != plain ]; then
  java -Djarmode=tools -jar agyn-app/target/agyn.jar extract --destination "$home/app" >/dev/null
  jar=$home/app/agyn.jar
fi
if [ "$mode" = cds ]; then
  t0=$(date +%s.%N)
  # The archive is only used by a JVM of the same version with the same class path, so it is made here, from the
  # extracted jar the starts use.
  AGYN_ADMIN_PASSWORD=Bench-start-pw-1 java -XX:ArchiveClassesAtExit="$home/app/agyn.jsa" \
      -Dspring.context.exit=onRefresh -jar "$jar" --server.port=$port \
      --agyn.db.data-directory="$home/training-pgdata" >"$home/log.training" 2>&1 \
    || { echo "the training run failed, see its log:"; tail -20 "$home/log.training"; exit 1; }
  [ -f "$home/app/agyn.jsa" ] || { echo "the training run wrote no archive:"; tail -20 "$home/log.training"; exit 1; }
  printf '%-14s %6.1f s (archive %s MB)\n' "training run" "$(seconds_since "$t0")" \
    "$(($(stat -c %s "$home/app/agyn.jsa") / 1048576))"
  java_opts=(-XX:SharedArchiveFile="$home/app/agyn.jsa")
fi

start() {
  local t0 t
  t0=$(date +%s.%N)
  AGYN_ADMIN_PASSWORD=Bench-start-pw-1 java "${java_opts[@]}" -jar "$jar" --server.port=$port \
      --agyn.db.data-directory="$home/pgdata" >"$home/log.$1" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    sleep 0.1
    if ! kill -0 $pid 2>/dev/null; then echo "start failed:"; tail -20 "$home/log.$1"; exit 1; fi
  done
  t=$(seconds_since "$t0")
  printf '%-14s %6.1f s\n' "$1" "$t"
  times+=("$t")
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC'); mode: $mode"
times=()
start first-start
times=()
for i in $(seq "$runs"); do
  start second-start
done
if [ "$runs" -gt 1 ]; then
  printf '%-14s %6.1f s\n' "median second" "$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1}
    END {print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')"
fi
if [ "$mode" = cds ]; then
  # Whether the starts in fact mapped the archive (a JVM that cannot use it starts without it, silently): one more
  # start on the same data, up to the refreshed context, that logs where each class came from.
  java "${java_opts[@]}" -Xlog:class+load=info:file="$home/classes.txt" -Dspring.context.exit=onRefresh \
    -jar "$jar" --server.port=$port --agyn.db.data-directory="$home/pgdata" >"$home/log.check" 2>&1 || true
  echo "classes loaded up to the refreshed context: $(grep -c 'source:' "$home/classes.txt"), of which from the" \
    "training run's archive $(grep -c 'shared objects file (top)' "$home/classes.txt") and from the JDK's own" \
    "$(grep 'shared objects file' "$home/classes.txt" | grep -vc '(top)')"
fi
