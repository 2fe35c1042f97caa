#!/usr/bin/env bash
# run-pgload.sh: load on the PostgreSQL wire-protocol server (dev.ember.bench.pgload.PgLoadBenchmark).
#
#   benchmarks/run-pgload.sh [--connections 64] [--seconds 60] [--warmup 10]
#                            [--queries 1,3,4,5,6,10,12,14,19] [--master local[*]] [--port P]
#                            [--data generated | DIR]
#
# Starts the server in-process (or uses one already listening on --port), opens N pgJDBC
# connections that run a random mix of TPC-H queries over tpch.tiny, and after a warm-up prints
# throughput, p50/p99 latency per query and overall, and the number of errors.
#
# Builds the benchmarks module and what it needs with Maven when needed (benchmarks/classpath.sh).
# Environment: JAVA_HOME, BENCH_JAVA_OPTS (extra JVM flags), EMBER_MAVEN_ARGS (e.g. "-o"), MVN.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi
BENCH_NAME=run-pgload
# shellcheck source=classpath.sh
. "$ROOT/benchmarks/classpath.sh"

# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of flags
exec "$JAVA" --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseParallelGC -Xss16m \
  -Darrow.enable_unsafe_memory_access=true ${BENCH_JAVA_OPTS:-} \
  -cp "$BENCH_CLASSPATH" dev.ember.bench.pgload.PgLoadBenchmark "$@"
