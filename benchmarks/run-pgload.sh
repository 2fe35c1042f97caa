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
# Builds the benchmarks module and what it needs with Maven first (output to a log file).
# Environment: JAVA_HOME, BENCH_JAVA_OPTS (extra JVM flags), EMBER_MAVEN_ARGS (e.g. "-o"), MVN.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi
MVN="${MVN:-mvn}"
STATE="$ROOT/benchmarks/target/pgload"
LOG="$STATE/build.log"
mkdir -p "$STATE"

echo "run-pgload: building; log in $LOG" >&2
# shellcheck disable=SC2086  # EMBER_MAVEN_ARGS is a list of flags
if ! (cd "$ROOT" && "$MVN" -q -B -Dstyle.color=never -DskipTests ${EMBER_MAVEN_ARGS:-} -pl benchmarks -am install \
        && "$MVN" -q -B -Dstyle.color=never ${EMBER_MAVEN_ARGS:-} -pl benchmarks dependency:build-classpath \
             -Dmdep.outputFile="$STATE/dependencies.classpath") < /dev/null > "$LOG" 2>&1; then
  echo "run-pgload: the build failed; the end of $LOG:" >&2
  tail -n 40 "$LOG" >&2
  exit 1
fi
# The freshly built module jars of this checkout first, then the third-party jars.
CP="$(ls "$ROOT"/benchmarks/target/ember-benchmarks-*.jar | grep -v -e -tests -e -sources | head -1)"
IFS=':' read -r -a entries <<< "$(< "$STATE/dependencies.classpath")"
for entry in "${entries[@]}"; do
  case "$entry" in
    */dev/ember/ember-*)
      name="$(basename "$entry")"; module="$(basename "$(dirname "$(dirname "$entry")")")"
      CP="$CP:$ROOT/${module#ember-}/target/$name" ;;
    *) CP="$CP:$entry" ;;
  esac
done

# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of flags
exec "$JAVA" --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseParallelGC -Xss16m \
  -Darrow.enable_unsafe_memory_access=true ${BENCH_JAVA_OPTS:-} \
  -cp "$CP" dev.ember.bench.pgload.PgLoadBenchmark "$@"
