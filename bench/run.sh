#!/usr/bin/env bash
# Kessai benchmark harness (issues #5 and #6). Builds Kessai and the harness, starts Kessai on its embedded PostgreSQL
# with durability on (fsync=on, synchronous_commit=on), creates the bench shops through POST /sandbox/shops, runs the
# workloads W1-W3 from many shops and from one shop, the baselines B1-B5 and the scale phase (1,000,000 preloaded
# orders) in this one invocation, prints one table, the operations' database cost and the targets, and writes them
# to bench/results/<timestamp>.json.
#
#   bench/run.sh            full run (about 15 minutes)
#   bench/run.sh --quick    about 4 minutes: shorter phases, baselines in closed loop only, 200,000 preloaded orders
#   BENCH_KESSAI_JAR=/path/kessai.jar bench/run.sh   bench another build of Kessai (it is not rebuilt then)
#
# Environment: JAVA_HOME (default Temurin 25); BENCH_SHOPS (default 16) and BENCH_CONNS_PER_SHOP (default 4): the load
# comes from BENCH_SHOPS shops with BENCH_CONNS_PER_SHOP connections each, and every baseline uses the same total
# client count; BENCH_PRELOAD_ORDERS (default 1000000, 200000 with --quick) for the scale phase, 0 to skip it; BENCH_COUNT_OPS (default
# 200) operations one at a time for the per-operation database counters; BENCH_JFR=1 or W1/W2/W3 (one more phase of
# that workload, W2 for 1, recorded with JDK Flight Recorder); BENCH_SKIP_BUILD=1.
set -euo pipefail

QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"

SHOPS="${BENCH_SHOPS:-16}"
CPS="${BENCH_CONNS_PER_SHOP:-4}"
CONNS=$((SHOPS * CPS))   # every baseline's client count
[ -n "${BENCH_CONNS:-}" ] && echo "BENCH_CONNS is no longer read: use BENCH_SHOPS and BENCH_CONNS_PER_SHOP" >&2
PRELOAD="${BENCH_PRELOAD_ORDERS:-1000000}"
COUNT_OPS="${BENCH_COUNT_OPS:-200}"
# W2's card pool: 4 cards per connection, so that two operations rarely wait for the same card's row lock
CARDS=$(( CONNS * 4 > 64 ? CONNS * 4 : 64 ))
if [ "$QUICK" = 1 ]; then
  # a smoke test: 200,000 preloaded orders instead of 1,000,000 (the report names the count), open loop at 50 % only
  WARMUP=2; DUR=3; OPEN_KESSAI="0.5"; OPEN_BASE=""; PGDUR=5; COUNT_OPS="${BENCH_COUNT_OPS:-100}"
  PRELOAD="${BENCH_PRELOAD_ORDERS:-200000}"
else
  WARMUP=5; DUR=15; OPEN_KESSAI="0.5,0.8"; OPEN_BASE="0.5,0.8"; PGDUR=15
fi

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RES="$ROOT/bench/results/$STAMP"
mkdir -p "$RES"
LINES="$RES/results.jsonl"
: > "$LINES"
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# --- tools: pgbench and psql from Debian's packages -----------------------------------------------------------------
if ! command -v pgbench >/dev/null || ! command -v psql >/dev/null; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  log "installing Debian's postgresql-client (psql, pgbench)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-client >/dev/null
fi

# --- build ----------------------------------------------------------------------------------------------------------
mvnw() { ./mvnw -q -B -ntp "$@" 2>&1 | grep -v '^WARNING' || true; }
JAR="${BENCH_KESSAI_JAR:-$ROOT/kessai-server/target/kessai-0.1.0-SNAPSHOT.jar}"
LGJAR="$ROOT/bench/loadgen/target/kessai-loadgen-0.1.0-SNAPSHOT.jar"
HELLOJAR="$ROOT/bench/hello/target/bench-hello.jar"
WMJAR="$ROOT/bench/loadgen/target/wiremock/wiremock-standalone.jar"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  if [ -z "${BENCH_KESSAI_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find kessai-server/src kessai-server/pom.xml pom.xml -newer "$JAR" -type f | head -1)" ]; }; then
    log "building Kessai"
    mvnw -o -DskipTests -pl kessai-server package || true
    [ -f "$JAR" ] && [ -z "$(find kessai-server/src kessai-server/pom.xml pom.xml -newer "$JAR" -type f | head -1)" ] || mvnw -DskipTests -pl kessai-server package
  fi
  if [ ! -f "$LGJAR" ] || [ ! -f "$HELLOJAR" ] || [ ! -f "$WMJAR" ] \
      || [ -n "$(find bench/pom.xml bench/loadgen/pom.xml bench/loadgen/src bench/hello/pom.xml bench/hello/src -newer "$LGJAR" -type f | head -1)" ]; then
    log "building the harness (bench/)"
    mvnw -o -f bench/pom.xml -DskipTests package || true
    [ -f "$WMJAR" ] && [ -f "$HELLOJAR" ] || mvnw -f bench/pom.xml -DskipTests package
  fi
fi
for f in "$JAR" "$LGJAR" "$HELLOJAR" "$WMJAR"; do
  [ -f "$f" ] || { echo "missing $f: the build failed" >&2; exit 1; }
done
LG=(java -XX:+UseSerialGC -Xms256m -Xmx512m -cp "$LGJAR:$ROOT/bench/loadgen/target/lib/*" jp.kessai.bench.LoadGen)

# --- processes ------------------------------------------------------------------------------------------------------
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  if [ -n "${PM_PID_FILE:-}" ] && [ -f "$PM_PID_FILE" ]; then
    kill -INT "$(head -1 "$PM_PID_FILE")" 2>/dev/null || true
  fi
}
trap cleanup EXIT

free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
wait_for() { # file pattern seconds
  local i=0
  while ! grep -q "$2" "$1" 2>/dev/null; do
    i=$((i + 1)); [ "$i" -gt $(($3 * 10)) ] && { echo "timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; return 1; }
    sleep 0.1
  done
}
wait_port() {
  local i=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    i=$((i + 1)); [ "$i" -gt $(($2 * 10)) ] && { echo "timed out waiting for port $1" >&2; return 1; }
    sleep 0.1
  done
}
stop_pid() { # pid seconds
  kill "$1" 2>/dev/null || return 0
  local i=0
  while kill -0 "$1" 2>/dev/null; do
    i=$((i + 1)); [ "$i" -gt $(($2 * 10)) ] && { kill -9 "$1" 2>/dev/null || true; break; }
    sleep 0.1
  done
}

CLK_TCK="$(getconf CLK_TCK)"
MACHINE="$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
printf '{"kind":"meta","timestamp":"%s","quick":%s,"conns":%s,"shops":%s,"connsPerShop":%s,"preloadOrders":%s,"machine":"%s","kessaiCommit":"%s","java":"%s","loadavgAtStart":"%s"}\n' \
  "$STAMP" "$([ $QUICK = 1 ] && echo true || echo false)" "$CONNS" "$SHOPS" "$CPS" "$PRELOAD" "$MACHINE" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(java -version 2>&1 | head -1 | sed 's/"//g')" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$LINES"
log "results in $RES (machine: $MACHINE; load average $(cut -d' ' -f1-3 /proc/loadavg))"

# who sends the load: the bench shops (BENCH_SHOPS x BENCH_CONNS_PER_SHOP connections), or the demo shop alone
MANY=(--shops "$RES/shops.txt" --conns-per-shop "$CPS")
ONE=(--conns "$CPS")
LOAD=("${MANY[@]}")
phase() { # workload target base pid open-fractions [pg-pid-file [extra args...]]
  if ! kill -0 "$4" 2>/dev/null; then
    echo "the $2 server (pid $4) is no longer running: see its log in $RES" >&2
    exit 1
  fi
  local extra=()
  [ -n "$5" ] && extra+=(--open "$5")
  [ -n "${6:-}" ] && extra+=(--pg-pid-file "$6")
  extra+=("${@:7}")
  "${LG[@]}" run --base "$3" --workload "$1" --target "$2" "${LOAD[@]}" --warmup "$WARMUP" --duration "$DUR" \
    --pid "$4" --clk-tck "$CLK_TCK" --cards "$CARDS" --out "$LINES" "${extra[@]}"
}
na() { # workload what
  printf '{"kind":"na","workload":"%s","what":"%s","reason":"not available in this build"}\n' "$1" "$2" >> "$LINES"
  log "$1: $2 not available in this build"
}

# --- Kessai ---------------------------------------------------------------------------------------------------------
KPORT="$(free_port $((20000 + RANDOM % 20000)))"
PGPORT="$(free_port $((KPORT + 1)))"
DATA="$RES/kessai-data"
# the jar under test is copied: a rebuild in this work tree during the run must not change it under the JVM
cp "$JAR" "$RES/app-under-test.jar"
JAR="$RES/app-under-test.jar"
start_kessai() {
  log "starting Kessai on :$KPORT (embedded PostgreSQL on :$PGPORT, data in $DATA)"
  java -jar "$JAR" --server.port="$KPORT" --kessai.data-dir="$DATA" \
    --kessai.embedded-postgres.port="$PGPORT" > "$RES/kessai.log" 2>&1 &
  KPID=$!
  PIDS+=("$KPID")
  wait_for "$RES/kessai.log" "Kessai .* sandbox ready" 180
  PM_PID_FILE="$DATA/pg/postmaster.pid"
  export PGPASSWORD="$(cat "$DATA/pg-superuser-password")"
}
start_kessai
K="http://127.0.0.1:$KPORT"
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -Atq -v ON_ERROR_STOP=1 "$@"; }
log "PostgreSQL: $(sql -c 'SHOW server_version') fsync=$(sql -c 'SHOW fsync') synchronous_commit=$(sql -c 'SHOW synchronous_commit')"

OPENAPI=0
if "${LG[@]}" probe --base "$K"; then OPENAPI=1; fi
log "openapi face (POST /credit/charge): $([ $OPENAPI = 1 ] && echo served || echo 'not served by this build')"
WLS=(W2)
[ "$OPENAPI" = 1 ] && WLS=(W1 W2 W3)
if [ "$OPENAPI" = 0 ]; then
  na W1 "W1 (openapi POST /credit/charge), its B1, B2, B3 and B4"
  na W3 "W3 (openapi POST /order/inquiry), its B1 and B2"
fi

"${LG[@]}" shops --base "$K" --count "$SHOPS" --prefix tbench --out "$RES/shops.txt"
# the bench shops' primary keys, for the pgbench scripts (client c works for shop lo + c % SHOPS)
read -r SHOP_LO SHOP_HI SHOP_N < <(sql -F ' ' -c "SELECT min(id), max(id), count(*) FROM shop WHERE shop_id LIKE 'tbench%'")
if [ "$((SHOP_HI - SHOP_LO + 1))" != "$SHOP_N" ]; then
  echo "the bench shops' ids are not consecutive ($SHOP_LO..$SHOP_HI for $SHOP_N shops)" >&2; exit 1
fi
"${LG[@]}" cards --base "$K" --count "$CARDS"
"${LG[@]}" stubs --base "$K" --dir "$RES/stubs" --openapi "$([ $OPENAPI = 1 ] && echo true || echo false)"

# B3's scripts: the SQL each operation really executes, captured from PostgreSQL's log
log "capturing the SQL of one operation (log_statement=all, for the capture only)"
sql -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
for wl in "${WLS[@]}"; do
  [ "$wl" = W3 ] && continue
  "${LG[@]}" capture-sql --base "$K" --workload "$wl" --log "$DATA/postgres.log" --out "$RES/pgbench-$wl.sql" \
    --pg-port "$PGPORT" --pg-password-file "$DATA/pg-superuser-password" --cards "$CARDS" \
    --shops "$RES/shops.txt" --shop-pk-lo "$SHOP_LO" --shop-count "$SHOP_N"
done
sql -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null

log "workloads on Kessai (synchronous_commit=on): $SHOPS shops x $CPS connections"
for wl in "${WLS[@]}"; do
  phase "$wl" kessai "$K" "$KPID" "$OPEN_KESSAI" "$PM_PID_FILE"
done
log "the same from one shop (the demo shop), $CPS connections"
LOAD=("${ONE[@]}")
for wl in "${WLS[@]}"; do
  phase "$wl" kessai-1shop "$K" "$KPID" "" "$PM_PID_FILE"
done
LOAD=("${MANY[@]}")

log "what one operation costs the database: $COUNT_OPS operations one at a time (pg_stat_database, pg_stat_wal)"
for wl in "${WLS[@]}"; do
  "${LG[@]}" count --base "$K" --workload "$wl" --ops "$COUNT_OPS" --pg-port "$PGPORT" \
    --pg-password-file "$DATA/pg-superuser-password" --shops "$RES/shops.txt" --cards "$CARDS" --out "$LINES"
done

# B4: synchronous_commit=off. Kessai passes synchronous_commit=on on the server's command line, which outranks
# ALTER SYSTEM; a per-database setting outranks the command line but only for new sessions, so the pool's
# sessions are ended and Hikari opens new ones.
reconnect_pool() {
  sql -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'postgres'
          AND backend_type = 'client backend' AND pid <> pg_backend_pid()" >/dev/null
  sleep 2
}
log "B4: the same workloads with synchronous_commit=off"
sql -c "ALTER DATABASE postgres SET synchronous_commit = off"
reconnect_pool
for wl in "${WLS[@]}"; do
  [ "$wl" = W3 ] && continue
  phase "$wl" kessai-syncoff "$K" "$KPID" "" "$PM_PID_FILE"
done
sql -c "ALTER DATABASE postgres RESET synchronous_commit"
reconnect_pool

# B3 runs last on this database: a replay that aborts must not leave state behind for Kessai's phases
# CPU ticks of the postmaster with its live children, and (cutime, cstime) the children it reaped
# (a backend can exit between pgrep and sed, e.g. pgbench's 64 right after a run: that child is skipped, and with
# pipefail a failed sed must not end the harness)
db_ticks() {
  { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12+$13+$14+$15}'
    for c in $(pgrep -P "$1" || true); do { sed 's/.*) //' "/proc/$c/stat" 2>/dev/null || true; } | awk '{print $12+$13}'; done
  } | awk '{s+=$1} END {print s+0}'
}
if [ "${BENCH_JFR:-0}" != 0 ]; then
  # a profile of one more closed-loop phase, recorded on the running Kessai (no start-up in the recording)
  JFR_WL="${BENCH_JFR/#1/W2}"
  JFR_DUR=$(( DUR > 20 ? DUR : 20 ))
  log "JFR: profiling $JFR_WL (closed loop, $JFR_DUR s)"
  jcmd "$KPID" JFR.start name=bench settings=profile > /dev/null
  DUR=$JFR_DUR phase "$JFR_WL" kessai-jfr "$K" "$KPID" "" "$PM_PID_FILE"
  jcmd "$KPID" JFR.stop name=bench filename="$RES/kessai-$JFR_WL.jfr" > /dev/null
  "${LG[@]}" jfr-summary --file "$RES/kessai-$JFR_WL.jfr" | tee "$RES/kessai-$JFR_WL.jfr.txt"
fi

log "B3: pgbench with the captured SQL, $CONNS clients, on Kessai's own database"
for wl in "${WLS[@]}"; do
  [ "$wl" = W3 ] && continue
  PM="$(head -1 "$PM_PID_FILE")"
  db0=$(db_ticks "$PM")
  pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M prepared -c "$CONNS" -j 1 -T "$PGDUR" \
    -f "$RES/pgbench-$wl.sql" postgres > "$RES/pgbench-$wl.out" 2>&1 || true
  db1=$(db_ticks "$PM")
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RES/pgbench-$wl.out" | head -1)
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$RES/pgbench-$wl.out" | head -1)
  txs=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$RES/pgbench-$wl.out" | head -1)
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$RES/pgbench-$wl.out" | head -1)
  aborted=false
  if [ -z "$tps" ] || grep -q 'aborted' "$RES/pgbench-$wl.out"; then
    aborted=true
    log "pgbench for $wl aborted (its figure is not valid):"; grep -m3 'error' "$RES/pgbench-$wl.out" || true
    tps="${tps:-0}"
  fi
  dbcpu=$(awk -v a="$db0" -v b="$db1" -v n="${txs:-0}" -v t="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.3f", (b - a) / t / n * 1000; else print "null" }')
  stats="$(cat "$RES/pgbench-$wl.sql.stats" 2>/dev/null || echo '{}')"
  printf '{"kind":"pgbench","workload":"%s","clients":%s,"seconds":%s,"tps":%s,"latencyAvgMs":%s,"transactions":%s,"failed":%s,"aborted":%s,"dbCpuSecPer1kOps":%s,"script":"%s","capture":%s}\n' \
    "$wl" "$CONNS" "$PGDUR" "$tps" "${lat:-null}" "${txs:-0}" "${failed:-null}" "$aborted" "$dbcpu" "pgbench-$wl.sql" "$stats" >> "$LINES"
  log "  B3 $wl: $tps tps (latency average ${lat:-?} ms, ${failed:-?} failed)"
done

# B5: the smallest SQL a write-ahead charge needs, on scratch copies of Kessai's tables (bench/sql/b5-*.sql)
log "B5: pgbench, minimal durable charge (2 commits), $CONNS clients, on Kessai's own database"
sql -f bench/sql/b5-setup.sql >/dev/null
PM="$(head -1 "$PM_PID_FILE")"
db0=$(db_ticks "$PM")
pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -M prepared -c "$CONNS" -j 1 -T "$PGDUR" \
  -D shop_lo="$SHOP_LO" -D shop_count="$SHOP_N" -f bench/sql/b5-minimal-charge.sql postgres > "$RES/pgbench-B5.out" 2>&1 || true
db1=$(db_ticks "$PM")
sql -f bench/sql/b5-teardown.sql >/dev/null
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RES/pgbench-B5.out" | head -1)
lat=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$RES/pgbench-B5.out" | head -1)
txs=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$RES/pgbench-B5.out" | head -1)
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$RES/pgbench-B5.out" | head -1)
aborted=false
if [ -z "$tps" ] || grep -q 'aborted' "$RES/pgbench-B5.out"; then
  aborted=true; log "B5 aborted (its figure is not valid):"; grep -m3 'error' "$RES/pgbench-B5.out" || true; tps="${tps:-0}"
fi
dbcpu=$(awk -v a="$db0" -v b="$db1" -v n="${txs:-0}" -v t="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.3f", (b - a) / t / n * 1000; else print "null" }')
printf '{"kind":"pgbench","workload":"B5","clients":%s,"seconds":%s,"tps":%s,"latencyAvgMs":%s,"transactions":%s,"failed":%s,"aborted":%s,"dbCpuSecPer1kOps":%s,"script":"bench/sql/b5-minimal-charge.sql","capture":{"statements":8,"sql":4,"kessaiSql":4,"transactions":2,"autocommitWrites":0}}\n' \
  "$CONNS" "$PGDUR" "$tps" "${lat:-null}" "${txs:-0}" "${failed:-null}" "$aborted" "$dbcpu" >> "$LINES"
log "  B5: $tps charges/s (latency average ${lat:-?} ms, ${failed:-?} failed)"

# Scale: W1 and W3 again after PRELOAD orders were added with SQL (bench/sql/preload.sql)
if [ "$OPENAPI" = 1 ] && [ "$PRELOAD" -gt 0 ]; then
  TEMPLATE=$(sql -c "SELECT po.access_id FROM payment_order po JOIN credit_order co ON co.order_pk = po.id
                     JOIN shop s ON s.id = po.shop_pk WHERE s.shop_id LIKE 'tbench%' AND co.approval_code IS NOT NULL
                     ORDER BY po.id DESC LIMIT 1")
  log "scale: preloading $PRELOAD orders (copies of order $TEMPLATE) into payment_order and credit_order"
  t0=$(date +%s)
  sql -v n="$PRELOAD" -v template="$TEMPLATE" -v prefix=tbench -f bench/sql/preload.sql > "$RES/preload.out"
  log "  preloaded in $(( $(date +%s) - t0 )) s: $(tail -1 "$RES/preload.out") orders in payment_order"
  phase W1 kessai-preload "$K" "$KPID" "" "$PM_PID_FILE"
  phase W3 kessai-preload "$K" "$KPID" "" "$PM_PID_FILE" --preloaded "$PRELOAD"
fi

log "Kessai RSS at the end: $(awk '/VmRSS/ {print $2/1024 " MiB"}' "/proc/$KPID/status"), peak $(awk '/VmHWM/ {print $2/1024 " MiB"}' "/proc/$KPID/status")"
printf '{"kind":"rss","target":"kessai","rssMb":%s,"rssPeakMb":%s}\n' \
  "$(awk '/VmRSS/ {print $2/1024}' "/proc/$KPID/status")" "$(awk '/VmHWM/ {print $2/1024}' "/proc/$KPID/status")" >> "$LINES"
stop_pid "$KPID" 60
[ -f "$PM_PID_FILE" ] && { kill -INT "$(head -1 "$PM_PID_FILE")" 2>/dev/null || true; sleep 1; }

# --- B1: WireMock standalone with the same answers ----------------------------------------------------------------
"${LG[@]}" wiremock-mappings --dir "$RES/stubs" --out "$RES/wiremock"
WPORT="$(free_port $((PGPORT + 1)))"
log "B1: WireMock standalone on :$WPORT (--no-request-journal)"
java -jar "$WMJAR" --port "$WPORT" --bind-address 127.0.0.1 --root-dir "$RES/wiremock" --no-request-journal \
  --disable-banner > "$RES/wiremock.log" 2>&1 &
WPID=$!
PIDS+=("$WPID")
wait_port "$WPORT" 60
for wl in "${WLS[@]}"; do
  phase "$wl" wiremock "http://127.0.0.1:$WPORT" "$WPID" "$OPEN_BASE"
done
stop_pid "$WPID" 20

# --- B2: hello, Kessai's web stack with nothing behind it ---------------------------------------------------------
HPORT="$(free_port $((WPORT + 1)))"
log "B2: hello (Spring Boot, Tomcat, virtual threads) on :$HPORT"
java -jar "$HELLOJAR" --server.port="$HPORT" --bench.stubs="$RES/stubs" > "$RES/hello.log" 2>&1 &
HPID=$!
PIDS+=("$HPID")
wait_for "$RES/hello.log" "Started HelloApp" 120
for wl in "${WLS[@]}"; do
  phase "$wl" hello "http://127.0.0.1:$HPORT" "$HPID" "$OPEN_BASE"
done
stop_pid "$HPID" 20

# --- report -----------------------------------------------------------------------------------------------------------
echo
"${LG[@]}" report --in "$LINES" --out "$ROOT/bench/results/$STAMP.json"
echo
log "JSON: bench/results/$STAMP.json (raw lines, logs, stubs and pgbench scripts in bench/results/$STAMP/)"
rm -rf "$DATA" "$JAR"
