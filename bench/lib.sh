# Shared by the bench scripts (sourced, from the repository root): a packaged Roster on a throwaway embedded
# PostgreSQL, and tenants with a token (and optionally a webhook endpoint) each. Needs KEY (the admin key) set.
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
PORT="${PORT:-8080}"

# Packages Roster unless REBUILD=0 and a jar is there (with its integration tests, which train the AOT cache, if
# AOT_TRAIN=1).
build_roster() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${REBUILD:-1}" = 1 ]; then
    if [ "${AOT_TRAIN:-0}" = 1 ]; then
      ./mvnw -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
    else
      ./mvnw -B -q package -DskipTests
      rm -f target/quarkus-app/app.aot # a cache trained on an earlier build would not match this one
    fi
  fi
}

# Starts the packaged Roster (JAR, default target/quarkus-app/quarkus-run.jar) and waits until it is ready; $1: log file,
# then JVM options. Sets ROSTER (its pid) and READY_MS (launch to the first green readiness check, polled every 50 ms).
start_roster() {
  local log="$1"
  shift
  # A Roster stopped just before may still be draining its requests (graceful shutdown takes a few seconds).
  for _ in $(seq 1 30); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" || break; sleep 1; done
  local launched jar aot=()
  jar="${JAR:-target/quarkus-app/quarkus-run.jar}"
  # A build trained for the JDK's AOT cache (README, "Start-up") starts with it, unless AOT=0.
  if [ -f "$(dirname "$jar")/app.aot" ] && [ "${AOT:-1}" = 1 ]; then aot=(-XX:AOTCache="$(dirname "$jar")/app.aot"); fi
  launched=$(date +%s%N)
  ROSTER_ADMIN_KEY="$KEY" "$JAVA_HOME/bin/java" "${aot[@]}" "$@" -Dquarkus.log.level=WARN -Dquarkus.http.port="$PORT" \
    -jar "$jar" >> "$log" 2>&1 &
  ROSTER=$!
  for _ in $(seq 1 2400); do
    if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1; then
      READY_MS=$(( ($(date +%s%N) - launched) / 1000000 ))
      return
    fi
    sleep 0.05
  done
  echo "Roster did not start; see $log" >&2
  exit 1
}

stop_roster() {
  kill "$ROSTER" 2>/dev/null || true
  wait "$ROSTER" 2>/dev/null || true
}

# Appends N new tenants to a targets file ("scimBaseUrl<TAB>token" per line, as entra-cycle.mjs reads it).
# $1: file, $2: how many, $3: a webhook URL to register for each (optional).
add_tenants() {
  local i tenant token
  for i in $(seq 1 "$2"); do
    tenant=$(curl -sf -X POST "http://127.0.0.1:$PORT/admin/v1/tenants" -H "Authorization: Bearer $KEY" \
      -H 'Content-Type: application/json' -d "{\"name\":\"bench $i\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/')
    token=$(curl -sf -X POST "http://127.0.0.1:$PORT/admin/v1/tenants/$tenant/tokens" -H "Authorization: Bearer $KEY" \
      -H 'Content-Type: application/json' -d '{"description":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
    if [ -n "${3:-}" ]; then
      curl -sf -X POST "http://127.0.0.1:$PORT/admin/v1/tenants/$tenant/webhooks" -H "Authorization: Bearer $KEY" \
        -H 'Content-Type: application/json' -d "{\"url\":\"$3\"}" > /dev/null
    fi
    printf 'http://127.0.0.1:%s/scim/v2/%s\t%s\n' "$PORT" "$tenant" "$token" >> "$1"
  done
}
