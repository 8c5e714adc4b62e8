#!/usr/bin/env bash
# Where the CPU goes in one warm Entra mix (10 tenants x 200 users, c16): the CPU ticks (1/100 s) Roster's JVM and
# PostgreSQL spend on one mix after four warm-up mixes, with events, the activity log and webhooks each on or off. Steadier
# than ops/s on a 2-core box where a fresh JVM keeps speeding up from run to run (bench/events-figures.sh).
# Usage: EVENTS=true|false ACTIVITY=true|false WEBHOOKS=1|0 bench/events-cpu.sh [benchmark kit folder; ../shared/bench]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared/bench}"
EVENTS="${EVENTS:-true}"; ACTIVITY="${ACTIVITY:-true}"; WEBHOOKS="${WEBHOOKS:-1}"
OUT="$(mktemp -d /tmp/roster-events-cpu-XXXXXX)"; KEY="bench-$RANDOM-$RANDOM"; RECEIVER_PORT=9099
. bench/lib.sh
REBUILD="${REBUILD:-0}" build_roster
start_roster "$OUT/roster.log" -Xmx1g -Droster.embedded-pg.dir="$OUT/pg" -Droster.events.enabled="$EVENTS" \
  -Droster.activity.enabled="$ACTIVITY" -Droster.limits.enabled=false -Droster.webhooks.allow-http=true \
  -Droster.webhooks.allow-private-addresses=true
node bench/webhook-receiver.mjs "$RECEIVER_PORT" "$OUT/receiver.json" &
RECEIVER=$!
trap 'stop_roster; kill $RECEIVER 2>/dev/null || true' EXIT
targets() {
  : > "$OUT/targets.tsv"
  local hook=""
  if [ "$WEBHOOKS" = 1 ] && [ "$EVENTS" = true ]; then hook="http://127.0.0.1:$RECEIVER_PORT/hook"; fi
  add_tenants "$OUT/targets.tsv" 10 "$hook"
}
mix() {
  node "$SHARED/entra-cycle.mjs" --targets "$OUT/targets.tsv" --tenants 10 --users 200 --groups 10 --members 50 \
    --concurrency 16 --quiet --json "$OUT/mix-$1.json" > "$OUT/mix-$1.txt" 2>&1 || true
}
ticks() { # Roster's JVM, then the embedded server's postmaster and its backends (live ones: the pool keeps them)
  local java pg=0 pid postmaster
  java=$(awk '{print $14+$15}' "/proc/$ROSTER/stat")
  postmaster=$(pgrep -f -- "-D $OUT/pg" | head -1)
  for pid in $postmaster $(pgrep -P "$postmaster"); do
    pg=$((pg + $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$java $pg"
}
for warm in 1 2 3 4; do targets; mix "warm-$warm"; done
targets
read -r java0 pg0 <<< "$(ticks)"
mix measured
sleep 3 # let the relay finish what the mix queued
read -r java1 pg1 <<< "$(ticks)"
ops=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).phases.overall.opsPerSec)' \
  "$OUT/mix-measured.json")
echo "{\"events\": $EVENTS, \"activity\": $ACTIVITY, \"webhooks\": $WEBHOOKS, \"opsPerSecond\": $ops," \
  "\"javaTicks\": $((java1 - java0)), \"postgresTicks\": $((pg1 - pg0)), \"files\": \"$OUT\"}"
