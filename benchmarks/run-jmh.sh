#!/usr/bin/env bash
# run-jmh.sh: the JMH kernel benchmarks (dev.ember.bench.jmh), each beside its hand-written baseline.
#
#   benchmarks/run-jmh.sh [pattern] [extra JMH options]
#
# pattern is JMH's benchmark regex (default: all of dev.ember.bench.jmh), e.g. "AggregationBench"
# or "Decimal.*handWritten". JMH_OPTS holds the run shape, by default one for a shared machine:
# "-f 1 -wi 3 -w 1s -i 5 -r 1s" (1 fork, 3 x 1 s warm-up, 5 x 1 s measurement); extra options go
# after the pattern (e.g. "-p keys=few"). Results print as JMH's table and are also written to
# benchmarks/target/jmh-result.txt.
#
# Builds the benchmarks module and what it needs with Maven when needed (benchmarks/classpath.sh;
# flags in EMBER_MAVEN_ARGS, e.g. "-o"), then runs org.openjdk.jmh.Main on that classpath.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

PATTERN="dev.ember.bench.jmh.*"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then PATTERN="$1"; shift; fi

BENCH_NAME=run-jmh
# shellcheck source=classpath.sh
. "$ROOT/benchmarks/classpath.sh"

# Arrow needs java.nio opened; like ./ember and run-tpch.sh, without Arrow's per-access checks.
OPENS="--add-opens=java.base/java.nio=ALL-UNNAMED -Darrow.enable_unsafe_memory_access=true -XX:+UseParallelGC"
# shellcheck disable=SC2086  # OPENS and JMH_OPTS are lists of flags
exec "$JAVA" $OPENS -cp "$BENCH_CLASSPATH" org.openjdk.jmh.Main "$PATTERN" \
  ${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s} -jvmArgsAppend "$OPENS -Xmx4g" \
  -rf text -rff "$ROOT/benchmarks/target/jmh-result.txt" "$@"
