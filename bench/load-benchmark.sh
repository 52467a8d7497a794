#!/usr/bin/env bash
# Load benchmark (issue 2 item 11): embedded PostgreSQL 17 + GateDesk (profile postgres) + wrk, 8 connections.
# Usage: bench/load-benchmark.sh [tickets]          (default 100000 open tickets)
#        bench/load-benchmark.sh --two-nodes [tickets]  two GateDesk nodes on the one PostgreSQL, wrk's threads
#                                                     spread over both (round robin per connection, as a balancer)
# Environment: BENCH_JAVA_OPTS (JVM flags and -Dbench.* settings, default -Xmx1g),
#              MVN_ARGS (extra Maven flags, e.g. -o for an offline machine with a warm cache).
set -euo pipefail
cd "$(dirname "$0")/.."
NODES=1
if [ "${1:-}" = "--two-nodes" ]; then
  NODES=2
  shift
fi
TICKETS="${1:-100000}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed: installing it with apt-get"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y wrk
fi

# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} test-compile
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt

# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -Dbench.nodes="$NODES" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.gatedesk.bench.LoadBenchmark "$TICKETS"
