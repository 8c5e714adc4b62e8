#!/usr/bin/env bash
# Issue 15's read-API figures on this machine: the admin user list at 100,000 users (p50/p99, c1), and the snapshot
# export's rows per second and the Roster process's memory while it streams, on a fresh packaged Roster with a
# throwaway embedded PostgreSQL, beside pgbench's lookup ceiling on the same machine for scale. The export runs on a
# Roster restarted with a 96 MB heap (EXPORT_HEAP): 100,000 users are ~150 MB of NDJSON, so finishing is the proof
# that it streams in constant memory.
# Usage: bench/read-api-figures.sh [the benchmark kit's folder, for pg-baseline.sh; default ../shared/bench]
# USERS=100000 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared/bench}"
USERS="${USERS:-100000}"
OUT="$(mktemp -d /tmp/roster-read-api-XXXXXX)"
KEY="bench-$RANDOM-$RANDOM"
. bench/lib.sh
build_roster
start_with_heap() { # $1: heap
  # Fair use is off: seeding is one tenant at full speed. The activity log stays on, as in production; the access log
  # is off (its 200,000 lines would only fill the log file).
  start_roster "$OUT/roster.log" "-Xmx$1" -Droster.embedded-pg.dir="$OUT/pg" -Droster.limits.enabled=false \
    -Droster.access-log.enabled=false
}
trap 'stop_roster' EXIT
start_with_heap 512m
node bench/read-api-figures.mjs seed-and-list "http://127.0.0.1:$PORT" "$KEY" "$ROSTER" "$USERS" "$OUT/read-api.json"
TENANT=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).tenant)' "$OUT/read-api.json")
stop_roster
start_with_heap "${EXPORT_HEAP:-96m}"
node bench/read-api-figures.mjs export "http://127.0.0.1:$PORT" "$KEY" "$ROSTER" "$TENANT" "$OUT/export.json"
stop_roster
"$SHARED/pg-baseline.sh" > "$OUT/pgbench.txt" 2>&1 || true
node -e '
const fs = require("fs"); const dir = process.argv[1];
const report = JSON.parse(fs.readFileSync(dir + "/read-api.json"));
report.export = JSON.parse(fs.readFileSync(dir + "/export.json"));
report.exportHeap = process.argv[2];
const pg = (fs.readFileSync(dir + "/pgbench.txt", "utf8").match(/tps = ([0-9.]+)/) || [])[1];
report.pgbenchTps = pg ? +pg : null; report.files = dir;
console.log(JSON.stringify(report, null, 2));
' "$OUT" "${EXPORT_HEAP:-96m}"
