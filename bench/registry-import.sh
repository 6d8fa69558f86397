#!/usr/bin/env bash
# Scholar registry benchmark (issue 4): import of 14,033 scholars, their awards and about 60,000 employment episodes
# through POST /api/v1/registry/imports (upload, check every row, write with COPY in one transaction, evaluate every
# obligation), then recomputing every obligation through POST /api/v1/registry/recompute, three times.
# The files are the synthetic registry (kz.agyn.demo.registry.SyntheticRegistry) written by the jar itself.
# Seed 1 gives 60,112 episodes; the demonstration seed 20241106 gives 59,940, just short of the issue's 60,000.
# Usage: bench/registry-import.sh [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}
[ -f agyn-app/target/agyn.jar ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
work=$(mktemp -d)
port=18082
dbport=15440
java -cp agyn-app/target/agyn.jar -Dloader.main=kz.agyn.demo.registry.SyntheticRegistry \
  org.springframework.boot.loader.launch.PropertiesLauncher "$work/files" "$seed" >/dev/null
rows() { echo $(($(wc -l <"$work/files/$1") - 1)); }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "files (seed $seed): $(rows scholars.csv) scholars, $(rows awards.csv) awards, $(rows employments.csv) employment" \
  "episodes, $(du -ch "$work"/files/*.csv | tail -1 | cut -f1)"

# A throw-away key for this run only: the registry refuses to start without one, and the developer key file in
# ~/.agyn must not be touched by a benchmark.
. bench/lib.sh
AGYN_REGISTRY_KEY=$(head -c 32 /dev/urandom | base64) start_agyn agyn-app/target/agyn.jar Bench-registry-pw-1 \
  --agyn.registry.key-directory="$work"
# CPU seconds used so far by the application and its PostgreSQL (server, backends, and backends that have exited):
# on a shared machine the wall clock depends on the other processes, this much less.
cpu() { echo "$(cpu_of "$app") + $(pg_cpu)" | bc; }
api="http://127.0.0.1:$port/api/v1/registry"
echo "load before the import: $(uptime | sed 's/.*load average: //') (1, 5, 15 min)"

c0=$(cpu)
t0=$(date +%s.%N)
curl -sf "${auth[@]}" -F "scholars=@$work/files/scholars.csv" -F "awards=@$work/files/awards.csv" \
  -F "employments=@$work/files/employments.csv" -F accept=true "$api/imports" >"$work/import.json"
t1=$(date +%s.%N)
c1=$(cpu)
python3 - "$work/import.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
if r["status"] != "IMPORTED":
    sys.exit("not imported: %s %s" % (r["status"], [(p["file"], p["row"], p["column"], p["code"]) for p in r["problems"][:5]]))
print("imported: %d scholars, %d awards, %d employment episodes (server: %.1f s)"
      % (r["scholars"], r["awards"], r["employments"], r["millis"] / 1000))
EOF
printf 'import (upload + check every row + COPY + evaluate every obligation)  %5.1f s\n' "$(echo "$t1 - $t0" | bc)"
echo "  CPU used by Agyn and its PostgreSQL meanwhile: $(echo "$c1 - $c0" | bc) s"
echo "  server side: $(grep -o 'read and checked in.*' "$work/app.log" | tail -1)"

for i in 1 2 3; do
  echo "load before recompute $i: $(uptime | sed 's/.*load average: //')"
  c2=$(cpu)
  t2=$(date +%s.%N)
  curl -sf "${auth[@]}" -X POST "$api/recompute" >"$work/recompute.json"
  t3=$(date +%s.%N)
  c3=$(cpu)
  python3 - "$work/recompute.json" "$(echo "$t3 - $t2" | bc)" "$i" "$(echo "$c3 - $c2" | bc)" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
print("recompute %s: %5.2f s   (CPU %4.1f s; %d awards, %d changed; server: load %d ms, evaluate %d ms, store %d ms)"
      % (sys.argv[3], float(sys.argv[2]), float(sys.argv[4]), r["awards"], r["changed"], r["loadMillis"],
         r["evaluateMillis"], r["storeMillis"]))
EOF
done

export PGPASSWORD; PGPASSWORD=$(db_password agyn_owner)
psql="psql -h 127.0.0.1 -p $dbport -U agyn_owner -d agyn -At -v ON_ERROR_STOP=1"
echo "stored: $($psql -c "SELECT (SELECT count(*) FROM reg_scholar) || ' scholars, ' || (SELECT count(*) FROM reg_award)
  || ' awards, ' || (SELECT count(*) FROM reg_employment) || ' employment episodes, '
  || (SELECT count(*) FROM reg_obligation) || ' obligations'")"
