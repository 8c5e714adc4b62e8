#!/usr/bin/env bash
# Issue 15, item 5's fairness figure on this machine: nine tenants running normal Entra cycles (the benchmark kit's
# entra-cycle.mjs, 200 users each) alone, then beside one heavy tenant loading 20,000 users at full speed (c16, never
# backing off), on a fresh packaged Roster with its default fair use; the light tenants' p99 per operation with the heavy
# one over without it. The same again with fair use off shows what the caps do. pgbench's lookup ceiling on the same
# machine is printed for scale.
# Usage: bench/fairness-figures.sh [the benchmark kit's folder; default ../shared/bench]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared/bench}"
OUT="$(mktemp -d /tmp/roster-fairness-XXXXXX)"
KEY="bench-$RANDOM-$RANDOM"
. bench/lib.sh
build_roster

start_mode() { # $1: on|off (fair use)
  local enabled=true
  [ "$1" = off ] && enabled=false
  start_roster "$OUT/roster-$1.log" ${BENCH_JAVA_OPTS:--Xmx1g} -Droster.embedded-pg.dir="$OUT/pg-$1" \
    -Droster.limits.enabled=$enabled
}

light() { # $1: name of the run
  node "$SHARED/entra-cycle.mjs" --targets "$OUT/light.tsv" --tenants 9 --users 200 --groups 10 --members 50 \
    --concurrency 16 --run-tag "$1-$RANDOM" --json "$OUT/light-$1.json" > "$OUT/light-$1.txt" 2>&1 || true
}

run_mode() { # $1: on|off
  start_mode "$1"
  : > "$OUT/light.tsv"
  add_tenants "$OUT/light.tsv" 9
  : > "$OUT/heavy.tsv"
  add_tenants "$OUT/heavy.tsv" 1
  light "$1-warm-1"
  light "$1-warm-2"
  light "$1-alone"
  node "$SHARED/entra-cycle.mjs" --targets "$OUT/heavy.tsv" --tenants 1 --users 20000 --groups 0 --cycles 0 \
    --concurrency 16 --max-seconds 120 --no-verify --quiet --json "$OUT/heavy-$1.json" > "$OUT/heavy-$1.txt" 2>&1 &
  HEAVY=$!
  sleep 3
  light "$1-heavy"
  kill "$HEAVY" 2>/dev/null || true; wait "$HEAVY" 2>/dev/null || true
  stop_roster
}

run_mode on
run_mode off
"$SHARED/pg-baseline.sh" > "$OUT/pgbench.txt" 2>&1 || true

node -e '
const fs = require("fs"); const dir = process.argv[1];
const read = f => { try { return JSON.parse(fs.readFileSync(dir + "/" + f)); } catch { return null; } };
const p99s = m => Object.fromEntries(Object.entries(m?.phases?.overall?.ops ?? {}).map(([op, s]) => [op, s.p99]));
const mode = name => {
  const alone = read(`light-${name}-alone.json`), beside = read(`light-${name}-heavy.json`);
  const a = p99s(alone), b = p99s(beside);
  const ratios = Object.fromEntries(Object.keys(a).map(op => [op, a[op] ? +(b[op] / a[op]).toFixed(2) : null]));
  return { lightP99MsAlone: a, lightP99MsBesideHeavy: b, ratio: ratios,
           worstRatio: Math.max(...Object.values(ratios).filter(v => v != null)),
           lightOpsPerSecond: { alone: alone?.phases?.overall?.opsPerSec, besideHeavy: beside?.phases?.overall?.opsPerSec },
           lightErrors: { alone: alone?.phases?.overall?.errors, besideHeavy: beside?.phases?.overall?.errors } };
};
const pg = (fs.readFileSync(dir + "/pgbench.txt", "utf8").match(/tps = ([0-9.]+)/) || [])[1];
console.log(JSON.stringify({ fairUseOn: mode("on"), fairUseOff: mode("off"), pgbenchTps: pg ? +pg : null, files: dir },
  null, 2));
' "$OUT"
