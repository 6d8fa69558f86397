# Shared by the bench/ scripts: start Agyn on a throw-away data directory and wait for it, and count the CPU
# seconds it and its embedded PostgreSQL use. Source it; it expects `work` (a temporary folder), `port` and
# `dbport` to be set.

# start_agyn JAR PASSWORD [more Spring options…]: starts the jar as a background process (its pid in `app`),
# arranges for it to stop and `work` to be removed on exit, and waits until /actuator/health answers.
start_agyn() {
  local jar=$1 password=$2
  shift 2
  AGYN_ADMIN_PASSWORD=$password java -jar "$jar" --server.port="$port" --agyn.db.port="$dbport" \
    --agyn.db.data-directory="$work/pgdata" --agyn.imports.directory="$work/imports" --agyn.demo.enabled=false \
    "$@" >"$work/app.log" 2>&1 &
  app=$!
  # Wait for the application (and its embedded PostgreSQL) to stop, so that a second run finds the ports free.
  # (wait reports the app's exit by SIGTERM as a failure, which set -e would turn into an early exit)
  trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
    kill -0 "$app" 2>/dev/null || { echo "the application did not start:"; tail -20 "$work/app.log"; exit 1; }
    sleep 0.2
  done
  auth=(-u "admin:$password")
}

# db_password ROLE: the embedded database's generated password of ROLE (agyn_owner owns the schema, agyn_app is the
# application's role), read from the file Agyn keeps next to the data directory (decision 0011).
db_password() {
  sed -n "s/^$1=//p" "$work/pgdata.secret"
}

# CPU seconds (user + system) of one process; with a second argument "+children", also those of its children
# that have exited (the postmaster's backends; not the JVM's, whose only child is the embedded PostgreSQL).
cpu_of() {
  awk -v hz="$(getconf CLK_TCK)" -v kids="${2:-}" \
    '{printf "%.2f", ($14 + $15 + (kids == "+children" ? $16 + $17 : 0)) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0
}

# CPU seconds of the embedded PostgreSQL: the postmaster with its exited backends, and its live backends.
pg_cpu() {
  local pm s p
  pm=$(head -1 "$work/pgdata/postmaster.pid")
  s=$(cpu_of "$pm" +children)
  for p in $(pgrep -P "$pm"); do s=$(echo "$s + $(cpu_of "$p")" | bc); done
  echo "$s"
}
