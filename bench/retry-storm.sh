#!/usr/bin/env bash
# The retry storm behind docs/operations.md "Overload": starts the release jar with -Xmx512m on a fresh embedded
# PostgreSQL, prepares BENCH_CLIENTS JCB Preca orders, slows the JCB Preca center down (BENCH_LATENCY_MS), and lets
# BENCH_CLIENTS clients pay at once, each retrying after a busy answer; every 10 s it prints the node's live heap
# (after a full GC: the total of jcmd's class histogram), the requests in progress, the refusals and whether
# /actuator/health/liveness answers. Extra arguments go to Kessai, e.g. the run without the bound:
#
#   bench/retry-storm.sh                                                   the defaults
#   BENCH_MODE=storm BENCH_LATENCY_MS=30000 bench/retry-storm.sh --kessai.server.max-in-flight=100000 \
#       --server.tomcat.max-connections=10000                              no bound, no retries
#
# Build the jar first (./mvnw package -DskipTests). The clients run on the same machine: on a small one they compete
# with the node for its cores.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
CLIENTS="${BENCH_CLIENTS:-3000}"
LATENCY="${BENCH_LATENCY_MS:-10000}"
MODE="${BENCH_MODE:-retrystorm}"
JAR="$ROOT/kessai-server/target/kessai-0.1.0-SNAPSHOT.jar"
[ -f "$JAR" ] || { echo "missing $JAR: ./mvnw package -DskipTests first" >&2; exit 1; }
RES="$ROOT/bench/results/retry-storm-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RES"
PORT=$((20000 + RANDOM % 20000))
BASE="http://127.0.0.1:$PORT"
java -Xmx512m -jar "$JAR" --server.port="$PORT" --kessai.data-dir="$RES/data" \
    --logging.level.jp.kessai.request=WARN "$@" > "$RES/kessai.log" 2>&1 &
KPID=$!
trap 'kill "$KPID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "listening on 127.0.0.1:$PORT" "$RES/kessai.log" && break
  sleep 1
done
echo "Kessai on $BASE (pid $KPID); load average $(cut -d' ' -f1-3 /proc/loadavg); results in $RES"
java "$ROOT/bench/RetryStorm.java" "$BASE" prepare "$CLIENTS" "$RES/orders.txt"
live() { jcmd "$KPID" GC.class_histogram | tail -1 | awk '{printf "%.0f MiB", $3 / 1048576}'; }
echo "idle: live heap $(live)"
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "{\"latencyMillis\":$LATENCY}" "$BASE/sandbox/jcb-preca/faults"
java "$ROOT/bench/RetryStorm.java" "$BASE" "$MODE" "$CLIENTS" "$RES/orders.txt" > "$RES/clients.txt" 2>&1 &
CPID=$!
while kill -0 "$CPID" 2>/dev/null; do
  sleep 10
  liveness=$(curl -s -o /dev/null -m 5 -w '%{http_code} in %{time_total}s' "$BASE/actuator/health/liveness" || true)
  metrics=$(curl -s -m 5 "$BASE/actuator/prometheus" | grep -E '^kessai_server_requests_(in_flight|refused_total\{face="idpass"\})' \
      | tr '\n' ' ' || true)
  echo "$(date -u +%H:%M:%S) live heap $(live); connections $(ss -tn state established "( sport = :$PORT )" | tail -n +2 | wc -l); liveness $liveness; $metrics"
done
cat "$RES/clients.txt"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$RES/kessai.log" || true)"
