#!/usr/bin/env bash
# run-tpch.sh: TPC-H on Ember and DuckDB side by side (dev.ember.bench.TpchBenchmark).
#
#   benchmarks/run-tpch.sh [--sf 1] [--queries 1-22] [--warmup 1] [--runs 5] [--threads N]
#                          [--timeout 120] [--data-dir DIR] [--out FILE]
#   benchmarks/run-tpch.sh --cbo [same options]
#
# With --cbo, Ember alone (dev.ember.bench.CboBenchmark): run time per query with the cost-based
# optimizer on and off, and rows read from storage with filter pushdown on and off (report in
# benchmarks/target/cbo-sf<N>.md).
#
# Generates the Parquet files once per scale factor (benchmarks/target/tpch-data/sf<N>), runs
# each query on both engines in one JVM, checks that the answers agree, and prints a Markdown
# table (also written to benchmarks/target/tpch-sf<N>.md).
#
# Like ./ember, the first run builds the benchmarks module and the modules it needs with Maven
# and writes the runtime classpath; later runs start the JVM directly unless a pom.xml or a file
# under some src/main/ is newer than the last build. Build output goes to a log file.
#
# Environment:
#   JAVA_HOME          the JDK to run (and build) with; else `java` on the PATH
#   BENCH_JAVA_OPTS    extra JVM flags, e.g. "-Xmx8g"
#   EMBER_MAVEN_ARGS   extra Maven flags for the automatic build, e.g. "-o"
#   BENCH_BUILD        "off" to run with the classpath of the last build even if sources changed
#   MVN                the Maven command (default: mvn)
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi
MVN="${MVN:-mvn}"
STATE="$ROOT/benchmarks/target/launcher"
STAMP="$STATE/built.stamp"
CLASSPATH_FILE="$STATE/classpath"
LOG="$STATE/build.log"

# True (0) when the classpath is missing, names a file that is gone, or sources changed.
needs_build() {
  [ -f "$STAMP" ] && [ -f "$CLASSPATH_FILE" ] || return 0
  local cp entry
  IFS= read -r cp < "$CLASSPATH_FILE" || return 0
  IFS=':' read -r -a entries <<< "$cp"
  for entry in "${entries[@]}"; do
    [ -e "$entry" ] || return 0
  done
  [ "${BENCH_BUILD:-on}" != "off" ] || return 1
  local newer
  newer="$(find "$ROOT" -mindepth 1 \( -name target -o -name '.*' -o -name tests -o -name jdbc-server \) -prune \
    -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$STAMP" -print -quit 2>/dev/null)"
  [ -n "$newer" ]
}

# Builds benchmarks and the modules it needs, then writes the runtime classpath: copies of this
# checkout's module jars (never stale snapshots from ~/.m2; copied into $STATE/lib so a rebuild of
# a module while a benchmark runs cannot pull classes from under it), then the third-party jars.
build() {
  mkdir -p "$STATE"
  echo "run-tpch: building (first run, or sources changed); log in $LOG" >&2
  touch "$STAMP.next"
  # shellcheck disable=SC2086  # EMBER_MAVEN_ARGS is a list of flags
  if ! (cd "$ROOT" && "$MVN" -q -B -Dstyle.color=never -DskipTests ${EMBER_MAVEN_ARGS:-} -pl benchmarks -am install \
          && "$MVN" -q -B -Dstyle.color=never ${EMBER_MAVEN_ARGS:-} -pl benchmarks dependency:build-classpath \
               -Dmdep.outputFile="$STATE/dependencies.classpath") < /dev/null > "$LOG" 2>&1; then
    echo "run-tpch: the build failed; the end of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  local deps entry name module cp=""
  deps="$(< "$STATE/dependencies.classpath")"
  IFS=':' read -r -a entries <<< "$deps"
  rm -rf "$STATE/lib" && mkdir -p "$STATE/lib"
  for entry in "$ROOT"/benchmarks/target/ember-benchmarks-*.jar; do
    case "$entry" in *-tests.jar|*-sources.jar) ;; *) cp "$entry" "$STATE/lib/" && cp="$STATE/lib/$(basename "$entry")" ;; esac
  done
  for entry in "${entries[@]}"; do
    case "$entry" in
      */dev/ember/ember-*)
        name="$(basename "$entry")"                              # ember-<module>-<version>.jar
        module="$(basename "$(dirname "$(dirname "$entry")")")"  # ember-<module>
        cp "$ROOT/${module#ember-}/target/$name" "$STATE/lib/"
        cp="$cp:$STATE/lib/$name" ;;
      *) cp="$cp:$entry" ;;
    esac
  done
  printf '%s\n' "$cp" > "$CLASSPATH_FILE"
  mv "$STAMP.next" "$STAMP"
}

if needs_build; then build; fi
IFS= read -r CLASSPATH_VALUE < "$CLASSPATH_FILE"

MAIN=dev.ember.bench.TpchBenchmark
if [ "${1:-}" = "--cbo" ]; then MAIN=dev.ember.bench.CboBenchmark; shift; fi

# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of flags
# Without Arrow's debugging checks on every buffer access, as ./ember runs (the tests keep them).
exec "$JAVA" --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseParallelGC -Xss16m \
  -Darrow.enable_unsafe_memory_access=true ${BENCH_JAVA_OPTS:-} \
  -Dbench.command="benchmarks/run-tpch.sh $*" \
  -cp "$CLASSPATH_VALUE" "$MAIN" --base "$ROOT/benchmarks" "$@"
