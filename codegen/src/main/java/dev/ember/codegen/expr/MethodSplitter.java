package dev.ember.codegen.expr;

import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Moves a sub-expression into a private method of the generated class, keeping every method far
 * below the JIT's 8,000-byte limit. The caller reads the input columns the sub-expression uses
 * (through the pipeline's accessor) and passes them as parameters, so the method does not depend
 * on how the pipeline holds its row; the method returns the value and leaves the null flag in a
 * field of the generated class.
 */
final class MethodSplitter {
  /** Beyond this many input columns the JVM's parameter limit gets close: stay inline. */
  private static final int MAX_COLUMNS = 60;

  private MethodSplitter() {}

  static ExprCode split(Expr e, CodegenContext ctx, InputAccessor input) {
    return splitWith(e, ctx, input, (c, in) -> ExprCodegen.genInline(e, c, in));
  }

  /**
   * Like {@link #split}, with the body produced by {@code body} given the method's own accessor
   * (for callers that generate the body differently from {@code genInline}, e.g. chain tails).
   */
  static ExprCode splitWith(Expr e, CodegenContext ctx, InputAccessor input,
      BiFunction<CodegenContext, InputAccessor, ExprCode> body) {
    Map<Integer, BoundRef> refs = new TreeMap<>();
    e.foreach(n -> {
      if (n instanceof BoundRef b) refs.merge(b.ordinal(), b, (x, y) -> x.nullable() ? x : y);
    });
    if (refs.size() > MAX_COLUMNS) return body.apply(ctx, input);

    String method = ctx.freshName("eval");
    StringBuilder caller = new StringBuilder("// " + CodegenContext.comment(e.display()) + " (in " + method + ")\n");
    List<String> params = new ArrayList<>(), args = new ArrayList<>();
    Map<Integer, ExprCode> inner = new TreeMap<>();
    for (BoundRef b : refs.values()) {
      ExprCode col = input.column(ctx, b.ordinal(), b.type(), b.nullable());
      caller.append(col.code());
      String pn = ctx.freshName("argIsNull"), pv = ctx.freshName("arg");
      if (!col.nonNull()) {
        params.add("boolean " + pn);
        args.add(col.isNull());
      }
      params.add(CodegenContext.javaType(b.type()) + " " + pv);
      args.add(col.value());
      inner.put(b.ordinal(), new ExprCode("", col.nonNull() ? "false" : pn, pv));
    }
    InputAccessor paramAccessor = (c, ordinal, type, nullable) -> {
      ExprCode p = inner.get(ordinal);
      if (p == null) throw new IllegalStateException("column " + ordinal + " was not passed to " + method);
      return p;
    };
    ExprCode b = body.apply(ctx, paramAccessor);
    DataType t = e.dataType();
    String javaType = CodegenContext.javaType(t);
    String nullField = b.nonNull() ? null : ctx.addField("boolean", method + "IsNull", null);
    StringBuilder m = new StringBuilder();
    m.append("  private ").append(javaType).append(' ').append(method).append('(')
        .append(String.join(", ", params)).append(") {\n");
    m.append(indent(b.code()));
    if (nullField != null) m.append("    ").append(nullField).append(" = ").append(b.isNull()).append(";\n");
    m.append("    return ").append(b.value()).append(";\n  }\n");
    ctx.addMethod(m.toString());

    String v = ctx.freshName("value");
    caller.append(javaType).append(' ').append(v).append(" = ").append(method).append('(')
        .append(String.join(", ", args)).append(");\n");
    if (nullField == null) return new ExprCode(caller.toString(), "false", v);
    String n = ctx.freshName("isNull");
    caller.append("boolean ").append(n).append(" = ").append(nullField).append(";\n");
    return new ExprCode(caller.toString(), n, v);
  }

  private static String indent(String code) {
    if (code.isEmpty()) return code;
    StringBuilder sb = new StringBuilder();
    for (String line : code.split("\n")) sb.append("    ").append(line).append('\n');
    return sb.toString();
  }
}
