#!/usr/bin/env bash
# Crash during long work (issues 12 and 14). Kills the application with kill -9 while it writes a 1,000,000-row
# warehouse import, again while it writes a registry bulk import (the synthetic registry: 14,033 scholars), and again
# while it re-keys that registry after a key rotation, restarting it after each kill. Checks, and prints with figures:
#   - the embedded PostgreSQL stopped with the JVM (its watchdog), and the restart succeeded the first time;
#   - the database holds none of the interrupted import's rows (each import writes in one transaction);
#   - the import shows INTERRUPTED in the API after the restart, not "running" for ever;
#   - accepting (warehouse) or sending (registry) it again succeeds, with every row;
#   - each killed job shows FAILED, with the reason "interrupted", in GET /api/v1/jobs and on the Jobs page, and the
#     re-key started again finishes with no row left under the retired key.
# Runs agyn-app/target/agyn.jar (built if missing) on a folder and port of its own; needs curl, python3 and psql.
# The jobs part at a smaller size (one kill during a write and a re-key at once) runs in every ./mvnw verify as
# agyn-app/src/test/java/kz/agyn/jobs/KillRecoveryIT.java; this script stays for the full-size figures of docs/reliability.md
# and for what the test does not look at (the registry bulk import killed, the rows inside the database).
# Usage: bench/kill-during-import.sh [rows]      PORT=… for another HTTP port, AGYN_JAR=… for another build.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
jar=${AGYN_JAR:-agyn-app/target/agyn.jar}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
port=${PORT:-18093}
work=$(mktemp -d)
home=$work/home
password=Kill-bench-pw-1
auth=(-u "admin:$password")
api=http://127.0.0.1:$port/api/v1
app=
failures=0

cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }
check() { # check DESCRIPTION CONDITION-RESULT(0/1)
  if [ "$2" = 0 ]; then echo "  ok    $1"; else echo "  FAIL  $1"; failures=$((failures + 1)); fi
}
json() { python3 -c "import json,sys; r=json.load(sys.stdin); print($1)"; }

# The job of kind $1 whose parameter $2 is $3 (or whose id is $3 when $2 is "id"): "STATE OUTCOME".
job_state() {
  curl -sf "${auth[@]}" "$api/jobs?kind=$1&limit=1000" | python3 -c "
import json,sys
for j in json.load(sys.stdin):
    if ('$2' == 'id' and j['id'] == '$3') or j['parameters'].get('$2') == '$3':
        print(j['state'], j['outcome']); break
else: print('none')"
}

# The Jobs page in English, as the administrator sees it after signing in with the form.
jobs_page() {
  local jar_=$work/cookies csrf
  rm -f "$jar_"
  csrf=$(curl -sf -c "$jar_" "http://127.0.0.1:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -sf -b "$jar_" -c "$jar_" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$port/login"
  curl -sf -b "$jar_" "http://127.0.0.1:$port/admin/jobs?lang=en&kind=$1"
}

# Starts the jar on $home and waits until /actuator/health answers; a start that fails is a failure of this test
# (after a crash the first start must work), so the script stops there.
start() {
  local t0
  t0=$(now)
  AGYN_HOME=$home AGYN_ADMIN_PASSWORD=$password java -jar "$jar" --server.port="$port" \
    --agyn.demo.enabled=false --agyn.demo.survey=false >>"$work/app.log" 2>&1 &
  app=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
    if ! kill -0 "$app" 2>/dev/null; then
      echo "  FAIL  the application did not start; its output:"; tail -25 "$work/app.log"; exit 1
    fi
    sleep 0.2
  done
  started_in=$(since "$t0")
}

# kill -9 of the JVM; then waits for its PostgreSQL, which no one told to stop, to stop (its watchdog's doing).
kill9() {
  postmaster=$(head -1 "$home/pgdata/postmaster.pid")
  kill -9 "$app"
  wait "$app" 2>/dev/null || true
  app=
  local t0 i=0
  t0=$(now)
  while kill -0 "$postmaster" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
  pg_stopped_in=$(since "$t0")
  kill -0 "$postmaster" 2>/dev/null && pg_alive=1 || pg_alive=0
}

# SQL as the schema's owner, with the password Agyn keeps next to its data directory (README).
sql() {
  PGPASSWORD=$(sed -n 's/^agyn_owner=//p' "$home/pgdata.secret") psql -h 127.0.0.1 \
    -p "$(sed -n 4p "$home/pgdata/postmaster.pid")" -U agyn_owner -d agyn -At -v ON_ERROR_STOP=1 -c "$1"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- warehouse: 1,000,000 rows
python3 bench/gen-observations.py "$work/obs.csv" "$rows"
echo
echo "== warehouse import of $rows rows ($(du -h "$work/obs.csv" | cut -f1)), killed while it is written"
start
echo "  first start: $started_in s"
curl -sf "${auth[@]}" -H 'Content-Type: application/json' -o /dev/null -d '{"code":"kill9","titleKk":"kill9",
  "titleRu":"kill9","titleEn":"kill9","publisher":"bench"}' "$api/datasets"
t0=$(now)
id=$(curl -sf "${auth[@]}" -F "file=@$work/obs.csv" -F dataset=kill9 -F format=csv "$api/imports" \
  | json 'r["id"] if r["status"] == "VALID" else sys.exit("not valid: %s" % r["problems"][:3])')
echo "  upload and check: $(since "$t0") s"
curl -s "${auth[@]}" -X POST -o /dev/null "$api/imports/$id/accept" &
accepting=$!
t0=$(now)
# Killed once 40 % of the checked rows have gone into COPY: well inside the one transaction that writes them.
while :; do
  p=$(curl -sf "${auth[@]}" "$api/imports/$id/progress" || true)
  phase=$(echo "$p" | sed -n 's/.*"phase":"\([A-Z]*\)".*/\1/p')
  read_=$(echo "$p" | sed -n 's/.*"bytesRead":\([0-9]*\).*/\1/p')
  total=$(echo "$p" | sed -n 's/.*"totalBytes":\([0-9]*\).*/\1/p')
  if echo "$p" | grep -q '"done":true'; then echo "  FAIL  the accept ended before the kill; try more rows"; exit 1; fi
  if [ "$phase" = WRITING ] && [ -n "$total" ] && [ "$total" -gt 0 ] && [ $((read_ * 100 / total)) -ge 40 ]; then
    break
  fi
  sleep 0.05
done
at=$((read_ * 100 / total))
kill9
wait "$accepting" 2>/dev/null || true
echo "  killed $(since "$t0") s into the accept, with $at % of the rows sent to COPY"
check "PostgreSQL stopped ${pg_stopped_in} s after the JVM was killed" "$pg_alive"
start
echo "  restart: $started_in s (the first attempt)"
status=$(curl -sf "${auth[@]}" "$api/imports/$id" | json 'r["status"]')
check "the import shows $status after the restart (INTERRUPTED expected)" "$([ "$status" = INTERRUPTED ]; echo $?)"
job=$(job_state WAREHOUSE_WRITE import "$id")
check "its write job in /api/v1/jobs: $job (FAILED jobs.outcome.interrupted expected)" \
  "$([ "$job" = "FAILED jobs.outcome.interrupted" ]; echo $?)"
page=$(jobs_page WAREHOUSE_WRITE || true)
check "the Jobs page says it was interrupted" \
  "$(echo "$page" | grep -q "Interrupted: Agyn stopped while this job ran"; echo $?)"
stored=$(sql "SELECT count(*) FROM wh_observation o JOIN wh_version v ON v.id = o.version_id
              JOIN wh_dataset d ON d.id = v.dataset_id WHERE d.code = 'kill9'")
versions=$(sql "SELECT count(*) FROM wh_version v JOIN wh_dataset d ON d.id = v.dataset_id WHERE d.code = 'kill9'")
check "rows of the interrupted import in the database: $stored, versions: $versions (none expected)" \
  "$([ "$stored" = 0 ] && [ "$versions" = 0 ]; echo $?)"
t0=$(now)
status=$(curl -sf "${auth[@]}" -X POST "$api/imports/$id/accept" | json 'r["status"]')
took=$(since "$t0")
stored=$(sql "SELECT count(*) FROM wh_observation o JOIN wh_version v ON v.id = o.version_id
              JOIN wh_dataset d ON d.id = v.dataset_id WHERE d.code = 'kill9'")
check "accepted again in $took s: $status, $stored rows (ACCEPTED and $rows expected)" \
  "$([ "$status" = ACCEPTED ] && [ "$stored" = "$rows" ]; echo $?)"

# ---------------------------------------------------------------- registry: 14,033 scholars
echo
echo "== registry bulk import (synthetic registry), killed while it is written"
java -cp "$jar" -Dloader.main=kz.agyn.demo.registry.SyntheticRegistry \
  org.springframework.boot.loader.launch.PropertiesLauncher "$work/files" 1 >/dev/null
files=(-F "scholars=@$work/files/scholars.csv" -F "awards=@$work/files/awards.csv"
  -F "employments=@$work/files/employments.csv")
before=$(sql "SELECT count(*) FROM reg_scholar")
t0=$(now)
rid=$(curl -sf "${auth[@]}" "${files[@]}" -F accept=true -F async=true "$api/registry/imports" | json 'r["id"]')
# Killed in the middle of the write: rows are being copied, or the obligations evaluated, in the one transaction.
while :; do
  s=$(curl -sf "${auth[@]}" "$api/registry/imports/$rid" || true)
  phase=$(echo "$s" | sed -n 's/.*"phase":"\([A-Z]*\)".*/\1/p')
  done_=$(echo "$s" | sed -n 's/.*"done":\([0-9]*\).*/\1/p')
  total=$(echo "$s" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  if echo "$s" | grep -q '"finished":true'; then echo "  FAIL  the import ended before the kill"; exit 1; fi
  if [ "$phase" = OBLIGATIONS ] || { [ "$phase" = WRITING ] && [ "${total:-0}" -gt 0 ] \
      && [ $((done_ * 100 / total)) -ge 30 ]; }; then
    break
  fi
  sleep 0.05
done
where="$phase$([ "$phase" = WRITING ] && echo ", $((done_ * 100 / total)) % of the rows")"
kill9
echo "  killed $(since "$t0") s into the import, in phase $where"
check "PostgreSQL stopped ${pg_stopped_in} s after the JVM was killed" "$pg_alive"
start
echo "  restart: $started_in s (the first attempt)"
status=$(curl -sf "${auth[@]}" "$api/registry/imports/$rid" | json 'r["status"]')
check "the import shows $status after the restart (INTERRUPTED expected)" "$([ "$status" = INTERRUPTED ]; echo $?)"
job=$(job_state REGISTRY_IMPORT id "$rid")
check "its job in /api/v1/jobs: $job (FAILED jobs.outcome.interrupted expected)" \
  "$([ "$job" = "FAILED jobs.outcome.interrupted" ]; echo $?)"
after=$(sql "SELECT count(*) FROM reg_scholar")
awards=$(sql "SELECT count(*) FROM reg_award")
jobs=$(sql "SELECT count(*) FROM reg_employment")
check "scholars, awards, jobs in the database: $after, $awards, $jobs ($before scholars before; none added expected)" \
  "$([ "$after" = "$before" ] && [ "$awards" = 0 ] && [ "$jobs" = 0 ]; echo $?)"
t0=$(now)
result=$(curl -sf "${auth[@]}" "${files[@]}" -F accept=true "$api/registry/imports" \
  | json '"%s %d" % (r["status"], r["scholars"])')
took=$(since "$t0")
after=$(sql "SELECT count(*) FROM reg_scholar")
check "sent again in $took s: $result; $after scholars stored (IMPORTED and 14033 expected)" \
  "$([ "${result%% *}" = IMPORTED ] && [ "$after" = 14033 ]; echo $?)"

# ---------------------------------------------------------------- registry re-key after a key rotation
echo
echo "== registry re-key of 14,033 scholars after a key rotation, killed while it runs"
kill "$app"; wait "$app" 2>/dev/null || true; app=
export AGYN_REGISTRY_RETIRED_KEYS
AGYN_REGISTRY_RETIRED_KEYS=$(cat "$home/registry.key")
export AGYN_REGISTRY_KEY
AGYN_REGISTRY_KEY=$(head -c 32 /dev/urandom | base64)
start
stale=$(curl -sf "${auth[@]}" "$api/registry/rekey" | json 'r["rowsUnderOtherKeys"]')
echo "  restarted with a new key: $stale rows under the retired one"
t0=$(now)
curl -sf "${auth[@]}" -X POST -o /dev/null "$api/registry/rekey"
while :; do
  s=$(curl -sf "${auth[@]}" "$api/registry/rekey" || true)
  kid=$(echo "$s" | json 'r["job"]["id"] if r["job"] else ""')
  pct=$(echo "$s" | json 'r["job"]["percent"] if r["job"] else -1')
  if echo "$s" | grep -q '"finished":true'; then echo "  FAIL  the re-key ended before the kill"; exit 1; fi
  [ "$pct" -ge 30 ] && break
  sleep 0.05
done
kill9
echo "  killed $(since "$t0") s into the re-key, at $pct % of the rows"
check "PostgreSQL stopped ${pg_stopped_in} s after the JVM was killed" "$pg_alive"
start
echo "  restart: $started_in s (the first attempt)"
job=$(job_state REGISTRY_REKEY id "$kid")
check "the re-key job in /api/v1/jobs: $job (FAILED jobs.outcome.interrupted expected)" \
  "$([ "$job" = "FAILED jobs.outcome.interrupted" ]; echo $?)"
page=$(jobs_page REGISTRY_REKEY || true)
check "the Jobs page says it was interrupted" \
  "$(echo "$page" | grep -q "Interrupted: Agyn stopped while this job ran"; echo $?)"
left=$(curl -sf "${auth[@]}" "$api/registry/rekey" | json 'r["rowsUnderOtherKeys"]')
t0=$(now)
curl -sf "${auth[@]}" -X POST -o /dev/null "$api/registry/rekey"
until curl -sf "${auth[@]}" "$api/registry/rekey" | grep -q '"finished":true'; do sleep 0.2; done
took=$(since "$t0")
s=$(curl -sf "${auth[@]}" "$api/registry/rekey")
result=$(echo "$s" | json '"%s %d" % (r["job"]["status"], r["rowsUnderOtherKeys"])')
check "started again with $left rows left, finished in $took s: $result (DONE 0 expected)" \
  "$([ "$result" = "DONE 0" ]; echo $?)"

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "every check passed"
