#!/usr/bin/env bash
# Metrics benchmark (issue 15 item 4): embedded PostgreSQL 17 + GateDesk, a year of tickets, the 90-day report at 4 callers.
# Usage: bench/metrics-benchmark.sh [tickets]       (default 200000 tickets over 365 days)
# Environment: BENCH_JAVA_OPTS (JVM flags and -Dbench.* settings, default -Xmx1g),
#              MVN_ARGS (extra Maven flags, e.g. -o for an offline machine with a warm cache).
set -euo pipefail
cd "$(dirname "$0")/.."
TICKETS="${1:-200000}"

# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} test-compile
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt

# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.gatedesk.bench.MetricsBenchmark "$TICKETS"
