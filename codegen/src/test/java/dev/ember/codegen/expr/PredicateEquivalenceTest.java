package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.Types.col;
import static dev.ember.codegen.expr.Types.notNullCol;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Comparisons, 3VL connectives, IS tests, IN and the conditionals: interpreted vs generated. */
class PredicateEquivalenceTest {
  private static final DataType B = DataType.BOOLEAN, I = DataType.INT;

  private static Stream<DynamicTest> tests(List<Expr> exprs) {
    return exprs.stream().map(e -> dynamicTest(e.display(), () -> Equivalence.check(e)));
  }

  @TestFactory Stream<DynamicTest> comparisonsOfEveryType() {
    List<Expr> out = new ArrayList<>();
    List<DataType> types = new ArrayList<>(Types.ALL);
    types.addAll(Types.DECIMALS);
    for (DataType t : types) {
      for (Op op : new Op[] {Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ_NULL_SAFE}) {
        out.add(BinaryOp.predicate(op, col(0, t), col(1, t)));
      }
      // Equal operands make the equality branches fire too.
      out.add(BinaryOp.predicate(Op.EQ, col(0, t), col(0, t)));
      out.add(BinaryOp.predicate(Op.LE, notNullCol(0, t), notNullCol(1, t)));
    }
    return tests(out);
  }

  @TestFactory Stream<DynamicTest> threeValuedLogic() {
    Expr a = col(0, B), b = col(1, B), c = col(2, B);
    Expr div = BinaryOp.predicate(Op.GT,
        new BinaryOp(Op.DIVIDE, col(3, I), col(4, I), I), Literal.ofInt(0)); // may raise
    List<Expr> out = new ArrayList<>(List.of(
        BinaryOp.predicate(Op.AND, a, b),
        BinaryOp.predicate(Op.OR, a, b),
        BinaryOp.predicate(Op.AND, BinaryOp.predicate(Op.AND, a, b), c),
        BinaryOp.predicate(Op.OR, a, BinaryOp.predicate(Op.OR, b, c)),
        BinaryOp.predicate(Op.OR, BinaryOp.predicate(Op.AND, a, b), UnaryOp.not(c)),
        BinaryOp.predicate(Op.AND, a, div),
        BinaryOp.predicate(Op.OR, a, div),
        BinaryOp.predicate(Op.AND, div, a),
        BinaryOp.predicate(Op.AND, notNullCol(0, B), new Literal(null, B)),
        BinaryOp.predicate(Op.OR, new Literal(null, B), notNullCol(1, B)),
        UnaryOp.not(a)));
    for (UnaryOp.Op op : UnaryOp.Op.values()) {
      if (op != UnaryOp.Op.NEGATE && op != UnaryOp.Op.NOT) {
        out.add(new UnaryOp(op, a, B));
        out.add(new UnaryOp(op, BinaryOp.predicate(Op.AND, a, div), B));
      }
    }
    out.add(UnaryOp.isNull(col(0, DataType.VARCHAR)));
    out.add(UnaryOp.isNotNull(new BinaryOp(Op.ADD, col(0, I), col(1, I), I)));
    return tests(out);
  }

  @TestFactory Stream<DynamicTest> inLists() {
    RandomValues random = new RandomValues(3, 0.15);
    List<Expr> out = new ArrayList<>();
    for (DataType t : List.of(I, DataType.BIGINT, DataType.DOUBLE, DataType.VARCHAR, DataType.decimal(5, 2),
        DataType.decimal(38, 10), DataType.DATE, DataType.VARBINARY, B)) {
      List<Expr> lits = new ArrayList<>();
      for (int k = 0; k < 5; k++) lits.add(new Literal(random.next(t), t));
      out.add(new InList(col(0, t), lits));
      out.add(new InList(col(0, t), List.of(col(1, t), col(2, t), new Literal(null, t))));
      out.add(new InList(notNullCol(0, t), List.of(notNullCol(1, t))));
    }
    return tests(out);
  }

  @TestFactory Stream<DynamicTest> conditionals() {
    Expr x = col(0, I), y = col(1, I), z = col(2, I);
    Expr div = new BinaryOp(Op.DIVIDE, x, y, I);
    List<Expr> out = new ArrayList<>(List.of(
        new CaseWhen(List.of(BinaryOp.predicate(Op.GT, x, y)), List.of(x), y, I),
        new CaseWhen(List.of(BinaryOp.predicate(Op.GT, x, y), BinaryOp.predicate(Op.LT, x, z)), List.of(div, z),
            Literal.nullOf(I), I),
        new CaseWhen(List.of(UnaryOp.isNull(y), BinaryOp.predicate(Op.EQ, div, z)), List.of(Literal.ofInt(0), div), x, I),
        new CaseWhen(List.of(col(3, B)), List.of(col(4, DataType.VARCHAR)), col(5, DataType.VARCHAR), DataType.VARCHAR),
        Call.of(Call.Fn.COALESCE, I, x, y, z),
        Call.of(Call.Fn.COALESCE, I, x, div, Literal.ofInt(7)),
        Call.of(Call.Fn.COALESCE, DataType.VARCHAR, col(0, DataType.VARCHAR), Literal.ofString("none")),
        Call.of(Call.Fn.NULLIF, I, x, y),
        Call.of(Call.Fn.NULLIF, DataType.DOUBLE, col(0, DataType.DOUBLE), col(1, DataType.DOUBLE)),
        Call.of(Call.Fn.NULLIF, I, x, div)));
    for (DataType t : List.of(I, DataType.DOUBLE, DataType.VARCHAR, DataType.decimal(38, 10), DataType.DATE, B)) {
      out.add(Call.of(Call.Fn.GREATEST, t, col(0, t), col(1, t), col(2, t)));
      out.add(Call.of(Call.Fn.LEAST, t, col(0, t), col(1, t), col(2, t)));
    }
    return tests(out);
  }
}
