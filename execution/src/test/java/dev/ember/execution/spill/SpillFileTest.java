package dev.ember.execution.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.memory.SpillMetrics;
import dev.ember.execution.operator.BatchSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class SpillFileTest extends SpillTestBase {
  private VectorSchemaRoot batch(long from, int n) {
    BigIntVector k = new BigIntVector("k", allocator);
    VarCharVector s = new VarCharVector("s", allocator);
    k.allocateNew(n);
    s.allocateNew(n);
    for (int i = 0; i < n; i++) {
      k.set(i, from + i);
      if (i % 3 == 0) s.setNull(i);
      else s.setSafe(i, ("v" + (from + i)).getBytes());
    }
    k.setValueCount(n);
    s.setValueCount(n);
    VectorSchemaRoot r = new VectorSchemaRoot(List.of(k, s));
    r.setRowCount(n);
    return r;
  }

  @Test void batchesComeBackInOrderAndTheFileIsDeletedOnClose() {
    SpillMetrics metrics = new SpillMetrics();
    Path path;
    try (VectorSchemaRoot a = batch(0, 100); VectorSchemaRoot b = batch(100, 50)) {
      SpillFile f = new SpillFile("sort run", a.getSchema(), allocator, metrics);
      path = f.path();
      try (f) {
        f.write(a);
        f.write(b);
        f.finish();
        assertEquals(150, metrics.rows());
        assertTrue(metrics.bytes() > 0);
        assertEquals(1, SpillDirectory.fileCount());
        for (int pass = 0; pass < 2; pass++) {
          try (BatchSource in = f.read(allocator)) {
            long next = 0;
            VectorSchemaRoot r;
            while ((r = in.next()) != null) {
              try (VectorSchemaRoot batch = r) {
                BigIntVector k = (BigIntVector) batch.getVector(0);
                VarCharVector s = (VarCharVector) batch.getVector(1);
                for (int i = 0; i < batch.getRowCount(); i++, next++) {
                  assertEquals(next, k.get(i));
                  if ((next < 100 ? next : next - 100) % 3 == 0) assertTrue(s.isNull(i));
                  else assertEquals("v" + next, new String(s.get(i)));
                }
              }
            }
            assertEquals(150, next);
            assertNull(in.next());
          }
        }
      }
    }
    assertFalse(Files.exists(path));
    assertEquals(0, SpillDirectory.fileCount());
  }

  @Test void closingUnfinishedDeletesTheFile() {
    try (VectorSchemaRoot a = batch(0, 10)) {
      SpillFile f = new SpillFile("agg", a.getSchema(), allocator, new SpillMetrics());
      f.write(a);
      f.close();
      assertFalse(Files.exists(f.path()));
    }
  }
}
