#!/usr/bin/env bash
# The floor of a durable audit record on this machine (issue #18 item 4): the latency of one small
# INSERT and its COMMIT (synchronous_commit on, as the audit log writes), one client, in a database
# of its own, with pgbench. An answer is never released before its consultation's record is durable,
# so no answer at one client can be faster than this, whatever the sources take.
#
# usage: loadtests/commit-floor.sh            env: SECONDS_ (10), PGHOST PGPORT PGUSER (common.sh)
# Writes the figures to stdout; bounded by pgbench -T; drops nothing but its own database's table.
set -euo pipefail
cd "$(dirname "$0")/.."
source loadtests/common.sh
SECONDS_="${SECONDS_:-10}"
DB=fq_commit_floor
psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${DB}'" | grep -q 1 || psql_ -d postgres -qc "CREATE DATABASE ${DB}"
psql_ -d "$DB" -qc "DROP TABLE IF EXISTS record; CREATE TABLE record (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)"
SCRIPT=$(mktemp); trap 'rm -f "$SCRIPT"' EXIT
echo "INSERT INTO record (payload) VALUES (repeat('x', 400));" > "$SCRIPT"
echo "synchronous_commit=$(psql_ -d "$DB" -tAc 'SHOW synchronous_commit') fsync=$(psql_ -d "$DB" -tAc 'SHOW fsync') wal_sync_method=$(psql_ -d "$DB" -tAc 'SHOW wal_sync_method')"
for mode in on off; do
  echo "== synchronous_commit=${mode}: PGOPTIONS='-c synchronous_commit=${mode}' pgbench -n -c 1 -T ${SECONDS_} -f <insert> ${DB}"
  PGOPTIONS="-c synchronous_commit=${mode}" PGPASSWORD="$PG_PASS" pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
    -n -c 1 -T "$SECONDS_" -f "$SCRIPT" "$DB" 2>&1 | grep -E "latency average|tps|number of transactions actually"
done
