#!/usr/bin/env bash
# run-memory-tpch.sh: TPC-H queries through ./ember under a small memory budget, checked against
# the same queries with the default budget (see docs/memory.md).
#
#   benchmarks/run-memory-tpch.sh [--data-dir DIR] [--size 256m] [--heap 1g] [--queries "9 18 21"]
#
# DIR holds the TPC-H Parquet files (lineitem.parquet, …), e.g. benchmarks/target/tpch-data/sf1
# as written by benchmarks/run-tpch.sh --sf 1. For each query: runs it with
# --conf ember.memory.offHeap.size=SIZE and EMBER_JAVA_OPTS=-XmxHEAP, then with the default budget
# (same heap), compares the two answers (CSV, sorted) and prints the time and what was spilled
# (from the engine's "spilled …" log line). Output and logs go to benchmarks/target/memory-tpch/.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/benchmarks/target/tpch-data/sf1"
SIZE="256m"
HEAP="1g"
QUERIES="9 18 21"
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) DATA="$2"; shift 2 ;;
    --size) SIZE="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --queries) QUERIES="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[ -f "$DATA/lineitem.parquet" ] || { echo "no TPC-H Parquet files in $DATA (run benchmarks/run-tpch.sh --sf 1 first)" >&2; exit 2; }
OUT="$ROOT/benchmarks/target/memory-tpch"
mkdir -p "$OUT"
QDIR="$ROOT/datasources/src/main/resources/dev/ember/datasources/tpch/queries"

status=0
for q in $QUERIES; do
  n="$(printf '%02d' "$q")"
  sql="$OUT/q$n.sql"
  : > "$sql"
  for t in lineitem orders customer part partsupp supplier nation region; do
    echo "CREATE TEMPORARY VIEW $t USING parquet OPTIONS (path '$DATA/$t.parquet');" >> "$sql"
  done
  cat "$QDIR/q$n.sql" >> "$sql"
  for run in limited default; do
    conf=()
    [ "$run" = limited ] && conf=(--conf "ember.memory.offHeap.size=$SIZE")
    start=$(date +%s.%N)
    if EMBER_JAVA_OPTS="-Xmx$HEAP" "$ROOT/ember" "${conf[@]}" --format csv -f "$sql" > "$OUT/q$n-$run.csv" 2> "$OUT/q$n-$run.log"; then
      secs=$(echo "$(date +%s.%N) - $start" | bc)
      spilled=$(grep -o 'spilled .*' "$OUT/q$n-$run.log" | tail -1 || true)
      printf 'Q%s %-8s %6.1f s  %s\n' "$q" "$run" "$secs" "${spilled:-no spill}"
    else
      printf 'Q%s %-8s FAILED: %s\n' "$q" "$run" "$(tail -3 "$OUT/q$n-$run.log" | tr '\n' ' ')"
      status=1
    fi
  done
  if cmp -s <(sort "$OUT/q$n-limited.csv") <(sort "$OUT/q$n-default.csv"); then
    echo "Q$q answers agree ($(wc -l < "$OUT/q$n-limited.csv") lines)"
  else
    echo "Q$q answers DIFFER (see $OUT/q$n-*.csv)"
    status=1
  fi
done
exit $status
