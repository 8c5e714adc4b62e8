#!/usr/bin/env bash
# Where the JVM's time goes during the Entra mix: starts the packaged Roster on a throwaway embedded PostgreSQL with Java
# Flight Recorder, runs WARMUP mixes unrecorded, then records RUNS mixes and prints the CPU samples grouped by the first
# frame that is not the JDK's (Hibernate, Vert.x/Netty, SmallRye/ArC/Mutiny, Jackson, Roster, ...) and the top methods.
#
#   bench/profile.sh [--kit DIR]        (env: WARMUP=3 RUNS=2 OUT=dir REBUILD=1 JAR=...)
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=../shared/bench
while [ $# -gt 0 ]; do
  case "$1" in
    --kit) KIT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
KIT="$(cd "$KIT" && pwd)"
WARMUP="${WARMUP:-3}" RUNS="${RUNS:-2}"
OUT="${OUT:-$(mktemp -d /tmp/roster-profile-XXXXXX)}"
mkdir -p "$OUT"
KEY="bench-$RANDOM-$RANDOM"
. bench/lib.sh
trap 'stop_roster' EXIT
build_roster

start_roster "$OUT/roster.log" ${BENCH_JAVA_OPTS:--Xmx1g} -Droster.embedded-pg.dir="$OUT/pg" \
  -Droster.limits.enabled=false -Droster.access-log.enabled=false
mix() { # $1: run name
  : > "$OUT/targets.tsv"
  add_tenants "$OUT/targets.tsv" 10
  node "$KIT/entra-cycle.mjs" --targets "$OUT/targets.tsv" --tenants 10 --users 200 --groups 10 --members 50 \
    --concurrency 16 --json "$OUT/mix-$1.json" > "$OUT/mix-$1.txt" 2>&1 || true
}
for run in $(seq 1 "$WARMUP"); do mix "warm-$run"; done
"$JAVA_HOME/bin/jcmd" "$ROSTER" JFR.start name=mix settings=profile filename="$OUT/mix.jfr" > /dev/null
for run in $(seq 1 "$RUNS"); do mix "$run"; done
"$JAVA_HOME/bin/jcmd" "$ROSTER" JFR.stop name=mix > /dev/null
"$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 96 "$OUT/mix.jfr" > "$OUT/samples.txt"
node bench/profile-report.mjs "$OUT/samples.txt" | tee "$OUT/profile.txt"
grep -h 'ops/s' "$OUT"/mix-[0-9]*.txt | sed 's/^/mix: /' || true
echo "profile: results in $OUT" >&2
