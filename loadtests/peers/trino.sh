#!/usr/bin/env bash
# Trino over the same five source databases: the peer "trino" of issue #8.
# usage: loadtests/peers/trino.sh start|stop|status|explain
#   start  fetches io.trino:trino-server:476:tar.gz (Maven Central, ~821 MB, once) into
#          loadtests/target/trino-dist, unpacks it into loadtests/target/trino (git-ignored), keeps only
#          the PostgreSQL connector plugin, writes etc/ (single node: coordinator and worker; one
#          PostgreSQL catalog per source, named as the schema, metadata cached), starts it in the
#          background on a free loopback port with the Temurin 25 JDK, waits (bounded) until it is up,
#          runs one query to warm it, and prints the JDBC URL. It runs under timeout(1), which kills it
#          after TRINO_MAX_LIFETIME seconds anyway.
#   stop   stops it (SIGTERM, then SIGKILL after 30 s).
#   status prints "running jdbc:trino://127.0.0.1:PORT" (exit 0) or "stopped" (exit 1).
#   explain writes Trino's EXPLAIN of the driver's statement to loadtests/results/trino-explain.txt.
# state: loadtests/target/trino/state (pid, port); log: loadtests/target/trino/trino.log
# env:   DB_PREFIX (fq_bench_): catalogs point at ${DB_PREFIX}<schema>; PGHOST (127.0.0.1) PGPORT (5432)
#        PGUSER (postgres) PGPASSWORD (""); TRINO_HEAP (3G); TRINO_MAX_LIFETIME (2700 s = 45 min);
#        TRINO_START_TIMEOUT (180 s); TRINO_PORT (a free port)
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=476
ROOT=loadtests/target/trino
HOME_DIR="$ROOT/trino-server-$VERSION"
STATE="$ROOT/state"
LOG="$ROOT/trino.log"
PREFIX="${DB_PREFIX:-fq_bench_}"
PG_HOST="${PGHOST:-127.0.0.1}"; PG_PORT="${PGPORT:-5432}"; PG_USER="${PGUSER:-postgres}"; PG_PASS="${PGPASSWORD:-}"
HEAP="${TRINO_HEAP:-3G}"; LIFETIME="${TRINO_MAX_LIFETIME:-2700}"; START_TIMEOUT="${TRINO_START_TIMEOUT:-180}"
source loadtests/common.sh  # free_port
case "$PG_HOST" in 127.0.0.1|localhost|::1) ;; *) echo "trino.sh: loopback only, PGHOST=$PG_HOST refused" >&2; exit 2 ;; esac

log() { printf '[%s] trino.sh: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

state() { # key -> value from the state file
  [ -f "$STATE" ] && sed -n "s/^$1=//p" "$STATE" || true
}

running() {
  local pid; pid="$(state pid)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

java25() {
  local j
  for j in /usr/lib/jvm/temurin-25*/bin/java /usr/lib/jvm/*25*/bin/java; do
    [ -x "$j" ] && { echo "$j"; return 0; }
  done
  echo "trino.sh: no Java 25 JDK under /usr/lib/jvm (Trino $VERSION needs it)" >&2; return 1
}

install() {
  [ -f "$HOME_DIR/lib/io.trino_trino-main-$VERSION.jar" ] && return 0
  local tgz=loadtests/target/trino-dist/trino-server-$VERSION.tar.gz
  local m2="$HOME/.m2/repository/io/trino/trino-server/$VERSION/trino-server-$VERSION.tar.gz"
  if [ ! -f "$tgz" ]; then
    mkdir -p loadtests/target/trino-dist
    if [ -f "$m2" ]; then cp "$m2" "$tgz"; else
      log "fetching io.trino:trino-server:$VERSION:tar.gz (~821 MB)"
      ./mvnw -B -ntp -q dependency:copy -Dartifact=io.trino:trino-server:$VERSION:tar.gz \
        -DoutputDirectory=loadtests/target/trino-dist
    fi
  fi
  log "unpacking into $ROOT"
  mkdir -p "$ROOT"
  tar -xzf "$tgz" -C "$ROOT"
}

configure() { # port
  local etc="$HOME_DIR/etc" p
  # only the connector we use (and the geospatial types its client needs): loading the ~50 other
  # plugins costs start time and memory
  for p in "$HOME_DIR"/plugin/*; do
    case "$(basename "$p")" in postgresql|geospatial) ;; *) rm -rf "$p" ;; esac
  done
  mkdir -p "$etc/catalog" "$ROOT/data"
  cat > "$etc/node.properties" <<PROPS
node.environment=peers
node.id=frontline-peers-1
node.data-dir=$(cd "$ROOT/data" && pwd)
node.bind-ip=127.0.0.1
node.internal-address=127.0.0.1
PROPS
  cat > "$etc/jvm.config" <<JVM
-server
-Xmx${HEAP}
-XX:InitialRAMPercentage=5
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:+HeapDumpOnOutOfMemoryError
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:PerMethodRecompilationCutoff=10000
-XX:PerBytecodeRecompilationCutoff=10000
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dfile.encoding=UTF-8
-XX:+EnableDynamicAgentLoading
--add-modules=jdk.incubator.vector
JVM
  cat > "$etc/config.properties" <<PROPS
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$1
discovery.uri=http://127.0.0.1:$1
query.max-memory=1GB
query.max-memory-per-node=1GB
PROPS
  echo "io.trino=WARN" > "$etc/log.properties"
  rm -f "$etc"/catalog/*.properties
  for s in interpol europol ameripol aseanapol gccpol; do
    cat > "$etc/catalog/$s.properties" <<PROPS
connector.name=postgresql
connection-url=jdbc:postgresql://${PG_HOST}:${PG_PORT}/${PREFIX}${s}
connection-user=${PG_USER}
connection-password=${PG_PASS}
# without these every query re-reads the source's metadata
metadata.cache-ttl=10m
metadata.cache-missing=true
PROPS
  done
}

start() {
  if running; then log "already running"; echo "jdbc:trino://127.0.0.1:$(state port)"; return 0; fi
  local java port pid
  java="$(java25)"
  install
  port="${TRINO_PORT:-$(free_port)}"
  configure "$port"
  log "starting Trino $VERSION on 127.0.0.1:$port with $java (heap $HEAP, max lifetime ${LIFETIME}s)"
  # as bin/launcher run does: the JVM options of etc/jvm.config, node.properties as system properties,
  # then the server's main class
  mapfile -t opts < <(grep -v '^#' "$HOME_DIR/etc/jvm.config" | grep .)
  while IFS= read -r line; do opts+=("-D$line"); done < <(grep -v '^#' "$HOME_DIR/etc/node.properties" | grep .)
  # the watchdog is timeout(1): Trino must not outlive a forgotten run (TERM after the lifetime, KILL
  # 30 s later); stop sends TERM to timeout, which passes it on to Trino
  (cd "$HOME_DIR" && exec timeout --kill-after=30 "$LIFETIME" "$java" "${opts[@]}" -Dconfig=etc/config.properties \
      -Dlog.levels-file=etc/log.properties -cp "lib/*" io.trino.server.TrinoServer) > "$LOG" 2>&1 < /dev/null &
  pid=$!
  printf 'pid=%s\nport=%s\n' "$pid" "$port" > "$STATE"
  local deadline=$((SECONDS + START_TIMEOUT))
  until curl -fsS "http://127.0.0.1:$port/v1/info" 2>/dev/null | grep -q '"starting":false'; do
    if ! kill -0 "$pid" 2>/dev/null; then log "Trino died while starting; see $LOG"; tail -20 "$LOG" >&2; stop; return 1; fi
    if [ "$SECONDS" -ge "$deadline" ]; then log "not up after ${START_TIMEOUT}s; see $LOG"; stop; return 1; fi
    sleep 2
  done
  log "up after ${SECONDS}s; warming with the five-catalog query"
  warm "$port"
  echo "jdbc:trino://127.0.0.1:$port"
}

FIVE_SOURCES="SELECT 'interpol', document_number FROM interpol.public.sltd_document WHERE issuing_country = CAST('DEU' AS char(3)) AND document_number = 'Q0WARM'
    UNION ALL SELECT 'europol', doc_no FROM europol.public.eis_object_document WHERE doc_country_iso2 = CAST('DE' AS char(2)) AND doc_no = 'Q0WARM'
    UNION ALL SELECT 'ameripol', numero FROM ameripol.public.documento_viaje WHERE pais_emisor = CAST('DEU' AS char(3)) AND numero = 'Q0WARM'
    UNION ALL SELECT 'aseanapol', td_number FROM aseanapol.public.travel_document WHERE issuer_icao = 'D' AND td_number = 'Q0WARM'
    UNION ALL SELECT 'gccpol', document_no FROM gccpol.public.gcc_document WHERE issuing_state = CAST('DE' AS char(2)) AND document_no = 'Q0WARM'"

query() { # port sql -> the rows' JSON arrays, one per line of the answer pages ("data":...); fails on an error
  local port=$1 next r i=0
  next="$(curl -fsS -X POST -H 'X-Trino-User: peers' --data "$2" "http://127.0.0.1:$port/v1/statement" \
    | sed -n 's/.*"nextUri":"\([^"]*\)".*/\1/p')"
  while [ -n "$next" ] && [ $i -lt 600 ]; do
    r="$(curl -fsS -H 'X-Trino-User: peers' "$next")"
    if grep -q '"error"' <<<"$r"; then log "query failed: $(grep -o '"message":"[^"]*"' <<<"$r" | head -1)"; return 1; fi
    grep -o '"data":\[.*\]\]' <<<"$r" || true
    next="$(sed -n 's/.*"nextUri":"\([^"]*\)".*/\1/p' <<<"$r")"
    i=$((i + 1)); sleep 0.05
  done
}

warm() { # port: the driver's five-catalog UNION ALL once (metadata into the caches, plans compiled)
  log "warm-up answer: $(query "$1" "SELECT count(*) FROM ($FIVE_SOURCES)")"
}

explain() { # EXPLAIN of the same statement -> loadtests/results/trino-explain.txt
  running || { echo "trino.sh: not running (start it first)" >&2; return 1; }
  local out=loadtests/results/trino-explain.txt
  mkdir -p loadtests/results
  {
    echo "# loadtests/peers/trino.sh explain, $(date -u +%Y-%m-%dT%H:%M:%SZ): Trino $VERSION EXPLAIN of the trino target's"
    echo "# statement (Sources.TRINO_SQL with literals). Each TableScan must show 'constraint on [<number>, <country>]':"
    echo "# both predicates pushed down to the source."
    echo
    echo "$FIVE_SOURCES"
    echo
    query "$(state port)" "EXPLAIN $FIVE_SOURCES" | python3 -c 'import json,sys
for line in sys.stdin:
    for row in json.loads("{" + line.strip() + "}")["data"]:
        print(row[0])'
  } > "$out"
  log "EXPLAIN -> $out ($(grep -c 'table = .*constraint on' "$out") of 5 scans with pushed-down constraints)"
}

stop() {
  local pid
  pid="$(state pid)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    log "stopped (pid $pid)"
  else
    log "not running"
  fi
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  explain) explain ;;
  status) if running; then echo "running jdbc:trino://127.0.0.1:$(state port)"; else echo stopped; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|explain" >&2; exit 2 ;;
esac
