package dev.ember.execution.pipeline;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Exprs;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.plan.logical.JoinType;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.JoinHashTable;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.datasources.partition.PartitionedTable;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.ScanExec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * Runtime filters. Min/max: once the hash tables of a pipeline's joins are built, the range
 * [min, max] of each build key becomes {@code key >= min AND key <= max} on the probe side's
 * scan column, handed to the source only as a hint to skip data (Parquet row groups, files,
 * partitions whose statistics rule out every build key). The join still drops each row without
 * a partner, so a source that skips nothing changes nothing; that is also why only joins that
 * drop such rows qualify (INNER and LEFT SEMI, not outer or anti joins).
 *
 * <p>Bloom filters ({@link #bloomProbes}): the build keys' set, tested row by row in front of
 * the pipeline ({@link BloomFilterSource}) — unlike min/max, these drop rows.
 *
 * <p>The probe key must be a column the pipeline's scan reads (not a computed key), of an
 * integral, date or short-decimal type, the same type as the build key.
 */
final class RuntimeFilters {
  private RuntimeFilters() {}

  /** The extra conjuncts for {@code chain}'s scan, given the join tables in {@code chain.joins()} order. */
  static List<Expr> forScan(PipelineChain chain, List<JoinHashTable> tables) {
    if (!(chain.source() instanceof ScanExec scan)) return List.of();
    Set<Long> scanned = Exprs.ids(scan.output());
    List<Expr> out = new ArrayList<>();
    for (int j = 0; j < chain.joins().size(); j++) {
      HashJoinExec join = chain.joins().get(j);
      if (join.joinType() != JoinType.INNER && join.joinType() != JoinType.LEFT_SEMI) continue;
      if (tables.get(j) == null) continue; // spilled: no table in memory to take a range from
      for (int k = 0; k < join.leftKeys().size(); k++) {
        AttributeRef probe = join.leftKeys().get(k);
        int col = join.right().output().indexOf(join.rightKeys().get(k));
        if (!scanned.contains(probe.id()) || col < 0 || !ranged(probe.type())) continue;
        if (!tables.get(j).type(col).equals(probe.type())) continue;
        Object[] range = range(tables.get(j).column(col), probe.type());
        if (range == null) continue;
        out.add(BinaryOp.predicate(BinaryOp.Op.GE, probe, new Literal(range[0], probe.type())));
        out.add(BinaryOp.predicate(BinaryOp.Op.LE, probe, new Literal(range[1], probe.type())));
      }
    }
    return out;
  }

  /**
   * Bloom filters of the build keys of {@code chain}'s joins, one per probe key the scan reads
   * (any key column of a multi-column key is a necessary condition on its own), for joins whose
   * build side has at most {@code maxBuildRows} rows while the scan is expected to read at least
   * twice as many (a big probe side; unknown counts as big). Same joins as the min/max filters.
   * The filter of a broadcast table is built once per query and shared by its tasks.
   */
  static List<BloomFilterSource.Probe> bloomProbes(PipelineChain chain, List<JoinHashTable> tables, long maxBuildRows,
                                                  QueryContext query) {
    if (!(chain.source() instanceof ScanExec scan)) return List.of();
    long probeRows = scan.table().statistics().rowCount().orElse(Long.MAX_VALUE);
    List<BloomFilterSource.Probe> out = new ArrayList<>();
    for (int j = 0; j < chain.joins().size(); j++) {
      HashJoinExec join = chain.joins().get(j);
      JoinHashTable table = tables.get(j);
      if (table == null || join.joinType() != JoinType.INNER && join.joinType() != JoinType.LEFT_SEMI) continue;
      if (table.rowCount() > maxBuildRows || probeRows < 2 * table.rowCount()) continue;
      for (int k = 0; k < join.leftKeys().size(); k++) {
        AttributeRef probe = join.leftKeys().get(k);
        int at = scan.output().indexOf(probe);
        int col = join.right().output().indexOf(join.rightKeys().get(k));
        if (at < 0 || col < 0 || !bloomable(probe.type()) || !table.type(col).equals(probe.type())) continue;
        DataType type = probe.type();
        BloomFilter f = join.broadcast()
            ? query.sharedFilter(List.of(table, col), () -> bloom(table.column(col), type, table.rowCount()))
            : bloom(table.column(col), type, table.rowCount());
        out.add(new BloomFilterSource.Probe(at, type, f));
      }
    }
    return out;
  }

  /**
   * Dynamic partition pruning: for a scan of a Hive-partitioned table whose join key is a
   * partition column, {@code key IN (the build side's distinct keys)} — the table's pruner rules
   * out every directory whose value is not among them, so their files are never opened. Only
   * when the build side has at most {@link #MAX_PARTITION_VALUES} distinct keys (a filtered
   * dimension); a larger set would rarely prune and cost more to test than it saves.
   */
  static List<Expr> partitionFilters(PipelineChain chain, List<JoinHashTable> tables, QueryContext query) {
    if (!(chain.source() instanceof ScanExec scan) || !(scan.table() instanceof PartitionedTable partitioned)) {
      return List.of();
    }
    List<Expr> out = new ArrayList<>();
    for (int j = 0; j < chain.joins().size(); j++) {
      HashJoinExec join = chain.joins().get(j);
      JoinHashTable table = tables.get(j);
      if (table == null || join.joinType() != JoinType.INNER && join.joinType() != JoinType.LEFT_SEMI) continue;
      for (int k = 0; k < join.leftKeys().size(); k++) {
        AttributeRef probe = join.leftKeys().get(k);
        int col = join.right().output().indexOf(join.rightKeys().get(k));
        if (!scan.output().contains(probe) || col < 0 || partitioned.partitionSchema().indexOf(probe.name()) < 0
            || !table.type(col).equals(probe.type())) {
          continue;
        }
        DataType type = probe.type();
        List<Object> values = join.broadcast()
            ? query.sharedFilter(List.of("partition values", table, col), () -> distinctValues(table.column(col), type))
            : distinctValues(table.column(col), type);
        if (values == null) continue;
        List<Expr> literals = new ArrayList<>();
        for (Object v : values) literals.add(new Literal(v, type));
        // No build keys: IN (NULL) is NULL for every directory, so all are pruned.
        if (literals.isEmpty()) literals.add(new Literal(null, type));
        out.add(new InList(probe, literals));
      }
    }
    return out;
  }

  /** At most this many distinct build keys become a partition filter. */
  static final int MAX_PARTITION_VALUES = 1_000;

  /** The distinct non-NULL values, or null when there are more than {@link #MAX_PARTITION_VALUES}. */
  private static List<Object> distinctValues(FieldVector[] batches, DataType type) {
    java.util.Set<Object> seen = new java.util.LinkedHashSet<>();
    for (FieldVector v : batches) {
      for (int r = 0; r < v.getValueCount(); r++) {
        if (v.isNull(r)) continue;
        seen.add(ArrowValues.get(v, r, type));
        if (seen.size() > MAX_PARTITION_VALUES) return null;
      }
    }
    return new ArrayList<>(seen);
  }

  /** Types whose equal values always have equal {@link BloomFilterSource#key}s. */
  private static boolean bloomable(DataType t) {
    return ranged(t) || t.isString();
  }

  private static BloomFilter bloom(FieldVector[] batches, DataType type, long rows) {
    BloomFilter f = new BloomFilter(rows);
    for (FieldVector v : batches) {
      for (int r = 0; r < v.getValueCount(); r++) {
        if (!v.isNull(r)) f.add(BloomFilterSource.key(v, r, type));
      }
    }
    return f;
  }

  private static boolean ranged(DataType t) {
    return t.isIntegral() || t.id() == dev.ember.catalyst.types.TypeId.DATE || t.isLongDecimal();
  }

  /** {min, max} of the non-null values, null when there are none. */
  private static Object[] range(FieldVector[] batches, DataType type) {
    Object min = null, max = null;
    long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
    for (FieldVector v : batches) {
      for (int r = 0; r < v.getValueCount(); r++) {
        if (v.isNull(r)) continue;
        Object value = ArrowValues.get(v, r, type);
        long x = ((Number) value).longValue();
        if (x < lo) {
          lo = x;
          min = value;
        }
        if (x > hi) {
          hi = x;
          max = value;
        }
      }
    }
    return min == null ? null : new Object[] {min, max};
  }
}
