package dev.ember.codegen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprCodegenTest {
  private static final InputAccessor ROW = new ObjectRowAccessor("row");

  @Test void everyBoundExpressionKindHasAGeneratedForm() {
    List<Expr> samples = List.of(Literal.ofInt(1), new BoundRef(0, DataType.INT, true), Alias.of(Literal.ofInt(1), "a"),
        new BinaryOp(Op.ADD, Literal.ofInt(1), Literal.ofInt(2), DataType.INT), UnaryOp.not(Literal.TRUE),
        new Cast(Literal.ofInt(1), DataType.BIGINT),
        new CaseWhen(List.of(Literal.TRUE), List.of(Literal.ofInt(1)), Literal.ofInt(2), DataType.INT),
        new InList(Literal.ofInt(1), List.of(Literal.ofInt(1))), Call.of(Call.Fn.ABS, DataType.INT, Literal.ofInt(-1)),
        AttributeRef.of("x", DataType.INT, true));
    assertEquals(Expr.class.getPermittedSubclasses().length, samples.stream().map(Object::getClass).distinct().count());
    for (Expr e : samples) {
      if (e instanceof AttributeRef) {
        assertFalse(ExprCodegen.supports(e), "unbound attributes are not generated");
        assertThrows(IllegalArgumentException.class, () -> ExprCodegen.generate(e, new CodegenContext(), ROW));
      } else {
        assertTrue(ExprCodegen.supports(e), e.display());
        ExprCodegen.generate(e, new CodegenContext(), ROW);
      }
    }
    assertEquals(Arrays.stream(Call.Fn.values()).count(), Call.Fn.values().length);
  }

  @Test void literalValuesStayOutOfTheSource() {
    Expr e = BinaryOp.predicate(Op.AND,
        BinaryOp.predicate(Op.GT, new BoundRef(0, DataType.BIGINT, true), Literal.ofLong(987_654_321L)),
        Call.of(Call.Fn.LIKE, DataType.BOOLEAN, new BoundRef(1, DataType.VARCHAR, true), Literal.ofString("zebra%")));
    CodegenContext ctx = new CodegenContext();
    ExprCode code = ExprCodegen.generate(e, ctx, ROW);
    String source = code.code().replaceAll("//.*", "") + ctx.fieldDeclarations() + ctx.initCode() + ctx.methods();
    assertFalse(source.contains("987654321"), source);
    assertFalse(source.contains("zebra"), source);
    assertTrue(code.code().startsWith("// "), "blocks start with a comment naming the expression");
    assertTrue(code.code().contains("987654321L"), "the comment shows the expression");
    assertEquals(2, ctx.references().length, "the literal and the compiled LIKE pattern");
  }

  @Test void nonNullableInputsNeedNoNullChecks() {
    Expr e = new BinaryOp(Op.MULTIPLY, new BoundRef(0, DataType.INT, false), new BoundRef(1, DataType.INT, false), DataType.INT);
    ExprCode code = ExprCodegen.generate(e, new CodegenContext(), ROW);
    assertEquals("false", code.isNull());
    assertFalse(code.code().contains("if ("), code.code());
  }

  @Test void commentsCannotBreakTheSource() {
    Expr e = BinaryOp.predicate(Op.EQ, new BoundRef(0, DataType.VARCHAR, true), Literal.ofString("a\nb \\u000a */ c"));
    Equivalence.check(e);
  }
}
