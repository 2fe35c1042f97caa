package dev.ember.execution.operator;

import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.operator.BoxedAccumulator;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Compares rows of a set of batches by sort keys. Key values are extracted once into arrays
 * (primitive {@code long}/{@code double} where the type allows, boxed otherwise), so a
 * comparison is a few array reads.
 */
final class RowOrdering {
  private final List<Sorts.Key> keys;
  private final long[][] longs;
  private final double[][] doubles;
  private final Object[][] objects;
  private final boolean[][] nulls;

  /** Extracts the keys of rows {@code 0..rows-1}, addressed as (batchOf[i], rowOf[i]). */
  RowOrdering(List<Sorts.Key> keys, List<VectorSchemaRoot> batches, int[] batchOf, int[] rowOf, int rows) {
    this.keys = keys;
    longs = new long[keys.size()][];
    doubles = new double[keys.size()][];
    objects = new Object[keys.size()][];
    nulls = new boolean[keys.size()][];
    for (int k = 0; k < keys.size(); k++) {
      Sorts.Key key = keys.get(k);
      Kind kind = kind(key.type());
      nulls[k] = new boolean[rows];
      if (kind == Kind.LONG) longs[k] = new long[rows];
      else if (kind == Kind.DOUBLE) doubles[k] = new double[rows];
      else objects[k] = new Object[rows];
      for (int i = 0; i < rows; i++) {
        if ((i & 8191) == 0) dev.ember.catalyst.errors.Cancellation.checkInterrupted(); // millions of keys take a while
        FieldVector v = batches.get(batchOf[i]).getVector(key.column());
        Object val = ArrowValues.get(v, rowOf[i], key.type());
        if (val == null) {
          nulls[k][i] = true;
        } else if (kind == Kind.LONG) {
          longs[k][i] = val instanceof Boolean b ? (b ? 1 : 0) : ((Number) val).longValue();
        } else if (kind == Kind.DOUBLE) {
          doubles[k][i] = ((Number) val).doubleValue();
        } else {
          objects[k][i] = val;
        }
      }
    }
  }

  private enum Kind { LONG, DOUBLE, OBJECT }

  private static Kind kind(DataType t) {
    return switch (t.id()) {
      case BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, DATE, TIMESTAMP, TIMESTAMP_TZ, INTERVAL_YEAR_MONTH,
          INTERVAL_DAY_TIME -> Kind.LONG;
      case DECIMAL -> t.isLongDecimal() ? Kind.LONG : Kind.OBJECT;
      case FLOAT, DOUBLE -> Kind.DOUBLE;
      default -> Kind.OBJECT;
    };
  }

  /** The keys of one batch's rows. */
  static RowOrdering of(List<Sorts.Key> keys, VectorSchemaRoot batch) {
    int n = batch.getRowCount();
    int[] rowOf = new int[n];
    for (int i = 0; i < n; i++) rowOf[i] = i;
    return new RowOrdering(keys, List.of(batch), new int[n], rowOf, n);
  }

  /** Compares row {@code a} here with row {@code b} of {@code other} (same keys, other rows). */
  int compareWith(int a, RowOrdering other, int b) {
    for (int k = 0; k < keys.size(); k++) {
      Sorts.Key key = keys.get(k);
      boolean na = nulls[k][a], nb = other.nulls[k][b];
      if (na || nb) {
        if (na && nb) continue;
        int nullFirst = key.nullsFirst() ? -1 : 1;
        return na ? nullFirst : -nullFirst;
      }
      int c;
      if (longs[k] != null) c = Long.compare(longs[k][a], other.longs[k][b]);
      else if (doubles[k] != null) c = Double.compare(doubles[k][a], other.doubles[k][b]);
      else c = BoxedAccumulator.compare(objects[k][a], other.objects[k][b]);
      if (c != 0) return key.ascending() ? c : -c;
    }
    return 0;
  }

  int compare(int a, int b) {
    for (int k = 0; k < keys.size(); k++) {
      Sorts.Key key = keys.get(k);
      boolean na = nulls[k][a], nb = nulls[k][b];
      if (na || nb) {
        if (na && nb) continue;
        int nullFirst = key.nullsFirst() ? -1 : 1;
        return na ? nullFirst : -nullFirst;
      }
      int c;
      if (longs[k] != null) c = Long.compare(longs[k][a], longs[k][b]);
      else if (doubles[k] != null) c = Double.compare(doubles[k][a], doubles[k][b]);
      else c = BoxedAccumulator.compare(objects[k][a], objects[k][b]);
      if (c != 0) return key.ascending() ? c : -c;
    }
    return 0;
  }
}
