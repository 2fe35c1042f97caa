package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.Types.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.Casts;
import dev.ember.catalyst.expr.eval.Interpreter;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every supported pair of types: interpreted vs generated casts on random values. */
class CastEquivalenceTest {
  @TestFactory Stream<DynamicTest> everySupportedPair() {
    List<DataType> types = new ArrayList<>(Types.ALL);
    types.add(DataType.decimal(1, 0));
    types.add(DataType.decimal(18, 18));
    types.add(DataType.decimal(38, 0));
    List<Expr> out = new ArrayList<>();
    for (DataType from : types) {
      for (DataType to : types) {
        if (!from.equals(to) && Casts.canCast(from, to)) out.add(new Cast(col(0, from), to));
      }
    }
    return out.stream().map(e -> dynamicTest(e.display(), () -> Equivalence.check(e)));
  }

  @Test void nullTypedLiteralCastsToNull() {
    for (DataType to : Types.ALL) {
      Expr e = new Cast(Literal.nullOf(DataType.NULL), to);
      Equivalence.check(e);
      assertEquals(null, Interpreter.eval(e, new Object[0]));
    }
  }

  @Test void unsupportedPairsAreNotGenerated() {
    Expr e = new Cast(col(0, DataType.DATE), DataType.INT);
    assertFalse(Casts.canCast(DataType.DATE, DataType.INT));
    assertFalse(ExprCodegen.supports(e));
    EmberException ex = assertThrows(EmberException.class, () -> Interpreter.eval(e, new Object[] {1}));
    assertEquals(EmberException.DATATYPE_MISMATCH, ex.sqlState());
  }
}
