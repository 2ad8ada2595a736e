#!/usr/bin/env bash
# kill -9 of the service during a load: every answer a client received has its audit record afterwards,
# and the hash chain is intact after the crash. Writes the section "## Audit durability under kill -9"
# of loadtests/RESULTS.md (other sections kept) and loadtests/results/audit-kill9.txt.
#
#   loadtests/audit-kill9.sh                 # 2 runs: 16 threads, kill -9 10 s after the first answer
#   RUNS=3 KILL_AFTER=12 loadtests/audit-kill9.sh
#
# env: RUNS (2) THREADS (16) KILL_AFTER (10 s after the first received answer) PERSON_SHARE (10 %) OUTCOME_GRACE (10s)
#      STOP_AFTER_FAILING (3 s) MAX_SECONDS (60: the driver always stops by then) K9_PERSONS (10000)
#      RESULTS SUMMARY SECTION_TITLE, and the PostgreSQL ones of common.sh (PGHOST PGPORT PGUSER PGPASSWORD)
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh
trap cleanup EXIT

RUNS="${RUNS:-2}"; THREADS="${THREADS:-16}"; KILL_AFTER="${KILL_AFTER:-10}"; PERSON_SHARE="${PERSON_SHARE:-10}"
STOP_AFTER_FAILING="${STOP_AFTER_FAILING:-3}"; MAX_SECONDS="${MAX_SECONDS:-60}"; K9_PERSONS="${K9_PERSONS:-10000}"
OUTCOME_GRACE="${OUTCOME_GRACE:-10s}"   # longer than any consultation: max deadline 5 s + audit timeout 2 s
RESULTS="${RESULTS:-loadtests/RESULTS.md}"; SUMMARY="${SUMMARY:-loadtests/results/audit-kill9.txt}"
SECTION_TITLE="${SECTION_TITLE:-Audit durability under kill -9}"
AUDIT_DB=fq_k9_audit
ISSUER=https://frontline-query.example/demo-issuer

build_if_needed

# sources: the 1,000,000-person fq_bench_<schema> when all five are there, else fq_k9_<schema> at K9_PERSONS
all=1
for s in "${SCHEMAS[@]}"; do seeded "fq_bench_$s" || all=0; done
if [ "$all" = 1 ]; then
  DB_PREFIX=fq_bench_
  DATA_NOTE="fq_bench_<schema>: 1,000,000 synthetic persons per source, seed 42 (loadtests/bulk-load.sh 1000000 42)"
else
  DB_PREFIX=fq_k9_
  DATA_NOTE="fq_k9_<schema>: ${K9_PERSONS} synthetic persons per source, seed 42"
  for s in "${SCHEMAS[@]}"; do
    db="fq_k9_$s"
    psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${db}'" | grep -q 1 \
      || psql_ -d postgres -qc "CREATE DATABASE ${db}"
    log "seeding ${db} (${K9_PERSONS} persons)"
    java -jar target/quarkus-app/quarkus-run.jar seed --jdbc-url "jdbc:postgresql://${PG_HOST}:${PG_PORT}/${db}" \
      --user "$PG_USER" --password "$PG_PASS" --schema "$s" --persons "$K9_PERSONS" --seed 42
  done
fi
log "sources: $DATA_NOTE"

SERVICE_ENV=(
  "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://${PG_HOST}:${PG_PORT}/${AUDIT_DB}"
  "QUARKUS_DATASOURCE_USERNAME=${PG_USER}"
  "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:${PWD}/src/test/resources/tokens/officer-token-public.pem"
  "MP_JWT_VERIFY_ISSUER=${ISSUER}"
  "SMALLRYE_JWT_SIGN_KEY_LOCATION=file:${PWD}/src/test/resources/tokens/officer-token-private.pem"
  "FRONTLINE_AUDIT_CHECKPOINT_KEY=load-test-only-audit-checkpoint-key-0123456789"
  "FRONTLINE_DEMO_TOKEN_ENDPOINT=true"
  "FRONTLINE_ACCESS_RATE_LIMIT_PER_MINUTE=1000000"
  # the restarted instance looks for consultations left without outcome by the crash soon after its start
  "FRONTLINE_AUDIT_OUTCOME_CHECK_GRACE=${OUTCOME_GRACE}"
  "FRONTLINE_AUDIT_OUTCOME_CHECK_EVERY=2s"
)
[ -n "$PG_PASS" ] && SERVICE_ENV+=("QUARKUS_DATASOURCE_PASSWORD=${PG_PASS}")

token() { # <officerId> <role>
  curl -sf -H 'Content-Type: application/json' "${BASE_URL}/demo/token" \
    -d "{\"officerId\":\"$1\",\"agency\":\"TEST\",\"country\":\"DEU\",\"roles\":[\"$2\"],\"clearance\":\"RESTRICTED\"}" \
    | sed -e 's/.*"token":"\([^"]*\)".*/\1/'
}

# the JVM itself (start_service runs it under `timeout`): the one child of the last recorded pid
service_jvm() {
  local parent="${CHILD_PIDS[${#CHILD_PIDS[@]}-1]}"
  pgrep -P "$parent" | head -1
}

MACHINE="$(nproc) vCPU, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
START_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
ROWS=(); FAILED=0
: > "$SUMMARY.tmp"

for run in $(seq "$RUNS"); do
  log "=== run ${run}/${RUNS}: fresh audit database ${AUDIT_DB}"
  psql_ -d postgres -qc "DROP DATABASE IF EXISTS ${AUDIT_DB} WITH (FORCE)"
  psql_ -d postgres -qc "CREATE DATABASE ${AUDIT_DB}"

  start_service $((MAX_SECONDS + 300))
  JVM=$(service_jvm)
  log "service JVM pid ${JVM}"
  OFFICER=$(token k9 OFFICER)
  RECEIVED="$WORK/k9-received-${run}.txt"; DRIVER_LOG="$WORK/k9-driver-${run}.log"
  rm -f "$RECEIVED"
  java loadtests/tools/AuditKillCheck.java --url "$BASE_URL" --token "$OFFICER" --out "$RECEIVED" \
    --threads "$THREADS" --max-seconds "$MAX_SECONDS" --stop-after-failing "$STOP_AFTER_FAILING" \
    --person-share "$PERSON_SHARE" > "$DRIVER_LOG" 2>&1 &
  DRIVER=$!
  CHILD_PIDS+=("$DRIVER")
  for _ in $(seq 600); do [ -s "$RECEIVED" ] && break; sleep 0.1; done
  [ -s "$RECEIVED" ] || { log "no answer received:"; cat "$DRIVER_LOG" >&2; tail -40 "$WORK/service.log" >&2; exit 1; }
  log "load running (${THREADS} threads); kill -9 of the service JVM in ${KILL_AFTER} s"
  sleep "$KILL_AFTER"
  AT_KILL=$(wc -l < "$RECEIVED")
  kill -9 "$JVM"
  log "kill -9 ${JVM} sent, ${AT_KILL} answers received so far; waiting for the driver to stop by itself"
  set +e; wait "$DRIVER"; set -e
  cp "$WORK/service.log" "$WORK/k9-service-${run}.log"
  cat "$DRIVER_LOG" >&2

  RECEIVED_N=$(sort -u "$RECEIVED" | wc -l)
  psql_ -d "$AUDIT_DB" -Atc "SELECT query_id FROM audit_record WHERE decision = 'CONSULTED'" | sort -u > "$WORK/k9-audited-${run}.txt"
  sort -u "$RECEIVED" > "$WORK/k9-received-sorted-${run}.txt"
  AUDITED_N=$(comm -12 "$WORK/k9-received-sorted-${run}.txt" "$WORK/k9-audited-${run}.txt" | wc -l)
  MISSING=$(comm -23 "$WORK/k9-received-sorted-${run}.txt" "$WORK/k9-audited-${run}.txt" | wc -l)
  EXTRA=$(comm -13 "$WORK/k9-received-sorted-${run}.txt" "$WORK/k9-audited-${run}.txt" | wc -l)
  RECORDS=$(psql_ -d "$AUDIT_DB" -Atc "SELECT count(*) FROM audit_record")
  DECISIONS=$(psql_ -d "$AUDIT_DB" -Atc "SELECT string_agg(decision || '=' || n, ' ') FROM (SELECT decision, count(*) n FROM audit_record GROUP BY 1 ORDER BY 1) d")
  STATUSES=$(sed -n 's/^statuses=//p' "$DRIVER_LOG"); IOERR=$(sed -n 's/^io_errors=//p' "$DRIVER_LOG")
  SECS=$(sed -n 's/^seconds=//p' "$DRIVER_LOG"); STOP=$(sed -n 's/^stop_reason=//p' "$DRIVER_LOG")
  log "received ${RECEIVED_N}, audited ${AUDITED_N}, missing ${MISSING}, audited but never received ${EXTRA}"
  [ "$MISSING" = 0 ] || { FAILED=1; comm -23 "$WORK/k9-received-sorted-${run}.txt" "$WORK/k9-audited-${run}.txt" | head -5 >&2; }

  log "restarting the service on the same audit database"
  start_service 300
  AUDITOR=$(token k9-auditor AUDITOR)
  VERIFY=$(curl -sf -H "Authorization: Bearer ${AUDITOR}" "${BASE_URL}/v1/audit/verify" | tr -d ' \n')
  log "GET /v1/audit/verify: ${VERIFY}"
  case "$VERIFY" in *'"intact":true'*) INTACT=yes ;; *) INTACT=no; FAILED=1 ;; esac
  VERIFIED=$(sed -n 's/.*"verified":\([0-9]*\).*/\1/p' <<< "$VERIFY")
  # consultations the crash left without outcome: the restarted instance records them as OUTCOME_UNKNOWN
  sleep "$(( ${OUTCOME_GRACE%s} + 4 ))"
  UNKNOWN=$(psql_ -d "$AUDIT_DB" -Atc "SELECT count(*) FROM audit_record WHERE decision = 'OUTCOME_UNKNOWN'")
  ORPHANS=$(psql_ -d "$AUDIT_DB" -Atc "SELECT count(*) FROM audit_record c WHERE c.decision = 'CONSULTED' AND NOT EXISTS (SELECT 1 FROM audit_record o WHERE o.query_id = c.query_id AND o.decision <> 'CONSULTED')")
  log "after the restarted instance's check: ${UNKNOWN} OUTCOME_UNKNOWN records, ${ORPHANS} consultations still without outcome"
  [ "$ORPHANS" = 0 ] || FAILED=1
  # the chain goes on after the crash: one more search, then verify again
  OFFICER=$(token k9 OFFICER)
  curl -sf -o /dev/null -H "Authorization: Bearer ${OFFICER}" -H 'Content-Type: application/json' "${BASE_URL}/v1/search/document" \
    -d '{"number":"ZK000000001","issuingCountry":"DEU","purpose":"after the crash"}'
  VERIFY2=$(curl -sf -H "Authorization: Bearer ${AUDITOR}" "${BASE_URL}/v1/audit/verify" | tr -d ' \n')
  log "after one more search: ${VERIFY2}"
  case "$VERIFY2" in *'"intact":true'*) ;; *) FAILED=1 ;; esac
  cleanup; CHILD_PIDS=()

  ROWS+=("| ${run} | ${KILL_AFTER} s | ${AT_KILL} | **${RECEIVED_N}** | ${AUDITED_N} | **${MISSING}** | ${EXTRA} | ${RECORDS} (${DECISIONS}) | ${UNKNOWN} / ${ORPHANS} | ${STATUSES}, ${IOERR} I/O errors, stopped after ${SECS} s (${STOP}) | ${INTACT}: \`${VERIFY}\`; after one more search: \`${VERIFY2}\` |")
  { echo "=== run ${run} (${START_DATE})"; cat "$DRIVER_LOG"; echo "received=${RECEIVED_N} audited=${AUDITED_N} missing=${MISSING} extra=${EXTRA} records=${RECORDS} ${DECISIONS}";
    echo "verify after restart: ${VERIFY}"; echo "verify after one more search: ${VERIFY2}"; echo; } >> "$SUMMARY.tmp"
done
mv "$SUMMARY.tmp" "$SUMMARY"

SECTION=$(mktemp)
cat > "$SECTION" <<MD
## ${SECTION_TITLE}

${START_DATE}. Machine: ${MACHINE}; shared with other workers' jobs while it ran (the driver, the
service and PostgreSQL share the same cores), which changes the counts but not what is checked.
Local PostgreSQL; sources: ${DATA_NOTE}; a fresh audit database \`${AUDIT_DB}\` (dropped and
created with psql) for each run.

Command (driver output per run: \`${SUMMARY}\`):

\`\`\`
loadtests/audit-kill9.sh    # env RUNS=${RUNS} THREADS=${THREADS} KILL_AFTER=${KILL_AFTER} PERSON_SHARE=${PERSON_SHARE} STOP_AFTER_FAILING=${STOP_AFTER_FAILING} MAX_SECONDS=${MAX_SECONDS}
\`\`\`

Each run: the service (\`java -jar target/quarkus-app/quarkus-run.jar\`, prod profile, demo token
keys, rate limit 1,000,000/min) on the five sources and the audit database;
\`loadtests/tools/AuditKillCheck.java\` fires searches from ${THREADS} threads, closed loop
(${PERSON_SHARE} % person queries with random names, the rest unknown document numbers, a new one
each time) and appends the \`queryId\` of every 200 answer it has fully received to a file, flushed
before its next request; ${KILL_AFTER} s after the first answer the script sends \`kill -9\` to the
service JVM while the driver is still firing; the driver stops by itself once connections have
failed for ${STOP_AFTER_FAILING} s. Then psql lists the consultations of the audit database
(\`SELECT query_id FROM audit_record WHERE decision='CONSULTED'\`: the record written beside the
fan-out and durable before its answer leaves; the outcome, \`ANSWERED\`, follows in the next group
commit) and every received \`queryId\` must be among them. The restarted instance's check
(\`UnknownOutcomes\`, grace ${OUTCOME_GRACE} here) then records \`OUTCOME_UNKNOWN\` for each consultation the
crash left without outcome; after it, no \`CONSULTED\` record may be left without a successor. Finally the service is restarted on the same audit database and
\`GET /v1/audit/verify\` (AUDITOR token) walks the whole hash chain; one more search then extends
the chain and it is verified again.

"Audited, never received": records committed whose answer did not reach the client because the
JVM died between the commit and the write of the response (or while it was on the wire): expected
and fine (an audit record without a delivered answer over-reports, never under-reports).

| run | kill after | answers at kill | answers received | of them audited | **missing** | audited, never received | audit records (by decision, before the restart) | OUTCOME_UNKNOWN recorded after the restart / still without outcome | driver outcomes | chain after restart (\`/v1/audit/verify\`) |
|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|
$(printf '%s\n' "${ROWS[@]}")

Result: $([ "$FAILED" = 0 ] && echo "every answer received in every run had its durable consultation record (0 missing), every consultation the crash left without outcome was recorded as \`OUTCOME_UNKNOWN\`, and the chain verified intact after each crash." || echo "**FAILED**: see the table (missing > 0 or a broken chain).")
MD
replace_section "$RESULTS" "$SECTION_TITLE" "$SECTION"
rm -f "$SECTION"
log "section \"${SECTION_TITLE}\" written to ${RESULTS}"
exit "$FAILED"
