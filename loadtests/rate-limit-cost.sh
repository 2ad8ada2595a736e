#!/usr/bin/env bash
# The cost of the shared rate limit (issue #14): one JMH run of access.RateLimitBenchmark, the
# decision counted in Redis (one at a time, and 32 in flight) beside the in-memory references (the
# same sliding window per instance, and the fixed-window map it replaced), over 11,000 officer ids.
# About 2 minutes with the build; needs Redis (REDIS_URL, default the machine's).
# Writes loadtests/results/rate-limit.json and the section "## Rate limit: shared in Redis vs per
# instance" of loadtests/RESULTS.md.
#
# usage: loadtests/rate-limit-cost.sh
# env:   REDIS_URL (redis://127.0.0.1:6379)   JMH_OPTS ("") more JMH options
#        JMH_NOTE ("busy machine, indicative") a remark printed above the table
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh

REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
JMH_OPTS="${JMH_OPTS:-}"
JMH_NOTE="${JMH_NOTE:-busy machine, indicative}"
RESULTS=loadtests/results
command -v jq >/dev/null || { echo "jq is needed for the report (apt-get install jq)" >&2; exit 1; }
mkdir -p "$RESULTS"

log "building the benchmarks: ./mvnw -B -ntp -q -Pjmh -DskipTests test-compile"
./mvnw -B -ntp -q -Pjmh -DskipTests test-compile
CP="target/jmh/test-classes:target/jmh/classes:$(cat target/jmh/jmh-classpath.txt)"

STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -cp "$CP" org.openjdk.jmh.Main $JMH_OPTS -jvmArgsAppend "-Dredis.url=$REDIS_URL" \
  -rf json -rff "$RESULTS/rate-limit.json" 'org\.frontline\.access\.RateLimitBenchmark' | tee "$WORK/rate-limit-jmh.log"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

SECTION="$WORK/rate-limit-section.md"
{
  echo "## Rate limit: shared in Redis vs per instance"
  echo
  echo "$JMH_NOTE. One rate-limit decision (issue #14), cycling over 11,000 officer ids, limit 120 per minute,"
  echo "on a clock that moves 1 ms per decision (every decision admits; 11,000 officers always in the current"
  echo "minute). \`decide_oursShared\`: counted in Redis by the sliding-window script, one decision awaited at a"
  echo "time (the round trip a search waits for); \`decide_oursShared32InFlight\`: 32 decisions at once on the"
  echo "limiter's pipelined connection, time per decision; \`decide_refLocal\`: the same limiter per instance"
  echo "(\`rate-limit.shared=false\`, also what runs while Redis is away); \`decide_refFixedWindowMap\`: the"
  echo "per-instance fixed window it replaced (whole map scanned on every admitted search above 10,000"
  echo "officers). Mean ± 99.9 % error of JMH; Redis $REDIS_URL on loopback."
  echo
  echo '```'
  echo "${JMH_OPTS:+JMH_OPTS=\"$JMH_OPTS\" }loadtests/rate-limit-cost.sh"
  echo '```'
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
  echo "$(java -version 2>&1 | sed -n 2p), $(redis-cli -u "$REDIS_URL" INFO server 2>/dev/null | grep -m1 redis_version | tr -d '\r' || echo 'redis version unknown');"
  echo "load average $LOAD_BEFORE before, $LOAD_AFTER after. Run started $STARTED. JMH 1.37,"
  echo "${JMH_OPTS:-1 fork, warm-up 3 x 2 s, 5 x 2 s measured}. Raw results: loadtests/results/rate-limit.json."
  echo
  echo "| benchmark | µs per decision ± error | decisions/s (one thread) |"
  echo "|---|---:|---:|"
  jq -r '.[] | "| `\(.benchmark | split(".") | .[-1])` | \((.primaryMetric.score / 1000 * 100 | round) / 100) ± \((.primaryMetric.scoreError / 1000 * 100 | round) / 100) | \(1e9 / .primaryMetric.score | round) |"' \
    "$RESULTS/rate-limit.json"
} > "$SECTION"
replace_section loadtests/RESULTS.md "Rate limit: shared in Redis vs per instance" "$SECTION"
log "wrote $RESULTS/rate-limit.json and the rate-limit section of loadtests/RESULTS.md"
