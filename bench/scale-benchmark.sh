#!/usr/bin/env bash
# Ten times today's data (issue 20): seed 1 M tickets and N gateway log rows into an embedded PostgreSQL kept in
# BENCH_PG_DIR, measure match and import there, then the queue page and the static file with wrk on the same data.
# Usage: bench/scale-benchmark.sh [tickets] [logRows]     (default 1000000 10000000; 100 M rows need ~90 GB of disk)
# Environment: BENCH_PG_DIR (default /tmp/gatedesk-scale-pg), BENCH_JAVA_OPTS (default -Xmx2g), MVN_ARGS.
# A second run reuses the seeded cluster; delete BENCH_PG_DIR to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
TICKETS="${1:-1000000}"
LOG_ROWS="${2:-10000000}"
PG_DIR="${BENCH_PG_DIR:-/tmp/gatedesk-scale-pg}"

# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} test-compile
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:--Xmx2g} -Dbench.pg-dir="$PG_DIR" -cp "$CP" io.gatedesk.bench.ScaleBenchmark "$TICKETS" "$LOG_ROWS"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -Dbench.pg-dir="$PG_DIR" -Dbench.only=static,queue -cp "$CP" \
  io.gatedesk.bench.LoadBenchmark "$TICKETS"
