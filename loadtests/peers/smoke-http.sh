#!/usr/bin/env bash
# Smoke of the driver's http target: starts the service (loadtests/common.sh start_service, on the
# 1,000,000-person fq_bench_* sources when seeded), then runs short closed and open phases against
# POST /v1/search/document and GET on a trivial endpoint. Stops everything it started on exit.
# usage: loadtests/peers/smoke-http.sh [trivial-path (default /v1/ping if the service answers it, else /q/health/live)]
# Output: loadtests/target/peers/http-*.json and one summary line per phase. Busy machine: indicative only.
set -euo pipefail
cd "$(dirname "$0")/../.."
source loadtests/common.sh
trap cleanup EXIT
J=loadtests/peers/target/peers.jar
OUT=loadtests/target/peers
Q="$OUT/queries.tsv"
[ -f "$J" ] || ./mvnw -B -ntp -q -f loadtests/peers/pom.xml package
build_if_needed
prepare_sources
mkdir -p "$OUT"
[ -f "$Q" ] || java -jar "$J" queries --db-prefix "$DB_PREFIX" --count 20000 --hit-share 0.001 --seed 42 --out "$Q"
start_service 600
TRIVIAL="${1:-}"
if [ -z "$TRIVIAL" ]; then
  if curl -sf -o /dev/null "$BASE_URL/v1/ping"; then TRIVIAL=/v1/ping; else TRIVIAL=/q/health/live; fi
fi
run() { java -jar "$J" --target http --token "$TOKEN" --queries "$Q" --warmup-seconds 3 --seconds 8 "$@"; }
run --url "$BASE_URL/v1/search/document" --model closed --concurrency 8 --label http-doc-c8 --out "$OUT/http-doc-c8.json"
run --url "$BASE_URL/v1/search/document" --model open --rate 200 --label http-doc-r200 --out "$OUT/http-doc-r200.json"
run --url "$BASE_URL$TRIVIAL" --method GET --model closed --concurrency 8 --label "http-trivial-c8 ($TRIVIAL)" \
  --out "$OUT/http-trivial-c8.json"
