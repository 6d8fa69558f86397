#!/usr/bin/env bash
# kill -9 of the embedded PostgreSQL while the application runs and writes (issue 12). A writer creates datasets
# through the API as fast as it can, noting each answer; meanwhile the postmaster is killed:
#   1. once: Agyn's guard starts it again, crash recovery replays the WAL;
#   2. again and again for 15 s (a crash loop), so that the outage outlasts the pool's 5 s wait: /actuator/health
#      must say DOWN with its db component, the API 503 problem+json; both must be back once the killing stops.
# Afterwards every write the API acknowledged (201) must be in the database: synchronous_commit and fsync are on.
# Runs agyn-app/target/agyn.jar (built if missing) on a folder and port of its own; needs curl, python3 and psql.
# Usage: bench/kill-postgres.sh      PORT=… for another HTTP port, AGYN_JAR=… for another build.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${AGYN_JAR:-agyn-app/target/agyn.jar}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
port=${PORT:-18094}
work=$(mktemp -d)
home=$work/home
password=Kill-pg-bench-pw-1
auth=(-u "admin:$password")
base=http://127.0.0.1:$port
app=
writer=
failures=0

cleanup() {
  [ -n "$writer" ] && kill "$writer" 2>/dev/null || true
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }
check() {
  if [ "$2" = 0 ]; then echo "  ok    $1"; else echo "  FAIL  $1"; failures=$((failures + 1)); fi
}
postmaster() { head -1 "$home/pgdata/postmaster.pid" 2>/dev/null || echo 0; }
sql() {
  PGPASSWORD=$(sed -n 's/^agyn_owner=//p' "$home/pgdata.secret") psql -h 127.0.0.1 \
    -p "$(sed -n 4p "$home/pgdata/postmaster.pid")" -U agyn_owner -d agyn -At -v ON_ERROR_STOP=1 -c "$1"
}

# Writes datasets kp-<round>-<n> until told to stop; one line per request: n, HTTP status, seconds it took.
write_loop() {
  local round=$1 n=0 t0 code
  while [ ! -f "$work/stop-$round" ]; do
    n=$((n + 1))
    t0=$(now)
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "${auth[@]}" -H 'Content-Type: application/json' \
      -d "{\"code\":\"kp-$round-$n\",\"titleKk\":\"kp\",\"titleRu\":\"kp\",\"titleEn\":\"kp\",\"publisher\":\"bench\"}" \
      "$base/api/v1/datasets" || true)
    echo "$n $code $(since "$t0")" >>"$work/writes-$round"
  done
}

# Health and a read of the API every 0.2 s while $1 runs; notes when health was DOWN and what the API said then.
watch_health() {
  local t0=$1 h
  while [ ! -f "$work/stop-watch" ]; do
    h=$(curl -s --max-time 10 -w ' %{http_code}' "$base/actuator/health" || echo "- 000")
    echo "$(since "$t0") ${h##* } $(echo "${h% *}" | python3 -c 'import json,sys
try: r=json.load(sys.stdin); print(r.get("components",{}).get("db",{}).get("status","?"))
except Exception: print("-")')" >>"$work/health"
    sleep 0.2
  done
}

# The API during the crash loop, once a second: HTTP status, content type, Retry-After, body.
probe_api() {
  local i=0
  while [ ! -f "$work/stop-watch" ]; do
    i=$((i + 1))
    curl -s --max-time 30 -D "$work/probe-$i.h" -o "$work/probe-$i.b" "${auth[@]}" -H 'Accept-Language: en' \
      "$base/api/v1/regions" || true
    sleep 1
  done
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now)
AGYN_HOME=$home AGYN_ADMIN_PASSWORD=$password java -jar "$jar" --server.port="$port" \
  --agyn.demo.enabled=false --agyn.demo.survey=false >"$work/app.log" 2>&1 &
app=$!
until curl -sf "$base/actuator/health" >/dev/null; do
  kill -0 "$app" 2>/dev/null || { echo "the application did not start:"; tail -20 "$work/app.log"; exit 1; }
  sleep 0.2
done
echo "started in $(since "$t0") s"

report_writes() { # round
  local acked refused other present
  acked=$(awk '$2 == 201' "$work/writes-$1" | wc -l)
  refused=$(awk '$2 == 503' "$work/writes-$1" | wc -l)
  other=$(awk '$2 != 201 && $2 != 503' "$work/writes-$1" | wc -l)
  codes=$(awk '$2 == 201 {printf "%s'"'"'kp-'"$1"'-%s'"'"'", (n++ ? "," : ""), $1}' "$work/writes-$1")
  present=$( [ "$acked" -gt 0 ] && sql "SELECT count(*) FROM wh_dataset WHERE code IN ($codes)" || echo 0)
  echo "  writes: $(wc -l <"$work/writes-$1") sent, $acked acknowledged (201), $refused refused with 503," \
    "$other other; slowest answer $(sort -k3 -n "$work/writes-$1" | tail -1 | cut -d' ' -f3) s"
  check "every acknowledged write is in the database: $present of $acked" "$([ "$present" = "$acked" ]; echo $?)"
  check "no answer other than 201 or 503 ($other$([ "$other" = 0 ] || echo ": $(awk '$2 != 201 && $2 != 503 {printf "#%s %s ", $1, $2}' "$work/writes-$1")"))" \
    "$([ "$other" = 0 ]; echo $?)"
}

# ---------------------------------------------------------------- 1. one kill
echo
echo "== 1. one kill -9 of the postmaster while writing"
write_loop 1 &
writer=$!
sleep 5
pm=$(postmaster)
t0=$(now)
kill -9 "$pm"
until [ "$(postmaster)" != "$pm" ] && kill -0 "$(postmaster)" 2>/dev/null; do sleep 0.05; done
back_pm=$(since "$t0")
until curl -sf "${auth[@]}" -o /dev/null "$base/api/v1/regions"; do sleep 0.1; done
echo "  postmaster $pm killed; a new one ran $back_pm s later, the API answered again $(since "$t0") s later"
sleep 5
touch "$work/stop-1"
wait "$writer" || true
writer=
report_writes 1

# ---------------------------------------------------------------- 2. a crash loop of 15 s
echo
echo "== 2. the postmaster killed again and again for 15 s while writing"
write_loop 2 &
writer=$!
sleep 3
t0=$(now)
watch_health "$t0" &
watcher=$!
probe_api &
prober=$!
kills=0
while [ "$(echo "$(now) - $t0 < 15" | bc)" = 1 ]; do
  pm=$(postmaster)
  if [ "$pm" != 0 ] && kill -0 "$pm" 2>/dev/null; then kill -9 "$pm" && kills=$((kills + 1)); fi
  sleep 0.1
done
stopped_killing=$(now)
until curl -sf "$base/actuator/health" >/dev/null; do sleep 0.2; done
back=$(since "$stopped_killing")
sleep 3
touch "$work/stop-watch" "$work/stop-2"
wait "$watcher" || true
wait "$prober" || true
wait "$writer" || true
writer=
echo "  $kills kills in 15 s; health UP again $back s after the last"
down=$(awk '$2 == 503 && $3 == "DOWN"' "$work/health" | wc -l)
first_down=$(awk '$2 == 503 && $3 == "DOWN" {print $1; exit}' "$work/health")
check "/actuator/health answered 503 with components.db DOWN ($down of $(wc -l <"$work/health") polls; first at ${first_down:-never} s)" \
  "$([ "$down" -gt 0 ]; echo $?)"
probes=0 unavailable=0 sample=
for h in "$work"/probe-*.h; do
  [ -f "$h" ] || continue
  probes=$((probes + 1))
  status=$(grep -i '^HTTP' "$h" | tail -1 | awk '{print $2}')
  ctype=$(grep -i '^content-type' "$h" | tail -1 | tr -d '\r' | cut -d' ' -f2)
  if [ "$status" = 503 ] && [ "${ctype%%;*}" = "application/problem+json" ]; then
    unavailable=$((unavailable + 1))
    [ -n "$sample" ] || sample="HTTP 503, $ctype, Retry-After: $(grep -i '^retry-after' "$h" | tr -d '\r' | cut -d' ' -f2): $(cat "${h%.h}.b")"
  fi
done
echo "  the API during the outage: ${sample:-no 503 seen}"
echo "  its answers, once a second: $(for h in "$work"/probe-*.h; do grep -i '^HTTP' "$h" | tail -1 | awk '{printf "%s ", $2}'; done)"
check "the API answered 503 problem+json while the database was away ($unavailable of $probes reads)" \
  "$([ "$unavailable" -gt 0 ]; echo $?)"
report_writes 2
restarts=$(grep -c "running again" "$work/app.log" || true)
echo "  restarts of the postmaster by Agyn's guard: $restarts"

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed; the application's errors:"
  grep -E -A3 ' ERROR |Incident' "$work/app.log" | grep -v '^\s*at ' | tail -40
  exit 1
fi
echo "every check passed"
