package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.ExprCodegen.RT;

import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.types.DataType;

/**
 * Array functions: calls of {@code ArrayOps} on the list values, exactly as the interpreter makes
 * them. {@code array_contains} and element access may be NULL for non-null arguments, so their
 * boxed answer decides the null flag.
 */
final class ArrayCallGen {
  private static final String OPS = RT + "ArrayOps";

  private ArrayCallGen() {}

  static ExprCode call(Call c, CodegenContext ctx, InputAccessor input) {
    return switch (c.fn()) {
      case ARRAY_SIZE -> ExprCodegen.nullSafe(c, c.args(), ctx, input,
          v -> CastGen.convert(OPS + ".size(" + v[0] + ")", DataType.INT, c.type()));
      case ARRAY_CONTAINS -> {
        DataType element = c.args().get(0).dataType().elementType();
        String type = ctx.addReference(element, "dev.ember.catalyst.types.DataType", "elementType");
        yield boxedResult(c, ctx, input, v -> OPS + ".contains(" + v[0] + ", " + box(v[1], element) + ", " + type + ")");
      }
      case ELEMENT_AT -> boxedResult(c, ctx, input, v -> OPS + ".elementAt(" + v[0] + ", (long) " + v[1] + ")");
      default -> throw new IllegalArgumentException("no generated form for " + c.fn());
    };
  }

  /** A call whose helper returns the boxed result or null; unboxed into the call's Java type. */
  private static ExprCode boxedResult(Call c, CodegenContext ctx, InputAccessor input,
                                      java.util.function.Function<String[], String> helper) {
    ExprCode[] args = new ExprCode[c.args().size()];
    for (int i = 0; i < args.length; i++) args[i] = ExprCodegen.gen(c.args().get(i), ctx, input);
    String boxed = ctx.freshName("boxed");
    String[] values = new String[args.length];
    StringBuilder sb = new StringBuilder(ExprCodegen.comment(c));
    sb.append("Object ").append(boxed).append(" = null;\n");
    int open = 0;
    for (int i = 0; i < args.length; i++) {
      values[i] = args[i].value();
      sb.append(args[i].code());
      if (!args[i].nonNull()) {
        sb.append("if (!").append(args[i].isNull()).append(") {\n");
        open++;
      }
    }
    sb.append(boxed).append(" = ").append(helper.apply(values)).append(";\n");
    sb.append("}\n".repeat(open));
    String isNull = ctx.freshName("isNull");
    String value = ctx.freshName("value");
    DataType t = c.type();
    sb.append("boolean ").append(isNull).append(" = ").append(boxed).append(" == null;\n");
    sb.append(CodegenContext.javaType(t)).append(' ').append(value).append(" = ").append(isNull).append(" ? ")
        .append(CodegenContext.defaultValue(t)).append(" : ").append(unbox(boxed, t)).append(";\n");
    return new ExprCode(sb.toString(), isNull, value);
  }

  private static String box(String value, DataType t) {
    Class<?> c = t.javaClass();
    return c.isPrimitive() ? t.boxedClass().getName() + ".valueOf(" + value + ")" : value;
  }

  private static String unbox(String boxed, DataType t) {
    Class<?> c = t.javaClass();
    if (!c.isPrimitive()) return "(" + CodegenContext.javaType(t) + ") " + boxed;
    return "((" + t.boxedClass().getName() + ") " + boxed + ")." + c.getName() + "Value()";
  }
}
