package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.Types.col;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.compile.ClassCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Large expressions are split into methods that stay far below the JIT's 8,000-byte limit, and
 * splitting does not change results.
 */
class MethodSplittingTest {
  private static final DataType I = DataType.INT;
  private static final int JIT_LIMIT = 8000;

  private static void checkLarge(Expr e) {
    CodegenContext ctx = new CodegenContext(Equivalence.CLOCK);
    Equivalence.check(e, 200, ctx);
    assertTrue(!ctx.methods().isEmpty(), "expected split methods for " + e.display());
    RowExpression r = RowExpressionCompiler.compile(e, Equivalence.CLOCK);
    int largest = ClassCompiler.largestMethodBytecode(r.getClass());
    assertTrue(largest > 0 && largest < JIT_LIMIT / 2, "largest method " + largest + " bytes");
  }

  @Test void caseWithHundredsOfBranches() {
    List<Expr> conds = new ArrayList<>(), values = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      conds.add(BinaryOp.predicate(Op.EQ, new BinaryOp(Op.MODULO, col(0, I), Literal.ofInt(i + 1), I), col(1, I)));
      values.add(new BinaryOp(Op.MULTIPLY, col(2, I), Literal.ofInt(i), I));
    }
    checkLarge(new CaseWhen(conds, values, col(3, I), I));
  }

  @Test void longAndOrChains() {
    Expr and = null, or = null;
    for (int i = 0; i < 600; i++) {
      Expr c = BinaryOp.predicate(Op.NE, new BinaryOp(Op.ADD, col(i % 3, I), Literal.ofInt(i), I), col(3, I));
      and = and == null ? c : BinaryOp.predicate(Op.AND, and, c);
      Expr d = BinaryOp.predicate(Op.LT, col(i % 4, I), Literal.ofInt(i * 1000));
      or = or == null ? d : BinaryOp.predicate(Op.OR, d, or);
    }
    checkLarge(and);
    checkLarge(or);
  }

  @Test void deepArithmetic() {
    Expr e = col(0, DataType.BIGINT);
    for (int i = 0; i < 300; i++) {
      e = new BinaryOp(i % 2 == 0 ? Op.ADD : Op.SUBTRACT, e, new BinaryOp(Op.MULTIPLY, col(1, DataType.BIGINT),
          Literal.ofLong(i), DataType.BIGINT), DataType.BIGINT);
    }
    checkLarge(e);
  }

  @Test void longInListsOfExpressions() {
    List<Expr> list = new ArrayList<>();
    for (int i = 0; i < 500; i++) list.add(new BinaryOp(Op.ADD, col(1, I), Literal.ofInt(i), I));
    list.add(Literal.nullOf(I));
    checkLarge(new InList(col(0, I), list));
  }

  @Test void longConstantInListsUseASet() {
    for (DataType t : List.of(I, DataType.DOUBLE, DataType.VARCHAR, DataType.decimal(38, 10), DataType.VARBINARY,
        DataType.BOOLEAN, DataType.decimal(18, 2), DataType.FLOAT)) {
      RandomValues random = new RandomValues(t.hashCode(), 0.02);
      List<Expr> list = new ArrayList<>();
      for (int i = 0; i < 300; i++) list.add(new Literal(random.next(t), t));
      Expr e = new InList(col(0, t), list);
      CodegenContext ctx = new CodegenContext(Equivalence.CLOCK);
      Equivalence.check(e, 500, ctx);
      assertTrue(ctx.fieldDeclarations().contains("InSet"), ctx.fieldDeclarations());
    }
  }

  /** A tiny split weight forces every generator through the method splitter. */
  @TestFactory Stream<DynamicTest> everythingStillAgreesWhenSplitAggressively() {
    List<Expr> exprs = new ArrayList<>();
    FunctionEquivalenceTest.calls().values().forEach(exprs::addAll);
    exprs.add(new CaseWhen(List.of(BinaryOp.predicate(Op.GT, col(0, I), col(1, I)),
        BinaryOp.predicate(Op.AND, col(2, DataType.BOOLEAN), col(3, DataType.BOOLEAN))),
        List.of(new BinaryOp(Op.DIVIDE, col(0, I), col(1, I), I), col(4, I)), Literal.nullOf(I), I));
    exprs.add(Call.of(Call.Fn.COALESCE, I, new BinaryOp(Op.ADD, col(0, I), col(1, I), I), col(2, I)));
    exprs.add(new InList(new BinaryOp(Op.ADD, col(0, I), col(1, I), I),
        List.of(col(2, I), Literal.ofInt(3), new BinaryOp(Op.SUBTRACT, col(3, I), col(4, I), I))));
    return exprs.stream().map(e -> dynamicTest(e.display(),
        () -> Equivalence.check(e, 100, new CodegenContext(Equivalence.CLOCK, 2))));
  }
}
