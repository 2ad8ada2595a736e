#!/usr/bin/env bash
# The whole comparison of issue #8 in one run: the floors, our service (cold, warm, L2 only, one
# source 2 s late), the peers (postgres_fdw, Trino, naive blocking JDBC), on the same queries, with
# the same driver (loadtests/peers: peers.jar). Writes loadtests/results/summary.json,
# loadtests/results/compare.html and the RESULTS.md section "Comparison: floors, our service, the peers"
# (the report in peers.jar, org.frontline.peers.report.Report); every figure comes from this run.
#
# usage: loadtests/compare.sh
# env:   SECONDS_PER_PHASE (15) WARMUP_SECONDS (10): measured / unmeasured seconds of every phase
#        JIT_WARMUP_SECONDS (60): every JVM under test (the service after each start, Trino) first runs its
#          phases' own requests at full load for this long, unmeasured: on 2 cores the C2 compiler is still
#          busy after 20 s (loadtests/cold-path.sh: cold path 976/s after 15 s of warm-up, 1,811/s after 60 s)
#        QUERY_COUNT (20000) HIT_SHARE (0.001) QUERY_SEED (42): the query file (peers.jar queries)
#        WARM_QUERIES (200): the repeated queries of the warm and L2-only phases
#        COLD_CONCURRENCY (32): clients of the saturation phase; OPEN_SHARE (50): percent of it for the open phase
#        SLOW_RATE (20) SLOW_SECONDS (30) SLOW_DELAY_MS (2000) DELAYED (europol)
#        BREAKER (off: the delayed source's breaker kept closed, every request waits for its timeout; on: as configured)
#        DEADLINE_MS (the service's frontline.search.default-deadline, read from application.properties)
#        UNAUDITED (1): also the cold path with the audit off (frontline.audit.enabled=false, measurement
#          only), at 1 and COLD_CONCURRENCY clients: what the audit commit adds; 0 skips it
#        SKIP_TRINO (0; 1 skips Trino and says so)  SKIP_GATLING (0; 1 skips the Gatling border mix)
#        GATLING_RATE (10) GATLING_SECONDS (60)
#        NOTE (text shown in bold in the report, e.g. "busy machine, smoke")
#        FDW_DB (fq_peer_fdw): the federating database that loadtests/peers/fdw.sh (re)creates
#        RESULTS (loadtests/RESULTS.md) RESULTS_DIR (loadtests/results)  OUT (loadtests/work/compare: the phase files)
#        PGHOST PGPORT PGUSER PGPASSWORD, SLOW_PERSONS, EXTRA_SERVICE_ENV: see loadtests/common.sh
# Bounded: every driver run by timeout (warm-up + measured + 90 s), every service by its own
# lifetime, Trino stopped on exit; loopback only; everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh

SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-15}"; WARMUP_SECONDS="${WARMUP_SECONDS:-10}"
JIT_WARMUP_SECONDS="${JIT_WARMUP_SECONDS:-60}"
QUERY_COUNT="${QUERY_COUNT:-20000}"; HIT_SHARE="${HIT_SHARE:-0.001}"; QUERY_SEED="${QUERY_SEED:-42}"
WARM_QUERIES="${WARM_QUERIES:-200}"; COLD_CONCURRENCY="${COLD_CONCURRENCY:-32}"; OPEN_SHARE="${OPEN_SHARE:-50}"
SLOW_RATE="${SLOW_RATE:-20}"; SLOW_SECONDS="${SLOW_SECONDS:-30}"; SLOW_DELAY_MS="${SLOW_DELAY_MS:-2000}"
DELAYED="${DELAYED:-europol}"; BREAKER="${BREAKER:-off}"
UNAUDITED="${UNAUDITED:-1}"; SKIP_TRINO="${SKIP_TRINO:-0}"; SKIP_GATLING="${SKIP_GATLING:-0}"
GATLING_RATE="${GATLING_RATE:-10}"; GATLING_SECONDS="${GATLING_SECONDS:-60}"
RESULTS="${RESULTS:-loadtests/RESULTS.md}"; RESULTS_DIR="${RESULTS_DIR:-loadtests/results}"
OUT="${OUT:-loadtests/work/compare}"; FDW_DB="${FDW_DB:-fq_peer_fdw}"
DEFAULT_DEADLINE=$(sed -n 's/^frontline.search.default-deadline=\([0-9]*\)ms$/\1/p' src/main/resources/application.properties)
DEADLINE_MS="${DEADLINE_MS:-${DEFAULT_DEADLINE:-1500}}"
PHASE_BOUND=$((WARMUP_SECONDS + SECONDS_PER_PHASE + 90))
NS="fqcmp$$"   # a Redis namespace of this run's own: no other instance's answers
SKIPPED=()
TRINO_STARTED=0

COMMAND="SECONDS_PER_PHASE=${SECONDS_PER_PHASE} WARMUP_SECONDS=${WARMUP_SECONDS} JIT_WARMUP_SECONDS=${JIT_WARMUP_SECONDS} QUERY_COUNT=${QUERY_COUNT} HIT_SHARE=${HIT_SHARE} WARM_QUERIES=${WARM_QUERIES} COLD_CONCURRENCY=${COLD_CONCURRENCY} SLOW_RATE=${SLOW_RATE} SLOW_SECONDS=${SLOW_SECONDS} SLOW_DELAY_MS=${SLOW_DELAY_MS} BREAKER=${BREAKER} UNAUDITED=${UNAUDITED} SKIP_TRINO=${SKIP_TRINO} SKIP_GATLING=${SKIP_GATLING} GATLING_RATE=${GATLING_RATE} GATLING_SECONDS=${GATLING_SECONDS}${FDW_DB:+ FDW_DB=${FDW_DB}}${EXTRA_SERVICE_ENV:+ EXTRA_SERVICE_ENV=\"${EXTRA_SERVICE_ENV}\"} loadtests/compare.sh"

stop_all() {
  cleanup
  if [ "$TRINO_STARTED" = 1 ]; then loadtests/peers/trino.sh stop >&2 || true; fi
}
trap stop_all EXIT

rm -rf "$OUT"; mkdir -p "$OUT" "$RESULTS_DIR"
: > "$OUT/commands.tsv"
START_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- helpers

# the peers driver, bounded; records its command line (token hidden) for the report
drive() { # label args...
  local label="$1"; shift
  # the CPU of the measured window (the peers driver's CpuMeter): the service's JVM for our endpoints, the
  # driver itself for the naive JDBC loop (it is the system there), PostgreSQL always
  case " $* " in
    *" --target http "*) [ -n "$SERVICE_JAVA_PID" ] && set -- "$@" --cpu-pids "$SERVICE_JAVA_PID" ;;
    *" --target jdbc-naive "*) set -- "$@" --cpu-self true ;;
  esac
  local shown=("$@")
  shown=("${shown[@]/#eyJ*/<officer token>}")
  printf '%s\tjava -jar %s %s\n' "$label" "$PEERS_JAR" "${shown[*]}" >> "$OUT/commands.tsv"
  log "phase ${label}"
  local rc=0
  timeout "$PHASE_BOUND" java -jar "$PEERS_JAR" "$@" --label "$label" --out "$OUT/${label}.json" \
    --warmup-seconds "$WARMUP_SECONDS" --seconds "$SECONDS_PER_PHASE" > "$OUT/${label}.log" 2>&1 || rc=$?
  cat "$OUT/${label}.log" >&2
  if [ "$rc" != 0 ]; then
    log "phase ${label} failed (its figures are missing from the report)"
    rm -f "$OUT/${label}.json"
    return 0
  fi
}

# a warm-up run that is not reported
prime() { # seconds args...
  local s="$1"; shift
  timeout $((s + 90)) java -jar "$PEERS_JAR" "$@" --label prime --out "$OUT/prime.tmp" \
    --warmup-seconds 0 --seconds "$s" >&2 || log "warm-up run failed"
  rm -f "$OUT/prime.tmp"
}

# the JIT warm-up of a freshly started JVM: its phases' requests at full load, not measured
jit_warm_up() { # args... (driver target and queries)
  log "JIT warm-up: ${JIT_WARMUP_SECONDS} s at full load (not measured)"
  prime "$JIT_WARMUP_SECONDS" "$@"
}

# every query of a file once, 4 at a time, so that all of them are in the cache (not measured)
ask_each() { # file
  log "asking each of the $(wc -l < "$1") queries of $1 once (not measured)"
  awk -F'\t' '!/^#/ && NF == 4 { printf "{\"number\":\"%s\",\"issuingCountry\":\"%s\",\"purpose\":\"border control, entry\"}\n", $1, $2 }' "$1" \
    | timeout 300 xargs -d '\n' -P 4 -I{} curl -s -o /dev/null -m 10 -H 'Content-Type: application/json' \
        -H "Authorization: Bearer ${TOKEN}" "${SEARCH}" -d {} || log "some warm-up queries failed"
}

json_num() { # file key
  [ -f "$1" ] || return 0
  tr ',{}' '\n\n\n' < "$1" | sed -n "s/^ *\"$2\": *\([-0-9.eE+]*\) *$/\1/p"
}

# the service's JVM (start_service runs `timeout ... java`): its VmRSS every 250 ms into rss-<name>.txt
SERVICE_JAVA_PID=""
sample_rss() { # name
  local f="$OUT/rss-$1.txt"
  SERVICE_JAVA_PID=$(service_pid)
  [ -n "$SERVICE_JAVA_PID" ] || { log "no service JVM found: RSS not sampled"; return 0; }
  : > "$f"
  ( while kill -0 "$SERVICE_JAVA_PID" 2>/dev/null; do
      awk -v t="$(date +%s%3N)" '/^VmRSS:/ { print t, $2 }' "/proc/${SERVICE_JAVA_PID}/status" >> "$f" 2>/dev/null || true
      sleep 0.25
    done ) &
  CHILD_PIDS+=($!)
}

stop_service() { # name: records VmHWM, then stops everything this phase started
  if [ -n "$SERVICE_JAVA_PID" ]; then
    awk '/^VmHWM:/ { print $2 }' "/proc/${SERVICE_JAVA_PID}/status" > "$OUT/hwm-$1.txt" 2>/dev/null || true
  fi
  SERVICE_JAVA_PID=""
  cleanup; CHILD_PIDS=()
}

cache_count() { # tier result: the service's frontline_cache_requests_total summed over sources
  { curl -s "${BASE_URL}/q/metrics" || true; } | awk -v t="$1" -v r="$2" '/^frontline_cache_requests_total\{/ && index($0, "tier=\"" t "\"") && index($0, "result=\"" r "\"") { s += $NF } END { printf "%d", s }'
}

# ---------------------------------------------------------------- build, data, queries

build_if_needed
build_peers_if_needed
prepare_sources
ROWS=""
for s in "${SCHEMAS[@]}"; do
  r=$(psql_ -d "${DB_PREFIX}${s}" -tAc "SELECT (SELECT to_char(persons, 'FM999,999,999') FROM frontline_seed LIMIT 1) || ' persons, ' || (SELECT to_char(sum(reltuples)::bigint, 'FM999,999,999,999') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public')")
  ROWS="${ROWS:+${ROWS}; }${s} ${r} rows in all"
done

log "=== a. queries, postgres_fdw (Trino is started only for its own phases)"
QUERIES="$OUT/queries.tsv"; WARM_FILE="$OUT/queries-warm.tsv"
QUERY_NOTE=$(timeout 300 java -jar "$PEERS_JAR" queries --db-prefix "$DB_PREFIX" --count "$QUERY_COUNT" --hit-share "$HIT_SHARE" \
  --seed "$QUERY_SEED" --out "$QUERIES")
log "$QUERY_NOTE"
awk -v n="$WARM_QUERIES" '!/^#/ && NF && c++ < n' "$QUERIES" > "$WARM_FILE"
QUERY_NOTE="\`java -jar ${PEERS_JAR} queries --db-prefix ${DB_PREFIX} --count ${QUERY_COUNT} --hit-share ${HIT_SHARE} --seed ${QUERY_SEED}\` (${QUERY_NOTE%%, -> *}): document look-ups, the same file for the service and every peer; the warm and L2-only phases repeat its first ${WARM_QUERIES}"

FDW_OK=0
if [ ! -x loadtests/peers/fdw.sh ]; then SKIPPED+=("postgres_fdw (loadtests/peers/fdw.sh missing)")
elif DB_PREFIX="$DB_PREFIX" FDW_DB="$FDW_DB" timeout 300 loadtests/peers/fdw.sh >&2; then FDW_OK=1; else SKIPPED+=("postgres_fdw (fdw.sh failed)"); fi

log "=== b. caches off: floors, cold path, peers"
SERVICE_ENV=("FRONTLINE_CACHE_ENABLED=false")
start_service 3600
SEARCH="${BASE_URL}/v1/search/document"
sample_rss cold
jit_warm_up --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency "$COLD_CONCURRENCY" --queries "$QUERIES"
prime "$WARMUP_SECONDS" --target http --url "${BASE_URL}/v1/ping" --method GET --token "$TOKEN" --model closed --concurrency "$COLD_CONCURRENCY" --queries "$WARM_FILE"
drive floor-http --target http --url "${BASE_URL}/v1/ping" --method GET --token "$TOKEN" --model closed --concurrency 1 --queries "$WARM_FILE"
for s in "${SCHEMAS[@]}"; do
  drive "source-$s" --target source --pg-url "postgresql://${PG_HOST}:${PG_PORT}/${DB_PREFIX}${s}" --schema "$s" --model closed --concurrency 1 --queries "$QUERIES"
done
drive cold-c1 --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency 1 --queries "$QUERIES"
drive cold-c32 --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency "$COLD_CONCURRENCY" --queries "$QUERIES"
SAT=$(json_num "$OUT/cold-c32.json" throughput_rps)
if [ -n "$SAT" ]; then
  RATE=$(awk -v s="$SAT" -v p="$OPEN_SHARE" 'BEGIN { r = s * p / 100; printf "%.1f", (r < 1 ? 1 : r) }')
  drive cold-open50 --target http --url "$SEARCH" --token "$TOKEN" --model open --rate "$RATE" --queries "$QUERIES"
else
  SKIPPED+=("cold path at ${OPEN_SHARE} % of saturation (no saturation figure)")
fi
stop_service cold

if [ "$UNAUDITED" = 1 ]; then
  log "=== b. caches off, audit off (measurement only): what the audit commit adds"
  SERVICE_ENV=("FRONTLINE_CACHE_ENABLED=false" "FRONTLINE_AUDIT_ENABLED=false")
  start_service 3600
  SEARCH="${BASE_URL}/v1/search/document"
  sample_rss unaudited
  jit_warm_up --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency "$COLD_CONCURRENCY" --queries "$QUERIES"
  drive unaudited-c1 --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency 1 --queries "$QUERIES"
  drive unaudited-c32 --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency "$COLD_CONCURRENCY" --queries "$QUERIES"
  stop_service unaudited
else
  SKIPPED+=("the cold path with the audit off (UNAUDITED=0)")
fi

log "=== b. the peers (the service stopped: its pools would take connections the peers need)"
if [ "$FDW_OK" = 1 ]; then
  # each fdw client is one backend plus one connection per source: 6 connections
  MAXCONN=$(psql_ -d postgres -tAc "SHOW max_connections"); USED=$(psql_ -d postgres -tAc "SELECT count(*) FROM pg_stat_activity")
  FDW_CLIENTS="1 8"
  if [ $((32 * 6 + USED + 5)) -le "$MAXCONN" ]; then FDW_CLIENTS="1 8 32"
  else SKIPPED+=("postgres_fdw at 32 clients (would need $((32 * 6)) connections; max_connections ${MAXCONN}, ${USED} in use)"); fi
  for c in $FDW_CLIENTS; do
    drive "fdw-c$c" --target fdw --pg-url "postgresql://${PG_HOST}:${PG_PORT}/${FDW_DB}" --model closed --concurrency "$c" --queries "$QUERIES"
  done
fi
TRINO_URL=""
if [ "$SKIP_TRINO" = 1 ]; then
  SKIPPED+=("Trino (SKIP_TRINO=1)")
elif [ ! -x loadtests/peers/trino.sh ]; then
  SKIPPED+=("Trino (loadtests/peers/trino.sh missing)")
else
  TRINO_STARTED=1
  if DB_PREFIX="$DB_PREFIX" timeout 900 loadtests/peers/trino.sh start >&2; then
    TRINO_URL=$(loadtests/peers/trino.sh status 2>/dev/null | sed -n 's/^running \(jdbc:trino:[^ ]*\)$/\1/p' || true)
    [ -n "$TRINO_URL" ] || SKIPPED+=("Trino (not running after trino.sh start)")
  else
    SKIPPED+=("Trino (trino.sh start failed)")
  fi
fi
if [ -n "$TRINO_URL" ]; then
  jit_warm_up --target trino --trino-url "$TRINO_URL" --model closed --concurrency 8 --queries "$QUERIES"
  for c in 1 8; do
    drive "trino-c$c" --target trino --trino-url "$TRINO_URL" --model closed --concurrency "$c" --queries "$QUERIES"
  done
  loadtests/peers/trino.sh stop >&2 || true; TRINO_STARTED=0   # its memory and CPU back before the next phases
fi
for c in 1 8; do
  drive "naive-c$c" --target jdbc-naive --db-prefix "$DB_PREFIX" --pg-host "$PG_HOST" --pg-port "$PG_PORT" --model closed --concurrency "$c" --queries "$QUERIES"
done

log "=== c. caches on: warm (L1) and the trivial endpoint beside it"
SERVICE_ENV=("FRONTLINE_CACHE_NAMESPACE=${NS}w")
start_service 3600
SEARCH="${BASE_URL}/v1/search/document"
sample_rss warm
jit_warm_up --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency 32 --queries "$WARM_FILE"
ask_each "$WARM_FILE"
drive warm-trivial-before --target http --url "${BASE_URL}/v1/ping" --method GET --token "$TOKEN" --model closed --concurrency 32 --queries "$WARM_FILE"
H0=$(cache_count l1 hit); M0=$(cache_count l1 miss)
drive warm-c32 --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency 32 --queries "$WARM_FILE"
WARM_CACHE="L1 during the warm phase (its warm-up included, service metrics): $(( $(cache_count l1 hit) - H0 )) hits, $(( $(cache_count l1 miss) - M0 )) misses; L1 dropped $(grep -c 'no heartbeat through the invalidation channel' "$WORK/service.log" || true) times by this service for want of a Redis heartbeat"
drive warm-trivial-after --target http --url "${BASE_URL}/v1/ping" --method GET --token "$TOKEN" --model closed --concurrency 32 --queries "$WARM_FILE"
log "$WARM_CACHE"

GATLING_NOTE=""
if [ "$SKIP_GATLING" = 1 ]; then
  SKIPPED+=("Gatling border mix (SKIP_GATLING=1)")
else
  log "=== f. Gatling BorderMixSimulation, ${GATLING_RATE}/s for ${GATLING_SECONDS} s (caches on)"
  GARGS=(-Dgatling.simulationClass=org.frontline.load.BorderMixSimulation -DbaseUrl="$BASE_URL" -Dtoken="$TOKEN"
         -Drate="$GATLING_RATE" -Dduration="$GATLING_SECONDS")
  GLOG="$OUT/gatling.log"; grc=0
  timeout $((GATLING_SECONDS + 600)) ./mvnw -B -f loadtests/pom.xml gatling:test "${GARGS[@]}" > "$GLOG" 2>&1 || grc=$?
  GDIR=$(gatling_report_dir "$GLOG" || true)
  if [ -n "$GDIR" ] && [ -f "$GDIR/index.html" ]; then
    gatling_per_request "$GDIR" > "$OUT/gatling.txt" || true
    GATLING_NOTE="\`./mvnw -B -f loadtests/pom.xml gatling:test -Dgatling.simulationClass=org.frontline.load.BorderMixSimulation -DbaseUrl=<service> -Dtoken=<officer token> -Drate=${GATLING_RATE} -Dduration=${GATLING_SECONDS}\` against the caches-on service (after the warm phases); Gatling exit code ${grc} (non-zero: an assertion failed)."
  else
    SKIPPED+=("Gatling border mix (no report; exit code ${grc}, log ${GLOG})")
  fi
fi
stop_service warm

log "=== d. L1 off, L2 (Redis) on"
SERVICE_ENV=("FRONTLINE_CACHE_L1_ENABLED=false" "FRONTLINE_CACHE_NAMESPACE=${NS}l2")
start_service 3600
SEARCH="${BASE_URL}/v1/search/document"
sample_rss l2only
jit_warm_up --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency 32 --queries "$WARM_FILE"
ask_each "$WARM_FILE"
H0=$(cache_count l2 hit); M0=$(cache_count l2 miss); L1H0=$(cache_count l1 hit)
drive l2-c1 --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency 1 --queries "$WARM_FILE"
drive l2-c32 --target http --url "$SEARCH" --token "$TOKEN" --model closed --concurrency 32 --queries "$WARM_FILE"
L2_CACHE="L2 during the L2-only phases (their warm-ups included, service metrics): $(( $(cache_count l2 hit) - H0 )) hits, $(( $(cache_count l2 miss) - M0 )) misses, $(( $(cache_count l1 hit) - L1H0 )) L1 hits"
log "$L2_CACHE"
stop_service l2only

log "=== e. ${DELAYED} ${SLOW_DELAY_MS} ms late (TCP proxy), caches off, ${SLOW_RATE}/s for ${SLOW_SECONDS} s"
SERVICE_ENV=("FRONTLINE_CACHE_ENABLED=false" "FRONTLINE_SEARCH_DEFAULT_DEADLINE=${DEADLINE_MS}ms")
[ "$BREAKER" = off ] && SERVICE_ENV+=("FRONTLINE_SOURCES_${DELAYED^^}_BREAKER_REQUEST_VOLUME=100000")
start_proxy "$SLOW_DELAY_MS" 3600
start_service 3600 "$DELAYED"
SEARCH="${BASE_URL}/v1/search/document"
sample_rss slow
SECONDS_SAVED="$SECONDS_PER_PHASE"; SECONDS_PER_PHASE="$SLOW_SECONDS"; PHASE_BOUND=$((WARMUP_SECONDS + SLOW_SECONDS + 90))
drive slow-open --target http --url "$SEARCH" --token "$TOKEN" --model open --rate "$SLOW_RATE" --queries "$QUERIES"
SECONDS_PER_PHASE="$SECONDS_SAVED"
stop_service slow

# ---------------------------------------------------------------- report
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml loadtests/peers loadtests/tools loadtests/compare.sh loadtests/common.sh || echo '+uncommitted changes')"
{
  printf 'date=%s\n' "$START_DATE"
  printf 'command=%s\n' "$COMMAND"
  printf 'nproc=%s\n' "$(nproc)"
  printf 'memory=%s\n' "$(free -g | awk '/^Mem:/ { print $2 " GB RAM" }')"
  printf 'loadavg_start=%s\n' "$LOAD_START"
  printf 'loadavg_end=%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'commit=%s\n' "$COMMIT"
  printf 'data=%s\n' "$DATA_NOTE"
  printf 'rows=%s\n' "$ROWS"
  printf 'queries=%s. %s. %s. Slow source: %s behind loadtests/tools/DelayProxy.java, %s ms late, breaker %s\n' \
    "$QUERY_NOTE" "$WARM_CACHE" "$L2_CACHE" "$DELAYED" "$SLOW_DELAY_MS" "$BREAKER"
  printf 'deadline_ms=%s\n' "$DEADLINE_MS"
  printf 'seconds=%s\n' "$SECONDS_PER_PHASE"
  printf 'warmup_seconds=%s\n' "$WARMUP_SECONDS"
  printf 'jit_warmup_seconds=%s\n' "$JIT_WARMUP_SECONDS"
  printf 'skipped=%s\n' "$(IFS=';'; echo "${SKIPPED[*]:-}" | sed 's/;/; /g')"
  if [ -n "$GATLING_NOTE" ]; then printf 'gatling=%s\n' "$GATLING_NOTE"; fi
  if [ -n "${NOTE:-}" ]; then printf 'note=%s\n' "$NOTE"; fi
} | sed 's/\\/\\\\/g' > "$OUT/meta.properties"
SECTION="$OUT/section.md"
java -cp "$PEERS_JAR" org.frontline.peers.report.Report --dir "$OUT" --summary "$RESULTS_DIR/summary.json" \
  --html "$RESULTS_DIR/compare.html" --section "$SECTION"
replace_section "$RESULTS" "Comparison: floors, our service, the peers" "$SECTION"
log "wrote ${RESULTS_DIR}/summary.json, ${RESULTS_DIR}/compare.html and the section \"Comparison: floors, our service, the peers\" of ${RESULTS}"
sed -n '/^### Against/,/is withdrawn (issue #18)/p' "$SECTION" >&2
