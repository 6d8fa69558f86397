#!/usr/bin/env bash
# Where a page spends the application's CPU (issue 22): starts the jar with the demonstration data and a flight
# recording (JFR, settings=profile), signs in as an analyst, asks for one page from several clients at once for a
# while (only 127.0.0.1), then prints the requests per second and, from the recording's execution samples, the
# share of samples under each part of the stack (inclusive) and the methods the samples were in (self).
# Usage: bench/profile-page.sh [PATH [SECONDS [CLIENTS]]]     (defaults / 40 8; e.g. bench/profile-page.sh
#        '/warehouse/explore?indicator=EMIGRANTS&by=REGION' 30 4); JAR=other.jar profiles another build. Keeps the recording as target/profile-page.jfr.
# Also prints the CPU each answered request cost during the timed phase: the application's process, and the embedded
# PostgreSQL's (postmaster and backends), from /proc (user + system time; the JFR recording's overhead included).
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-/}
seconds=${2:-40}
clients=${3:-8}
port=${PORT:-18081}
dbport=${DB_PORT:-15433}
work=$(mktemp -d)
password='Profile-page-password-2026'

jar=${JAR:-agyn-app/target/agyn.jar}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package -pl agyn-app -am
AGYN_ADMIN_PASSWORD=$password java -Xmx1g -XX:StartFlightRecording=filename="$work/app.jfr",settings=profile \
  -jar "$jar" --server.port="$port" --agyn.db.port="$dbport" --agyn.db.data-directory="$work/pgdata" \
  --agyn.imports.directory="$work/imports" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
  kill -0 "$app" 2>/dev/null || { echo "the application did not start:"; tail -20 "$work/app.log"; exit 1; }
  sleep 0.5
done
# The analyst the clients sign in as (tried again for a while: on a busy machine the first requests may time out).
for try in $(seq 30); do
  curl -sf -m 30 -u "admin:$password" -H 'Content-Type: application/json' -X POST \
    "http://127.0.0.1:$port/api/v1/users" -d "{\"username\":\"profile-analyst\",\"password\":\"$password\",\
\"roles\":[\"ANALYST\"],\"locale\":\"kk\"}" >/dev/null && break
  [ "$try" -lt 30 ] || { echo "could not create the analyst:"; tail -20 "$work/app.log"; exit 1; }
  sleep 2
done

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC')"
python3 - "http://127.0.0.1:$port" "$page" "$seconds" "$clients" "$password" "$app" "$work/pgdata" <<'PY'
import gzip, http.cookiejar, os, re, sys, threading, time, urllib.parse, urllib.request
base, page, seconds, clients, password = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
app, pgdata = int(sys.argv[6]), sys.argv[7]
hz = os.sysconf("SC_CLK_TCK")
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()
def cpu_seconds():
    """CPU seconds so far of the application, and of its PostgreSQL (postmaster, exited and live backends)."""
    s = stat(app)
    java = (int(s[11]) + int(s[12])) / hz
    postmaster = int(open(f"{pgdata}/postmaster.pid").readline())
    s = stat(postmaster)
    pg = sum(int(x) for x in s[11:15]) / hz
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                s = stat(d)
            except OSError:
                continue
            if int(s[1]) == postmaster:
                pg += (int(s[11]) + int(s[12])) / hz
    return java, pg
def signed_in():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("Accept-Language", "kk"), ("Accept-Encoding", "gzip")]
    r = opener.open(base + "/login")
    form = r.read()
    form = (gzip.decompress(form) if r.headers.get("Content-Encoding") == "gzip" else form).decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', form).group(1)
    opener.open(base + "/login", urllib.parse.urlencode(
        {"username": "profile-analyst", "password": password, "_csrf": csrf}).encode()).read()
    return opener
openers = [signed_in() for _ in range(clients)]
for o in openers:  # warm-up: the JIT and the caches
    for _ in range(20):
        o.open(base + page).read()
times, errors, lock = [], [0], threading.Lock()
cpu_before = cpu_seconds()
end = time.monotonic() + seconds
def run(o):
    while time.monotonic() < end:
        t = time.monotonic()
        try:
            o.open(base + page).read()
            with lock: times.append(time.monotonic() - t)
        except Exception:
            with lock: errors[0] += 1
threads = [threading.Thread(target=run, args=(o,)) for o in openers]
[t.start() for t in threads]
[t.join() for t in threads]
cpu_after = cpu_seconds()
times.sort()
q = lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1000
print(f"{page}: {len(times) / seconds:.1f} req/s from {clients} clients, p50 {q(.5):.0f} ms, p99 {q(.99):.0f} ms, "
      f"{errors[0]} errors")
n = max(1, len(times))
print(f"CPU per request: application {1000 * (cpu_after[0] - cpu_before[0]) / n:.2f} ms, "
      f"PostgreSQL {1000 * (cpu_after[1] - cpu_before[1]) / n:.2f} ms")
PY
jcmd "$app" JFR.dump filename="$work/app.jfr" >/dev/null
mkdir -p target
cp "$work/app.jfr" target/profile-page.jfr
jfr print --events jdk.ExecutionSample --stack-depth 200 "$work/app.jfr" | python3 -c '
import collections, re, sys
samples, stack = [], None
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        stack = []
    elif stack is not None and re.match(r"\s+[\w$.<>/]+\(.*line:", line):
        stack.append(line.strip().split("(")[0])
    elif stack is not None and line.strip() == "]":
        samples.append(stack); stack = None
# Only the request threads (a page being answered), not start-up or background work.
web = [s for s in samples if any("DispatcherServlet" in f or "FilterChainProxy" in f for f in s)]
parts = {
    "Thymeleaf (rendering a page)": "org.thymeleaf.",
    "  of which message lookups (#{...})": "MessageSource",
    "  of which link building (@{...})": "LinkBuilder",
    "  of which SpEL expressions": "org.springframework.expression.",
    "the controller (model, cached figures)": "kz.agyn.",
    "  of which data generations (cache check)": "DataGenerations",
    "PostgreSQL driver": "org.postgresql.",
    "Spring Security filters": "org.springframework.security.",
    "compression (gzip)": "Deflater",
    "password hashing": "Argon2",
}
print(f"{len(web)} samples in requests ({len(samples)} in all)")
for name, mark in parts.items():
    n = sum(1 for s in web if any(mark in f for f in s))
    print(f"  {name:<45} {100 * n / max(1, len(web)):5.1f}%")
print("methods the samples were in (self), top 15:")
for f, n in collections.Counter(s[0] for s in web if s).most_common(15):
    print(f"  {100 * n / max(1, len(web)):5.1f}%  {f}")
'
