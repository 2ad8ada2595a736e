#!/usr/bin/env bash
# Where the cold path's time goes: the same caches-off service after a short and after a long JIT
# warm-up, with the audit on and off, and (BASE_JAR) an older build beside it; plus pgbench timing the
# audit's own INSERT and commit in PostgreSQL. Each run is a fresh service: a warm-up at 32 clients
# (unmeasured), then 32 clients (saturation) and 1 client (latency) measured, with the service's own
# mean audit flush time over the 1-client phase (frontline_audit_write_seconds). Writes the section
# "## Cold path: JIT warm-up and the audit write" of loadtests/RESULTS.md.
#
# usage: loadtests/cold-path.sh
#        BASE_JAR=/path/to/older/quarkus-app/quarkus-run.jar BASE_LABEL=038b939 loadtests/cold-path.sh
# env:   SHORT_WARMUP (15) LONG_WARMUP (60) SECONDS_PER_PHASE (15) RESULTS, and those of common.sh
# Bounded: each driver run under timeout, each service by its own lifetime; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh
trap cleanup EXIT

SHORT_WARMUP="${SHORT_WARMUP:-15}"; LONG_WARMUP="${LONG_WARMUP:-60}"; SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-15}"
RESULTS="${RESULTS:-loadtests/RESULTS.md}"
OUT="$WORK/cold-path"; rm -rf "$OUT"; mkdir -p "$OUT"

build_if_needed
build_peers_if_needed
prepare_sources
QUERIES="$OUT/queries.tsv"
timeout 300 java -jar "$PEERS_JAR" queries --db-prefix "$DB_PREFIX" --count 20000 --hit-share 0.001 --seed 42 --out "$QUERIES" >&2

# the audit flush timer of the running service: "<sum seconds> <count>"
audit_timer() {
  { curl -s "${BASE_URL}/q/metrics" || true; } | awk '/^frontline_audit_write_seconds_sum / { s = $2 } /^frontline_audit_write_seconds_count / { c = $2 }
    END { printf "%s %s", (s == "" ? 0 : s), (c == "" ? 0 : c) }'
}

drive_one() { # label warmup-seconds clients
  timeout $(($2 + SECONDS_PER_PHASE + 120)) java -jar "$PEERS_JAR" --target http --url "${BASE_URL}/v1/search/document" \
    --token "$TOKEN" --model closed --concurrency "$3" --queries "$QUERIES" --warmup-seconds "$2" \
    --seconds "$SECONDS_PER_PHASE" --label "$1" --out "$OUT/$1.json" >&2
}

ROWS=()
run() { # label jar warmup audit(on|off)
  local label="$1" jar="$2" warmup="$3" audit="$4"
  SERVICE_ENV=("FRONTLINE_CACHE_ENABLED=false")
  [ "$audit" = off ] && SERVICE_ENV+=("FRONTLINE_AUDIT_ENABLED=false")
  SERVICE_JAR="$jar" start_service 900
  log "${label}: ${warmup} s warm-up at 32 clients, then 32 and 1 client(s), ${SECONDS_PER_PHASE} s each"
  drive_one "${label}-c32" "$warmup" 32
  local before after
  before=$(audit_timer)
  drive_one "${label}-c1" 5 1
  after=$(audit_timer)
  cleanup; CHILD_PIDS=()
  ROWS+=("$(python3 - "$OUT/${label}-c32.json" "$OUT/${label}-c1.json" "$label" "$jar" "$warmup" "$audit" "$before" "$after" <<'EOF'
import json, sys
sat = json.load(open(sys.argv[1])); low = json.load(open(sys.argv[2]))
s0, c0 = map(float, sys.argv[7].split()); s1, c1 = map(float, sys.argv[8].split())
flush = f"{1000 * (s1 - s0) / (c1 - c0):.2f}" if c1 > c0 else "—"
print(f"| {sys.argv[3]} | `{sys.argv[4]}` | {sys.argv[5]} s | {sys.argv[6]} | {sat['throughput_rps']:,.0f} | "
      f"{sat['p50_ms']:.1f} | {low['p50_ms']:.2f} | {low['p99_ms']:.2f} | {flush} | {sat['errors'] + low['errors']} |")
EOF
)")
}

CURRENT=target/quarkus-app/quarkus-run.jar
run short-warm-up "$CURRENT" "$SHORT_WARMUP" on
run long-warm-up "$CURRENT" "$LONG_WARMUP" on
run long-warm-up-audit-off "$CURRENT" "$LONG_WARMUP" off
if [ -n "${BASE_JAR:-}" ]; then
  run "${BASE_LABEL:-base}" "$BASE_JAR" "$LONG_WARMUP" on
fi

# the audit's own statement in PostgreSQL, one client: one row chained as the service writes it
PROBE_SQL="$OUT/audit-insert.sql"
cat > "$PROBE_SQL" <<'EOF'
\set s random(1, 1000000000)
INSERT INTO probe_audit (seq, occurred_at, query_id, officer_id, agency, country, roles, purpose, kind, terms, sources, outcome, decision, request_id, traceparent, prev_hash, hash) SELECT * FROM unnest(array[:s]::bigint[], array[now()]::timestamptz[], array[md5(:s::text)]::text[], array['load-test']::text[], array['LOAD']::text[], array['DEU']::text[], array['OFFICER']::text[], array['border control, entry']::text[], array['DOCUMENT']::text[], array['{"number":"ZQ900000","issuingCountry":"DEU"}']::text[], array['[{"source":"interpol","status":"OK","latencyMs":0},{"source":"europol","status":"OK","latencyMs":0},{"source":"ameripol","status":"OK","latencyMs":0},{"source":"aseanapol","status":"OK","latencyMs":0},{"source":"gccpol","status":"OK","latencyMs":0}]']::text[], array['NO_HIT']::text[], array['ANSWERED']::text[], array[md5('r'||:s)]::text[], array[null]::text[], array[md5('p'||:s)||md5('x')]::text[], array[md5('h'||:s)||md5('y')]::text[]);
EOF
psql_ -d fq_load_audit -qc "DROP TABLE IF EXISTS probe_audit; CREATE TABLE probe_audit (LIKE audit_record INCLUDING ALL)"
PGBENCH="pgbench -n -M prepared -c 1 -T 10 -f $PROBE_SQL fq_load_audit"
PGBENCH_LATENCY=$(PGPASSWORD="$PG_PASS" pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c 1 -T 10 -f "$PROBE_SQL" fq_load_audit 2>&1 \
  | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p')
psql_ -d fq_load_audit -qc "DROP TABLE probe_audit"

SECTION="$OUT/section.md"
{
  echo "## Cold path: JIT warm-up and the audit write"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) vCPU, load average at end $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD). Data: ${DATA_NOTE}."
  echo "Command: \`${BASE_JAR:+BASE_JAR=$BASE_JAR BASE_LABEL=${BASE_LABEL:-base} }SHORT_WARMUP=${SHORT_WARMUP} LONG_WARMUP=${LONG_WARMUP} SECONDS_PER_PHASE=${SECONDS_PER_PHASE} loadtests/cold-path.sh\`."
  echo "Each row: a fresh service, caches off, document look-ups to all five sources; the warm-up at 32 clients"
  echo "(unmeasured), then ${SECONDS_PER_PHASE} s at 32 clients and ${SECONDS_PER_PHASE} s at 1 client (after 5 s unmeasured). \"Audit flush\" is"
  echo "the service's own mean of \`frontline_audit_write_seconds\` over the 1-client phase."
  echo
  echo "| run | service jar | warm-up | audit | answers/s, 32 clients | p50 ms, 32 | p50 ms, 1 client | p99 ms, 1 | audit flush ms (mean, 1 client) | errors |"
  echo "|---|---|---:|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "The audit's own statement in PostgreSQL, one client, on a copy of \`audit_record\` (\`CREATE TABLE probe_audit (LIKE audit_record INCLUDING ALL)\`,"
  echo "dropped after): \`${PGBENCH}\` with the statement in \`loadtests/work/cold-path/audit-insert.sql\` (written by the script):"
  echo "latency average **${PGBENCH_LATENCY:-?} ms** (insert and commit, round trip included)."
} > "$SECTION"
replace_section "$RESULTS" "Cold path: JIT warm-up and the audit write" "$SECTION"
cat "$SECTION"
