#!/usr/bin/env bash
# Issue 11's figures on this machine, in one run: the Entra mix (the benchmark kit's entra-cycle.mjs, 10 tenants, c16) with
# events, webhooks and the activity log off, then on (one webhook endpoint per tenant, a local receiver), plus
# write-to-webhook latency and deliveries per second from the receiver, and pgbench's filter lookup ceiling on the same
# machine for the ratio. Each mode runs on a fresh packaged Roster with a throwaway embedded PostgreSQL: WARMUP mixes
# (default 1, not counted: a fresh JVM runs its first tens of thousands of requests several times slower), then RUNS
# measured mixes (default 3), each on ten new tenants; the figure of a mode is the median of its runs.
# Usage: bench/events-figures.sh [the benchmark kit's folder, holding entra-cycle.mjs and pg-baseline.sh; default
#        ../shared/bench, where the workplace serves it]
# WEBHOOKS=0 registers no endpoints in the "on" run: then it measures the outbox and the activity log alone.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared/bench}"
OUT="$(mktemp -d /tmp/roster-events-figures-XXXXXX)"
KEY="bench-$RANDOM-$RANDOM"
RECEIVER_PORT=9099
. bench/lib.sh
build_roster

start_mode() { # $1: on|off
  local enabled=true
  [ "$1" = off ] && enabled=false
  start_roster "$OUT/roster-$1.log" ${BENCH_JAVA_OPTS:--Xmx1g} -Droster.embedded-pg.dir="$OUT/pg-$1" \
    -Droster.events.enabled=$enabled -Droster.activity.enabled=$enabled -Droster.limits.enabled=false \
    -Droster.webhooks.allow-http=true -Droster.webhooks.allow-private-addresses=true
}

# Ten new tenants with a token each (and, when $1 = on, a webhook endpoint each) as entra-cycle's targets file.
make_targets() {
  : > "$OUT/targets-$1.tsv"
  local hook=""
  if [ "$1" = on ] && [ "${WEBHOOKS:-1}" = 1 ]; then hook="http://127.0.0.1:$RECEIVER_PORT/hook"; fi
  add_tenants "$OUT/targets-$1.tsv" 10 "$hook"
}

RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-1}"

run_mix() { # $1: on|off; mixes warm-1.. (not counted), then 1..RUNS
  start_mode "$1"
  local names
  names="$(seq -f 'warm-%g' 1 "$WARMUP" 2>/dev/null || true) $(seq 1 "$RUNS")"
  for run in $names; do
    make_targets "$1"
    node "$SHARED/entra-cycle.mjs" --targets "$OUT/targets-$1.tsv" --tenants 10 --users 200 --groups 10 --members 50 \
      --concurrency 16 --json "$OUT/mix-$1-$run.json" > "$OUT/mix-$1-$run.txt" 2>&1 || true
  done
}

run_mix off
stop_roster

node bench/webhook-receiver.mjs "$RECEIVER_PORT" "$OUT/receiver.json" &
RECEIVER=$!
run_mix on
# Let the relay drain what the run queued, then stop the receiver to get its report.
for _ in $(seq 1 60); do
  backlog=$(curl -sf "http://127.0.0.1:$PORT/q/metrics" | awk '/^roster_events_backlog_oldest_seconds/ {print $2}')
  [ "${backlog:-1}" = "0.0" ] && break
  sleep 1
done
stop_roster
kill -TERM "$RECEIVER"; wait "$RECEIVER" 2>/dev/null || true

"$SHARED/pg-baseline.sh" > "$OUT/pgbench.txt" 2>&1 || true

node -e '
const fs = require("fs"); const [dir, runs] = [process.argv[1], +process.argv[2]];
const read = f => { try { return JSON.parse(fs.readFileSync(dir + "/" + f)); } catch { return null; } };
const overall = m => m?.phases?.overall?.opsPerSec ?? null;
const errors = m => m?.phases?.overall?.errors ?? null;
const mode = name => {
  const all = Array.from({ length: runs }, (_, i) => read(`mix-${name}-${i + 1}.json`));
  const ops = all.map(overall).filter(v => v != null).sort((a, b) => a - b);
  return { median: ops.length ? ops[Math.floor((ops.length - 1) / 2)] : null, runs: all.map(overall),
           errors: all.map(errors) };
};
const off = mode("off"), on = mode("on"), receiver = read("receiver.json");
const pg = (fs.readFileSync(dir + "/pgbench.txt", "utf8").match(/tps = ([0-9.]+)/) || [])[1];
console.log(JSON.stringify({ entraMixOpsPerSecond: { off, on,
  onOverOff: off.median && on.median ? +(on.median / off.median).toFixed(3) : null },
  webhooks: receiver, pgbenchTps: pg ? +pg : null,
  offOverPgbench: pg && off.median ? +(off.median / +pg).toFixed(4) : null,
  onOverPgbench: pg && on.median ? +(on.median / +pg).toFixed(4) : null, files: dir }, null, 2));
' "$OUT" "$RUNS"
