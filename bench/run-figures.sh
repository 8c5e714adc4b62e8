#!/usr/bin/env bash
# Measures issue 4's figures on this machine: packages Roster, starts it on a throwaway embedded PostgreSQL, runs
# bench/figures.mjs against it, and stops it. Usage: bench/run-figures.sh [figures.mjs options...]
# Example (the closing note's run): bench/run-figures.sh --users 100500 --members 100000 --seconds 20
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
KEY="bench-$(date +%s)-$RANDOM"
DATA="$(mktemp -d /tmp/roster-bench-XXXXXX)"
LOG="$DATA/roster.log"
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${REBUILD:-1}" = 1 ]; then
  ./mvnw -B -q package -DskipTests
fi
# Fair use is off: these figures are one tenant's ceiling, which the per-tenant caps would otherwise set.
ROSTER_ADMIN_KEY="$KEY" "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx1g} \
  -Droster.embedded-pg.dir="$DATA/pg" -Droster.limits.enabled=false \
  -Dquarkus.log.level=WARN -Dquarkus.http.port=8080 \
  -jar target/quarkus-app/quarkus-run.jar > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf http://127.0.0.1:8080/q/health/ready > /dev/null && break
  sleep 1
done
node bench/figures.mjs --base http://127.0.0.1:8080 --admin-key "$KEY" "$@"
