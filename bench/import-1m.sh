#!/usr/bin/env bash
# Import benchmark: 1,000,000 observation rows through Agyn's import (validate every row while COPY stages the
# checked rows, then accept: the staged rows become the version's partition in one transaction; decision 0050), against psql's \copy of the same file into a table with the same key index, on the
# same embedded PostgreSQL. Prints both figures, and the CPU time the application and PostgreSQL spent on each
# step: on a shared machine the wall times follow the load, the CPU times much less.
# The file goes as a script sends it, the request's body (curl --data-binary); UPLOAD=form sends it as the import
# page does, a multipart form (about a third of a second more for a million rows: the multipart parsing and a
# second copy of the file).
# Usage: bench/import-1m.sh [rows]   (AGYN_JAR=other.jar bench/import-1m.sh to measure another build)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
upload=${UPLOAD:-body}
jar=${AGYN_JAR:-agyn-app/target/agyn.jar}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
work=$(mktemp -d)
port=18081
dbport=15439
python3 bench/gen-observations.py "$work/obs.csv" "$rows"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; file: $rows rows, $(du -h "$work/obs.csv" | cut -f1), sent as $upload; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

. bench/lib.sh
start_agyn "$jar" Bench-import-pw-1
curl -sf "${auth[@]}" -H 'Content-Type: application/json' -o /dev/null -d '{"code":"bench","titleKk":"bench",
  "titleRu":"bench","titleEn":"bench","publisher":"bench"}' "http://127.0.0.1:$port/api/v1/datasets"

export PGPASSWORD; PGPASSWORD=$(db_password agyn_owner)
psql="psql -h 127.0.0.1 -p $dbport -U agyn_owner -d agyn -q -v ON_ERROR_STOP=1"
copy_table() {
  $psql -c "CREATE TABLE $1 (indicator text, period text, region text, occupation text, education text,
    country text, sex text, age text, flow text, value numeric, unit_mult smallint, status text);
    CREATE UNIQUE INDEX ON $1 (indicator, period, region, occupation, education, country, sex, age, flow);"
}
# \copy once before Agyn and once after: a virtual machine's speed drifts by a fifth from one minute to the next,
# so Agyn is compared with the mean of the two as well as with each.
copy_table bench_copy_before
tb0=$(date +%s.%N)
$psql -c "\copy bench_copy_before FROM '$work/obs.csv' (FORMAT csv, HEADER true)"
tb1=$(date +%s.%N)
$psql -c "DROP TABLE bench_copy_before; CHECKPOINT" 2>/dev/null || $psql -c "DROP TABLE bench_copy_before"

j0=$(cpu_of $app); p0=$(pg_cpu)
t0=$(date +%s.%N)
if [ "$upload" = form ]; then
  send=(-F "file=@$work/obs.csv" -F dataset=bench -F format=csv "http://127.0.0.1:$port/api/v1/imports")
else
  send=(--data-binary "@$work/obs.csv" -H 'Content-Type: text/csv'
        "http://127.0.0.1:$port/api/v1/imports?dataset=bench&format=csv&name=obs.csv")
fi
id=$(curl -sf "${auth[@]}" "${send[@]}" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["id"]) if r["status"]=="VALID" else sys.exit("not valid: %s" % r["problems"][:3])')
t1=$(date +%s.%N); j1=$(cpu_of $app); p1=$(pg_cpu)
curl -sf "${auth[@]}" -X POST -o /dev/null "http://127.0.0.1:$port/api/v1/imports/$id/accept"
t2=$(date +%s.%N); j2=$(cpu_of $app); p2=$(pg_cpu)

copy_table bench_copy
p3=$(pg_cpu); t3=$(date +%s.%N)
# psql's own CPU (it reads and sends the file) from bash's time keyword, the server's as for Agyn.
TIMEFORMAT='%U %S'
{ time $psql -c "\copy bench_copy FROM '$work/obs.csv' (FORMAT csv, HEADER true)" ; } 2>"$work/psql.cpu"
t4=$(date +%s.%N)
# psql's backend ends after psql does; its CPU counts once the postmaster has collected it.
sleep 1; p4=$(pg_cpu)
stored=$($psql -At -c "SELECT count(*) FROM wh_observation")

printf 'agyn validate (upload, check, stage rows)  %6.1f s   (cpu: java %.1f s, postgres %.1f s)\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$j1 - $j0" | bc)" "$(echo "$p1 - $p0" | bc)"
sed -n 's/.*Import .* staged \([0-9]*\) rows .*: read, checked and sent in \([0-9]*\) ms, indexed and committed in \([0-9]*\) ms; \([0-9]*\) rows sent out of.*/  server: read, checked and staged \1 rows in \2 ms; indexes built and committed in \3 ms; rows out of key order: \4/p' "$work/app.log" | tail -n 1
printf 'agyn accept (attach in one transaction)   %6.1f s   (cpu: java %.1f s, postgres %.1f s)\n' \
  "$(echo "$t2 - $t1" | bc)" "$(echo "$j2 - $j1" | bc)" "$(echo "$p2 - $p1" | bc)"
printf 'agyn total                                %6.1f s   (%s rows stored)\n' "$(echo "$t2 - $t0" | bc)" "$stored"
printf 'psql \\copy of the same file, before Agyn  %6.1f s\n' "$(echo "$tb1 - $tb0" | bc)"
printf 'psql \\copy of the same file, after Agyn   %6.1f s   (cpu: psql %.1f s, postgres %.1f s)\n' \
  "$(echo "$t4 - $t3" | bc)" "$(awk '{print $1 + $2}' "$work/psql.cpu")" "$(echo "$p4 - $p3" | bc)"
printf 'ratio agyn (validate + accept) / psql \\copy  %.2f   (target: at most 1.00; %.2f against the copy before, %.2f after)\n' \
  "$(echo "2 * ($t2 - $t0) / ($t4 - $t3 + $tb1 - $tb0)" | bc -l)" "$(echo "($t2 - $t0) / ($tb1 - $tb0)" | bc -l)" \
  "$(echo "($t2 - $t0) / ($t4 - $t3)" | bc -l)"
# On a shared machine the wall times follow the load; the CPU both sides used follows it much less.
printf 'cpu ratio agyn / psql \\copy (all processes)  %.2f\n' \
  "$(echo "($j2 - $j0 + $p2 - $p0) / ($(awk '{print $1 + $2}' "$work/psql.cpu") + $p4 - $p3)" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
