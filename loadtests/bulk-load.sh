#!/usr/bin/env bash
# Seeds the five demo sources with the synthetic world into a PostgreSQL server, one database each
# (fq_bench_<schema>, or DB_PREFIX<schema>), and prints rows, time, rows/s and disk size per source.
# usage: loadtests/bulk-load.sh [persons-per-source (default 1000000)] [seed (default 42)]
# env:   PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) PGPASSWORD ("")
#        SCHEMAS ("interpol europol ameripol aseanapol gccpol"): the sources to seed
#        DB_PREFIX (fq_bench_): the databases' names before the schema, e.g. fq_bench100k_ for a second size
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-1000000}"
SEED="${2:-42}"
HOST="${PGHOST:-127.0.0.1}"; PORT="${PGPORT:-5432}"; USER_="${PGUSER:-postgres}"; PASS="${PGPASSWORD:-}"
if [ ! -f target/classes/org/frontline/sourcedata/Tooling.class ] || [ ! -f target/bulk-load.cp ]; then
  ./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bulk-load.cp
fi
# run from a copy of the classes, so that a rebuild meanwhile cannot change the running code
rm -rf target/bulk-classes && cp -r target/classes target/bulk-classes
CP="target/bulk-classes:$(cat target/bulk-load.cp)"
for schema in ${SCHEMAS:-interpol europol ameripol aseanapol gccpol}; do
  db="${DB_PREFIX:-fq_bench_}${schema}"
  psql -h "$HOST" -p "$PORT" -U "$USER_" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${db}'" | grep -q 1 \
    || psql -h "$HOST" -p "$PORT" -U "$USER_" -d postgres -qc "CREATE DATABASE ${db}"
  echo "== ${schema}"
  /usr/bin/time -f "elapsed %e s, max RSS %M KB" java -Xmx1g -cp "$CP" -Djava.util.logging.config.file=/dev/null \
    org.frontline.sourcedata.ToolingMain seed --jdbc-url "jdbc:postgresql://${HOST}:${PORT}/${db}" \
    --user "$USER_" --password "$PASS" --schema "$schema" --seed "$SEED" --persons "$PERSONS"
  psql -h "$HOST" -p "$PORT" -U "$USER_" -d "$db" -tAc "SELECT 'disk size: ' || pg_size_pretty(pg_database_size('${db}'))"
done
