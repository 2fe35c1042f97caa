#!/usr/bin/env bash
# run-tpch.sh: TPC-H on Ember and DuckDB side by side (dev.ember.bench.TpchBenchmark).
#
#   benchmarks/run-tpch.sh [--sf 1] [--queries 1-22] [--warmup 1] [--runs 5] [--threads N]
#                          [--timeout 120] [--data-dir DIR] [--out FILE]
#   benchmarks/run-tpch.sh --cbo [same options]
#   benchmarks/run-tpch.sh --spark [same options]
#   benchmarks/run-tpch.sh --generate [--sf 10] [--data-dir DIR]
#   benchmarks/run-tpch.sh --compare-masters 'local[2],local-cluster[2,1,4096]' [same options]
#
# With --cbo, Ember alone (dev.ember.bench.CboBenchmark): run time per query with the cost-based
# optimizer on and off, and rows read from storage with filter pushdown on and off (report in
# benchmarks/target/cbo-sf<N>.md). With --generate, only the Parquet files are generated (when
# the directory does not exist yet), and the time it took is printed. With --spark, Apache Spark
# (local[N]) is the third engine (dev.ember.bench.spark.SparkTpchBenchmark): the benchmarks module
# is built with -Pspark, into its own classpath (benchmarks/target/launcher-spark); the first such
# build downloads Spark, so leave -o out of EMBER_MAVEN_ARGS that once.
#
# With --compare-masters A,B, Ember alone (dev.ember.bench.MasterComparison) under two master
# URLs: per query the median time under each, the ratio B / A and the bytes B's run shuffled and
# fetched between executors (report in benchmarks/target/masters-sf<N>.md). At SF 1, e.g.
#   benchmarks/run-tpch.sh --compare-masters 'local[2],local-cluster[2,1,4096]' --warmup 1 --runs 3
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
#   BENCH_JAVA_OPTS    extra JVM flags, e.g. "-Xmx8g" (without -Xmx: -Xmx12g from --sf 10 up)
#   EMBER_MAVEN_ARGS   extra Maven flags for the automatic build, e.g. "-o"
#   BENCH_BUILD        "off" to run with the classpath of the last build even if sources changed
#   MVN                the Maven command (default: mvn)
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi
BENCH_NAME=run-tpch
COMMAND_LINE="benchmarks/run-tpch.sh $*"

MAIN=dev.ember.bench.TpchBenchmark
BENCH_PROFILE=""
OPENS=(--add-opens=java.base/java.nio=ALL-UNNAMED)
case "${1:-}" in
  --cbo) MAIN=dev.ember.bench.CboBenchmark; shift ;;
  --generate) MAIN=dev.ember.bench.TpchGenerate; shift ;;
  --compare-masters)
    [ $# -ge 2 ] || { echo "usage: run-tpch.sh --compare-masters A,B [options]" >&2; exit 2; }
    MAIN=dev.ember.bench.MasterComparison; MASTERS="$2"; shift 2; set -- --masters "$MASTERS" "$@" ;;
  --spark)
    MAIN=dev.ember.bench.spark.SparkTpchBenchmark; BENCH_PROFILE=spark; shift
    # What Spark's own launcher opens on Java 17 (its JavaModuleOptions).
    for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.util java.util.concurrent \
             java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
      OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
    done
    OPENS+=(-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true) ;;
esac

# shellcheck source=classpath.sh
. "$ROOT/benchmarks/classpath.sh"

# Heap: the JVM's default (a quarter of the RAM) unless BENCH_JAVA_OPTS sets -Xmx; from SF 10 up
# 12 GB, for Ember's hash tables over SF 10's orders and lineitem (and Spark's, with --spark).
HEAP=()
if [[ " ${BENCH_JAVA_OPTS:-} " != *" -Xmx"* ]]; then
  prev=""
  for arg in "$@"; do
    if [ "$prev" = "--sf" ] && awk -v sf="$arg" 'BEGIN { exit !(sf >= 10) }'; then HEAP=(-Xmx12g); fi
    prev="$arg"
  done
fi

# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of flags
# Without Arrow's debugging checks on every buffer access, as ./ember runs (the tests keep them).
exec "$JAVA" "${OPENS[@]}" "${HEAP[@]}" -XX:+UseParallelGC -Xss16m \
  -Darrow.enable_unsafe_memory_access=true ${BENCH_JAVA_OPTS:-} \
  -Dbench.command="$COMMAND_LINE" \
  -cp "$BENCH_CLASSPATH" "$MAIN" --base "$ROOT/benchmarks" "$@"
