# Shared by slow-source.sh and border-mix.sh (sourced, not run). Expects to be sourced from the
# repository root with `set -euo pipefail`. Everything it starts is recorded in CHILD_PIDS and
# stopped by cleanup (the scripts trap EXIT).
#
# env: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) PGPASSWORD ("")
#      SLOW_PERSONS (100000): persons per source when the 1,000,000-person fq_bench_* databases are missing
#      EXTRA_SERVICE_ENV: more settings for the service, "NAME=value NAME2=value2" (no spaces in values),
#        e.g. EXTRA_SERVICE_ENV="FRONTLINE_SOURCES_EUROPOL_QUEUE_SIZE=2000"

PG_HOST="${PGHOST:-127.0.0.1}"; PG_PORT="${PGPORT:-5432}"; PG_USER="${PGUSER:-postgres}"; PG_PASS="${PGPASSWORD:-}"
SCHEMAS=(interpol europol ameripol aseanapol gccpol)
WORK=loadtests/work
mkdir -p "$WORK"
CHILD_PIDS=()

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
  local pid
  for pid in "${CHILD_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${CHILD_PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}

# a free TCP port on the loopback
free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 30000))
    if ! ss -ltnH "sport = :$p" | grep -q .; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

# builds the service when the jar is missing or older than the sources
build_if_needed() {
  local jar=target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    log "building the service: ./mvnw -B -q package -DskipTests"
    ./mvnw -B -q package -DskipTests
  fi
}

# builds the load driver (loadtests/peers/target/peers.jar) when missing or older than its sources
PEERS_JAR=loadtests/peers/target/peers.jar
build_peers_if_needed() {
  if [ ! -f "$PEERS_JAR" ] || [ -n "$(find loadtests/peers/src loadtests/peers/pom.xml -newer "$PEERS_JAR" -print -quit)" ]; then
    log "building the peers driver: ./mvnw -B -q -f loadtests/peers/pom.xml package -DskipTests"
    ./mvnw -B -q -f loadtests/peers/pom.xml package -DskipTests
  fi
}

# the JVM of the service start_service started last (it runs under `timeout`), or nothing
service_pid() {
  local parent="${CHILD_PIDS[${#CHILD_PIDS[@]}-1]}"
  pgrep -P "$parent" java || pgrep -P "$parent" | head -1 || true
}

psql_() { PGPASSWORD="$PG_PASS" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }

seeded() { # db -> 0 when the database exists and holds a seed marker
  psql_ -d "$1" -tAc "SELECT count(*) FROM frontline_seed" 2>/dev/null | grep -qv '^0$'
}

# Sets DB_PREFIX and DATA_NOTE: the 1,000,000-person fq_bench_<schema> databases when all five are
# there and seeded (loadtests/bulk-load.sh 1000000 42), else fq_slow_<schema> seeded here with
# SLOW_PERSONS persons each (idempotent: the seeder does nothing when its marker matches).
prepare_sources() {
  local s all=1
  for s in "${SCHEMAS[@]}"; do seeded "fq_bench_$s" || all=0; done
  if [ "$all" = 1 ]; then
    DB_PREFIX=fq_bench_
    DATA_NOTE="fq_bench_<schema>: 1,000,000 synthetic persons per source, seed 42 (loadtests/bulk-load.sh 1000000 42)"
    log "sources: the existing $DATA_NOTE"
    return
  fi
  local persons="${SLOW_PERSONS:-100000}"
  DB_PREFIX=fq_slow_
  DATA_NOTE="fq_slow_<schema>: ${persons} synthetic persons per source, seed 42 (the 1,000,000-person fq_bench_* databases were missing)"
  for s in "${SCHEMAS[@]}"; do
    local db="fq_slow_$s"
    psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${db}'" | grep -q 1 \
      || psql_ -d postgres -qc "CREATE DATABASE ${db}"
    log "seeding ${db} (${persons} persons)"
    java -jar target/quarkus-app/quarkus-run.jar seed --jdbc-url "jdbc:postgresql://${PG_HOST}:${PG_PORT}/${db}" \
      --user "$PG_USER" --password "$PG_PASS" --schema "$s" --persons "$persons" --seed 42
  done
}

# start_proxy <delayMs> <maxSeconds>: a DelayProxy in front of PostgreSQL; sets PROXY_PORT
start_proxy() {
  PROXY_PORT=$(free_port)
  java loadtests/tools/DelayProxy.java "$PROXY_PORT" "$PG_HOST" "$PG_PORT" "$1" --max-seconds "$2" > "$WORK/proxy.log" 2>&1 &
  CHILD_PIDS+=($!)
  for _ in $(seq 60); do
    grep -q "listening" "$WORK/proxy.log" 2>/dev/null && { log "$(head -1 "$WORK/proxy.log")"; return 0; }
    sleep 0.5
  done
  log "the DelayProxy did not start:"; cat "$WORK/proxy.log" >&2; return 1
}

# start_service <maxSeconds> [delayed-source]: the service on a free port with the five sources on
# ${DB_PREFIX}<schema>, the delayed source (if any) behind the proxy; extra env from SERVICE_ENV
# (an array of NAME=value). Sets PORT, BASE_URL. Waits for /q/health/ready.
start_service() {
  local max="$1" delayed="${2:-}" s url
  local env_=()
  for s in "${SCHEMAS[@]}"; do
    url="postgresql://${PG_HOST}:${PG_PORT}/${DB_PREFIX}${s}"
    [ "$s" = "$delayed" ] && url="postgresql://127.0.0.1:${PROXY_PORT}/${DB_PREFIX}${s}"
    env_+=("FRONTLINE_SOURCES_${s^^}_URL=${url}" "FRONTLINE_SOURCES_${s^^}_USERNAME=${PG_USER}")
    [ -n "$PG_PASS" ] && env_+=("FRONTLINE_SOURCES_${s^^}_PASSWORD=${PG_PASS}")
  done
  local extra=()
  read -r -a extra <<< "${EXTRA_SERVICE_ENV:-}"
  [ "${#extra[@]}" -gt 0 ] && log "extra service settings: ${extra[*]}"
  # the service's own audit database, and officer tokens signed with the demo key (issued by the
  # service's demo token endpoint, enabled here); the rate limit is lifted for load
  psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='fq_load_audit'" | grep -q 1 \
    || psql_ -d postgres -qc "CREATE DATABASE fq_load_audit"
  env_+=("QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://${PG_HOST}:${PG_PORT}/fq_load_audit"
         "QUARKUS_DATASOURCE_USERNAME=${PG_USER}"
         "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:${PWD}/src/test/resources/tokens/officer-token-public.pem"
         "MP_JWT_VERIFY_ISSUER=https://frontline-query.example/demo-issuer"
         "SMALLRYE_JWT_SIGN_KEY_LOCATION=file:${PWD}/src/test/resources/tokens/officer-token-private.pem"
         "FRONTLINE_AUDIT_CHECKPOINT_KEY=load-test-only-audit-checkpoint-key-0123456789"
         "FRONTLINE_DEMO_TOKEN_ENDPOINT=true"
         "FRONTLINE_ACCESS_RATE_LIMIT_PER_MINUTE=100000000"
         "QUARKUS_OTEL_SDK_DISABLED=true")
  [ -n "$PG_PASS" ] && env_+=("QUARKUS_DATASOURCE_PASSWORD=${PG_PASS}")
  PORT=$(free_port)
  BASE_URL="http://127.0.0.1:${PORT}"
  env "${env_[@]}" "${SERVICE_ENV[@]}" "${extra[@]}" QUARKUS_HTTP_PORT="$PORT" \
    timeout "$max" java -jar "${SERVICE_JAR:-target/quarkus-app/quarkus-run.jar}" > "$WORK/service.log" 2>&1 &
  CHILD_PIDS+=($!)
  for _ in $(seq 180); do
    if curl -sf "${BASE_URL}/q/health/ready" > "$WORK/ready.json" 2>/dev/null; then
      log "service ready on ${BASE_URL}: $(tr -d ' \n' < "$WORK/ready.json" | head -c 400)"
      TOKEN=$(curl -sf -H 'Content-Type: application/json' "${BASE_URL}/demo/token" \
        -d '{"officerId":"load-test","agency":"LOAD","country":"DEU","roles":["OFFICER"],"clearance":"SECRET"}' \
        | sed -e 's/.*"token":"\([^"]*\)".*/\1/')
      [ -n "$TOKEN" ] || { log "no officer token from ${BASE_URL}/demo/token"; return 1; }
      return 0
    fi
    sleep 1
  done
  log "the service did not get ready:"; tail -40 "$WORK/service.log" >&2; return 1
}

# warm_up <count> <parallel>: unknown-document queries, not measured (JIT, pools)
warm_up() {
  log "warm-up: $1 queries, $2 at a time (not measured)"
  seq "$1" | xargs -P "$2" -I{} curl -s -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer ${TOKEN}" \
    "${BASE_URL}/v1/search/document" -d '{"number":"ZQ9{}00000","issuingCountry":"DEU","purpose":"warm-up"}'
}

# run_gatling <log> <args...>: runs the Gatling module with the root wrapper; returns its exit code
run_gatling() {
  local out="$1"; shift
  set +e
  ./mvnw -B -f loadtests/pom.xml gatling:test "$@" 2>&1 | tee "$out"
  local rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}

# gatling_stat <log> <label> [column 2=total 3=OK 4=KO]: a figure of the "Global Information" block
gatling_stat() {
  awk -F'|' -v want="$2" -v col="${3:-2}" '
    /---- Global Information/ { g = 1; next }
    /---- Response Time Distribution/ { g = 0 }
    g && /^> / { label = $1; sub(/^> /, "", label); sub(/ +$/, "", label)
                 if (label == want) { v = $col; gsub(/[ ,]/, "", v); print v; exit } }' "$1"
}

# the report directory that the Gatling log names
gatling_report_dir() {
  grep -o 'file://[^ ]*/index.html' "$1" | tail -1 | sed -e 's|^file://||' -e 's|/index.html$||'
}

# the "Global Information" and distribution block of the Gatling log, as printed
gatling_summary() {
  awk '/---- Global Information/ { g = 1 } g { print } g && /^====/ { exit }' "$1"
}

# replace_section <file> <title> <content-file>: drops the section "## <title>" (up to the next
# "## " heading) if present, and appends the new one at the end; the other sections are kept.
replace_section() {
  local file="$1" title="$2" content="$3" tmp
  tmp=$(mktemp)
  [ -f "$file" ] || : > "$file"
  awk -v t="## ${title}" '/^## / { skip = ($0 == t) } !skip' "$file" > "$tmp"
  # trim trailing blank lines, then one blank line before the new section
  sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$tmp"
  { cat "$tmp"; [ -s "$tmp" ] && echo; cat "$content"; } > "$file"
  rm -f "$tmp"
}

# gatling_per_request <report-dir>: "name|count|KO|p50|p95|p99|max" per request name, from the
# statistics table of the report's index.html (Gatling 3.15 layout: after each name, a level, then
# total, OK, KO, %KO, count/s, min, p50, p95, p99, p99.9, max, mean, std dev)
gatling_per_request() {
  awk '/id="col-1"/ { on = 1 } on { print } on && /<\/table>/ && ++t == 2 { exit }' "$1/index.html" | sed -e 's/<[^>]*>/\n/g' -e 's/&nbsp;//g' \
    | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' \
    | awk '/^[0-9.,-]+$/ { if (name != "") { v[++n] = $0; if (n == 14) {
                             print name "|" v[2] "|" v[4] "|" v[8] "|" v[9] "|" v[10] "|" v[12]; name = "" } } next }
           { name = $0; n = 0 }'
}

# summary_put <summary.json>: sets top-level keys of the summary file from stdin, one "key<TAB>JSON value" a line,
# each written on one line of its own (replaced where the key already is, else added first), so that the
# layout compare.sh gave the file is kept; compare.sh rewrites the file whole, so the scripts that add keys
# (manifest.sh, candidate-recall.sh, person-load.sh) run after it
summary_put() {
  python3 -c '
import json, re, sys
path = sys.argv[1]
try:
    text = open(path).read()
except FileNotFoundError:
    text = "{\n}\n"
for entry in sys.stdin.read().splitlines():
    if not entry.strip():
        continue
    key, value = entry.split("\t", 1)
    line = "  " + json.dumps(key) + ": " + json.dumps(json.loads(value), ensure_ascii=False)
    pattern = re.compile(r"^  " + re.escape(json.dumps(key)) + r"\s*:.*?(?=,?$)", re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: line, text, count=1)
    else:
        text = text.replace("{\n", "{\n" + line + ",\n", 1)
json.loads(text)   # still JSON
open(path, "w").write(text)
' "$1"
}

# build_evaluator: the answer-quality evaluator and question generator are test code; compiles them and writes
# their class path (target/answer-quality.cp) when missing or older than the sources; sets CP_FILE
build_evaluator() {
  CP_FILE=target/answer-quality.cp
  local main_class=target/test-classes/org/frontline/quality/AnswerQualityMain.class
  if [ ! -f "$main_class" ] || [ ! -f "$CP_FILE" ] || [ -n "$(find src pom.xml -newer "$main_class" -print -quit)" ]; then
    log "building the evaluator: ./mvnw -B -q test-compile dependency:build-classpath"
    ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
  fi
}
