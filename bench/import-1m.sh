#!/usr/bin/env bash
# Import benchmark: 1,000,000 observation rows through Agyn's import (validate every row, then write with
# COPY in one transaction), against psql's \copy of the same file into a table with the same key index, on the
# same embedded PostgreSQL. Prints both figures, and the CPU time the application and PostgreSQL spent on each
# step: on a shared machine the wall times follow the load, the CPU times much less.
# Usage: bench/import-1m.sh [rows]   (AGYN_JAR=other.jar bench/import-1m.sh to measure another build)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
jar=${AGYN_JAR:-target/agyn.jar}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
port=18081
dbport=15439
python3 bench/gen-observations.py "$work/obs.csv" "$rows"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; file: $rows rows, $(du -h "$work/obs.csv" | cut -f1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

AGYN_ADMIN_PASSWORD=Bench-import-pw-1 java -jar "$jar" --server.port=$port --agyn.db.port=$dbport \
  --agyn.db.data-directory="$work/pgdata" --agyn.imports.directory="$work/imports" --agyn.demo.enabled=false \
  >"$work/app.log" 2>&1 &
app=$!
# Wait for the application (and its embedded PostgreSQL) to stop, so that a second run finds the ports free.
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
  kill -0 $app 2>/dev/null || { echo "the application did not start:"; tail -20 "$work/app.log"; exit 1; }
  sleep 0.2
done
auth=(-u admin:Bench-import-pw-1)
curl -sf "${auth[@]}" -H 'Content-Type: application/json' -o /dev/null -d '{"code":"bench","titleKk":"bench",
  "titleRu":"bench","titleEn":"bench","publisher":"bench"}' "http://127.0.0.1:$port/api/v1/datasets"

# CPU seconds (user + system) of the application, and of the embedded PostgreSQL's processes.
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' /proc/$1/stat 2>/dev/null || echo 0; }
pgcpu() {
  local pm s=0
  pm=$(head -1 "$work/pgdata/postmaster.pid")
  for p in $pm $(pgrep -P "$pm"); do s=$(echo "$s + $(cpu "$p")" | bc); done
  echo "$s"
}
j0=$(cpu $app); p0=$(pgcpu)
t0=$(date +%s.%N)
id=$(curl -sf "${auth[@]}" -F "file=@$work/obs.csv" -F dataset=bench -F format=csv \
  "http://127.0.0.1:$port/api/v1/imports" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["id"]) if r["status"]=="VALID" else sys.exit("not valid: %s" % r["problems"][:3])')
t1=$(date +%s.%N); j1=$(cpu $app); p1=$(pgcpu)
curl -sf "${auth[@]}" -X POST -o /dev/null "http://127.0.0.1:$port/api/v1/imports/$id/accept"
t2=$(date +%s.%N); j2=$(cpu $app); p2=$(pgcpu)

psql="psql -h 127.0.0.1 -p $dbport -U postgres -d agyn -q -v ON_ERROR_STOP=1"
$psql -c "CREATE TABLE bench_copy (indicator text, period text, region text, occupation text, education text,
  country text, sex text, age text, flow text, value numeric, unit_mult smallint, status text);
  CREATE UNIQUE INDEX ON bench_copy (indicator, period, region, occupation, education, country, sex, age, flow);"
t3=$(date +%s.%N)
$psql -c "\copy bench_copy FROM '$work/obs.csv' (FORMAT csv, HEADER true)"
t4=$(date +%s.%N)
stored=$($psql -At -c "SELECT count(*) FROM wh_observation")

printf 'agyn validate (upload + check every row)  %6.1f s   (cpu: java %.1f s, postgres %.1f s)\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$j1 - $j0" | bc)" "$(echo "$p1 - $p0" | bc)"
printf 'agyn accept (COPY in one transaction)     %6.1f s   (cpu: java %.1f s, postgres %.1f s)\n' \
  "$(echo "$t2 - $t1" | bc)" "$(echo "$j2 - $j1" | bc)" "$(echo "$p2 - $p1" | bc)"
printf 'agyn total                                %6.1f s   (%s rows stored)\n' "$(echo "$t2 - $t0" | bc)" "$stored"
printf 'psql \\copy of the same file               %6.1f s\n' "$(echo "$t4 - $t3" | bc)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
