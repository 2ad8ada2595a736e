#!/usr/bin/env bash
# Does the service fit its pod? Runs the service with the heap the Kubernetes manifests give it
# (k8s/base/deployment.yaml: memory limit 768Mi, -XX:MaxRAMPercentage=75.0, so a 576 MiB heap; there
# is no cgroup limit here, so the heap is set with -Xmx), at full load: the cold path (caches off) and
# the warm path (caches on, repeated queries), 32 clients each, after a JIT warm-up. Reports answers/s,
# p50/p99 and the JVM's peak resident memory (VmHWM) against the limit. Writes the section
# "## Pod memory: peak RSS at full load with the manifests' heap" of loadtests/RESULTS.md.
#
# usage: loadtests/pod-memory.sh
# env:   HEAP (576m) LIMIT_MIB (768) CLIENTS (32) JIT_WARMUP_SECONDS (40) SECONDS_PER_PHASE (20)
#        RESULTS (loadtests/RESULTS.md), and the PostgreSQL ones of common.sh
# Bounded: each driver run under timeout, each service by its own lifetime; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh
trap cleanup EXIT

HEAP="${HEAP:-576m}"; LIMIT_MIB="${LIMIT_MIB:-768}"; CLIENTS="${CLIENTS:-32}"
JIT_WARMUP_SECONDS="${JIT_WARMUP_SECONDS:-40}"; SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-20}"
RESULTS="${RESULTS:-loadtests/RESULTS.md}"
OUT="$WORK/pod-memory"; rm -rf "$OUT"; mkdir -p "$OUT"

build_if_needed
build_peers_if_needed
prepare_sources
QUERIES="$OUT/queries.tsv"; WARM_FILE="$OUT/queries-warm.tsv"
timeout 300 java -jar "$PEERS_JAR" queries --db-prefix "$DB_PREFIX" --count 20000 --hit-share 0.001 --seed 42 --out "$QUERIES" >&2
awk '!/^#/ && NF && c++ < 200' "$QUERIES" > "$WARM_FILE"

ROWS=()
# one service run: <label> <queries> <env...>; appends a table row to ROWS
measure() {
  local label="$1" queries="$2"; shift 2
  SERVICE_ENV=("JAVA_TOOL_OPTIONS=-Xmx${HEAP}" "$@")
  start_service 900
  local pid
  pid=$(service_pid)
  [ -n "$pid" ] || { log "no service JVM found"; return 1; }
  log "${label}: JIT warm-up ${JIT_WARMUP_SECONDS} s, then ${SECONDS_PER_PHASE} s measured, ${CLIENTS} clients"
  timeout $((JIT_WARMUP_SECONDS + SECONDS_PER_PHASE + 120)) java -jar "$PEERS_JAR" --target http \
    --url "${BASE_URL}/v1/search/document" --token "$TOKEN" --model closed --concurrency "$CLIENTS" \
    --queries "$queries" --warmup-seconds "$JIT_WARMUP_SECONDS" --seconds "$SECONDS_PER_PHASE" \
    --label "$label" --out "$OUT/${label}.json" >&2
  local hwm rss
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/${pid}/status")
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/${pid}/status")
  cleanup; CHILD_PIDS=()
  ROWS+=("$(python3 - "$OUT/${label}.json" "$label" "$hwm" "$rss" "$LIMIT_MIB" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1])); hwm = int(sys.argv[3]) / 1024; rss = int(sys.argv[4]) / 1024; limit = int(sys.argv[5])
print(f"| {sys.argv[2]} | {d['throughput_rps']:,.0f} | {d['p50_ms']:.2f} | {d['p99_ms']:.2f} | {d['errors']} | "
      f"{hwm:,.0f} | {rss:,.0f} | {100 * hwm / limit:.0f} % |")
EOF
)")
}

measure cold "$QUERIES" "FRONTLINE_CACHE_ENABLED=false"
measure warm "$WARM_FILE" "FRONTLINE_CACHE_NAMESPACE=podmem$$"

SECTION="$OUT/section.md"
{
  echo "## Pod memory: peak RSS at full load with the manifests' heap"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) vCPU, commit $(git rev-parse --short HEAD). Data: ${DATA_NOTE}."
  echo "The service with \`-Xmx${HEAP}\` (k8s/base/deployment.yaml: limit ${LIMIT_MIB}Mi, \`-XX:MaxRAMPercentage=75.0\`),"
  echo "${CLIENTS} clients, closed loop, ${JIT_WARMUP_SECONDS} s JIT warm-up then ${SECONDS_PER_PHASE} s measured per run; peak = the"
  echo "JVM's VmHWM at the end of the run. Command: \`loadtests/pod-memory.sh\`."
  echo
  echo "| run | answers/s | p50 ms | p99 ms | errors | peak RSS MiB | RSS at end MiB | peak / limit |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "cold: caches off, document look-ups to all five sources; warm: caches on, the same 200 queries repeated (L1 hits)."
} > "$SECTION"
replace_section "$RESULTS" "Pod memory: peak RSS at full load with the manifests' heap" "$SECTION"
cat "$SECTION"
