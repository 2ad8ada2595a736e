#!/usr/bin/env bash
# Answer quality of the person search (issue #13): labelled questions drawn from the synthetic world's
# ground truth, asked through the service's real HTTP API, each answer read against the truth
# (src/test/java/org/frontline/quality). Writes loadtests/results/answer-quality.json (one run per
# size; runs of other sizes already in the file are kept) and its section of loadtests/RESULTS.md.
#
# usage: loadtests/answer-quality.sh            # 10k: the demo world (seed 42, 10,000 persons per source)
#        SIZES="10k 1M" loadtests/answer-quality.sh
# sizes:
#   10k  the demo. DEMO_URL set and answering: that running demo is measured (it must be the stock
#        demo world, seed 42 / 10,000 persons; the figures then hold for whatever code it runs; set
#        EVAL_WITH_AIMC=1 when it asks AIMC, EVAL_WITH_ECO=1 when it asks ECO). The demo started here asks AIMC when a MariaDB answers
#        on 127.0.0.1:3306, and the evaluator then reads AIMC's records against the ground truth too.
#        Otherwise this checkout's demo jar is started on a free port (its own embedded PostgreSQL,
#        cache off so that every question reaches the sources) and stopped at the end.
#   1M   the 1,000,000-person fq_bench_<schema> databases (loadtests/bulk-load.sh 1000000 42, ~10+ min
#        and ~1.5 GB per source): the service is started on them (cache off). Missing databases are
#        skipped with a note unless BUILD_BENCH=1, which builds them first.
#   un   a second world the generator did not make: the 683 UN list pairs of UN_DATA/yente (default
#        ../shared/data/names, or ../../shared/data/names from a work tree), original spelling in INTERPOL, treated spelling in Europol, among the
#        negatives_global persons as distractors (2,000 held out as persons nobody holds), loaded with
#        the project's load tool into fq_aq_un_interpol / fq_aq_un_europol (recreated); the other three
#        sources are disabled for the run.
# env: PER_TYPE (300) questions per type; CONCURRENCY (1) questions in flight; SAMPLE_SEED (1);
#      TYPES (all) comma-separated subset; NOTE: a line shown in bold in the report;
#      OUT (loadtests/results/answer-quality.json); RESULTS (loadtests/RESULTS.md);
#      PGHOST PGPORT PGUSER PGPASSWORD for the 1M databases;
#      DEMO_JAVA_OPTS: more -D settings for the demo started here, e.g. longer source timeouts on a busy
#        machine ("-Dfrontline.sources.interpol.timeout=5s ..."), so that a slow source is not read as a miss.
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh
trap cleanup EXIT

SIZES="${SIZES:-10k}"
PER_TYPE="${PER_TYPE:-300}"
CONCURRENCY="${CONCURRENCY:-1}"
SAMPLE_SEED="${SAMPLE_SEED:-1}"
OUT="${OUT:-loadtests/results/answer-quality.json}"
RESULTS="${RESULTS:-loadtests/RESULTS.md}"
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '-dirty')"

build_if_needed
build_evaluator
# run from a copy, so that a rebuild meanwhile cannot change the running code
rm -rf "$WORK/aq-classes" && mkdir -p "$WORK/aq-classes"
cp -r target/classes "$WORK/aq-classes/main" && cp -r target/test-classes "$WORK/aq-classes/test"
EVAL_ARGS=()
EVAL_CP="$WORK/aq-classes/test:$WORK/aq-classes/main:$(cat "$CP_FILE")"

# evaluate <label> <persons> <base-url> <service-note>
evaluate() {
  local label="$1" persons="$2" base="$3" note="$4" md="$WORK/answer-quality.md"
  local extra=()
  [ -n "${TYPES:-}" ] && extra+=(--types "$TYPES")
  [ -n "${NOTE:-}" ] && extra+=(--note "$NOTE")
  extra+=("${EVAL_ARGS[@]}")
  log "measuring ${label} (${persons} persons per source) at ${base}: ${PER_TYPE} questions per type, ${CONCURRENCY} at a time"
  java -Xmx2g -cp "$EVAL_CP" -Djava.util.logging.config.file=/dev/null org.frontline.quality.AnswerQualityMain \
    --base-url "$base" --seed 42 --persons "$persons" --per-type "$PER_TYPE" --sample-seed "$SAMPLE_SEED" \
    --concurrency "$CONCURRENCY" --label "$label" --out "$OUT" --markdown "$md" --commit "$COMMIT" \
    --command "SIZES=${label} PER_TYPE=${PER_TYPE} CONCURRENCY=${CONCURRENCY} loadtests/answer-quality.sh" \
    --service-note "$note; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" "${extra[@]}" \
    | tee "$WORK/answer-quality-${label}.txt"
  replace_section "$RESULTS" "Answer quality: the person answer as an officer reads it (issue #13)" "$md"
}

demo_10k() {
  if [ -n "${DEMO_URL:-}" ] && curl -sf -o /dev/null "${DEMO_URL}/q/health/live"; then
    [ "${EVAL_WITH_AIMC:-0}" = 1 ] && EVAL_ARGS+=(--with-aimc true)
    [ "${EVAL_WITH_ECO:-0}" = 1 ] && EVAL_ARGS+=(--with-eco true)
    evaluate 10k 10000 "$DEMO_URL" "the running demo at ${DEMO_URL} (its cache as configured)"
    EVAL_ARGS=()
    return
  fi
  [ -n "${DEMO_URL:-}" ] && log "nothing answers at ${DEMO_URL}: starting the demo"
  local port; port=$(free_port)
  log "starting the demo on port ${port} (embedded PostgreSQL seeded with 10,000 persons per source, ~1 min)"
  local opts=(); read -r -a opts <<< "${DEMO_JAVA_OPTS:-}"
  timeout 7200 java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
    -Dfrontline.cache.enabled=false -Dfrontline.access.rate-limit.per-minute=100000000 "${opts[@]}" \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/answer-quality-demo.log" 2>&1 &
  CHILD_PIDS+=($!)
  for _ in $(seq 600); do
    curl -sf -o /dev/null "http://127.0.0.1:${port}/q/health/ready" && break
    kill -0 "${CHILD_PIDS[-1]}" 2>/dev/null || { log "the demo ended:"; tail -30 "$WORK/answer-quality-demo.log" >&2; return 1; }
    sleep 1
  done
  # the demo asks AIMC when a MariaDB answers, and ECO when its partner process started (README "Sources"):
  # their records then join the ground truth
  local asked="five sources"
  EVAL_ARGS=()
  if grep -q "demo: aimc (MariaDB" "$WORK/answer-quality-demo.log"; then
    EVAL_ARGS+=(--with-aimc true)
    asked="$asked, AIMC on MariaDB"
  else
    asked="$asked (no MariaDB: AIMC not started)"
  fi
  if grep -q "demo: ECO partner API started" "$WORK/answer-quality-demo.log"; then
    EVAL_ARGS+=(--with-eco true)
    asked="$asked, ECO behind its partner API"
  fi
  evaluate 10k 10000 "http://127.0.0.1:${port}" "this checkout's demo jar, $asked (cache off, rate limit lifted)"
  EVAL_ARGS=()
  kill "${CHILD_PIDS[-1]}" 2>/dev/null || true
  wait "${CHILD_PIDS[-1]}" 2>/dev/null || true
}

un_world() {
  local data="${UN_DATA:-}" dir="$WORK/un-world" s db
  if [ -z "$data" ]; then   # the workspace's shared data, beside the checkout (or beside its work-tree folder)
    data=../shared/data/names
    [ -d "$data" ] || data=../../shared/data/names
  fi
  if [ ! -f "$data/yente/un_positives_treated.csv" ]; then
    log "un skipped: ${data}/yente is missing (set UN_DATA)"
    return 0
  fi
  java -cp "$EVAL_CP" org.frontline.quality.AnswerQualityMain --base-url none --world un --data "$data" --prepare "$dir"
  for s in interpol europol; do
    db="fq_aq_un_${s}"
    psql_ -d postgres -qc "DROP DATABASE IF EXISTS ${db}"
    psql_ -d postgres -qc "CREATE DATABASE ${db}"
    log "loading ${dir}/${s}.jsonl into ${db}: java -jar target/quarkus-app/quarkus-run.jar load ..."
    java -jar target/quarkus-app/quarkus-run.jar load --jdbc-url "jdbc:postgresql://${PG_HOST}:${PG_PORT}/${db}" \
      --user "$PG_USER" --password "$PG_PASS" --schema "$s" --file "${dir}/${s}.jsonl" | tail -3
  done
  DB_PREFIX=fq_aq_un_
  SERVICE_ENV=("FRONTLINE_CACHE_ENABLED=false" "FRONTLINE_SOURCES_AMERIPOL_ENABLED=false"
               "FRONTLINE_SOURCES_ASEANAPOL_ENABLED=false" "FRONTLINE_SOURCES_GCCPOL_ENABLED=false")
  start_service 7200
  EVAL_ARGS=(--world un --data "$data")
  evaluate un 0 "$BASE_URL" "this checkout's service on fq_aq_un_interpol and fq_aq_un_europol, the other sources disabled (cache off, rate limit lifted)"
  EVAL_ARGS=()
  kill "${CHILD_PIDS[-1]}" 2>/dev/null || true
  wait "${CHILD_PIDS[-1]}" 2>/dev/null || true
}

bench_1m() {
  local s all=1
  for s in "${SCHEMAS[@]}"; do seeded "fq_bench_$s" || all=0; done
  if [ "$all" = 0 ]; then
    if [ "${BUILD_BENCH:-0}" != 1 ]; then
      log "1M skipped: the fq_bench_* databases are missing (loadtests/bulk-load.sh 1000000 42, or BUILD_BENCH=1)"
      return 0
    fi
    log "building the 1,000,000-person fq_bench_* databases: loadtests/bulk-load.sh 1000000 42"
    loadtests/bulk-load.sh 1000000 42
  fi
  DB_PREFIX=fq_bench_
  SERVICE_ENV=("FRONTLINE_CACHE_ENABLED=false")
  start_service 7200
  evaluate 1M 1000000 "$BASE_URL" "this checkout's service on the fq_bench_* databases (cache off, rate limit lifted)"
  kill "${CHILD_PIDS[-1]}" 2>/dev/null || true
  wait "${CHILD_PIDS[-1]}" 2>/dev/null || true
}

for size in $SIZES; do
  case "$size" in
    10k) demo_10k ;;
    1M) bench_1m ;;
    un) un_world ;;
    *) log "unknown size ${size} (10k, 1M, un)"; exit 2 ;;
  esac
done
log "done: ${OUT}, section in ${RESULTS}"
