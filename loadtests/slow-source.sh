#!/usr/bin/env bash
# The one-slow-source benchmark: Europol's database answers 5 s late (a TCP DelayProxy in front of
# it); unknown-document checks arrive at a steady rate; the whole answer must still go out within
# the deadline, naming Europol as TIMEOUT and the outcome INCOMPLETE (never NO_HIT).
#
# usage: loadtests/slow-source.sh
# env:   RATE (20 arrivals/s)  DURATION (60 s)  DELAY_MS (5000)  DELAYED (europol)
#        DEADLINE_MS (1500: the service's frontline.search.default-deadline)  MARGIN_MS (200)
#        BREAKER (off | on): "off" (default) keeps the delayed source's circuit breaker from
#          opening during the run (request-volume 100000), so every request pays the source's
#          timeout and its status is TIMEOUT: the worst case for latency. "on" leaves the
#          breaker as configured: it opens after 10 calls and most answers say CIRCUIT_OPEN.
#        DELAYED_STATUSES (TIMEOUT,BUSY, or TIMEOUT,CIRCUIT_OPEN,BUSY with BREAKER=on): the delayed source's
#          statuses the simulation accepts in each answer
#        WARMUP (40 queries before the measured run)  RESULTS (loadtests/RESULTS.md)
#        SUMMARY (loadtests/results/slow-source.txt: Gatling's summary, copied)  EXTRA_SERVICE_ENV
#        SECTION_TITLE (the RESULTS.md section to replace; default "One source delayed by 5 s")
#        PGHOST PGPORT PGUSER PGPASSWORD, SLOW_PERSONS: see loadtests/common.sh
# Bounded: the proxy and the service stop by themselves after DURATION + 600 s at the latest, the
# Gatling run after DURATION + 300 s; everything is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. loadtests/common.sh
trap cleanup EXIT

RATE="${RATE:-20}"; DURATION="${DURATION:-60}"; DELAY_MS="${DELAY_MS:-5000}"; DELAYED="${DELAYED:-europol}"
DEADLINE_MS="${DEADLINE_MS:-1500}"; MARGIN_MS="${MARGIN_MS:-200}"; BREAKER="${BREAKER:-off}"
WARMUP="${WARMUP:-40}"; RESULTS="${RESULTS:-loadtests/RESULTS.md}"
BOUND=$((DURATION + 600))

SECTION="One source delayed by $((DELAY_MS / 1000)) s"
SERVICE_ENV=("FRONTLINE_SEARCH_DEFAULT_DEADLINE=${DEADLINE_MS}ms")
case "$BREAKER" in
  off) STATUSES=TIMEOUT,BUSY
       SERVICE_ENV+=("FRONTLINE_SOURCES_${DELAYED^^}_BREAKER_REQUEST_VOLUME=100000") ;;
  on)  STATUSES=TIMEOUT,CIRCUIT_OPEN,BUSY
       SECTION="${SECTION} (circuit breaker on)" ;;
  *)   echo "BREAKER: off or on" >&2; exit 2 ;;
esac
STATUSES="${DELAYED_STATUSES:-$STATUSES}"
SECTION="${SECTION_TITLE:-$SECTION}"

build_if_needed
prepare_sources
start_proxy "$DELAY_MS" "$BOUND"
start_service "$BOUND" "$DELAYED"
warm_up "$WARMUP" 10

SIM=org.frontline.load.SlowSourceSimulation
ARGS=(-Dgatling.simulationClass=$SIM -DbaseUrl="$BASE_URL" -Dtoken="$TOKEN" -Drate="$RATE" -Dduration="$DURATION"
      -DdeadlineMs="$DEADLINE_MS" -DmarginMs="$MARGIN_MS" -DdelayedSource="$DELAYED" -DdelayedStatuses="$STATUSES")
COMMAND="./mvnw -B -f loadtests/pom.xml gatling:test ${ARGS[*]/#-Dtoken=*/-Dtoken=<officer token from /demo/token>}"
log "$COMMAND"
GLOG="$WORK/gatling-slow-source.log"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
rc=0
run_gatling "$GLOG" "${ARGS[@]}" || rc=$?
# (the run is bounded by the simulation's maxDuration, DURATION + 120 s)

# what the delayed source answered, by status, as the service counted it (warm-up included)
curl -s "${BASE_URL}/q/metrics" | grep -E "^frontline_source_answers_total\{kind=\"DOCUMENT\",source=\"${DELAYED}\"" \
  | sed -E 's/.*status="([A-Z_]+)"\} ([0-9.]+)/\1 \2/' | awk '{printf "%s%s %d", sep, $1, $2; sep=", "} END {print ""}' \
  > "$WORK/delayed-statuses.txt" || true

REQUESTS=$(gatling_stat "$GLOG" "request count")
if [ -z "$REQUESTS" ]; then
  log "no Gatling summary in $GLOG (exit $rc): RESULTS.md left as it was"; exit "${rc:-1}"
fi
KO=$(gatling_stat "$GLOG" "request count" 4); [ "$KO" = "-" ] && KO=0
P50=$(gatling_stat "$GLOG" "response time 50th percentile (ms)")
P95=$(gatling_stat "$GLOG" "response time 95th percentile (ms)")
P99=$(gatling_stat "$GLOG" "response time 99th percentile (ms)")
P999=$(gatling_stat "$GLOG" "response time 99.9th percentile (ms)")
MAX=$(gatling_stat "$GLOG" "max response time (ms)")
MEAN=$(gatling_stat "$GLOG" "mean response time (ms)")
THROUGHPUT=$(gatling_stat "$GLOG" "mean throughput (rps)")
REPORT=$(gatling_report_dir "$GLOG")
REPORT_REL=${REPORT#"$PWD"/}
if [ "$P99" -le "$DEADLINE_MS" ]; then P99_OK="yes"; else P99_OK="**no**"; fi
if [ "$rc" = 0 ]; then VERDICT="passed"; else VERDICT="**failed** (Gatling exit code $rc)"; fi

mkdir -p loadtests/results
DEFAULT_SUMMARY=loadtests/results/slow-source.txt
[ "$BREAKER" = on ] && DEFAULT_SUMMARY=loadtests/results/slow-source-breaker-on.txt
SUMMARY="${SUMMARY:-$DEFAULT_SUMMARY}"
{ echo "# $COMMAND"; echo "# report: $REPORT_REL"; gatling_summary "$GLOG"; grep -E '^Global: ' "$GLOG" || true; } > "$SUMMARY"

SECTION_FILE=$(mktemp)
cat > "$SECTION_FILE" <<EOF
## ${SECTION}

$(date -u '+%Y-%m-%d %H:%M UTC'). Machine: 2 vCPU, 24 GB, shared with other workers' jobs while it
ran, so the figures are noisy (and the load generator, the service, the proxy and PostgreSQL share
the same two cores; load average just before the run: ${LOAD_BEFORE}). Local PostgreSQL; data: ${DATA_NOTE}.

Set-up: \`loadtests/slow-source.sh\` (env RATE=${RATE} DURATION=${DURATION} DELAY_MS=${DELAY_MS} BREAKER=${BREAKER}${EXTRA_SERVICE_ENV:+ EXTRA_SERVICE_ENV=\"${EXTRA_SERVICE_ENV}\"}).
\`${DELAYED}\` reached through \`loadtests/tools/DelayProxy.java\`, which delivers every chunk from its
database ${DELAY_MS} ms late; the other four sources direct. Service: \`java -jar target/quarkus-app/quarkus-run.jar\`,
default deadline ${DEADLINE_MS} ms, source timeout 800 ms (default), $( [ "$BREAKER" = off ] \
  && echo "the ${DELAYED} breaker kept closed (request-volume 100000) so that every request waits for its timeout: the worst case" \
  || echo "circuit breakers as configured (the ${DELAYED} breaker opens after 10 calls, retries every 5 s)" ).
${WARMUP} unknown-document queries warmed the service up first (not measured). Load: unknown
document numbers (one new random number per request), open model, constant arrival rate.

Command (Gatling ${REPORT_REL:+report: \`${REPORT_REL}\`, not committed; summary: \`${SUMMARY}\`}):

\`\`\`
${COMMAND}
\`\`\`

| figure | value |
|---|---:|
| arrival rate | ${RATE}/s for ${DURATION} s |
| requests | ${REQUESTS} (mean throughput ${THROUGHPUT} rps) |
| failed (non-200, or an answer failing a check) | ${KO} |
| p50 | ${P50} ms |
| p95 | ${P95} ms |
| p99 | ${P99} ms |
| p99.9 | ${P999} ms |
| max | ${MAX} ms |
| mean | ${MEAN} ms |
| configured deadline | ${DEADLINE_MS} ms |
| p99 <= deadline | ${P99_OK} |
| ${DELAYED}'s answers to document queries, by status (service metrics, warm-up included) | $(cat "$WORK/delayed-statuses.txt") |
| Gatling assertions (p99 < ${DEADLINE_MS} + ${MARGIN_MS} ms, 0 failed; each answer INCOMPLETE with ${DELAYED} ${STATUSES//,/ or }) | ${VERDICT} |

Latencies are of the whole answer as the client saw it (Gatling, request sent to last byte).
EOF
replace_section "$RESULTS" "$SECTION" "$SECTION_FILE"
rm -f "$SECTION_FILE"
log "wrote the section \"${SECTION}\" into ${RESULTS}; summary in ${SUMMARY}"
exit "$rc"
