package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.ExprCodegen.RT;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.InSet;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Comparisons, three-valued AND/OR, NOT, IS [NOT] NULL/TRUE/FALSE, {@code <=>} and IN. AND/OR
 * chains are flattened and evaluated left to right, stopping at the first FALSE (AND) or TRUE
 * (OR) as the interpreter does; long chains keep a head inline and move the rest into a method.
 */
final class PredicateGen {
  private static final String COMPARE = RT + "Compare";

  private PredicateGen() {}

  static ExprCode binary(BinaryOp b, CodegenContext ctx, InputAccessor input) {
    if (b.op() == Op.AND || b.op() == Op.OR) return chain(b, ctx, input);
    if (b.op() == Op.EQ_NULL_SAFE) return nullSafeEquals(b, ctx, input);
    DataType t = b.left().dataType();
    return ExprCodegen.nullSafe(b, List.of(b.left(), b.right()), ctx, input, v -> compare(b.op(), t, v[0], v[1]));
  }

  /** A Java boolean expression comparing two non-null values of type {@code t}. */
  static String compare(Op op, DataType t, String l, String r) {
    boolean eq = op == Op.EQ || op == Op.EQ_NULL_SAFE, ne = op == Op.NE;
    String sym = switch (op) {
      case EQ, EQ_NULL_SAFE -> "==";
      case NE -> "!=";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
      default -> throw new IllegalArgumentException(op.toString());
    };
    switch (t.id()) {
      case TINYINT: case SMALLINT: case INT: case BIGINT: case DATE: case TIMESTAMP: case TIMESTAMP_TZ:
      case INTERVAL_YEAR_MONTH: case INTERVAL_DAY_TIME:
        return "(" + l + " " + sym + " " + r + ")";
      case DECIMAL:
        return t.isLongDecimal() ? "(" + l + " " + sym + " " + r + ")" : "(" + l + ".compareTo(" + r + ") " + sym + " 0)";
      case BOOLEAN:
        return eq || ne ? "(" + l + " " + sym + " " + r + ")" : "(" + COMPARE + ".compareBoolean(" + l + ", " + r + ") " + sym + " 0)";
      case FLOAT:
      case DOUBLE:
        if (eq || ne) return (ne ? "!" : "") + COMPARE + ".equalDouble(" + l + ", " + r + ")";
        return "(" + COMPARE + ".compareDouble(" + l + ", " + r + ") " + sym + " 0)";
      case VARCHAR:
        if (eq || ne) return (ne ? "!" : "") + l + ".equals(" + r + ")";
        return "(" + l + ".compareTo(" + r + ") " + sym + " 0)";
      case VARBINARY:
        if (eq || ne) return (ne ? "!" : "") + COMPARE + ".equalBinary(" + l + ", " + r + ")";
        return "(" + COMPARE + ".compareBinary(" + l + ", " + r + ") " + sym + " 0)";
      case NULL:
        return "(0 " + sym + " 0)";
      default:
        throw new IllegalArgumentException("cannot compare " + t);
    }
  }

  private static ExprCode nullSafeEquals(BinaryOp b, CodegenContext ctx, InputAccessor input) {
    ExprCode l = ExprCodegen.gen(b.left(), ctx, input), r = ExprCodegen.gen(b.right(), ctx, input);
    String v = ctx.freshName("value");
    String eq = compare(Op.EQ, b.left().dataType(), l.value(), r.value());
    String code = ExprCodegen.comment(b) + l.code() + r.code()
        + "boolean " + v + " = (" + l.isNull() + " && " + r.isNull() + ") || (!" + l.isNull() + " && !"
        + r.isNull() + " && " + eq + ");\n";
    return new ExprCode(code, "false", v);
  }

  // ---- AND / OR ----

  private static ExprCode chain(BinaryOp b, CodegenContext ctx, InputAccessor input) {
    List<Expr> operands = new ArrayList<>();
    flatten(b, b.op(), operands);
    return chain(b, operands, b.op() == Op.AND, ctx, input);
  }

  private static void flatten(Expr e, Op op, List<Expr> out) {
    if (e instanceof BinaryOp b && b.op() == op) {
      flatten(b.left(), op, out);
      flatten(b.right(), op, out);
    } else {
      out.add(e);
    }
  }

  /**
   * AND: FALSE at the first FALSE operand (later ones are not evaluated), else NULL if some
   * operand was NULL, else TRUE. OR is the dual. When the operands weigh more than the split
   * weight, a head stays inline and the tail becomes one method (which splits again if needed).
   */
  private static ExprCode chain(Expr e, List<Expr> operands, boolean and, CodegenContext ctx, InputAccessor input) {
    List<ExprCode> parts = new ArrayList<>();
    int budget = ctx.splitWeight(), used = 0;
    for (int i = 0; i < operands.size(); i++) {
      Expr op = operands.get(i);
      int w = ExprCodegen.weight(op, budget + 1);
      boolean last = i == operands.size() - 1;
      if (!last && used > 0 && used + w > budget) {
        List<Expr> tail = operands.subList(i, operands.size());
        Expr tailExpr = rebuild(tail, and ? Op.AND : Op.OR);
        parts.add(MethodSplitter.splitWith(tailExpr, ctx, input,
            (c, in) -> chain(tailExpr, new ArrayList<>(tail), and, c, in)));
        break;
      }
      parts.add(ExprCodegen.gen(op, ctx, input));
      used += Math.min(w, budget);
    }
    String n = ctx.freshName("isNull"), v = ctx.freshName("value");
    String stop = and ? "false" : "true";
    StringBuilder sb = new StringBuilder(ExprCodegen.comment(e));
    sb.append("boolean ").append(n).append(" = false;\n");
    sb.append("boolean ").append(v).append(" = ").append(and ? "true" : "false").append(";\n");
    for (int i = 0; i < parts.size(); i++) {
      ExprCode p = parts.get(i);
      if (i > 0) sb.append("if (").append(and ? "" : "!").append(v).append(") {\n");
      sb.append(p.code());
      if (p.nonNull()) {
        sb.append("if (").append(and ? "!" : "").append(p.value()).append(") { ").append(v).append(" = ").append(stop).append("; }\n");
      } else {
        sb.append("if (").append(p.isNull()).append(") { ").append(n).append(" = true; } else if (")
            .append(and ? "!" : "").append(p.value()).append(") { ").append(v).append(" = ").append(stop).append("; }\n");
      }
      if (i > 0) sb.append("}\n");
    }
    sb.append("if (").append(and ? "!" : "").append(v).append(") { ").append(n).append(" = false; }\n");
    return new ExprCode(sb.toString(), n, v);
  }

  private static Expr rebuild(List<Expr> operands, Op op) {
    Expr out = operands.get(0);
    for (int i = 1; i < operands.size(); i++) out = BinaryOp.predicate(op, out, operands.get(i));
    return out;
  }

  // ---- unary ----

  static ExprCode unary(UnaryOp u, CodegenContext ctx, InputAccessor input) {
    if (u.op() == UnaryOp.Op.NOT) {
      return ExprCodegen.nullSafe(u, List.of(u.child()), ctx, input, v -> "!" + v[0]);
    }
    ExprCode c = ExprCodegen.gen(u.child(), ctx, input);
    String isNull = c.isNull(), val = c.value();
    String expr = switch (u.op()) {
      case IS_NULL -> isNull;
      case IS_NOT_NULL -> "!" + isNull;
      case IS_TRUE -> "(!" + isNull + " && " + val + ")";
      case IS_NOT_TRUE -> "(" + isNull + " || !" + val + ")";
      case IS_FALSE -> "(!" + isNull + " && !" + val + ")";
      case IS_NOT_FALSE -> "(" + isNull + " || " + val + ")";
      default -> throw new IllegalArgumentException(u.op().toString());
    };
    String v = ctx.freshName("value");
    return new ExprCode(ExprCodegen.comment(u) + c.code() + "boolean " + v + " = " + expr + ";\n", "false", v);
  }

  // ---- IN ----

  /** Constant lists at least this long are looked up in an {@link InSet}. */
  static final int IN_SET_THRESHOLD = 16;
  /** Ordinal of the synthetic column that carries an IN value into a split method. */
  private static final int IN_VALUE = -1;

  /**
   * NULL when the value is NULL (elements not evaluated), TRUE at the first equal element (later
   * ones not evaluated), else NULL if an element was NULL, else FALSE. Long constant lists use an
   * {@link InSet}; long lists of expressions keep a head inline and move the tail, with the value
   * passed along, into a method.
   */
  static ExprCode in(InList in, CodegenContext ctx, InputAccessor input) {
    DataType t = in.value().dataType();
    ExprCode value = ExprCodegen.gen(in.value(), ctx, input);
    String n = ctx.freshName("isNull"), v = ctx.freshName("value"), sawNull = ctx.freshName("sawNull");
    StringBuilder sb = new StringBuilder(ExprCodegen.comment(in));
    sb.append("boolean ").append(n).append(" = true;\n");
    sb.append("boolean ").append(v).append(" = false;\n");
    sb.append(value.code());
    sb.append("if (!").append(value.isNull()).append(") {\n");
    if (allLiterals(in.list()) && in.list().size() >= IN_SET_THRESHOLD) {
      List<Object> values = new ArrayList<>();
      for (Expr e : in.list()) values.add(((Literal) e).value());
      String set = ctx.addReference(InSet.of(values, t), RT + "InSet", "inSet");
      sb.append(v).append(" = ").append(set).append(".contains(").append(value.value()).append(");\n");
      sb.append(n).append(" = !").append(v).append(" && ").append(set).append(".hasNull();\n}\n");
      return new ExprCode(sb.toString(), n, v);
    }
    sb.append("boolean ").append(sawNull).append(" = false;\n");
    int budget = ctx.splitWeight(), used = ExprCodegen.weight(in.value(), budget + 1);
    List<Expr> list = in.list();
    for (int i = 0; i < list.size(); i++) {
      int w = ExprCodegen.weight(list.get(i), budget + 1);
      ExprCode el;
      String match;
      if (i > 0 && used + w > budget) {
        InList tail = new InList(new BoundRef(IN_VALUE, t, false), list.subList(i, list.size()));
        String valueLocal = value.value();
        InputAccessor withValue = (c, ordinal, type, nullable) ->
            ordinal == IN_VALUE ? ExprCode.ofValue(valueLocal) : input.column(c, ordinal, type, nullable);
        el = MethodSplitter.split(tail, ctx, withValue);
        match = el.value();
        i = list.size();
      } else {
        el = ExprCodegen.gen(list.get(i), ctx, input);
        match = compare(Op.EQ, t, value.value(), el.value());
        used += Math.min(w, budget);
      }
      if (i > 0) sb.append("if (!").append(v).append(") {\n");
      sb.append(el.code());
      sb.append("if (").append(el.isNull()).append(") { ").append(sawNull).append(" = true; } else if (")
          .append(match).append(") { ").append(v).append(" = true; }\n");
      if (i > 0) sb.append("}\n");
    }
    sb.append(n).append(" = !").append(v).append(" && ").append(sawNull).append(";\n");
    sb.append("}\n");
    return new ExprCode(sb.toString(), n, v);
  }

  private static boolean allLiterals(List<Expr> list) {
    for (Expr e : list) if (!(e instanceof Literal)) return false;
    return true;
  }
}
