package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Call.Fn;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import dev.ember.sql.validate.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts Calcite row expressions over one input to catalyst expressions over that input's
 * attributes. Every result has exactly the Ember form of the Calcite expression's type (a cast
 * is added where catalyst's natural type differs), and operands get the casts catalyst's typing
 * invariants require. Constructs Ember does not have fail as not supported, never silently.
 */
final class RexConverter {
  private final List<AttributeRef> input;
  private final SearchConverter search;

  RexConverter(List<AttributeRef> input, RexBuilder rexBuilder) {
    this.input = input;
    this.search = new SearchConverter(rexBuilder, this::convert);
  }

  List<Expr> convert(List<RexNode> rexes) {
    List<Expr> out = new ArrayList<>(rexes.size());
    for (RexNode r : rexes) out.add(convert(r));
    return out;
  }

  Expr convert(RexNode rex) {
    DataType type = TypeMapping.toEmber(rex.getType());
    return Coercions.cast(convertNode(rex, type), type);
  }

  private Expr convertNode(RexNode rex, DataType type) {
    if (rex instanceof RexInputRef ref) return input.get(ref.getIndex());
    if (rex instanceof RexLiteral lit) return Literals.convert(lit);
    if (rex instanceof RexSubQuery) throw EmberException.notSupported("subquery in this position");
    if (rex instanceof RexOver) throw EmberException.notSupported("window functions");
    if (rex instanceof RexCorrelVariable || rex instanceof RexFieldAccess) {
      throw EmberException.notSupported("correlated subquery that cannot be decorrelated");
    }
    if (rex instanceof RexDynamicParam) throw EmberException.notSupported("query parameters");
    if (rex instanceof RexCall call) return convertCall(call, type);
    throw EmberException.notSupported("expression " + rex);
  }

  private Expr convertCall(RexCall call, DataType type) {
    List<RexNode> ops = call.getOperands();
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND: return connective(Op.AND, ops);
      case OR: return connective(Op.OR, ops);
      case NOT: return UnaryOp.not(convert(ops.get(0)));
      case EQUALS: return compare(Op.EQ, ops);
      case NOT_EQUALS: return compare(Op.NE, ops);
      case LESS_THAN: return compare(Op.LT, ops);
      case LESS_THAN_OR_EQUAL: return compare(Op.LE, ops);
      case GREATER_THAN: return compare(Op.GT, ops);
      case GREATER_THAN_OR_EQUAL: return compare(Op.GE, ops);
      case IS_NOT_DISTINCT_FROM: return compare(Op.EQ_NULL_SAFE, ops);
      case IS_DISTINCT_FROM: return UnaryOp.not(compare(Op.EQ_NULL_SAFE, ops));
      case PLUS: return arithmetic(Op.ADD, ops, type);
      case MINUS: return arithmetic(Op.SUBTRACT, ops, type);
      case TIMES: return arithmetic(Op.MULTIPLY, ops, type);
      case DIVIDE: return arithmetic(Op.DIVIDE, ops, type);
      case MOD: return arithmetic(Op.MODULO, ops, type);
      case MINUS_PREFIX: return new UnaryOp(UnaryOp.Op.NEGATE, Coercions.cast(convert(ops.get(0)), type), type);
      case PLUS_PREFIX: return convert(ops.get(0));
      case IS_NULL: return unary(UnaryOp.Op.IS_NULL, ops);
      case IS_NOT_NULL: return unary(UnaryOp.Op.IS_NOT_NULL, ops);
      case IS_TRUE: return unary(UnaryOp.Op.IS_TRUE, ops);
      case IS_NOT_TRUE: return unary(UnaryOp.Op.IS_NOT_TRUE, ops);
      case IS_FALSE: return unary(UnaryOp.Op.IS_FALSE, ops);
      case IS_NOT_FALSE: return unary(UnaryOp.Op.IS_NOT_FALSE, ops);
      case CAST: return Coercions.cast(convert(ops.get(0)), type);
      case CASE: return caseWhen(ops, type);
      case SEARCH: return search.convert(call);
      case LIKE: return like((SqlLikeOperator) call.getOperator(), ops);
      case EXTRACT: return extract(call, ops, type);
      case TRIM: return trim(call, ops, type);
      default: return function(call, type);
    }
  }

  private Expr connective(Op op, List<RexNode> ops) {
    if (op == Op.OR) {
      Expr in = orOfEqualities(ops);
      if (in != null) return in;
    }
    Expr out = convert(ops.get(0));
    for (int i = 1; i < ops.size(); i++) out = BinaryOp.predicate(op, out, convert(ops.get(i)));
    return out;
  }

  /**
   * {@code x = 1 OR x = 2 OR x = 3} (how Calcite converts a short IN list) as {@code x IN (1, 2,
   * 3)}: the same answer, NULLs included, in the form the optimizer and scans understand.
   */
  private Expr orOfEqualities(List<RexNode> ops) {
    RexNode subject = null;
    List<RexNode> values = new ArrayList<>();
    for (RexNode op : ops) {
      if (!(op instanceof RexCall eq) || eq.getKind() != SqlKind.EQUALS) return null;
      RexNode l = eq.getOperands().get(0);
      RexNode r = eq.getOperands().get(1);
      if (l instanceof RexLiteral && !(r instanceof RexLiteral)) {
        RexNode swap = l;
        l = r;
        r = swap;
      }
      if (!(r instanceof RexLiteral) || (subject != null && !subject.equals(l))) return null;
      subject = l;
      values.add(r);
    }
    Expr value = convert(subject);
    List<Expr> items = convert(values);
    DataType common = value.dataType();
    for (Expr e : items) common = Coercions.common(common, e.dataType());
    List<Expr> typed = new ArrayList<>();
    for (Expr e : items) typed.add(Coercions.cast(e, common));
    return new InList(Coercions.cast(value, common), typed);
  }

  /**
   * A comparison of operands of one type. A literal is converted to the other operand's type
   * when it converts exactly, and a widening cast Calcite put on the other operand is dropped
   * then: {@code e > 10} compares {@code e} as it is (with 10.00), not a cast of every row's
   * {@code e}, so scans can use the predicate.
   */
  private Expr compare(Op op, List<RexNode> ops) {
    Expr l = convert(ops.get(0));
    Expr r = convert(ops.get(1));
    if (r instanceof Literal lit && !(l instanceof Literal)) {
      Expr[] pair = againstLiteral(ops.get(0), l, lit);
      if (pair != null) return BinaryOp.predicate(op, pair[0], pair[1]);
    } else if (l instanceof Literal lit && !(r instanceof Literal)) {
      Expr[] pair = againstLiteral(ops.get(1), r, lit);
      if (pair != null) return BinaryOp.predicate(op, pair[1], pair[0]);
    }
    DataType common = Coercions.common(l.dataType(), r.dataType());
    return BinaryOp.predicate(op, Coercions.cast(l, common), Coercions.cast(r, common));
  }

  /** {subject, literal} of one type without casting the subject, or null. */
  private Expr[] againstLiteral(RexNode subjectRex, Expr subject, Literal lit) {
    if (subjectRex.getKind() == SqlKind.CAST) {
      Expr inner = convert(((RexCall) subjectRex).getOperands().get(0));
      if (Coercions.isWidening(inner.dataType(), subject.dataType())) {
        Literal folded = Coercions.castLiteralExactly(lit, inner.dataType());
        if (folded != null) return new Expr[] {inner, folded};
      }
    }
    Literal folded = Coercions.castLiteralExactly(lit, subject.dataType());
    return folded == null ? null : new Expr[] {subject, folded};
  }

  private Expr arithmetic(Op op, List<RexNode> ops, DataType type) {
    return Arithmetic.build(op, convert(ops.get(0)), convert(ops.get(1)), type);
  }

  private Expr unary(UnaryOp.Op op, List<RexNode> ops) {
    return new UnaryOp(op, convert(ops.get(0)), DataType.BOOLEAN);
  }

  /** Calcite's CASE operands are WHEN, THEN pairs followed by the ELSE value. */
  private Expr caseWhen(List<RexNode> ops, DataType type) {
    List<Expr> conditions = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    for (int i = 0; i + 1 < ops.size(); i += 2) {
      conditions.add(convert(ops.get(i)));
      values.add(Coercions.cast(convert(ops.get(i + 1)), type));
    }
    Expr elseValue = ops.size() % 2 == 1 ? Coercions.cast(convert(ops.get(ops.size() - 1)), type)
        : Literal.nullOf(type);
    return new CaseWhen(conditions, values, elseValue, type);
  }

  private Expr like(SqlLikeOperator op, List<RexNode> ops) {
    Fn fn = op.isCaseSensitive() ? Fn.LIKE : Fn.ILIKE;
    Expr call = ScalarFunctions.call(fn, convert(ops), DataType.BOOLEAN);
    return op.isNegated() ? UnaryOp.not(call) : call;
  }

  private Expr extract(RexCall call, List<RexNode> ops, DataType type) {
    TimeUnitRange unit = ((RexLiteral) ops.get(0)).getValueAs(TimeUnitRange.class);
    Fn fn = ScalarFunctions.extract(unit);
    if (fn == null) throw new UnsupportedCall(call.getOperator(), "EXTRACT(" + unit + " FROM …)");
    return ScalarFunctions.call(fn, List.of(convert(ops.get(1))), type);
  }

  /**
   * TRIM([BOTH|LEADING|TRAILING] chars FROM s): the one-argument form for the default, space, and
   * the two-argument form (every character of {@code chars} is stripped) otherwise.
   */
  private Expr trim(RexCall call, List<RexNode> ops, DataType type) {
    SqlTrimFunction.Flag flag = ((RexLiteral) ops.get(0)).getValueAs(SqlTrimFunction.Flag.class);
    Expr chars = convert(ops.get(1));
    Fn fn = switch (flag) {
      case BOTH -> Fn.TRIM;
      case LEADING -> Fn.LTRIM;
      case TRAILING -> Fn.RTRIM;
    };
    Expr subject = convert(ops.get(2));
    boolean space = chars instanceof Literal l && l.value() != null && " ".equals(l.value().toString());
    return ScalarFunctions.call(fn, space ? List.of(subject) : List.of(subject, chars), type);
  }

  private Expr function(RexCall call, DataType type) {
    Fn fn = ScalarFunctions.lookup(call.getOperator());
    if (fn == null) throw new UnsupportedCall(call.getOperator(), "function " + call.getOperator().getName());
    for (RexNode op : call.getOperands()) {
      if (op instanceof RexLiteral lit && lit.getTypeName() == SqlTypeName.SYMBOL) {
        throw new UnsupportedCall(call.getOperator(), call.getOperator().getName() + " with " + lit.getValue());
      }
    }
    if (fn == Fn.RANDOM && !call.getOperands().isEmpty()) throw new UnsupportedCall(call.getOperator(), "RAND with a seed");
    if (fn == Fn.DATEDIFF && call.getOperands().size() == 3) return datediffWithUnit(call, type);
    return ScalarFunctions.call(fn, convert(call.getOperands()), type);
  }

  /** {@code DATEDIFF('day', start, end)} is Spark's {@code DATEDIFF(end, start)}; other units are not supported. */
  private Expr datediffWithUnit(RexCall call, DataType type) {
    List<RexNode> ops = call.getOperands();
    Expr unit = convert(ops.get(0));
    String name = unit instanceof Literal l && l.value() != null ? l.value().toString().toLowerCase(java.util.Locale.ROOT) : null;
    if (!"day".equals(name) && !"days".equals(name)) {
      throw new UnsupportedCall(call.getOperator(), "DATEDIFF with unit " + (name == null ? "that is not a literal" : "'" + name + "'"));
    }
    return ScalarFunctions.call(Fn.DATEDIFF, List.of(convert(ops.get(2)), convert(ops.get(1))), type);
  }
}
