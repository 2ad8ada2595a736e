#!/usr/bin/env bash
# postgres_fdw federating the five sources: the peer "fdw" of issue #8. Creates (idempotently: the
# servers, schemas and view are dropped and made again) the database fq_peer_fdw with one foreign
# server per source (async_capable), the document tables imported, and the view documents_all, the
# UNION ALL of the five document tables, each branch filling only its own country column (ISO
# alpha-3, alpha-2 or ICAO, as the source stores it), so that
#
#   SELECT ... FROM documents_all WHERE number = $1 AND (country_iso3 = $2 OR country_iso2 = $3 OR country_icao = $4)
#
# sends each source only its own "(country = $x OR NULL) AND number = $1": the other two comparisons
# fold to NULL at plan time, and the source's planner drops an OR'ed NULL at the top of a WHERE, so
# each source uses its (country, number) index. Checked with EXPLAIN VERBOSE (Async Foreign Scan
# under the Append, the Remote SQL of each branch) and EXPLAIN of that Remote SQL on one source
# (Index Cond on both columns), written to loadtests/results/fdw-explain.txt. (coalesce() of the three
# comparisons instead would not be pushed down: each source would scan by number alone.)
# usage: loadtests/peers/fdw.sh [explain-number (default a number that exists nowhere)]
# env:   PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) PGPASSWORD ("")
#        DB_PREFIX (fq_bench_): the source databases are ${DB_PREFIX}<schema>
#        FDW_DB (fq_peer_fdw): the federating database; FETCH_SIZE (100)
#        EXPLAIN_OUT (loadtests/results/fdw-explain.txt); EXPLAIN_OUT=- skips the explain file
set -euo pipefail
cd "$(dirname "$0")/../.."
HOST="${PGHOST:-127.0.0.1}"; PORT="${PGPORT:-5432}"; USER_="${PGUSER:-postgres}"; PASS="${PGPASSWORD:-}"
PREFIX="${DB_PREFIX:-fq_bench_}"; DB="${FDW_DB:-fq_peer_fdw}"; FETCH="${FETCH_SIZE:-100}"
EXPLAIN_OUT="${EXPLAIN_OUT:-loadtests/results/fdw-explain.txt}"
case "$HOST" in 127.0.0.1|localhost|::1) ;; *) echo "fdw.sh: loopback only, PGHOST=$HOST refused" >&2; exit 2 ;; esac
case "$DB$PREFIX" in *[!a-z0-9_]*) echo "fdw.sh: FDW_DB and DB_PREFIX: lower case, digits and _ only" >&2; exit 2 ;; esac
psql_() { PGPASSWORD="$PASS" psql -h "$HOST" -p "$PORT" -U "$USER_" -v ON_ERROR_STOP=1 -X -q "$@"; }

for s in interpol europol ameripol aseanapol gccpol; do
  psql_ -d "${PREFIX}${s}" -tAc "SELECT 1" >/dev/null || { echo "fdw.sh: source database ${PREFIX}${s} missing" >&2; exit 1; }
done
psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${DB}'" | grep -q 1 \
  || psql_ -d postgres -c "CREATE DATABASE ${DB}"

server() { # schema -> the CREATE SERVER, user mapping and import for one source
  cat <<SQL
CREATE SERVER src_$1 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '${HOST}', port '${PORT}', dbname '${PREFIX}$1',
           async_capable 'true',        -- the five scans run concurrently under one Append
           fetch_size '${FETCH}',       -- a look-up returns 0 or 1 row: one round trip either way
           use_remote_estimate 'false', -- the plan has one shape; remote EXPLAINs would add 5 round trips per plan
           keep_connections 'on');
CREATE USER MAPPING FOR CURRENT_USER SERVER src_$1 OPTIONS (user '${USER_}', password '${PASS}');
CREATE SCHEMA $1;
IMPORT FOREIGN SCHEMA public LIMIT TO ($2) FROM SERVER src_$1 INTO $1;
SQL
}

psql_ -d "$DB" <<SQL
SET client_min_messages = warning;
BEGIN;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
DROP VIEW IF EXISTS documents_all;
DROP SCHEMA IF EXISTS interpol, europol, ameripol, aseanapol, gccpol CASCADE;
DROP SERVER IF EXISTS src_interpol, src_europol, src_ameripol, src_aseanapol, src_gccpol CASCADE;
$(server interpol sltd_document)
$(server europol eis_object_document)
$(server ameripol documento_viaje)
$(server aseanapol travel_document)
$(server gccpol gcc_document)
-- One row per document in any source. country_iso3 / country_iso2 / country_icao: only the column of
-- the source's own form is filled, so a filter on the three keeps ONE real comparison per branch (the
-- NULL ones fold to OR NULL at plan time) and each branch's WHERE is pushed down with the number.
CREATE VIEW documents_all AS
SELECT 'interpol'::text AS source, document_number AS record_id, document_number AS number,
       issuing_country AS country_iso3, NULL::bpchar AS country_iso2, NULL::varchar AS country_icao,
       issuing_country::text AS country, document_type AS doc_type, status, reported_on AS status_date
  FROM interpol.sltd_document
UNION ALL
SELECT 'europol', doc_ref, doc_no, NULL, doc_country_iso2, NULL, doc_country_iso2::text, doc_kind, doc_state,
       reported_on
  FROM europol.eis_object_document
UNION ALL
SELECT 'ameripol', id_documento::text, numero, pais_emisor, NULL, NULL, pais_emisor::text, tipo, estado,
       fecha_denuncia
  FROM ameripol.documento_viaje
UNION ALL
SELECT 'aseanapol', td_id::text, td_number, NULL, NULL, issuer_icao, issuer_icao::text, td_type::text, td_status,
       status_date
  FROM aseanapol.travel_document
UNION ALL
SELECT 'gccpol', document_id::text, document_no, NULL, issuing_state, NULL, issuing_state::text, document_kind,
       document_status, status_date
  FROM gccpol.gcc_document;
COMMIT;
SQL
echo "fdw.sh: ${DB} ready: view documents_all over ${PREFIX}{interpol,europol,ameripol,aseanapol,gccpol}"

[ "$EXPLAIN_OUT" = - ] && exit 0
NUMBER="${1:-Q0000NONE}"
mkdir -p "$(dirname "$EXPLAIN_OUT")"
{
  echo "# loadtests/peers/fdw.sh: EXPLAIN of the fdw target's statement (the driver's Sources.FDW_SQL),"
  echo "# prepared as the driver prepares it, run $(date -u +%Y-%m-%dT%H:%M:%SZ) against ${PREFIX}<schema>."
  echo "# Each Foreign Scan's Remote SQL must carry its own country column and the number;"
  echo "# 'Async Foreign Scan' shows the five run concurrently."
  psql_ -d "$DB" -e <<SQL
PREPARE q(text, bpchar, bpchar, varchar) AS
  SELECT source, record_id, number, country, doc_type, status, status_date
    FROM documents_all
   WHERE number = \$1 AND (country_iso3 = \$2 OR country_iso2 = \$3 OR country_icao = \$4);
-- the generic plan (what a cached prepared statement ends up with)
SET plan_cache_mode = force_generic_plan;
EXPLAIN (VERBOSE, COSTS OFF) EXECUTE q('${NUMBER}', 'DEU', 'DE', 'D');
-- and executed, custom plan
SET plan_cache_mode = force_custom_plan;
EXPLAIN (ANALYZE, VERBOSE, COSTS OFF) EXECUTE q('${NUMBER}', 'DEU', 'DE', 'D');
SQL
  echo
  echo "# the Remote SQL of the interpol branch (generic form), planned by the source itself:"
  psql_ -d "${PREFIX}interpol" -e <<SQL
PREPARE r(bpchar, text) AS SELECT document_number, issuing_country, document_type, status, reported_on
  FROM public.sltd_document WHERE (((issuing_country = \$1::bpchar) OR NULL::boolean)) AND ((document_number = \$2::text));
SET plan_cache_mode = force_generic_plan;
EXPLAIN (COSTS OFF) EXECUTE r('DEU', '${NUMBER}');
SQL
} > "$EXPLAIN_OUT"
echo "fdw.sh: EXPLAIN -> ${EXPLAIN_OUT}"
grep -c -- '->  Async Foreign Scan' "$EXPLAIN_OUT" | sed 's/^/fdw.sh: Async Foreign Scan lines: /'
