package dev.ember.codegen.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.junit.jupiter.api.Test;

/**
 * Emitting a decimal sum batch by batch, the way AggregateSource does: every group comes out
 * with its sum, and a sum too wide for its type still fails — in the batch that holds it.
 */
class AggHashTableEmitTest {
  private static final DataType SUM = DataType.decimal(5, 0);
  private static final List<AggHashTable.OutputColumn> COLUMNS =
      List.of(new AggHashTable.OutputColumn.Key(0), new AggHashTable.OutputColumn.Acc(0));
  private static final Schema SCHEMA =
      new Schema(List.of(new Field("k", DataType.BIGINT, true), new Field("s", SUM, true)));

  /** Groups 0..groups-1 keyed by their index; group g's sum is g, except {@code wide} (10^5). */
  private static AggHashTable table(BufferAllocator allocator, int groups, int wide) {
    SumDecimalAccumulator sum = new SumDecimalAccumulator("s", SUM, allocator);
    AggHashTable t = new AggHashTable(List.of(DataType.BIGINT), List.of(sum), allocator);
    for (int i = 0; i < groups; i++) {
      int hash = Hashing.finish(Hashing.combine(Hashing.SEED, Hashing.hashLong(i)));
      int slot = t.probeStart(hash);
      while (t.groupAt(slot) >= 0) slot = t.nextSlot(slot);
      int g = t.insert(slot, hash);
      ((BigIntVector) t.key(0)).set(g, i);
      sum.updateLong(g, i == wide ? 100_000L : i);
    }
    return t;
  }

  @Test void everyGroupIsEmittedWithItsSum() {
    try (BufferAllocator allocator = new RootAllocator(); AggHashTable t = table(allocator, 3000, -1)) {
      List<Long> keys = new ArrayList<>();
      for (int from = 0; from < 3000; from += 1000) {
        t.emit(COLUMNS, SCHEMA, 1000, allocator, null, from, from + 1000, batch -> {
          try (batch) {
            for (int r = 0; r < batch.getRowCount(); r++) {
              long k = ((BigIntVector) batch.getVector(0)).get(r);
              assertEquals(BigDecimal.valueOf(k), ((DecimalVector) batch.getVector(1)).getObject(r));
              keys.add(k);
            }
          }
        });
      }
      assertEquals(3000, keys.size());
      assertEquals(3000, keys.stream().distinct().count());
    }
  }

  @Test void aSumWiderThanItsTypeFailsInItsBatch() {
    try (BufferAllocator allocator = new RootAllocator(); AggHashTable t = table(allocator, 3000, 2500)) {
      int[] rows = {0};
      t.emit(COLUMNS, SCHEMA, 1000, allocator, null, 0, 2000, batch -> {
        rows[0] += batch.getRowCount();
        batch.close();
      });
      assertEquals(2000, rows[0]);
      EmberException e = assertThrows(EmberException.class,
          () -> t.emit(COLUMNS, SCHEMA, 1000, allocator, null, 2000, 3000, batch -> batch.close()));
      assertEquals(EmberException.NUMERIC_OUT_OF_RANGE, e.sqlState());
    }
  }
}
