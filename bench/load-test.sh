#!/usr/bin/env bash
# Load test (issue 22): 200 signed-in users for 10 minutes against an Agyn started here on 127.0.0.1 with the
# demonstration data — analysts and viewers (home, explorer with changing filters, metrics, a survey's results),
# registry officers (name search, cohorts), scripts (metrics API with a token and with HTTP Basic). Gatling's Java
# DSL (bench/load, a project of its own). Prints requests per second, p50/p95/p99 and errors per endpoint.
# The users sign in over a ramp of RAMP seconds (default 60), then all of them stay for SECONDS; the script prints
# the whole run as Gatling counts it, then the signed-in phase alone (every request that ended after the ramp).
# Usage: bench/load-test.sh [USERS [SECONDS]]      (defaults 200 600; e.g. `bench/load-test.sh 20 30` to try it)
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-200}
seconds=${2:-600}
ramp=${RAMP:-60}
port=${PORT:-18080}
dbport=${DB_PORT:-15432}
work=$(mktemp -d)
password='Load-test-password-2026'

[ -f agyn-app/target/agyn.jar ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
./mvnw -q -B -f bench/load/pom.xml test-compile

# AGYN_JAVA_OPTS: e.g. a flight recording of the run (-XX:StartFlightRecording=filename=app.jfr,settings=profile).
AGYN_ADMIN_PASSWORD=$password java -Xmx2g ${AGYN_JAVA_OPTS:-} -jar agyn-app/target/agyn.jar --server.port="$port" --agyn.db.port="$dbport" \
  --agyn.db.data-directory="$work/pgdata" --agyn.imports.directory="$work/imports" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
  kill -0 "$app" 2>/dev/null || { echo "the application did not start:"; tail -20 "$work/app.log"; exit 1; }
  sleep 0.5
done
base="http://127.0.0.1:$port"
admin=(-u "admin:$password" -H 'Content-Type: application/json')
for u in load-analyst:ANALYST load-officer:REGISTRY_OFFICER load-script:ANALYST; do
  curl -sf "${admin[@]}" -X POST "$base/api/v1/users" \
    -d "{\"username\":\"${u%%:*}\",\"password\":\"$password\",\"roles\":[\"${u##*:}\"],\"locale\":\"kk\"}" >/dev/null
done
token=$(curl -sf -u "load-script:$password" -H 'Content-Type: application/json' -X POST \
  "$base/api/v1/account/tokens" -d '{"name":"load test","days":1}' | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
survey=$(curl -sf -u "load-analyst:$password" "$base/api/v1/surveys" | sed -n 's/^\[{"id":\([0-9]*\).*/\1/p')
[ -n "$token" ] && [ -n "$survey" ] || { echo "could not prepare the users, token or survey"; exit 1; }

echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$(java -version 2>&1 | head -1); $(date -u +%F)"
echo "load: $users users signing in over $ramp s, then all signed in for $seconds s, each pausing 0.5-1.5 s between requests"
./mvnw -q -B -f bench/load/pom.xml gatling:test -Dagyn.url="$base" -Dusers="$users" -Dseconds="$seconds" \
  -Dramp="$ramp" -Dtimes="$work/times.csv" -Dpassword="$password" -Dtoken="$token" -Dsurvey="$survey" \
  >bench/load/target/gatling.log 2>&1 || true
report=$(ls -td bench/load/target/gatling/*/ | head -1)
[ -f "$report/index.html" ] || { echo "no report; see bench/load/target/gatling.log"; tail -20 bench/load/target/gatling.log; exit 1; }
python3 - "$report" <<'PY'
import html, pathlib, re, sys
report = pathlib.Path(sys.argv[1])
def stats(page):
    text = page.read_text(encoding="utf-8")
    name = html.unescape(re.search(r"<title>Gatling Stats - (.*?)</title>", text).group(1))
    rows = {m.group(1).strip(): (m.group(2), m.group(4)) for m in re.finditer(
        r'<td class="title">([^<]*)(?:</abbr>)?</td>\s*<td class="total">([^<]*)</td>\s*<td class="ok">([^<]*)</td>'
        r'\s*<td class="ko">([^<]*)</td>', text)}
    return name, rows
print(f"{'endpoint':<28} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'requests':>9} {'errors':>7}")
for page in sorted(report.glob("req_*.html")):
    name, r = stats(page)
    ko = r["Total count"][1]
    print(f"{name:<28} {r['Mean count/s'][0]:>8} {r['50th percentile'][0]:>7} {r['95th percentile'][0]:>7} "
          f"{r['99th percentile'][0]:>7} {r['Total count'][0]:>9} {'0' if ko == '-' else ko:>7}")
# All requests together, as Gatling prints them at the end of its run.
log = (report.parent.parent / "gatling.log").read_text(encoding="utf-8")
g = lambda label: re.findall(r"> " + re.escape(label) + r"\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|\n]+?)\s*$",
                             log, re.M)[-1]
count = g("request count")
print(f"{'ALL':<28} {g('mean throughput (rps)')[0]:>8} {g('response time 50th percentile (ms)')[0]:>7} "
      f"{g('response time 95th percentile (ms)')[0]:>7} {g('response time 99th percentile (ms)')[0]:>7} "
      f"{count[0]:>9} {'0' if count[2] == '-' else count[2]:>7}")
print("report:", report / "index.html")
PY
[ -f "$work/times.csv" ] || { echo "no request times; see bench/load/target/gatling.log"; exit 1; }
echo
echo "signed-in phase: the requests that ended after the $ramp s ramp ($seconds s)"
python3 - "$work/times.csv" "$ramp" "$seconds" <<'PY'
import collections, math, sys
lines = [l.rsplit(",", 3) for l in open(sys.argv[1], encoding="utf-8").read().splitlines()]
start = next(int(end) for name, end, _, _ in lines if name == "start")
ramp, seconds = int(sys.argv[2]) * 1000, int(sys.argv[3])
by = collections.defaultdict(list)
ko = collections.Counter()
for name, end, ms, status in lines:
    if name != "start" and int(end) - start >= ramp:
        by[name].append(int(ms))
        by["ALL"].append(int(ms))
        if status == "KO":
            ko[name] += 1
            ko["ALL"] += 1
def pct(values, p):  # nearest rank
    return values[max(0, math.ceil(p / 100 * len(values)) - 1)]
print(f"{'endpoint':<28} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'requests':>9} {'errors':>7}")
for name in sorted(by, key=lambda n: (n == "ALL", n)):
    v = sorted(by[name])
    print(f"{name:<28} {len(v) / seconds:>8.2f} {pct(v, 50):>7} {pct(v, 95):>7} {pct(v, 99):>7} {len(v):>9,} "
          f"{ko[name]:>7}")
PY
