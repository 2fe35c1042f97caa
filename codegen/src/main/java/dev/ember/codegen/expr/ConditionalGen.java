package dev.ember.codegen.expr;

import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/**
 * CASE, COALESCE, NULLIF, GREATEST and LEAST. CASE evaluates conditions in order and only the
 * chosen branch; a large CASE keeps the leading branches inline and moves the rest, as a nested
 * CASE in the ELSE position (same meaning), into a method of its own.
 */
final class ConditionalGen {
  private ConditionalGen() {}

  static ExprCode caseWhen(CaseWhen c, CodegenContext ctx, InputAccessor input) {
    int budget = ctx.splitWeight(), used = 0, n = c.conditions().size();
    int inline = n;
    for (int i = 0; i < n; i++) {
      int w = ExprCodegen.weight(c.conditions().get(i), budget + 1) + ExprCodegen.weight(c.values().get(i), budget + 1);
      if (i > 0 && used + w > budget) {
        inline = i;
        break;
      }
      used += Math.min(w, budget);
    }
    Expr elseExpr = c.elseValue();
    ExprCode elseCode;
    if (inline < n) {
      CaseWhen rest = new CaseWhen(c.conditions().subList(inline, n), c.values().subList(inline, n), elseExpr, c.type());
      elseCode = MethodSplitter.split(rest, ctx, input);
    } else {
      elseCode = ExprCodegen.gen(elseExpr, ctx, input);
    }
    DataType t = c.type();
    String isNull = ctx.freshName("isNull"), value = ctx.freshName("value"), done = ctx.freshName("done");
    StringBuilder sb = new StringBuilder(ExprCodegen.comment(c));
    sb.append(ExprCodegen.declareNull(t, isNull, value));
    sb.append("boolean ").append(done).append(" = false;\n");
    for (int i = 0; i < inline; i++) {
      ExprCode cond = ExprCodegen.gen(c.conditions().get(i), ctx, input);
      ExprCode val = ExprCodegen.gen(c.values().get(i), ctx, input);
      if (i > 0) sb.append("if (!").append(done).append(") {\n");
      sb.append(cond.code());
      sb.append("if (!").append(cond.isNull()).append(" && ").append(cond.value()).append(") {\n");
      sb.append(val.code());
      assign(sb, isNull, value, val);
      sb.append(done).append(" = true;\n}\n");
      if (i > 0) sb.append("}\n");
    }
    sb.append("if (!").append(done).append(") {\n").append(elseCode.code());
    assign(sb, isNull, value, elseCode);
    sb.append("}\n");
    return new ExprCode(sb.toString(), isNull, value);
  }

  private static void assign(StringBuilder sb, String isNull, String value, ExprCode from) {
    sb.append(isNull).append(" = ").append(from.isNull()).append(";\n");
    sb.append(value).append(" = ").append(from.value()).append(";\n");
  }

  static ExprCode call(Call c, CodegenContext ctx, InputAccessor input) {
    return switch (c.fn()) {
      case COALESCE -> coalesce(c, ctx, input);
      case NULLIF -> nullIf(c, ctx, input);
      case GREATEST, LEAST -> extreme(c, c.fn() == Call.Fn.GREATEST, ctx, input);
      default -> throw new IllegalArgumentException(c.fn().toString());
    };
  }

  /** The first non-null argument; later arguments are not evaluated. */
  private static ExprCode coalesce(Call c, CodegenContext ctx, InputAccessor input) {
    String isNull = ctx.freshName("isNull"), value = ctx.freshName("value");
    StringBuilder sb = new StringBuilder(ExprCodegen.comment(c));
    sb.append(ExprCodegen.declareNull(c.type(), isNull, value));
    List<Expr> args = c.args();
    for (int i = 0; i < args.size(); i++) {
      ExprCode a = ExprCodegen.gen(args.get(i), ctx, input);
      if (i > 0) sb.append("if (").append(isNull).append(") {\n");
      sb.append(a.code());
      sb.append("if (!").append(a.isNull()).append(") {\n");
      sb.append(isNull).append(" = false;\n").append(value).append(" = ").append(a.value()).append(";\n}\n");
      if (i > 0) sb.append("}\n");
    }
    return new ExprCode(sb.toString(), isNull, value);
  }

  /** NULL when a = b, else a; both arguments are evaluated. */
  private static ExprCode nullIf(Call c, CodegenContext ctx, InputAccessor input) {
    ExprCode a = ExprCodegen.gen(c.args().get(0), ctx, input), b = ExprCodegen.gen(c.args().get(1), ctx, input);
    DataType t = c.args().get(0).dataType();
    String isNull = ctx.freshName("isNull"), value = ctx.freshName("value");
    String code = ExprCodegen.comment(c) + a.code() + b.code()
        + "boolean " + isNull + " = " + a.isNull() + ";\n"
        + CodegenContext.javaType(c.type()) + " " + value + " = " + a.value() + ";\n"
        + "if (!" + a.isNull() + " && !" + b.isNull() + " && " + PredicateGen.compare(Op.EQ, t, a.value(), b.value())
        + ") { " + isNull + " = true; }\n";
    return new ExprCode(code, isNull, value);
  }

  /** GREATEST/LEAST ignore NULL arguments; NULL only when all are. */
  private static ExprCode extreme(Call c, boolean greatest, CodegenContext ctx, InputAccessor input) {
    String isNull = ctx.freshName("isNull"), value = ctx.freshName("value");
    StringBuilder sb = new StringBuilder(ExprCodegen.comment(c));
    sb.append(ExprCodegen.declareNull(c.type(), isNull, value));
    for (Expr arg : c.args()) {
      ExprCode a = ExprCodegen.gen(arg, ctx, input);
      sb.append(a.code());
      sb.append("if (!").append(a.isNull()).append(" && (").append(isNull).append(" || ")
          .append(PredicateGen.compare(greatest ? Op.GT : Op.LT, c.type(), a.value(), value)).append(")) {\n");
      sb.append(isNull).append(" = false;\n").append(value).append(" = ").append(a.value()).append(";\n}\n");
    }
    return new ExprCode(sb.toString(), isNull, value);
  }
}
