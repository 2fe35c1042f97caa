package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.Types.col;
import static dev.ember.codegen.expr.Types.notNullCol;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.DecimalRules;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Arithmetic, negation and concatenation: interpreted vs generated on random rows. */
class ArithmeticEquivalenceTest {
  private static final Op[] ARITH = {Op.ADD, Op.SUBTRACT, Op.MULTIPLY, Op.DIVIDE, Op.MODULO};

  private static Stream<DynamicTest> tests(List<Expr> exprs) {
    return exprs.stream().map(e -> dynamicTest(e.display() + " : " + e.dataType(), () -> Equivalence.check(e)));
  }

  @TestFactory Stream<DynamicTest> integralAndFloatingPoint() {
    List<Expr> out = new ArrayList<>();
    List<DataType> types = new ArrayList<>(Types.INTEGRAL);
    types.addAll(Types.FLOATING);
    for (DataType t : types) {
      for (Op op : ARITH) {
        out.add(new BinaryOp(op, col(0, t), col(1, t), t));
        out.add(new BinaryOp(op, notNullCol(0, t), notNullCol(1, t), t));
      }
    }
    return tests(out);
  }

  @TestFactory Stream<DynamicTest> decimals() {
    List<Expr> out = new ArrayList<>();
    List<DataType> ds = Types.DECIMALS;
    for (int i = 0; i < ds.size(); i++) {
      for (int j = 0; j < ds.size(); j += 2) {
        DataType a = ds.get(i), b = ds.get((i + j + 1) % ds.size());
        out.add(new BinaryOp(Op.ADD, col(0, a), col(1, b), DecimalRules.add(a, b)));
        out.add(new BinaryOp(Op.SUBTRACT, col(0, a), col(1, b), DecimalRules.subtract(a, b)));
        out.add(new BinaryOp(Op.MULTIPLY, col(0, a), col(1, b), DecimalRules.multiply(a, b)));
        out.add(new BinaryOp(Op.DIVIDE, col(0, a), col(1, b), DecimalRules.divide(a, b)));
        out.add(new BinaryOp(Op.MODULO, col(0, a), col(1, b), DecimalRules.modulo(a, b)));
      }
    }
    return tests(out);
  }

  @TestFactory Stream<DynamicTest> datetimeAndIntervals() {
    DataType ym = DataType.INTERVAL_YEAR_MONTH, dt = DataType.INTERVAL_DAY_TIME, d = DataType.DATE;
    List<Expr> out = new ArrayList<>();
    for (Op op : new Op[] {Op.ADD, Op.SUBTRACT}) {
      out.add(new BinaryOp(op, col(0, d), col(1, ym), d));
      out.add(new BinaryOp(op, col(0, d), col(1, ym), DataType.TIMESTAMP));
      out.add(new BinaryOp(op, col(0, d), col(1, dt), d));
      out.add(new BinaryOp(op, col(0, d), col(1, dt), DataType.TIMESTAMP));
      out.add(new BinaryOp(op, col(0, d), col(1, DataType.INT), d));
      out.add(new BinaryOp(op, col(0, d), col(1, DataType.BIGINT), d));
      for (DataType ts : List.of(DataType.TIMESTAMP, DataType.TIMESTAMP_TZ)) {
        out.add(new BinaryOp(op, col(0, ts), col(1, ym), ts));
        out.add(new BinaryOp(op, col(0, ts), col(1, dt), ts));
      }
      out.add(new BinaryOp(op, col(0, ym), col(1, ym), ym));
      out.add(new BinaryOp(op, col(0, dt), col(1, dt), dt));
    }
    out.add(new BinaryOp(Op.SUBTRACT, col(0, d), col(1, d), DataType.INT));
    out.add(new BinaryOp(Op.SUBTRACT, col(0, d), col(1, d), DataType.BIGINT));
    out.add(new BinaryOp(Op.SUBTRACT, col(0, DataType.TIMESTAMP), col(1, DataType.TIMESTAMP), dt));
    return tests(out);
  }

  @TestFactory Stream<DynamicTest> negationAndConcatenation() {
    List<Expr> out = new ArrayList<>();
    List<DataType> types = new ArrayList<>(Types.INTEGRAL);
    types.addAll(Types.FLOATING);
    types.addAll(Types.DECIMALS);
    types.addAll(Types.INTERVALS);
    for (DataType t : types) out.add(new UnaryOp(UnaryOp.Op.NEGATE, col(0, t), t));
    out.add(new BinaryOp(Op.CONCAT, col(0, DataType.VARCHAR), col(1, DataType.VARCHAR), DataType.VARCHAR));
    out.add(new BinaryOp(Op.CONCAT, col(0, DataType.VARBINARY), col(1, DataType.VARBINARY), DataType.VARBINARY));
    return tests(out);
  }

  /** Literal operands go through the references array; every literal is a new value. */
  @TestFactory Stream<DynamicTest> withLiterals() {
    RandomValues random = new RandomValues(7, 0.1);
    List<Expr> out = new ArrayList<>();
    for (DataType t : List.of(DataType.INT, DataType.BIGINT, DataType.DOUBLE, DataType.decimal(18, 4), DataType.decimal(38, 10))) {
      for (Op op : ARITH) {
        for (int k = 0; k < 4; k++) {
          Literal lit = new Literal(random.next(t), t);
          DataType rt = t.isDecimal() ? switch (op) {
            case ADD -> DecimalRules.add(t, t);
            case SUBTRACT -> DecimalRules.subtract(t, t);
            case MULTIPLY -> DecimalRules.multiply(t, t);
            case DIVIDE -> DecimalRules.divide(t, t);
            default -> DecimalRules.modulo(t, t);
          } : t;
          out.add(new BinaryOp(op, col(0, t), lit, rt));
        }
      }
    }
    return tests(out);
  }

  /** The random inputs must actually reach the error paths. */
  @org.junit.jupiter.api.Test void inputsExerciseOverflowAndDivisionByZero() {
    Equivalence.Outcome add = Equivalence.check(new BinaryOp(Op.ADD, col(0, DataType.INT), col(1, DataType.INT), DataType.INT));
    Equivalence.Outcome div = Equivalence.check(new BinaryOp(Op.DIVIDE, col(0, DataType.BIGINT), col(1, DataType.BIGINT), DataType.BIGINT));
    assertTrue(add.errors() > 0 && add.nulls() > 0 && add.values() > 100, add.toString());
    assertTrue(div.errors() > 0 && div.values() > 100, div.toString());
  }
}
