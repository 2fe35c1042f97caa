package dev.ember.bench.jmh;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.eval.DecimalOps;
import dev.ember.codegen.operator.WideDecimal;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Q1's {@code price * (1 - discount) * (1 + tax)} over DECIMAL(15,2) vectors (1 M rows), checked
 * against DECIMAL(38,6) and summed: through BigDecimal (Ember's generic wide path), through the
 * {@link WideDecimal} registers generated code now uses, and the hand-written 128-bit loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecimalBench {
  static final int ROWS = 1 << 20;
  private RootAllocator allocator;
  private VectorSchemaRoot batch;
  private ArrowBuf price, discount, tax;

  @Setup(Level.Trial) public void data() {
    allocator = new RootAllocator();
    batch = KernelData.batch(allocator, ROWS, 4, 2);
    price = batch.getVector(1).getDataBuffer();
    discount = batch.getVector(2).getDataBuffer();
    tax = batch.getVector(3).getDataBuffer();
  }

  @TearDown(Level.Trial) public void close() {
    batch.close();
    allocator.close();
  }

  @Benchmark public BigDecimal bigDecimal() {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal one = BigDecimal.valueOf(100, 2);
    for (int i = 0; i < ROWS; i++) {
      BigDecimal p = DecimalOps.toBig(price.getLong((long) i * 16), 2);
      BigDecimal d = DecimalOps.toBig(discount.getLong((long) i * 16), 2);
      BigDecimal t = DecimalOps.toBig(tax.getLong((long) i * 16), 2);
      BigDecimal a = DecimalOps.arithmetic(BinaryOp.Op.MULTIPLY, p, one.subtract(d), 32, 4);
      sum = sum.add(DecimalOps.arithmetic(BinaryOp.Op.MULTIPLY, a, one.add(t), 38, 6));
    }
    return sum;
  }

  @Benchmark public long wideRegisters() {
    WideDecimal a = new WideDecimal(), b = new WideDecimal();
    long lo = 0, hi = 0;
    for (int i = 0; i < ROWS; i++) {
      long oneMinus = 100 - discount.getLong((long) i * 16), onePlus = 100 + tax.getLong((long) i * 16);
      a.multiply(price.getLong((long) i * 16), oneMinus, 32, 4);
      b.multiply(a, 4, onePlus, 2, 38, 6);
      long newLo = lo + b.lo;
      hi += b.hi + (Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0);
      lo = newLo;
    }
    return lo ^ hi;
  }

  @Benchmark public long handWritten() {
    long lo = 0, hi = 0;
    for (int i = 0; i < ROWS; i++) {
      long x = price.getLong((long) i * 16) * (100 - discount.getLong((long) i * 16));
      long y = 100 + tax.getLong((long) i * 16);
      long pl = x * y, ph = Math.multiplyHigh(x, y);
      long newLo = lo + pl;
      hi += ph + (Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0);
      lo = newLo;
    }
    return lo ^ hi;
  }
}
