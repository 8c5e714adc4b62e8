#!/usr/bin/env bash
# Issue 12's benchmark, in one invocation: a previous Roster (built from a git ref) against the current tree, each on a
# fresh embedded PostgreSQL, one after the other on this machine, with pgbench's lookup ceiling taken on the same
# PostgreSQL server as each, so every figure can be read as a ratio that survives a change of machine.
#
# Per build:
#   1. start-to-ready of the packaged jar (launch to the first green readiness check; the second start, on an existing
#      database, as a rolled-out pod sees it), and the first Entra mix after that start (the cold mix);
#   2. WARMUP more Entra mixes, then RUNS measured ones (the benchmark kit's entra-cycle.mjs: 10 tenants x 200 users x
#      10 groups x 50 members, 3 incremental cycles, c16), each on ten new tenants: ops/s median and range, errors,
#      verification, p99 per operation, and statements and transactions per request (pg_stat_statements and
#      pg_stat_database over the measured mixes); the Roster process's resident memory after them;
#   3. statements per operation type (bench/statements.mjs);
#   4. bench/figures.mjs: POST /Users at c16 while loading USERS users into one tenant, filter-eq lookups of existing
#      users at c1 and c16, adding one member to a group of MEMBERS members;
#   5. pg-baseline.sh against the same embedded PostgreSQL (the pgbench filter-eq ceiling, c16 and c1).
# Prints a JSON report with the ratios current/previous and Roster/pgbench, and writes it to $OUT/report.json.
#
# Usage: bench/compare.sh [--previous REF] [--kit DIR]
#   --previous  git ref of the previous release (default: $PREVIOUS, else 66c97af, main before issue 12)
#   --kit       the benchmark kit's folder holding entra-cycle.mjs and pg-baseline.sh (default ../shared/bench)
# Environment: WARMUP (3), RUNS (3), USERS (100500), MEMBERS (100000), LOOKUP_SECONDS (20), ONLY (previous|current:
# measure one build only), BENCH_JAVA_OPTS (-Xmx1g), OUT (a results folder; default a new one under /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
PREVIOUS="${PREVIOUS:-66c97af}"
KIT=../shared/bench
while [ $# -gt 0 ]; do
  case "$1" in
    --previous) PREVIOUS="$2"; shift 2 ;;
    --kit) KIT="$2"; shift 2 ;;
    -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
KIT="$(cd "$KIT" && pwd)"
WARMUP="${WARMUP:-3}" RUNS="${RUNS:-3}" USERS="${USERS:-100500}" MEMBERS="${MEMBERS:-100000}"
LOOKUP_SECONDS="${LOOKUP_SECONDS:-20}"
OUT="${OUT:-$(mktemp -d /tmp/roster-compare-XXXXXX)}"
mkdir -p "$OUT"
KEY="bench-$RANDOM-$RANDOM"
. bench/lib.sh
trap 'stop_roster' EXIT
echo "compare: results in $OUT" >&2

# The two builds, each copied out of its target/ so neither build disturbs the other. A build whose configuration turns
# on the AOT cache is built with its integration tests, which are the cache's training run (README, "Start-up"); the
# copy keeps the files' times, which the JVM checks before it uses the cache.
package_build() { # in the build's folder
  if grep -q '^quarkus.package.jar.aot.enabled=true' src/main/resources/application.properties; then
    ./mvnw -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
  else
    ./mvnw -B -q package -DskipTests
  fi
}
copy_app() { # $1: the build's quarkus-app, $2: destination
  rm -rf "$2"
  cp -a "$1" "$2"
  rm -rf "$2/.roster" # the integration tests' embedded database, if any
}
build_previous() {
  local src="$OUT/previous-src"
  rm -rf "$src"
  git worktree add --detach "$src" "$PREVIOUS" > /dev/null
  (cd "$src" && package_build)
  copy_app "$src/target/quarkus-app" "$OUT/previous-app"
  git worktree remove --force "$src"
  git rev-parse --short "$PREVIOUS" > "$OUT/previous-ref"
}
build_current() {
  package_build
  copy_app target/quarkus-app "$OUT/current-app"
  echo "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+changes')" > "$OUT/current-ref"
}

psql_at() { psql "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" -XqtAc "$1"; }

start_build() { # $1: previous|current
  JAR="$OUT/$1-app/quarkus-run.jar" start_roster "$OUT/$1-roster.log" ${BENCH_JAVA_OPTS:--Xmx1g} \
    -Droster.embedded-pg.dir="$OUT/$1-pg" -Droster.limits.enabled=false -Droster.access-log.enabled=false
  PG_PORT=$(sed -n 4p "$OUT/$1-pg/postmaster.pid")
}

mix() { # $1: build, $2: run name
  : > "$OUT/$1-targets.tsv"
  add_tenants "$OUT/$1-targets.tsv" 10
  node "$KIT/entra-cycle.mjs" --targets "$OUT/$1-targets.tsv" --tenants 10 --users 200 --groups 10 --members 50 \
    --concurrency 16 --json "$OUT/$1-mix-$2.json" > "$OUT/$1-mix-$2.txt" 2>&1 || true
}

measure() { # $1: previous|current
  local build="$1"
  # First start creates the database; pg_stat_statements must be preloaded, which takes a server start, so the
  # setting goes in and Roster starts again: that second start is the one timed (a pod joining an existing database).
  start_build "$build"
  psql_at "alter system set shared_preload_libraries = 'pg_stat_statements'" > /dev/null
  stop_roster
  start_build "$build"
  echo "$READY_MS" > "$OUT/$build-ready-ms"
  psql_at "create extension if not exists pg_stat_statements" > /dev/null
  mix "$build" cold
  for run in $(seq 1 "$WARMUP"); do mix "$build" "warm-$run"; done
  # An idle backend reports its transaction counts up to 10 s late: wait them out around the measured mixes.
  sleep 11
  psql_at "select pg_stat_statements_reset()" > /dev/null
  psql_at "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'" > "$OUT/$build-xact-before"
  for run in $(seq 1 "$RUNS"); do mix "$build" "$run"; done
  sleep 11
  psql_at "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'" > "$OUT/$build-xact-after"
  psql_at "select coalesce(sum(calls), 0) from pg_stat_statements where dbid = (select oid from pg_database where
           datname = 'postgres') and query !~* '^\s*(begin|commit|rollback|start transaction|savepoint|release|set |show |discard|deallocate)'
           and query !~* '(pg_stat_statements|pg_stat_database)'" > "$OUT/$build-statements"
  psql_at "select coalesce(sum(calls), 0) from pg_stat_statements where dbid = (select oid from pg_database where
           datname = 'postgres') and query ~* '^\s*commit'" > "$OUT/$build-commits"
  awk '/VmRSS/ {print $2}' "/proc/$ROSTER/status" > "$OUT/$build-rss-kb"
  node bench/statements.mjs --base "http://127.0.0.1:$PORT" --admin-key "$KEY" \
    --pg "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" --json "$OUT/$build-statements.json" > /dev/null
  node bench/figures.mjs --base "http://127.0.0.1:$PORT" --admin-key "$KEY" --users "$USERS" --members "$MEMBERS" \
    --seconds "$LOOKUP_SECONDS" --json "$OUT/$build-figures.json" > "$OUT/$build-figures.txt" 2>&1 || true
  "$KIT/pg-baseline.sh" --url "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" --c1-seconds 10 \
    > "$OUT/$build-pgbench.txt" 2>&1 || true
  stop_roster
}

if [ "${ONLY:-previous}" = previous ]; then build_previous; fi
if [ "${ONLY:-current}" = current ]; then build_current; fi
for build in previous current; do
  if [ "${ONLY:-$build}" = "$build" ]; then measure "$build"; fi
done
node bench/compare-report.mjs "$OUT" "$RUNS" | tee "$OUT/report.json"
