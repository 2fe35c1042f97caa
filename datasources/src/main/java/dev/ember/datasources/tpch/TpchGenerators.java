package dev.ember.datasources.tpch;

import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.Distributions;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.PartSupplierGenerator;
import io.trino.tpch.RegionGenerator;
import io.trino.tpch.SupplierGenerator;
import io.trino.tpch.TextPool;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * Creates the generator of one split, with the text pool its columns need.
 *
 * <p>Why: every table's {@code *_comment} column is cut from dbgen's 300 MB text pool, and
 * building that pool costs about 1.5 s of CPU and 300 MB of heap — most of the time of a first
 * query on {@code tpch.tiny}. Only comment columns read the pool, and each column draws from its
 * own random stream whose steps do not depend on the pool's size (an offset and a length per
 * value, whatever the pool holds). So when no comment column is read, a generator over a tiny
 * pool yields exactly the same values in every other column, and the big pool is never built.
 * When a comment column is read, the generator gets the real pool, built once per process.
 */
final class TpchGenerators {
  /** Enough text for the longest comment (partsupp: 198 characters) plus a sentence. */
  private static final int SMALL_POOL_SIZE = 4096;
  private static volatile TextPool smallPool;

  private TpchGenerators() {}

  /** True when {@code column}'s values come from the text pool (the comments). */
  static boolean readsTextPool(TpchColumn<?> column) { return column.getColumnName().endsWith("_comment"); }

  /** The rows of part {@code part} of {@code partCount}; {@code comments}: a comment column is read. */
  @SuppressWarnings("unchecked") // each case builds the generator of exactly table's entity type
  static <E extends TpchEntity> Iterable<E> create(TpchTable<E> table, double scale, int part, int partCount,
                                                   boolean comments) {
    Distributions d = Distributions.getDefaultDistributions();
    TextPool pool = comments ? TextPool.getDefaultTextPool() : smallPool(d);
    Iterable<? extends TpchEntity> rows = switch (table.getTableName()) {
      case "lineitem" -> new LineItemGenerator(scale, part, partCount, d, pool);
      case "orders" -> new OrderGenerator(scale, part, partCount, d, pool);
      case "customer" -> new CustomerGenerator(scale, part, partCount, d, pool);
      case "part" -> new PartGenerator(scale, part, partCount, d, pool);
      case "partsupp" -> new PartSupplierGenerator(scale, part, partCount, pool);
      case "supplier" -> new SupplierGenerator(scale, part, partCount, d, pool);
      case "nation" -> new NationGenerator(d, pool);
      case "region" -> new RegionGenerator(d, pool);
      default -> table.createGenerator(scale, part, partCount);
    };
    return (Iterable<E>) rows;
  }

  /** True when any of {@code columns} reads the text pool. */
  static boolean anyReadsTextPool(List<? extends TpchColumn<?>> columns) {
    for (TpchColumn<?> c : columns) if (readsTextPool(c)) return true;
    return false;
  }

  private static TextPool smallPool(Distributions d) {
    TextPool p = smallPool;
    if (p == null) {
      p = new TextPool(SMALL_POOL_SIZE, d);
      smallPool = p;
    }
    return p;
  }
}
