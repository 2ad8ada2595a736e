#!/usr/bin/env bash
# JMH benchmarks of the hot in-process code (src/jmh/java), each beside a reference in the same run:
# name normalisation, person name scoring, consolidation, cache keys and the L2 record codec.
# Builds with the jmh profile (into target/jmh, apart from the default build), runs every benchmark
# with bounded settings (about 8 minutes with the defaults, plus the build), and writes
#   loadtests/results/jmh.json   JMH's own result file (-rf json)
#   loadtests/results/jmh.md     the table: ours beside each reference, with the ratio
#   loadtests/RESULTS.md         section "## JMH: hot in-process code" replaced with the table,
#                                the command, the machine and the date
#
# usage: loadtests/jmh.sh                         (from the repository root or anywhere)
# env:   JMH_OPTS      ("") more JMH options, e.g. "-f 2 -wi 10 -w 5s -i 10 -r 5s"; without them each class's
#                      annotations decide: 1 fork, 5 x 2 s measured, warm-up 8 x 2 s for ours and the ICU
#                      reference in Normalise, Score, Consolidate (deep call trees that C2 takes long to
#                      settle), 3 x 2 s for the others
#        JMH_INCLUDE   ("org\.frontline\.") regex of the benchmarks to run, e.g. "ScoreBenchmark"
#        MATCHING_DATA (../shared/data/names) the labelled name data the inputs are read from
#        JMH_NOTE      ("busy machine, indicative") a remark printed above the table
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh

JMH_OPTS="${JMH_OPTS:-}"
DEFAULT_SETTINGS="1 fork; warm-up 8 x 2 s for ours and the ICU reference in Normalise, Score, Consolidate, 3 x 2 s for the others; 5 x 2 s measured"
JMH_INCLUDE="${JMH_INCLUDE:-org\.frontline\.}"
JMH_NOTE="${JMH_NOTE:-busy machine, indicative}"
DATA="$(cd "${MATCHING_DATA:-../shared/data/names}" && pwd)"
RESULTS=loadtests/results
command -v jq >/dev/null || { echo "jq is needed for the report (apt-get install jq)" >&2; exit 1; }
mkdir -p "$RESULTS"

log "building the benchmarks: ./mvnw -B -ntp -q -Pjmh -DskipTests test-compile"
./mvnw -B -ntp -q -Pjmh -DskipTests test-compile
CP="target/jmh/test-classes:target/jmh/classes:$(cat target/jmh/jmh-classpath.txt)"

STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "running JMH ${JMH_OPTS:-with the settings of the annotations} on $JMH_INCLUDE (load average $LOAD_BEFORE)"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -cp "$CP" org.openjdk.jmh.Main $JMH_OPTS -jvmArgsAppend "-Dmatching.data=$DATA" \
  -rf json -rff "$RESULTS/jmh.json" "$JMH_INCLUDE" | tee "$WORK/jmh.log"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# One row per (ours, reference) pair: benchmark methods are named <case>_ours... and <case>_ref...,
# and every "ours" of a case (and parameter set) is set beside every reference of the same case.
jq -r '
  def num: if type == "number" then . else null end;
  def fmt: num | if . == null then "n/a" elif . >= 100 then (round | tostring)
           else ((. * 10 | round) / 10 | tostring) end;
  def ratio: if . >= 10 then (round | tostring) else ((. * 100 | round) / 100 | tostring) end;
  def noisy: (.e | num) as $e | $e == null or $e > 0.5 * .s;
  [ .[]
    | (.benchmark | split(".")) as $b
    | { cls: $b[-2], case: ($b[-1] | split("_")[0]), role: ($b[-1] | split("_")[1]),
        label: ((.params // {}) | to_entries | map("\(.key)=\(.value)") | join(", ")),
        order: ((.params // {}) | to_entries | map(.value | (tonumber? // .))),
        s: .primaryMetric.score, e: .primaryMetric.scoreError } ]
  | group_by([.cls, .case, .order]) | .[]
  | map(select(.role | startswith("ours"))) as $ours
  | map(select(.role | startswith("ref"))) as $refs
  | $ours[] as $o | $refs[]
  | "| \($o.cls).\($o.case)\(if $o.label == "" then "" else " (\($o.label))" end) `\($o.role)` | `\(.role)` | \($o.s | fmt) ± \($o.e | fmt) | \(.s | fmt) ± \(.e | fmt) | \($o.s / .s | ratio)\(if ($o | noisy) or noisy then " †" else "" end) |"
' "$RESULTS/jmh.json" > "$WORK/jmh-rows.md"

{
  echo "| benchmark (ours) | reference | ours ns/op ± error | reference ns/op ± error | ours / reference |"
  echo "|---|---|---:|---:|---:|"
  cat "$WORK/jmh-rows.md"
  echo
  echo "† an error above half its mean on either side: the machine disturbed the run, the ratio is not reliable."
} > "$RESULTS/jmh.md"

SECTION="$WORK/jmh-section.md"
{
  echo "## JMH: hot in-process code"
  echo
  echo "$JMH_NOTE. Average time per operation (one name, one pair, one five-source answer, one key, one"
  echo "five-record list), mean ± 99.9 % error of JMH over the measured iterations; the ratio is ours"
  echo "divided by the reference (above 1: ours takes longer). What each benchmark and reference does is in"
  echo "loadtests/README.md (JMH) and in the javadoc of src/jmh/java/org/frontline/**/*Benchmark.java."
  echo
  echo '```'
  echo "${JMH_OPTS:+JMH_OPTS=\"$JMH_OPTS\" }JMH_INCLUDE=\"$JMH_INCLUDE\" loadtests/jmh.sh"
  echo '```'
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
  echo "$(java -version 2>&1 | sed -n 2p); load average $LOAD_BEFORE before, $LOAD_AFTER after. Run started $STARTED."
  echo "JMH 1.37, ${JMH_OPTS:-$DEFAULT_SETTINGS}. Raw results: loadtests/results/jmh.json."
  echo
  cat "$RESULTS/jmh.md"
} > "$SECTION"
replace_section loadtests/RESULTS.md "JMH: hot in-process code" "$SECTION"
log "wrote $RESULTS/jmh.json, $RESULTS/jmh.md and the JMH section of loadtests/RESULTS.md"
