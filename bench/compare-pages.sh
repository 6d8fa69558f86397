#!/usr/bin/env bash
# The CPU a page costs per request in two builds, measured side by side (issue 22): starts both jars at once (each
# with its own demonstration data, only 127.0.0.1), signs in an analyst to each, warms both up, then asks for the home
# page and the explorer from 8 clients, one build at a time, in alternating order, for ROUNDS rounds of SECONDS
# each; prints each phase's and each build's total CPU per answered request (the application's process, and its
# embedded PostgreSQL's), from /proc. On a shared machine the other work disturbs both builds alike, which two
# separate runs of bench/profile-page.sh cannot promise. No JFR: the figures are the application's own.
# Usage: bench/compare-pages.sh JAR_A JAR_B [ROUNDS [SECONDS]]   (defaults 4 4: about a minute of load after the
#        warm-up); e.g. bench/compare-pages.sh /tmp/main.jar agyn-app/target/agyn.jar
set -euo pipefail
jarA=$1 jarB=$2 rounds=${3:-4} secs=${4:-4}
pw='Profile-page-password-2026'
start() { # JAR PORT DB_PORT FOLDER: prints the pid
  mkdir -p $4
  AGYN_ADMIN_PASSWORD=$pw java -Xmx1g -jar $1 --server.port=$2 --agyn.db.port=$3 --agyn.db.data-directory=$4/pgdata --agyn.imports.directory=$4/imports > $4/app.log 2>&1 &
  echo $!
}
wa=$(mktemp -d); wb=$(mktemp -d)
a=$(start $jarA 18201 15501 $wa); b=$(start $jarB 18202 15502 $wb)
trap 'kill $a $b 2>/dev/null; wait $a $b 2>/dev/null || true; rm -rf $wa $wb' EXIT
for p in 18201 18202; do until curl -sf http://127.0.0.1:$p/actuator/health >/dev/null; do sleep 1; done; done
for p in 18201 18202; do
  for try in $(seq 30); do
    curl -sf -m 30 -u "admin:$pw" -H 'Content-Type: application/json' -X POST http://127.0.0.1:$p/api/v1/users \
      -d "{\"username\":\"profile-analyst\",\"password\":\"$pw\",\"roles\":[\"ANALYST\"],\"locale\":\"kk\"}" >/dev/null && break
    sleep 2
  done
done
echo "A: $jarA, B: $jarB"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC')"
python3 - $a $wa $b $wb $rounds $secs "$pw" <<'PY'
import gzip, http.cookiejar, os, re, sys, threading, time, urllib.parse, urllib.request
a, wa, b, wb, rounds, secs, pw = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), float(sys.argv[6]), sys.argv[7]
hz = os.sysconf("SC_CLK_TCK")
def stat(pid):
    with open(f"/proc/{pid}/stat") as f: return f.read().rsplit(")", 1)[1].split()
def cpu(app, work):
    s = stat(app); java = (int(s[11]) + int(s[12])) / hz
    pm = int(open(f"{work}/pgdata/postmaster.pid").readline()); s = stat(pm)
    pg = sum(int(x) for x in s[11:15]) / hz
    for d in os.listdir("/proc"):
        if d.isdigit():
            try: s = stat(d)
            except OSError: continue
            if int(s[1]) == pm: pg += (int(s[11]) + int(s[12])) / hz
    return java, pg
def signed_in(base):
    jar = http.cookiejar.CookieJar()
    o = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    o.addheaders = [("Accept-Language", "kk"), ("Accept-Encoding", "gzip")]
    r = o.open(base + "/login"); form = r.read()
    form = (gzip.decompress(form) if r.headers.get("Content-Encoding") == "gzip" else form).decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', form).group(1)
    o.open(base + "/login", urllib.parse.urlencode({"username": "profile-analyst", "password": pw, "_csrf": csrf}).encode()).read()
    return o
apps = {"A": ("http://127.0.0.1:18201", a, wa), "B": ("http://127.0.0.1:18202", b, wb)}
openers = {k: [signed_in(v[0]) for _ in range(8)] for k, v in apps.items()}
pages = ["/", "/warehouse/explore?indicator=EMIGRANTS&by=REGION"]
for k, v in apps.items():
    for o in openers[k]:
        for p in pages:
            for _ in range(150): o.open(v[0] + p).read()
tot = {(k, p): [0, 0.0, 0.0] for k in apps for p in pages}
for r in range(rounds):
    for p in pages:
        for k in (["A", "B"] if r % 2 == 0 else ["B", "A"]):
            base, pid, work = apps[k]
            n = [0]; lock = threading.Lock(); end = time.monotonic() + secs
            def run(o):
                while time.monotonic() < end:
                    o.open(base + p).read()
                    with lock: n[0] += 1
            c0 = cpu(pid, work)
            ts = [threading.Thread(target=run, args=(o,)) for o in openers[k]]
            [t.start() for t in ts]; [t.join() for t in ts]
            c1 = cpu(pid, work)
            t = tot[(k, p)]; t[0] += n[0]; t[1] += c1[0] - c0[0]; t[2] += c1[1] - c0[1]
            print(f"round {r} {k} {p}: {n[0]} requests, app {1000*(c1[0]-c0[0])/n[0]:.2f} ms, pg {1000*(c1[1]-c0[1])/n[0]:.2f} ms", flush=True)
for (k, p), (n, j, g) in tot.items():
    print(f"TOTAL {k} {p}: {n} requests, CPU per request: application {1000*j/n:.2f} ms, PostgreSQL {1000*g/n:.2f} ms")
PY
echo "end: load average $(cut -d' ' -f1-3 /proc/loadavg)"
