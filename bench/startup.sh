#!/usr/bin/env bash
# Measures how long a new user waits: first start (creates the embedded PostgreSQL cluster, runs every
# migration) and second start (reuses the data), from `java -jar` to /actuator/health answering UP.
# Usage: bench/startup.sh            (builds the jar first if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f agyn-app/target/agyn.jar ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
home=$(mktemp -d)
port=${PORT:-18080}

start() {
  local t0 t1
  t0=$(date +%s.%N)
  AGYN_ADMIN_PASSWORD=Bench-start-pw-1 java -jar agyn-app/target/agyn.jar --server.port=$port \
      --agyn.db.data-directory="$home/pgdata" >"$home/log.$1" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    sleep 0.1
    if ! kill -0 $pid 2>/dev/null; then echo "start failed, see $home/log.$1"; exit 1; fi
  done
  t1=$(date +%s.%N)
  printf '%-14s %6.1f s\n' "$1" "$(echo "$t1 - $t0" | bc)"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
start first-start
start second-start
rm -rf "$home"
