#!/usr/bin/env bash
# Sizes Kessai's connection pool by measurement (issue #8): for each pool size, starts Kessai on a fresh embedded
# PostgreSQL with --kessai.embedded-postgres.pool-size=N, creates the bench shops, and runs W1 and W2 in closed loop
# from BENCH_SHOPS x BENCH_CONNS_PER_SHOP connections (defaults 16 x 4), printing op/s and p99 per size. The jars
# are those bench/run.sh built (run it, or `./mvnw package` and `./mvnw -f bench/pom.xml package`, first).
#
#   bench/pool-sweep.sh                         sizes 4 8 16 32 64, 15 s per phase
#   BENCH_POOL_SIZES="8 16" BENCH_DUR=10 bench/pool-sweep.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
SIZES="${BENCH_POOL_SIZES:-4 8 16 32 64}"
SHOPS="${BENCH_SHOPS:-16}"
CPS="${BENCH_CONNS_PER_SHOP:-4}"
DUR="${BENCH_DUR:-15}"
JAR="$ROOT/kessai-server/target/kessai-0.1.0-SNAPSHOT.jar"
LGJAR="$ROOT/bench/loadgen/target/kessai-loadgen-0.1.0-SNAPSHOT.jar"
for f in "$JAR" "$LGJAR"; do [ -f "$f" ] || { echo "missing $f: build first" >&2; exit 1; }; done
LG=(java -XX:+UseSerialGC -Xms256m -Xmx512m -cp "$LGJAR:$ROOT/bench/loadgen/target/lib/*" jp.kessai.bench.LoadGen)
RES="$ROOT/bench/results/pool-sweep-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RES"
cp "$JAR" "$RES/app-under-test.jar"
KPID=""
trap '[ -n "$KPID" ] && kill "$KPID" 2>/dev/null || true' EXIT
echo "pool sweep: $SHOPS shops x $CPS connections, $DUR s per phase, load average $(cut -d' ' -f1-3 /proc/loadavg); results in $RES"
for n in $SIZES; do
  port=$((20000 + RANDOM % 20000))
  data="$RES/data-$n"
  java -jar "$RES/app-under-test.jar" --server.port="$port" --kessai.data-dir="$data" \
    --kessai.embedded-postgres.pool-size="$n" > "$RES/kessai-$n.log" 2>&1 &
  KPID=$!
  for _ in $(seq 1800); do grep -q "Kessai .* sandbox ready" "$RES/kessai-$n.log" && break; sleep 0.1; done
  base="http://127.0.0.1:$port"
  "${LG[@]}" shops --base "$base" --count "$SHOPS" --prefix tpool --out "$RES/shops-$n.txt" > /dev/null
  "${LG[@]}" cards --base "$base" --count "$((SHOPS * CPS * 4))" > /dev/null
  for wl in W1 W2; do
    printf 'pool %3d  ' "$n"
    "${LG[@]}" run --base "$base" --workload "$wl" --target "pool-$n" --shops "$RES/shops-$n.txt" \
      --conns-per-shop "$CPS" --warmup 5 --duration "$DUR" --pid "$KPID" --clk-tck "$(getconf CLK_TCK)" \
      --cards "$((SHOPS * CPS * 4))" --out "$RES/results.jsonl" | grep closed
  done
  kill "$KPID"; wait "$KPID" 2>/dev/null || true; KPID=""
  rm -rf "$data"
done
