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

  /**
   * Trees of wide-decimal operations over long decimals (TPC-H's {@code price * (1 - discount) *
   * (1 + tax)}, sums and differences of products, wide times wide), which generated code runs on
   * 128-bit registers: the same values and the same overflow errors as the interpreter's BigDecimal.
   */
  @TestFactory Stream<DynamicTest> wideDecimalTrees() {
    List<Expr> out = new ArrayList<>();
    List<DataType> ds = List.of(DataType.decimal(15, 2), DataType.decimal(18, 4), DataType.decimal(18, 0),
        DataType.decimal(10, 0), DataType.decimal(5, 2));
    for (DataType a : ds) {
      for (DataType b : ds) {
        Expr x = col(0, a), y = notNullCol(1, b), z = col(2, ds.get(0));
        Expr xy = new BinaryOp(Op.MULTIPLY, x, y, DecimalRules.multiply(a, b));
        out.add(new BinaryOp(Op.MULTIPLY, xy, z, DecimalRules.multiply(xy.dataType(), z.dataType())));
        out.add(new BinaryOp(Op.MULTIPLY, z, xy, DecimalRules.multiply(z.dataType(), xy.dataType())));
        out.add(new BinaryOp(Op.ADD, xy, z, DecimalRules.add(xy.dataType(), z.dataType())));
        out.add(new BinaryOp(Op.SUBTRACT, z, xy, DecimalRules.subtract(z.dataType(), xy.dataType())));
        Expr zz = new BinaryOp(Op.MULTIPLY, z, z, DecimalRules.multiply(z.dataType(), z.dataType()));
        out.add(new BinaryOp(Op.MULTIPLY, xy, zz, DecimalRules.multiply(xy.dataType(), zz.dataType())));
        out.add(new BinaryOp(Op.SUBTRACT, xy, zz, DecimalRules.subtract(xy.dataType(), zz.dataType())));
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
