#!/usr/bin/env bash
# Border mix, smoke: BorderMixSimulation against the service with no delay anywhere, for a short
# bounded run at a modest rate; writes "## Border mix (smoke)" into loadtests/RESULTS.md.
# These are smoke figures (does the mix run, what does it look like), not a capacity measurement.
#
# usage: loadtests/border-mix.sh
# env:   RATE (10 arrivals/s)  DURATION (30 s)  ZIPF (1.0)  POOL_SIZE (2000)  MAX_P99_MS (1700)
#        WARMUP (40)  RESULTS (loadtests/RESULTS.md)  SUMMARY (loadtests/results/border-mix-smoke.txt)
#        EXTRA_SERVICE_ENV
#        PGHOST PGPORT PGUSER PGPASSWORD, SLOW_PERSONS: see loadtests/common.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. loadtests/common.sh
trap cleanup EXIT

RATE="${RATE:-10}"; DURATION="${DURATION:-30}"; ZIPF="${ZIPF:-1.0}"; POOL_SIZE="${POOL_SIZE:-2000}"
MAX_P99_MS="${MAX_P99_MS:-1700}"; WARMUP="${WARMUP:-40}"; RESULTS="${RESULTS:-loadtests/RESULTS.md}"
SECTION="Border mix (smoke)"
SERVICE_ENV=()

build_if_needed
prepare_sources
start_service $((DURATION + 600))
warm_up "$WARMUP" 10

ARGS=(-Dgatling.simulationClass=org.frontline.load.BorderMixSimulation -DbaseUrl="$BASE_URL" -Dtoken="$TOKEN" -Drate="$RATE"
      -Dduration="$DURATION" -Dzipf="$ZIPF" -DpoolSize="$POOL_SIZE" -DmaxP99Ms="$MAX_P99_MS")
COMMAND="./mvnw -B -f loadtests/pom.xml gatling:test ${ARGS[*]/#-Dtoken=*/-Dtoken=<officer token from /demo/token>}"
log "$COMMAND"
GLOG="$WORK/gatling-border-mix.log"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
rc=0
run_gatling "$GLOG" "${ARGS[@]}" || rc=$?

REQUESTS=$(gatling_stat "$GLOG" "request count")
if [ -z "$REQUESTS" ]; then
  log "no Gatling summary in $GLOG (exit $rc): RESULTS.md left as it was"; exit "${rc:-1}"
fi
KO=$(gatling_stat "$GLOG" "request count" 4); [ "$KO" = "-" ] && KO=0
P50=$(gatling_stat "$GLOG" "response time 50th percentile (ms)")
P95=$(gatling_stat "$GLOG" "response time 95th percentile (ms)")
P99=$(gatling_stat "$GLOG" "response time 99th percentile (ms)")
MAX=$(gatling_stat "$GLOG" "max response time (ms)")
THROUGHPUT=$(gatling_stat "$GLOG" "mean throughput (rps)")
REPORT=$(gatling_report_dir "$GLOG"); REPORT_REL=${REPORT#"$PWD"/}
if [ "$rc" = 0 ]; then VERDICT="passed"; else VERDICT="**failed** (Gatling exit code $rc)"; fi

mkdir -p loadtests/results
SUMMARY="${SUMMARY:-loadtests/results/border-mix-smoke.txt}"
{ echo "# $COMMAND"; echo "# report: $REPORT_REL"; gatling_summary "$GLOG"; grep -E '^Global: ' "$GLOG" || true; } > "$SUMMARY"

SECTION_FILE=$(mktemp)
cat > "$SECTION_FILE" <<EOF
## ${SECTION}

**Smoke figures**: a short run at a modest rate to show that the mix runs and what it looks like;
not the full comparison of issue 8 (no capacity search, one short run, a shared machine).

$(date -u '+%Y-%m-%d %H:%M UTC'). Machine: 2 vCPU, 24 GB, shared with other workers' jobs while it
ran (noisy; load generator, service and PostgreSQL on the same two cores; load average just before
the run: ${LOAD_BEFORE}). Local PostgreSQL, every
source direct (no delay); data: ${DATA_NOTE}. \`loadtests/border-mix.sh\` (env RATE=${RATE} DURATION=${DURATION});
${WARMUP} unknown-document queries warmed the service up first (not measured). Open model, constant
arrival rate; documents 70% (no-hit numbers, the stolen passport P4471902/FRA at rank 3 of the Zipf
pool), persons 20% (spelling variants of the walkthrough subjects at the top ranks, random names),
vehicles 10% (ABC1234/BRA at rank 2, random plates); Zipf exponent ${ZIPF} over pools of ${POOL_SIZE}.

Command (Gatling report: \`${REPORT_REL}\`, not committed; summary: \`${SUMMARY}\`):

\`\`\`
${COMMAND}
\`\`\`

| figure | value |
|---|---:|
| arrival rate | ${RATE}/s for ${DURATION} s |
| requests | ${REQUESTS} (mean throughput ${THROUGHPUT} rps) |
| failed | ${KO} |
| p50 | ${P50} ms |
| p95 | ${P95} ms |
| p99 | ${P99} ms |
| max | ${MAX} ms |
| Gatling assertions (failed <= 0%, p99 < ${MAX_P99_MS} ms) | ${VERDICT} |

By request name (from the report's statistics table):

| request | count | failed | p50 ms | p95 ms | p99 ms | max ms |
|---|---:|---:|---:|---:|---:|---:|
$(gatling_per_request "$REPORT" | awk -F'|' '{ row = "|"; for (i = 1; i <= NF; i++) row = row " " $i " |"; print row }')
EOF
replace_section "$RESULTS" "$SECTION" "$SECTION_FILE"
rm -f "$SECTION_FILE"
log "wrote the section \"${SECTION}\" into ${RESULTS}; summary in ${SUMMARY}"
exit "$rc"
