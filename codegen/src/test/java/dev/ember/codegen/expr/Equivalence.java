package dev.ember.codegen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.eval.Interpreter;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.types.DataType;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Spark's checkEvaluation idea: evaluate an expression interpreted and generated over many random
 * rows and require identical results, or errors with the same SQLSTATE. Any other exception on
 * either side fails (it is a bug, not a user error).
 */
final class Equivalence {
  static final QueryClock CLOCK = new QueryClock(1_718_000_000_123_456L, ZoneOffset.ofHours(2));
  static final int ROWS = 300;

  /** Statistics of one check, so tests can insist the inputs were interesting. */
  record Outcome(int rows, int nulls, int errors, int values) {}

  private Equivalence() {}

  static Outcome check(Expr e) { return check(e, ROWS, new CodegenContext(CLOCK)); }

  static Outcome check(Expr e, int rows, CodegenContext ctx) {
    TreeMap<Integer, BoundRef> inputs = new TreeMap<>();
    e.foreach(n -> {
      if (n instanceof BoundRef b) inputs.put(b.ordinal(), b);
    });
    int width = inputs.isEmpty() ? 0 : inputs.lastKey() + 1;
    RowExpression compiled;
    try {
      compiled = RowExpressionCompiler.compile(e, ctx);
    } catch (RuntimeException ex) {
      throw new AssertionError("cannot compile " + e.display(), ex);
    }
    RandomValues random = new RandomValues(e.display().hashCode());
    int nulls = 0, errors = 0, values = 0;
    for (int i = 0; i < rows; i++) {
      Object[] row = new Object[width];
      for (BoundRef b : inputs.values()) row[b.ordinal()] = b.nullable() ? random.next(b.type()) : random.nonNull(b.type());
      Result interpreted = run(() -> Interpreter.eval(e, row, CLOCK));
      Result generated = run(() -> compiled.eval(row));
      compare(e, row, interpreted, generated);
      if (interpreted.error != null) errors++;
      else if (interpreted.value == null) nulls++;
      else values++;
    }
    return new Outcome(rows, nulls, errors, values);
  }

  private record Result(Object value, Throwable error) {}

  private static Result run(java.util.function.Supplier<Object> f) {
    try {
      return new Result(f.get(), null);
    } catch (Throwable t) {
      return new Result(null, t);
    }
  }

  private static void compare(Expr e, Object[] row, Result interpreted, Result generated) {
    String where = e.display() + " on " + show(row);
    for (Result r : List.of(interpreted, generated)) {
      if (r.error != null && !(r.error instanceof EmberException)) {
        throw new AssertionError((r == interpreted ? "interpreter" : "generated code") + " failed on " + where, r.error);
      }
    }
    if (interpreted.error != null || generated.error != null) {
      if (interpreted.error == null || generated.error == null) {
        Throwable t = interpreted.error != null ? interpreted.error : generated.error;
        throw new AssertionError("only " + (interpreted.error != null ? "the interpreter" : "generated code")
            + " failed on " + where + " (other gave " + show(interpreted.error == null ? interpreted.value : generated.value) + ")", t);
      }
      assertEquals(((EmberException) interpreted.error).sqlState(), ((EmberException) generated.error).sqlState(),
          "SQLSTATE of " + where + ": " + interpreted.error.getMessage() + " vs " + generated.error.getMessage());
      return;
    }
    Object a = interpreted.value, b = generated.value;
    if (a != null) {
      DataType t = e.dataType();
      assertTrue(t.boxedClass().isInstance(a), "interpreter gave " + a.getClass().getSimpleName() + " for " + t + ": " + where);
    }
    if (!same(a, b)) fail("different results for " + where + ": interpreted " + show(a) + ", generated " + show(b));
  }

  static boolean same(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.equals(x, y);
    if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y) == 0;
    if (a instanceof Float x && b instanceof Float y) return Float.compare(x, y) == 0;
    return a.getClass() == b.getClass() && a.equals(b);
  }

  static String show(Object v) {
    if (v instanceof Object[] row) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < row.length; i++) sb.append(i > 0 ? ", " : "").append(show(row[i]));
      return sb.append(']').toString();
    }
    if (v instanceof byte[] b) return "X'" + java.util.HexFormat.of().formatHex(b) + "'";
    if (v == null) return "NULL";
    return v.getClass().getSimpleName() + ":" + v;
  }
}
