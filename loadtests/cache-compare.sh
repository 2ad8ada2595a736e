#!/usr/bin/env bash
# Cached vs uncached vs the trivial endpoint, in one run, with the same driver and settings:
#   1. the service with its cache on: GET /v1/ping (the HTTP floor: token check, JSON, nothing else),
#      then the same unknown-document question over and over (answered from L1 after the first);
#   2. the service with its cache off (FRONTLINE_CACHE_ENABLED=false): the same question, every
#      time to the five sources.
# Closed loop (tools/Throughput.java), THREADS threads, WARMUP s unmeasured then DURATION s.
# Writes "## Cache: cached vs uncached vs a trivial endpoint" into loadtests/RESULTS.md.
# env: THREADS (32) DURATION (20) WARMUP (5), and those of common.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh
trap cleanup EXIT
THREADS="${THREADS:-32}"; DURATION="${DURATION:-20}"; WARMUP="${WARMUP:-5}"
RESULTS=loadtests/RESULTS.md
QUESTION='{"number":"ZQ000000001","issuingCountry":"DEU","purpose":"border control"}'

build_if_needed
prepare_sources
MACHINE="$(nproc) vCPU, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
START_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"

measure() { # name path [body]
  local name="$1" path="$2" body="${3:-}"
  if [ -z "$body" ]; then
    java loadtests/tools/Throughput.java --url "${BASE_URL}${path}" --method GET --token "$TOKEN" \
      --threads "$THREADS" --seconds "$DURATION" --warmup-seconds "$WARMUP" > "$WORK/cc-${name}.txt" 2>&1
  else
    java loadtests/tools/Throughput.java --url "${BASE_URL}${path}" --token "$TOKEN" --body "$body" \
      --threads "$THREADS" --seconds "$DURATION" --warmup-seconds "$WARMUP" > "$WORK/cc-${name}.txt" 2>&1
  fi
  cat "$WORK/cc-${name}.txt" >&2
}
get() { sed -n "s/^$2=//p" "$WORK/cc-$1.txt"; }

log "=== cache on"
SERVICE_ENV=()
start_service $((3 * (WARMUP + DURATION) + 300))
measure trivial /v1/ping
measure cached /v1/search/document "$QUESTION"
HITS=$(curl -s "${BASE_URL}/q/metrics" | awk '/^frontline_cache_requests_total\{.*result="hit".*tier="l1"/ { s += $NF } END { printf "%d", s }')
cleanup; CHILD_PIDS=()

log "=== cache off"
SERVICE_ENV=("FRONTLINE_CACHE_ENABLED=false")
start_service $((WARMUP + DURATION + 300))
measure uncached /v1/search/document "$QUESTION"
cleanup; CHILD_PIDS=()

row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(get "$2" ok_rps)" "$(get "$2" p50_ms)" "$(get "$2" p99_ms)" "$(get "$2" max_ms)" "$(get "$2" errors)"; }
SECTION=$(mktemp)
{
  echo "## Cache: cached vs uncached vs a trivial endpoint"
  echo
  echo "${START_DATE}. Machine: ${MACHINE}; shared with other workers' jobs, so the figures are noisy."
  echo "Data: ${DATA_NOTE}. The service's audit log is on (every answer waits for its audit commit)."
  echo
  echo "Command: \`loadtests/cache-compare.sh\` (THREADS=${THREADS} DURATION=${DURATION} WARMUP=${WARMUP}); each row is"
  echo "\`java loadtests/tools/Throughput.java\`, closed loop, ${THREADS} threads, ${WARMUP} s unmeasured then ${DURATION} s, against"
  echo "the same service build: GET \`/v1/ping\` (cache on), then POST \`/v1/search/document\` with one unknown"
  echo "document over and over, with the cache on (answered from L1 after the first: ${HITS} L1 hits counted"
  echo "by the service) and after a restart with \`FRONTLINE_CACHE_ENABLED=false\` (every question to the five sources)."
  echo
  echo "| request | answers/s | p50 ms | p99 ms | max ms | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  row "trivial: GET /v1/ping" trivial
  row "document no-hit, cached (L1)" cached
  row "document no-hit, uncached (five sources)" uncached
  echo
  awk -v t="$(get trivial ok_rps)" -v c="$(get cached ok_rps)" -v u="$(get uncached ok_rps)" 'BEGIN {
    if (t > 0 && u > 0) printf "Cached answers/s = %.0f %% of the trivial endpoint'"'"'s; cached / uncached = %.1fx.\n", 100 * c / t, c / u }'
} > "$SECTION"
replace_section "$RESULTS" "Cache: cached vs uncached vs a trivial endpoint" "$SECTION"
cat "$SECTION"
