#!/usr/bin/env bash
# What the audit costs: saturation throughput (closed loop) of unknown-document searches with the audit
# on, and with it off (frontline.audit.enabled=false, for measurement only), in the same run, rounds
# alternated. Writes the section "## Audit cost: searches/s with audit on vs off" of loadtests/RESULTS.md
# (other sections kept) and loadtests/results/audit-cost.txt.
#
#   loadtests/audit-cost.sh                                   # on off on off, 32 threads, 10 s warm-up + 30 s each
#   ORDER="on off" THREADS=16 DURATION=20 loadtests/audit-cost.sh
#
# env: ORDER ("on off on off") THREADS (32) DURATION (30 s measured) WARMUP (10 s, unmeasured, same driver)
#      EXTRA_SERVICE_ENV (more service settings, both modes), RESULTS SUMMARY SECTION_TITLE,
#      and the PostgreSQL ones of common.sh (PGHOST PGPORT PGUSER PGPASSWORD; SLOW_PERSONS)
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh
trap cleanup EXIT

ORDER="${ORDER:-on off on off}"; THREADS="${THREADS:-32}"; DURATION="${DURATION:-30}"; WARMUP="${WARMUP:-10}"
RESULTS="${RESULTS:-loadtests/RESULTS.md}"; SUMMARY="${SUMMARY:-loadtests/results/audit-cost.txt}"
SECTION_TITLE="${SECTION_TITLE:-Audit cost: searches/s with audit on vs off}"
AUDIT_DB=fq_cost_audit
BODY='{"number":"ZQ{rnd}","issuingCountry":"DEU","purpose":"border control, entry"}'

build_if_needed
prepare_sources
psql_ -d postgres -qc "DROP DATABASE IF EXISTS ${AUDIT_DB} WITH (FORCE)"
psql_ -d postgres -qc "CREATE DATABASE ${AUDIT_DB}"

BASE_ENV=(
  "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://${PG_HOST}:${PG_PORT}/${AUDIT_DB}"
  "QUARKUS_DATASOURCE_USERNAME=${PG_USER}"
  "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:${PWD}/src/test/resources/tokens/officer-token-public.pem"
  "MP_JWT_VERIFY_ISSUER=https://frontline-query.example/demo-issuer"
  "SMALLRYE_JWT_SIGN_KEY_LOCATION=file:${PWD}/src/test/resources/tokens/officer-token-private.pem"
  "FRONTLINE_AUDIT_CHECKPOINT_KEY=load-test-only-audit-checkpoint-key-0123456789"
  "FRONTLINE_DEMO_TOKEN_ENDPOINT=true"
  "FRONTLINE_ACCESS_RATE_LIMIT_PER_MINUTE=100000000"
)
[ -n "$PG_PASS" ] && BASE_ENV+=("QUARKUS_DATASOURCE_PASSWORD=${PG_PASS}")

audit_stats() { # "records commits" of the audit database
  psql_ -d "$AUDIT_DB" -Atc "SELECT (SELECT count(*) FROM audit_record), xact_commit FROM pg_stat_database WHERE datname = current_database()" \
    2>/dev/null | tr '|' ' ' || echo "0 0"
}

MACHINE="$(nproc) vCPU, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
START_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
ROWS=(); SUM_ON=0; N_ON=0; SUM_OFF=0; N_OFF=0
: > "$SUMMARY.tmp"
round=0
for mode in $ORDER; do
  round=$((round + 1))
  enabled=true; [ "$mode" = off ] && enabled=false
  SERVICE_ENV=("${BASE_ENV[@]}" "FRONTLINE_AUDIT_ENABLED=${enabled}")
  log "=== round ${round}: audit ${mode}"
  start_service $((WARMUP + DURATION + 300))
  if [ "$mode" = off ]; then
    grep -q "audit disabled: for measurement only" "$WORK/service.log" \
      || { log "no 'audit disabled' warning in the service log"; exit 1; }
  fi
  TOKEN=$(curl -sf -H 'Content-Type: application/json' "${BASE_URL}/demo/token" \
    -d '{"officerId":"cost","agency":"TEST","country":"DEU","roles":["OFFICER"],"clearance":"RESTRICTED"}' \
    | sed -e 's/.*"token":"\([^"]*\)".*/\1/')
  JVM=$(pgrep -P "${CHILD_PIDS[${#CHILD_PIDS[@]}-1]}" | head -1)
  read -r rec0 com0 <<< "$(audit_stats)"
  LOAD0=$(cut -d' ' -f1 /proc/loadavg)
  java loadtests/tools/Throughput.java --url "${BASE_URL}/v1/search/document" --token "$TOKEN" --body "$BODY" \
    --threads "$THREADS" --seconds "$DURATION" --warmup-seconds "$WARMUP" > "$WORK/cost-${round}.txt" 2>&1
  sleep 1
  read -r rec1 com1 <<< "$(audit_stats)"
  ALIVE=yes; kill -0 "$JVM" 2>/dev/null || ALIVE=no
  cleanup; CHILD_PIDS=()
  cp "$WORK/service.log" "$WORK/cost-service-${round}.log"
  cat "$WORK/cost-${round}.txt" >&2
  get() { sed -n "s/^$1=//p" "$WORK/cost-${round}.txt"; }
  rps=$(get ok_rps); errors=$(get errors)
  VALID=yes
  if [ "$errors" != 0 ] || [ "$ALIVE" = no ]; then
    VALID=no; log "round ${round} invalid: ${errors} errors, service alive at the end: ${ALIVE} (log: $WORK/cost-service-${round}.log)"
  fi
  records=$((rec1 - rec0)); commits=$((com1 - com0))
  batch="—"
  [ "$mode" = on ] && [ "$commits" -gt 0 ] && batch=$(awk -v r="$records" -v c="$commits" 'BEGIN { printf "%.1f", r / c }')
  ROWS+=("| ${round} | ${mode} | **${rps}** | $(get requests) | ${errors} | $(get p50_ms) | $(get p99_ms) | $(get max_ms) | ${records} | ${commits} | ${batch} | ${LOAD0} |$([ "$VALID" = yes ] || echo " (invalid: ${errors} errors, service alive at end: ${ALIVE}; not in the mean)") ")
  { echo "=== round ${round}: audit ${mode} (${START_DATE})"; cat "$WORK/cost-${round}.txt";
    echo "audit_records_added=${records} audit_db_commits=${commits} load_before=${LOAD0}"; echo; } >> "$SUMMARY.tmp"
  if [ "$VALID" = no ]; then :
  elif [ "$mode" = on ]; then SUM_ON=$(awk -v a="$SUM_ON" -v b="$rps" 'BEGIN { print a + b }'); N_ON=$((N_ON + 1));
  else SUM_OFF=$(awk -v a="$SUM_OFF" -v b="$rps" 'BEGIN { print a + b }'); N_OFF=$((N_OFF + 1)); fi
done
mv "$SUMMARY.tmp" "$SUMMARY"

MEAN_ON=$(awk -v s="$SUM_ON" -v n="$N_ON" 'BEGIN { printf "%.1f", n ? s / n : 0 }')
MEAN_OFF=$(awk -v s="$SUM_OFF" -v n="$N_OFF" 'BEGIN { printf "%.1f", n ? s / n : 0 }')
COST=$(awk -v on="$MEAN_ON" -v off="$MEAN_OFF" 'BEGIN { printf "%.1f", (off > 0) ? (off - on) / off * 100 : 0 }')
VERDICT=$(awk -v c="$COST" 'BEGIN { print (c < 10 ? "under the 10 % target" : "**above the 10 % target**") }')
log "audit on ${MEAN_ON}/s, off ${MEAN_OFF}/s: cost ${COST} % (${VERDICT})"

SECTION=$(mktemp)
cat > "$SECTION" <<MD
## ${SECTION_TITLE}

${START_DATE}. Machine: ${MACHINE}; **shared with other workers' jobs while it ran**, and the
driver, the service and PostgreSQL share the same cores: absolute figures are noisy, compare the
rounds of this run only (they are alternated for that reason). Local PostgreSQL; sources:
${DATA_NOTE}; audit database \`${AUDIT_DB}\` (fresh at the start of the run, kept across rounds).

Command (raw driver output: \`${SUMMARY}\`):

\`\`\`
loadtests/audit-cost.sh    # env ORDER="${ORDER}" THREADS=${THREADS} DURATION=${DURATION} WARMUP=${WARMUP}${EXTRA_SERVICE_ENV:+ EXTRA_SERVICE_ENV="${EXTRA_SERVICE_ENV}"}
\`\`\`

Each round starts the service afresh (\`java -jar target/quarkus-app/quarkus-run.jar\`, prod
profile, rate limit out of the way), "on" with the audit as configured (group commit,
\`frontline.audit.max-batch\` 256), "off" with \`FRONTLINE_AUDIT_ENABLED=false\` (measurement only:
the service logs "audit disabled: for measurement only, never in service"). Driver:
\`java loadtests/tools/Throughput.java --url <service>/v1/search/document --token <officer> --body '${BODY}' --threads ${THREADS} --seconds ${DURATION} --warmup-seconds ${WARMUP}\`:
${THREADS} threads in a closed loop (each sends its next search when its answer has arrived), an
unknown document number per request (\`{rnd}\` = 9 random digits; the border's everyday case, a
no-hit from all five sources), ${WARMUP} s unmeasured warm-up, then ${DURATION} s measured. Latencies
are those of the closed loop at saturation (queueing included), not of an open-model load.
"Commits" is the delta of \`xact_commit\` of the audit database over the round (so "records per
commit" is the average group-commit batch).

| round | audit | **searches/s** (200s) | requests | errors | p50 ms | p99 ms | max ms | audit records | audit DB commits | records per commit | load avg before |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${ROWS[@]}")

Mean: audit on **${MEAN_ON}/s** (${N_ON} rounds), audit off **${MEAN_OFF}/s** (${N_OFF} rounds):
the audit costs **${COST} %** of the throughput, ${VERDICT}.
MD
replace_section "$RESULTS" "$SECTION_TITLE" "$SECTION"
rm -f "$SECTION"
log "section \"${SECTION_TITLE}\" written to ${RESULTS}"
