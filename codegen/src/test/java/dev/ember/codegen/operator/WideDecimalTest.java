package dev.ember.codegen.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.eval.DecimalOps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 128-bit register against BigDecimal's exact arithmetic, near the limits of 64 and 128 bits. */
class WideDecimalTest {
  private static long edgy(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> Long.MAX_VALUE - r.nextInt(3);
      case 1 -> Long.MIN_VALUE + r.nextInt(3);
      case 2 -> r.nextInt(2001) - 1000;
      case 3 -> (long) (r.nextGaussian() * 1e17);
      default -> r.nextLong();
    };
  }

  /** What DecimalOps gives at DECIMAL(38, s), or null when it overflows. */
  private static BigInteger expected(Op op, BigDecimal a, BigDecimal b, int s) {
    try {
      return DecimalOps.arithmetic(op, a, b, 38, s).unscaledValue();
    } catch (EmberException e) {
      return null;
    }
  }

  private static void assertSame(BigInteger want, java.util.function.Supplier<WideDecimal> f) {
    if (want == null) {
      assertThrows(EmberException.class, f::get);
    } else {
      assertEquals(want, f.get().unscaled());
    }
  }

  @Test void productsOfLongsAndWides() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      long a = edgy(r), b = edgy(r), c = edgy(r);
      WideDecimal ab = new WideDecimal().multiply(a, b, 38, 4);
      assertEquals(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), ab.unscaled());
      BigDecimal abBig = new BigDecimal(ab.unscaled(), 4);
      assertSame(expected(Op.MULTIPLY, abBig, BigDecimal.valueOf(c, 2), 6),
          () -> new WideDecimal().multiply(ab, 4, c, 2, 38, 6));
      WideDecimal cc = new WideDecimal().set(c);
      assertSame(expected(Op.MULTIPLY, abBig, BigDecimal.valueOf(c, 2), 6),
          () -> new WideDecimal().multiply(ab, 4, cc, 2, 38, 6));
      assertSame(expected(Op.MULTIPLY, abBig, abBig, 8), () -> new WideDecimal().multiply(ab, 4, ab, 4, 38, 8));
    }
  }

  @Test void sumsAndDifferencesWithRescaling() {
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      long a = edgy(r), b = edgy(r), c = edgy(r);
      WideDecimal ab = new WideDecimal().multiply(a, b, 38, 4);
      BigDecimal abBig = new BigDecimal(ab.unscaled(), 4);
      for (boolean subtract : new boolean[] {false, true}) {
        Op op = subtract ? Op.SUBTRACT : Op.ADD;
        assertSame(expected(op, abBig, BigDecimal.valueOf(c, 0), 4),
            () -> new WideDecimal().addOrSubtract(subtract, ab, 0L, 4, null, c, 0, 38, 4));
        assertSame(expected(op, BigDecimal.valueOf(c, 0), abBig, 4),
            () -> new WideDecimal().addOrSubtract(subtract, null, c, 0, ab, 0L, 4, 38, 4));
        assertSame(expected(op, abBig, abBig, 4),
            () -> new WideDecimal().addOrSubtract(subtract, ab, 0L, 4, ab, 0L, 4, 38, 4));
        // Scaled up by 20 digits: beyond 64 bits before the addition.
        assertSame(expected(op, BigDecimal.valueOf(a, 0), new BigDecimal(ab.unscaled(), 24), 24),
            () -> new WideDecimal().addOrSubtract(subtract, null, a, 0, ab, 0L, 24, 38, 24));
      }
    }
  }

  @Test void precisionLimitIsTenToTheP() {
    // 99999999999999999999 * 999999999999999999 (20 + 18 digits) fits 38 digits.
    long nines18 = 999_999_999_999_999_999L;
    WideDecimal w = new WideDecimal().multiply(nines18, nines18, 36, 0);
    assertEquals(BigInteger.valueOf(nines18).pow(2), w.unscaled());
    assertThrows(EmberException.class, () -> new WideDecimal().multiply(nines18, nines18, 35, 0));
    assertThrows(EmberException.class, () -> new WideDecimal().multiply(-nines18, nines18, 35, 0));
  }
}
