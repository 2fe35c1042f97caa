package dev.ember.datasources.parquet;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Decides from a row group's footer statistics whether any of its rows might satisfy the pushed
 * conjuncts, so the reader can skip the row group without reading it.
 *
 * <p>Understood: {@code col op literal} (either side; =, <>, <, <=, >, >=, and <=> with a
 * non-null literal), {@code col IN (literals)}, {@code col IS [NOT] NULL}, AND and OR of those,
 * and a column under a widening integer cast. Anything else, and any column without usable
 * statistics, counts as "might match": skipping must never lose a row.
 */
final class RowGroupFilter {
  private final List<Expr> conjuncts;
  private final Map<String, ParquetColumn> columns = new HashMap<>();

  RowGroupFilter(List<Expr> conjuncts, List<ParquetColumn> fileColumns) {
    this.conjuncts = conjuncts;
    for (ParquetColumn c : fileColumns) columns.putIfAbsent(c.name().toLowerCase(java.util.Locale.ROOT), c);
    for (ParquetColumn c : fileColumns) columns.put(c.name(), c);
  }

  boolean isEmpty() { return conjuncts.isEmpty(); }

  /** False only when no row of {@code block} can satisfy every conjunct. */
  boolean mightMatch(BlockMetaData block) {
    if (conjuncts.isEmpty()) return true;
    Map<String, ColumnChunkMetaData> chunks = new HashMap<>();
    for (ColumnChunkMetaData c : block.getColumns()) chunks.put(c.getPath().toDotString(), c);
    Stats stats = name -> {
      ParquetColumn column = columns.get(name);
      if (column == null) column = columns.get(name.toLowerCase(java.util.Locale.ROOT));
      if (column == null) return null;
      ColumnChunkMetaData chunk = chunks.get(column.chunkPath());
      return chunk == null ? null : ColumnRange.of(column, chunk.getStatistics(), block.getRowCount());
    };
    for (Expr e : conjuncts) if (!mightMatch(e, stats)) return false;
    return true;
  }

  private interface Stats { ColumnRange get(String column); }

  private static boolean mightMatch(Expr e, Stats stats) {
    if (e instanceof BinaryOp b && b.op() == BinaryOp.Op.AND) {
      return mightMatch(b.left(), stats) && mightMatch(b.right(), stats);
    }
    if (e instanceof BinaryOp b && b.op() == BinaryOp.Op.OR) {
      return mightMatch(b.left(), stats) || mightMatch(b.right(), stats);
    }
    if (e instanceof BinaryOp b && b.op().isComparison()) {
      if (b.right() instanceof Literal lit) return compare(b.op(), b.left(), lit, stats);
      if (b.left() instanceof Literal lit) return compare(b.op().flip(), b.right(), lit, stats);
      return true;
    }
    if (e instanceof InList in) {
      for (Expr item : in.list()) {
        if (!(item instanceof Literal lit)) return true;
        if (compare(BinaryOp.Op.EQ, in.value(), lit, stats)) return true;
      }
      return false;
    }
    if (e instanceof UnaryOp u && (u.op() == UnaryOp.Op.IS_NULL || u.op() == UnaryOp.Op.IS_NOT_NULL)) {
      ColumnRange range = u.child() instanceof AttributeRef a ? stats.get(a.name()) : null;
      if (range == null) return true;
      return u.op() == UnaryOp.Op.IS_NULL ? range.mightHaveNull() : range.mightHaveNonNull();
    }
    return true;
  }

  private static boolean compare(BinaryOp.Op op, Expr columnSide, Literal lit, Stats stats) {
    ColumnRange range = rangeOf(columnSide, stats);
    if (range == null) return true;
    if (lit.isNull()) {
      // <=> NULL is IS NULL; any other comparison with NULL is never true, but stay conservative.
      return op != BinaryOp.Op.EQ_NULL_SAFE || range.mightHaveNull();
    }
    if (!range.type().equals(lit.type())) return true;
    return range.mightSatisfy(op == BinaryOp.Op.EQ_NULL_SAFE ? BinaryOp.Op.EQ : op, lit.value());
  }

  /** The statistics of a column, possibly seen through a widening integer cast. */
  private static ColumnRange rangeOf(Expr e, Stats stats) {
    if (e instanceof AttributeRef a) return stats.get(a.name());
    if (e instanceof Cast c && c.child() instanceof AttributeRef a && isWidening(a.type(), c.type())) {
      ColumnRange r = stats.get(a.name());
      return r == null ? null : r.widenTo(c.type());
    }
    return null;
  }

  private static boolean isWidening(DataType from, DataType to) {
    return from.isIntegral() && to.isIntegral() && from.id().ordinal() <= to.id().ordinal();
  }
}
