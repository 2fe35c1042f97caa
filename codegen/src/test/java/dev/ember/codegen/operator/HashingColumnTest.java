package dev.ember.codegen.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * {@link Hashing#combineColumn} must give the numbers {@link Hashing#hashCell} gives, or a
 * shuffle would send equal keys to different partitions than the join and aggregation tables
 * expect: checked per key type, with and without NULLs, over two key columns.
 */
class HashingColumnTest {
  private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.INT, DataType.DATE,
      DataType.decimal(15, 2), DataType.decimal(38, 2), DataType.VARCHAR, DataType.DOUBLE);

  private static Object value(Random r, DataType t) {
    return switch (t.id()) {
      case BIGINT -> r.nextLong();
      case INT, DATE -> r.nextInt();
      case DECIMAL -> t.isLongDecimal() ? (Object) (long) r.nextInt() : BigDecimal.valueOf(r.nextLong(), 2);
      case VARCHAR -> Utf8String.of("s" + r.nextInt(100));
      default -> r.nextDouble();
    };
  }

  @Test void combineColumnMatchesHashCell() {
    Random r = new Random(3);
    int n = 2000;
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) fields.add(new Field("c" + i, TYPES.get(i), true));
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = ArrowTypes.createRoot(new Schema(fields), allocator)) {
      for (int c = 0; c < TYPES.size(); c++) {
        boolean nulls = c % 2 == 0; // every other column has NULLs, the rest none
        for (int row = 0; row < n; row++) {
          Object v = nulls && r.nextInt(5) == 0 ? null : value(r, TYPES.get(c));
          ArrowValues.set(root.getVector(c), row, TYPES.get(c), v);
        }
        root.getVector(c).setValueCount(n);
      }
      for (int a = 0; a < TYPES.size(); a++) {
        int b = (a + 1) % TYPES.size();
        FieldVector va = root.getVector(a), vb = root.getVector(b);
        int[] expected = new int[n];
        for (int row = 0; row < n; row++) {
          int h = Hashing.combine(Hashing.SEED, Hashing.hashCell(va, row, TYPES.get(a)));
          expected[row] = Hashing.combine(h, Hashing.hashCell(vb, row, TYPES.get(b)));
        }
        int[] actual = new int[n];
        Arrays.fill(actual, Hashing.SEED);
        Hashing.combineColumn(actual, va, TYPES.get(a), n);
        Hashing.combineColumn(actual, vb, TYPES.get(b), n);
        assertArrayEquals(expected, actual, TYPES.get(a) + ", " + TYPES.get(b));
      }
    }
  }
}
