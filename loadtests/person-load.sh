#!/usr/bin/env bash
# The whole person answer under load (issue #18, items 2 and 5): labelled person questions of the
# answer-quality benchmark (every kind of question, shuffled) through POST /v1/search/person, cache off,
# at two sizes in one run: 100,000 persons per source (fq_bench100k_<schema>) and 1,000,000
# (fq_bench_<schema>). Per size: one client (closed model: the cold p50), then an open model at RATE
# arrivals per second, with the CPU the service and PostgreSQL spent on it (answers per CPU-second).
# Writes loadtests/results/person-load.json, the keys person_cold_p50_ms, person_cold_p99_ms_at_50rps,
# person_p50_1m_over_100k (and person_candidate_recall_name_dob when candidate-recall.sh has written it)
# into loadtests/results/summary.json (merged, with their targets), and the RESULTS.md section
# "Person answers under load: 100,000 and 1,000,000 persons per source".
#
# usage: loadtests/person-load.sh
# env:   SIZES ("100k 1M")  RATE (50)  PHASE_SECONDS (60): each measured phase  WARMUP_SECONDS (45): unmeasured, 2 clients
#        PER_TYPE (150): questions per type of the answer-quality generator  TYPES (all synthetic types)
#        BUILD_BENCH (0; 1 builds missing databases with loadtests/bulk-load.sh)
#        RESULTS (loadtests/RESULTS.md), EXTRA_SERVICE_ENV and the PG* settings of common.sh
# Bounded: each Gatling run by its duration (+120 s), the service by its own lifetime; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh
trap cleanup EXIT

SIZES="${SIZES:-100k 1M}"; RATE="${RATE:-50}"; SECONDS_="${PHASE_SECONDS:-60}"; WARMUP_SECONDS="${WARMUP_SECONDS:-45}"
PER_TYPE="${PER_TYPE:-150}"; RESULTS="${RESULTS:-loadtests/RESULTS.md}"
OUT=loadtests/results/person-load.json
mkdir -p "$WORK" loadtests/results
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '-dirty')"

build_if_needed
build_evaluator
GEN_CP="target/test-classes:target/classes:$(cat "$CP_FILE")"

# cpu_ticks <pid...>: user + system clock ticks of the service and of every PostgreSQL process
cpu_ticks() {
  local service=0 pg=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && service=$((service + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  for p in $(pgrep -x postgres || true); do
    [ -r "/proc/$p/stat" ] && pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$service $pg"
}
TICKS=$(getconf CLK_TCK)
# cpu_json <service ticks before> <after> <postgres ticks before> <after>
cpu_json() {
  awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" -v t="$TICKS" \
    'BEGIN { printf "{\"service_cpu_s\": %.1f, \"postgres_cpu_s\": %.1f}", (b - a) / t, (d - c) / t }'
}

# gatling_phase <label> <args...>: runs PersonAnswerSimulation, leaves the log in $WORK/person-<label>.log
gatling_phase() {
  local label="$1"; shift
  run_gatling "$WORK/person-${label}.log" -Dgatling.simulationClass=org.frontline.load.PersonAnswerSimulation \
    -DbaseUrl="$BASE_URL" -Dtoken="$TOKEN" -Dquestions="$QUESTIONS" "$@" > /dev/null || true
  [ -n "$(gatling_stat "$WORK/person-${label}.log" "request count")" ] \
    || { log "no Gatling summary in $WORK/person-${label}.log"; tail -30 "$WORK/person-${label}.log" >&2; exit 1; }
}

# phase_json <label>: the figures of one phase as a JSON object
phase_json() {
  local f="$WORK/person-$1.log"
  local ko; ko=$(gatling_stat "$f" "request count" 4); [ "$ko" = "-" ] && ko=0
  printf '{"requests": %s, "failed": %s, "p50_ms": %s, "p95_ms": %s, "p99_ms": %s, "max_ms": %s, "throughput_rps": %s}' \
    "$(gatling_stat "$f" "request count")" "$ko" \
    "$(gatling_stat "$f" "response time 50th percentile (ms)")" "$(gatling_stat "$f" "response time 95th percentile (ms)")" \
    "$(gatling_stat "$f" "response time 99th percentile (ms)")" "$(gatling_stat "$f" "max response time (ms)")" \
    "$(gatling_stat "$f" "mean throughput (rps)")"
}

SIZE_JSON=()
for size in $SIZES; do
  case "$size" in
    100k) persons=100000; DB_PREFIX=fq_bench100k_ ;;
    1M) persons=1000000; DB_PREFIX=fq_bench_ ;;
    *) log "unknown size ${size} (100k, 1M)"; exit 2 ;;
  esac
  all=1
  for s in "${SCHEMAS[@]}"; do seeded "${DB_PREFIX}$s" || all=0; done
  if [ "$all" = 0 ]; then
    if [ "${BUILD_BENCH:-0}" != 1 ]; then
      log "${size}: the ${DB_PREFIX}* databases are missing: DB_PREFIX=${DB_PREFIX} loadtests/bulk-load.sh ${persons} 42 (or BUILD_BENCH=1)"
      exit 1
    fi
    DB_PREFIX="$DB_PREFIX" loadtests/bulk-load.sh "$persons" 42
  fi
  QUESTIONS="$PWD/$WORK/person-questions-${size}.jsonl"
  types=(); [ -n "${TYPES:-}" ] && types=(--types "$TYPES")
  java -Xmx4g -cp "$GEN_CP" org.frontline.quality.AnswerQualityMain --base-url none --seed 42 --persons "$persons" \
    --per-type "$PER_TYPE" --sample-seed 1 --questions-out "$QUESTIONS" "${types[@]}" >&2
  SERVICE_ENV=("FRONTLINE_CACHE_ENABLED=false")
  start_service $((SECONDS_ * 2 + WARMUP_SECONDS + 900))
  SERVICE_PID=$(pgrep -P "${CHILD_PIDS[-1]}" java || true)   # the JVM under timeout
  log "${size}: warm-up, 2 clients for ${WARMUP_SECONDS} s (not measured)"
  gatling_phase "${size}-warmup" -Dmodel=closed -Dusers=2 -Dduration="$WARMUP_SECONDS"
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  log "${size}: one client for ${SECONDS_} s"
  read -r c1svc0 c1pg0 < <(cpu_ticks $SERVICE_PID)
  gatling_phase "${size}-c1" -Dmodel=closed -Dusers=1 -Dduration="$SECONDS_"
  read -r c1svc1 c1pg1 < <(cpu_ticks $SERVICE_PID)
  log "${size}: open model, ${RATE}/s for ${SECONDS_} s"
  read -r svc0 pg0 < <(cpu_ticks $SERVICE_PID)
  gatling_phase "${size}-open" -Dmodel=open -Drate="$RATE" -Dduration="$SECONDS_"
  read -r svc1 pg1 < <(cpu_ticks $SERVICE_PID)
  kill "${CHILD_PIDS[-1]}" 2>/dev/null || true; wait "${CHILD_PIDS[-1]}" 2>/dev/null || true
  answered=$(gatling_stat "$WORK/person-${size}-open.log" "request count" 3)
  c1answered=$(gatling_stat "$WORK/person-${size}-c1.log" "request count" 3)
  cpu=$(cpu_json "$svc0" "$svc1" "$pg0" "$pg1")
  c1cpu=$(cpu_json "$c1svc0" "$c1svc1" "$c1pg0" "$c1pg1")
  SIZE_JSON+=("$(printf '"%s": {"persons_per_source": %d, "databases": "%s<schema>", "questions": "%s", "load_average_before": "%s", "one_client": %s, "one_client_cpu": %s, "one_client_answered": %s, "open": %s, "open_cpu": %s, "open_answered": %s}' \
    "$size" "$persons" "$DB_PREFIX" "$(wc -l < "$QUESTIONS") questions, ${PER_TYPE} per type, shuffled" "$LOAD_BEFORE" \
    "$(phase_json "${size}-c1")" "$c1cpu" "${c1answered:-0}" "$(phase_json "${size}-open")" "$cpu" "${answered:-0}")")
done

COMMAND="SIZES=\"${SIZES}\" RATE=${RATE} PHASE_SECONDS=${SECONDS_} PER_TYPE=${PER_TYPE} loadtests/person-load.sh"
{ printf '{"run": "%s", "commit": "%s", "command": "%s", "rate_rps": %s, "seconds": %s, "sizes": {' \
    "$(date -u '+%Y-%m-%dT%H:%MZ')" "$COMMIT" "${COMMAND//\"/\\\"}" "$RATE" "$SECONDS_"
  (IFS=,; printf '%s' "${SIZE_JSON[*]}"); printf '}}\n'; } | jq . > "$OUT"

# the issue's keys into summary.json, one line each (the file's own layout is kept: compare.sh writes it whole,
# rerun this after it), with person_targets: each key's target and verdict; the candidate recall is
# candidate-recall.sh's key, read here against its target
python3 - "$OUT" loadtests/results/summary.json <<'PY' | summary_put loadtests/results/summary.json
import json, sys
run = json.load(open(sys.argv[1]))
summary = json.load(open(sys.argv[2]))
m, k = run["sizes"].get("1M"), run["sizes"].get("100k")
def answers_per_cpu(x):
    # one client: every answer complete, nothing spent on calls given up (under overload, the open phase
    # spends CPU on statements whose answers come too late to count)
    cpu = x["one_client_cpu"]["service_cpu_s"] + x["one_client_cpu"]["postgres_cpu_s"]
    return round(x["one_client_answered"] / cpu, 1) if cpu > 0 else None
keys = {
    "person_cold_p50_ms": m["one_client"]["p50_ms"] if m else None,
    "person_cold_p99_ms_at_50rps": m["open"]["p99_ms"] if m else None,
    "person_p50_1m_over_100k": round(m["one_client"]["p50_ms"] / k["one_client"]["p50_ms"], 2) if m and k else None,
    "person_answers_per_cpu_second_1m": answers_per_cpu(m) if m else None,
}
recall = summary.get("person_candidate_recall_name_dob")
def verdict(ok):
    return "NOT MEASURED" if ok is None else ("PASS" if ok else "FAIL")
v = keys
keys["person_targets"] = [
    {"key": "person_cold_p50_ms", "target": "person answer p50, one client, cache off, 1,000,000 per source <= 15 ms",
     "verdict": verdict(None if v["person_cold_p50_ms"] is None else v["person_cold_p50_ms"] <= 15)},
    {"key": "person_cold_p99_ms_at_50rps",
     "target": "person answer, open model 50/s, cache off, 1,000,000 per source: p99 <= 100 ms, p50 <= 15 ms",
     "verdict": verdict(None if not m else m["open"]["p99_ms"] <= 100 and m["open"]["p50_ms"] <= 15),
     "value": None if not m else "p50 %s ms, p99 %s ms, %s of %s failed (a source dropped)" % (
         m["open"]["p50_ms"], m["open"]["p99_ms"], m["open"]["failed"], m["open"]["requests"])},
    {"key": "person_p50_1m_over_100k", "target": "person p50 (one client) at 1,000,000 <= 1.5 x at 100,000, one run",
     "verdict": verdict(None if v["person_p50_1m_over_100k"] is None else v["person_p50_1m_over_100k"] <= 1.5)},
    {"key": "person_candidate_recall_name_dob", "target": "candidate recall, name + date of birth, 1,000,000 per source >= 0.99 (loadtests/candidate-recall.sh)",
     "verdict": verdict(None if recall is None else recall >= 0.99)},
]
for key, value in keys.items():
    print(key + "\t" + json.dumps(value, ensure_ascii=False))
PY

# the RESULTS.md section
row() { # size label phase
  jq -r --arg s "$1" --arg ph "$3" --arg l "$2" '.sizes[$s][$ph] as $x | "| \($s) | \($l) | \($x.requests) | \($x.failed) | \($x.p50_ms) | \($x.p95_ms) | \($x.p99_ms) | \($x.max_ms) | \($x.throughput_rps) |"' "$OUT"
}
SECTION_FILE=$(mktemp)
{
  echo "## Person answers under load: 100,000 and 1,000,000 persons per source"
  echo
  echo "$(jq -r .run "$OUT") on commit \`${COMMIT}\`. Machine: 2 vCPU shared with other workers' jobs; service, Gatling"
  echo "and PostgreSQL on the same two cores. Cache off: every question reaches the five sources. Questions: the"
  echo "answer-quality benchmark's labelled person questions of every type (name + date of birth as another source"
  echo "spells it, typos, native script, year only, name only, persons nobody holds...), ${PER_TYPE} per type, shuffled,"
  echo "asked in turn. An answer counts as failed unless HTTP 200 with every source answered in time (no TIMEOUT, BUSY,"
  echo "ERROR or CIRCUIT_OPEN; records withheld by need-to-know are no failure)."
  echo
  echo "Command: \`${COMMAND}\` (Gatling: \`loadtests/src/test/java/org/frontline/load/PersonAnswerSimulation.java\`)"
  echo
  echo "| size | phase | requests | failed (a source dropped) | p50 ms | p95 ms | p99 ms | max ms | rps |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  for size in $SIZES; do
    row "$size" "one client" one_client
    row "$size" "open, ${RATE}/s" open
  done
  echo
  echo "CPU spent by the service and by every PostgreSQL process in each phase (/proc), and answers with every source in"
  echo "time per CPU-second of the two together (under overload, CPU also goes to statements answered too late to count):"
  echo
  echo "| size | phase | load average before | service CPU s | PostgreSQL CPU s | answers (every source in time) | answers per CPU-second |"
  echo "|---|---|---|---:|---:|---:|---:|"
  for size in $SIZES; do
    for ph in one_client open; do
      jq -r --arg s "$size" --arg ph "$ph" '.sizes[$s] as $x | $x[$ph + "_cpu"] as $c | $x[$ph + "_answered"] as $n
        | "| \($s) | \(if $ph == "open" then "open" else "one client" end) | \($x.load_average_before) | \($c.service_cpu_s) | \($c.postgres_cpu_s) | \($n) | \(($n / ($c.service_cpu_s + $c.postgres_cpu_s)) * 10 | round / 10) |"' "$OUT"
    done
  done
  echo
  echo "Targets (issue #18, in \`summary.json\`):"
  echo
  jq -r '.person_targets[] as $t | "- \($t.target): **\($t.verdict)** (\(if $t.value then $t.value else .[$t.key] end))"' loadtests/results/summary.json
} > "$SECTION_FILE"
replace_section "$RESULTS" "Person answers under load: 100,000 and 1,000,000 persons per source" "$SECTION_FILE"
rm -f "$SECTION_FILE"
log "wrote ${OUT}, the person keys of loadtests/results/summary.json and the section of ${RESULTS}"
