#!/usr/bin/env bash
# Person candidate search at 1,000,000 persons per source: runs org.frontline.source.PersonSearchBenchmark
# (src/test/java) against the fq_bench_<schema> databases (loadtests/bulk-load.sh 1000000 42), writes
# its table into the RESULTS.md section "Person candidate search at 1,000,000 persons per source" and
# its EXPLAIN (ANALYZE, BUFFERS) samples into loadtests/results/person-search-explain.txt.
#
# usage: loadtests/person-search.sh
# env:   PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) PGPASSWORD ("")  RESULTS (loadtests/RESULTS.md)
#        SOURCES (interpol,europol,ameripol,aseanapol,gccpol)
#        SKIP_RUN (unset): set to 1 to rewrite the section from the last run's files in target/person-search
set -euo pipefail
cd "$(dirname "$0")/.."
. loadtests/common.sh
RESULTS="${RESULTS:-loadtests/RESULTS.md}"
SOURCES="${SOURCES:-interpol,europol,ameripol,aseanapol,gccpol}"
OUT=target/person-search
for s in ${SOURCES//,/ }; do
  seeded "fq_bench_$s" || { echo "fq_bench_$s is missing or not seeded: run loadtests/bulk-load.sh 1000000 42" >&2; exit 1; }
done
if [ -z "${SKIP_RUN:-}" ]; then
log "person search benchmark on fq_bench_{${SOURCES}}"
./mvnw -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=org.frontline.source.PersonSearchBenchmark -Dexec.classpathScope=test \
  -Dbench.prefix=fq_bench_ -Dbench.host="$PG_HOST" -Dbench.port="$PG_PORT" -Dbench.user="$PG_USER" \
  -Dbench.password="$PG_PASS" -Dbench.sources="$SOURCES" -Dbench.out="$OUT" >&2
fi
mkdir -p loadtests/results
cp "$OUT/explain.txt" loadtests/results/person-search-explain.txt
cp "$OUT/person-search.json" loadtests/results/person-search.json
section=$(mktemp)
{
  echo "## Person candidate search at 1,000,000 persons per source"
  echo
  echo "Run $(date -u +%Y-%m-%d), $(nproc) vCPU shared with other workers' builds, local PostgreSQL; data: fq_bench_<schema>"
  echo "(loadtests/bulk-load.sh 1000000 42, generator version 3: 1,000,000 synthetic persons per source plus aliases,"
  echo "and our name keys beside each source). Per source, 200 person queries one at a time through the"
  echo "connector's own SQL (new: name keys) and through the previous SQL (old: pg_trgm \`%\` over the raw name"
  echo "columns of the person and alias tables), alternating, after 20 warm-up queries each; latency is the"
  echo "client's, one round trip, 25 candidates with their aliases and alerts. Queries: 20 fixed (walkthrough"
  echo "names, Cyrillic/Arabic/Han script, other romanisations, Mohammed Ali and other common names, a name nobody"
  echo "holds) and 180 names sampled from the source (by md5 of the record id): a third as held, a third with the"
  echo "parts reversed, a third with one letter dropped. The last two columns: how often the sampled record"
  echo "came back among the 25 (many synthetic names are held by hundreds of persons, so this is a floor"
  echo "for both; which of equal names come back is arbitrary)."
  echo
  cat "$OUT/table.md"
  echo
  echo "Server-side execution time of one search (EXPLAIN ANALYZE, the whole statement, warm):"
  echo
  echo "| source | new, \"Mohammed Ali\" | new, \"Юрий Щербаков\" | old, \"Mohammed Ali\" |"
  echo "|---|---|---|---|"
  grep -E '^====|^Execution Time' "$OUT/explain.txt" | awk '
    /^====/ { split($2, a, ","); src = a[1]; next }
    { t[++n] = $3 " ms"; if (n == 3) { print "| " src " | " t[1] " | " t[2] " | " t[3] " |"; n = 0 } }'
  echo
  echo "EXPLAIN (ANALYZE, BUFFERS) of both searches for \"Mohammed Ali\" and of the new one for \"Юрий Щербаков\","
  echo "per source: [results/person-search-explain.txt](results/person-search-explain.txt); figures in"
  echo "[results/person-search.json](results/person-search.json)."
  echo
  echo "Every key look-up is an index scan on \`frontline_name_key_lookup\` (B-tree range per key); the trigram"
  echo "branch over normalised names (GIN \`frontline_name_key_trgm\`) runs only when the keys found fewer than 25"
  echo "records (\"never executed\" above for these two); the raw-name branch (GIN \`frontline_name_key_raw_trgm\`)"
  echo "always runs and is empty here, since the tooling keyed every record."
  echo
  echo "Reproduce: \`loadtests/person-search.sh\` (after \`loadtests/bulk-load.sh 1000000 42\`)."
} > "$section"
replace_section "$RESULTS" "Person candidate search at 1,000,000 persons per source" "$section"
rm -f "$section"
log "written: $RESULTS, loadtests/results/person-search-explain.txt"
