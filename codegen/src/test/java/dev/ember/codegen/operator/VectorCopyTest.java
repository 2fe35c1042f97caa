package dev.ember.codegen.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VectorCopy against Arrow's own {@code copyFromSafe} as the oracle: random rows with nulls,
 * empty strings and strings longer than the initial buffer, for each kind of vector it handles.
 */
class VectorCopyTest {
  private BufferAllocator allocator;
  private final Random random = new Random(42);

  @BeforeEach void open() { allocator = new RootAllocator(); }

  @AfterEach void close() { allocator.close(); }

  private String randomString() {
    int len = random.nextInt(10) == 0 ? 0 : random.nextInt(random.nextInt(8) == 0 ? 300 : 20);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) sb.append((char) ('a' + random.nextInt(26)));
    if (random.nextInt(20) == 0) sb.append("ü€");
    return sb.toString();
  }

  private VarCharVector strings(int n) {
    VarCharVector v = new VarCharVector("s", allocator);
    v.allocateNew();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(6) == 0) v.setNull(i); else v.setSafe(i, randomString().getBytes(StandardCharsets.UTF_8));
    }
    v.setValueCount(n);
    return v;
  }

  private static List<Object> values(FieldVector v) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < v.getValueCount(); i++) out.add(v.getObject(i) == null ? null : v.getObject(i).toString());
    return out;
  }

  /** Gathers the rows into a new vector with VectorCopy and with copyFromSafe, and compares. */
  private void assertGatherLikeArrow(FieldVector from, Function<String, FieldVector> fresh) {
    int n = from.getValueCount();
    int[] rows = new int[n / 2 + 3];
    for (int i = 0; i < rows.length; i++) rows[i] = random.nextInt(n);
    try (FieldVector ours = fresh.apply("a"); FieldVector arrow = fresh.apply("b")) {
      VectorCopy.gather(from, rows, rows.length, ours);
      arrow.allocateNew();
      for (int i = 0; i < rows.length; i++) arrow.copyFromSafe(rows[i], i, from);
      arrow.setValueCount(rows.length);
      assertEquals(values(arrow), values(ours));
    }
  }

  @Test void gatherStringsMatchesCopyFromSafe() {
    try (VarCharVector from = strings(5000)) {
      assertGatherLikeArrow(from, name -> new VarCharVector(name, allocator));
    }
  }

  @Test void gatherFixedWidthMatchesCopyFromSafe() {
    int n = 3000;
    try (BigIntVector longs = new BigIntVector("l", allocator);
        IntVector ints = new IntVector("i", allocator);
        SmallIntVector shorts = new SmallIntVector("h", allocator);
        BitVector bits = new BitVector("b", allocator);
        DecimalVector decimals = new DecimalVector("d", allocator, 38, 2)) {
      longs.allocateNew(n);
      ints.allocateNew(n);
      shorts.allocateNew(n);
      bits.allocateNew(n);
      decimals.allocateNew(n);
      for (int i = 0; i < n; i++) {
        if (random.nextInt(5) == 0) {
          longs.setNull(i);
          ints.setNull(i);
          shorts.setNull(i);
          bits.setNull(i);
          decimals.setNull(i);
          continue;
        }
        longs.set(i, random.nextLong());
        ints.set(i, random.nextInt());
        shorts.set(i, (short) random.nextInt());
        bits.set(i, random.nextInt(2));
        decimals.set(i, new BigDecimal(new BigInteger(100, random).negate(), 2)); // both 64-bit words in use
      }
      for (FieldVector v : List.<FieldVector>of(longs, ints, shorts, bits, decimals)) v.setValueCount(n);
      assertGatherLikeArrow(longs, name -> new BigIntVector(name, allocator));
      assertGatherLikeArrow(ints, name -> new IntVector(name, allocator));
      assertGatherLikeArrow(shorts, name -> new SmallIntVector(name, allocator));
      assertGatherLikeArrow(bits, name -> new BitVector(name, allocator));
      assertGatherLikeArrow(decimals, name -> new DecimalVector(name, allocator, 38, 2));
    }
  }

  /** Output-style writing: nulls set with setNull in between, the data buffer starting tiny. */
  @Test void appendVarWidthMatchesCopyFromSafe() {
    int n = 4000;
    try (VarCharVector from = strings(n);
        VarCharVector ours = new VarCharVector("a", allocator);
        VarCharVector arrow = new VarCharVector("b", allocator)) {
      ours.setInitialCapacity(64, 1);
      ours.allocateNew();
      arrow.allocateNew();
      int out = 0;
      for (int i = 0; i < n; i++) {
        int r = random.nextInt(n);
        if (random.nextInt(7) == 0) {
          while (ours.getValueCapacity() <= out) ours.reallocValidityAndOffsetBuffers();
          ours.setNull(out); // the generated output code's null write
        } else if (!from.isNull(r)) {
          VectorCopy.appendVarWidth(ours, out, from, r);
          arrow.copyFromSafe(r, out, from);
        }
        out++;
      }
      ours.setValueCount(out);
      arrow.setValueCount(out);
      assertEquals(values(arrow), values(ours));
    }
  }
}
