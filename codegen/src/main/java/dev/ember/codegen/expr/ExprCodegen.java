package dev.ember.codegen.expr;

import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.CaseWhen;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.expr.eval.Casts;
import dev.ember.catalyst.types.DataType;
import java.util.List;
import java.util.function.Function;

/**
 * Generates Java code for bound expressions with exactly the interpreter's semantics
 * ({@link dev.ember.catalyst.expr.eval.Interpreter}): the same evaluation order, the same
 * short-circuits and the same runtime helpers, so both give the same answers and the same errors.
 * Nulls live in separate boolean locals; primitive arithmetic and comparisons are inline; literal
 * values go into the references array. Sub-expressions larger than the context's split weight
 * move into private methods of the generated class (see {@link MethodSplitter}).
 *
 * <p>One generator per expression family: {@link ArithmeticGen}, {@link PredicateGen},
 * {@link ConditionalGen}, {@link CastGen}, {@link StringCallGen}, {@link DateMathCallGen}; this
 * class is the single dispatch point.
 */
public final class ExprCodegen {
  /** Package of the shared runtime helpers that generated code calls. */
  static final String RT = "dev.ember.catalyst.expr.eval.";

  private ExprCodegen() {}

  /** Code computing {@code bound}; its BoundRefs are read through {@code input}. */
  public static ExprCode generate(Expr bound, CodegenContext ctx, InputAccessor input) {
    if (!supports(bound)) {
      throw new IllegalArgumentException("no generated form for " + bound.display());
    }
    return gen(bound, ctx, input);
  }

  /** Like {@link #generate}, but always in a private method of its own (for large operators). */
  public static ExprCode generateInMethod(Expr bound, CodegenContext ctx, InputAccessor input) {
    if (!supports(bound)) {
      throw new IllegalArgumentException("no generated form for " + bound.display());
    }
    return MethodSplitter.split(bound, ctx, input);
  }

  /** True when every node of the expression has a generated form (else the pipeline interprets). */
  public static boolean supports(Expr e) {
    return !e.exists(n -> !supportsNode(n));
  }

  private static boolean supportsNode(Expr n) {
    if (n instanceof Cast c) return Casts.canCast(c.child().dataType(), c.type());
    return n instanceof Literal || n instanceof BoundRef || n instanceof Alias || n instanceof BinaryOp
        || n instanceof UnaryOp || n instanceof CaseWhen || n instanceof InList || n instanceof Call;
  }

  /** Generates a child, in a method of its own when it is large. */
  static ExprCode gen(Expr e, CodegenContext ctx, InputAccessor input) {
    if (!e.children().isEmpty() && weight(e, ctx.splitWeight() + 1) > ctx.splitWeight()) {
      return MethodSplitter.split(e, ctx, input);
    }
    return genInline(e, ctx, input);
  }

  /** Generates {@code e} itself inline (its children may still be split). */
  static ExprCode genInline(Expr e, CodegenContext ctx, InputAccessor input) {
    if (e instanceof Literal l) return literal(l, ctx);
    if (e instanceof BoundRef b) return input.column(ctx, b.ordinal(), b.type(), b.nullable());
    if (e instanceof Alias a) return gen(a.child(), ctx, input);
    if (e instanceof BinaryOp b) {
      if (b.op().isArithmetic() || b.op() == BinaryOp.Op.CONCAT) return ArithmeticGen.binary(b, ctx, input);
      return PredicateGen.binary(b, ctx, input);
    }
    if (e instanceof UnaryOp u) {
      return u.op() == UnaryOp.Op.NEGATE ? ArithmeticGen.negate(u, ctx, input) : PredicateGen.unary(u, ctx, input);
    }
    if (e instanceof Cast c) return CastGen.cast(c, ctx, input);
    if (e instanceof CaseWhen c) return ConditionalGen.caseWhen(c, ctx, input);
    if (e instanceof InList in) return PredicateGen.in(in, ctx, input);
    if (e instanceof Call c) {
      return switch (c.fn()) {
        case COALESCE, NULLIF, GREATEST, LEAST -> ConditionalGen.call(c, ctx, input);
        case SCALAR_SUBQUERY_CHECK -> SubqueryCheckGen.call(c, ctx, input);
        case ARRAY_SIZE, ARRAY_CONTAINS, ELEMENT_AT -> ArrayCallGen.call(c, ctx, input);
        case LIKE, ILIKE, SUBSTRING, UPPER, LOWER, TRIM, LTRIM, RTRIM, CHAR_LENGTH, CONCAT, REPLACE,
            POSITION, LPAD, RPAD, SPLIT_PART, STARTS_WITH, ENDS_WITH, CONTAINS, REGEXP_LIKE,
            REGEXP_REPLACE -> StringCallGen.call(c, ctx, input);
        default -> DateMathCallGen.call(c, ctx, input);
      };
    }
    throw new IllegalArgumentException("no generated form for " + e.getClass().getSimpleName());
  }

  /** Number of nodes, counted up to {@code limit} (so large trees cost no more than the limit). */
  static int weight(Expr e, int limit) {
    int w = 1;
    for (Expr c : e.children()) {
      if (w > limit) return w;
      w += weight(c, limit - w);
    }
    return w;
  }

  private static ExprCode literal(Literal l, CodegenContext ctx) {
    if (l.value() == null) return new ExprCode("", "true", CodegenContext.defaultValue(l.type()));
    if (l.value() instanceof Boolean b) return ExprCode.ofValue(b ? "true" : "false");
    String field = ctx.addReference(l.value(), CodegenContext.javaType(l.type()), "lit");
    return ExprCode.ofValue(field);
  }

  /** The comment line that starts every generated block. */
  static String comment(Expr e) { return "// " + CodegenContext.comment(e.display()) + "\n"; }

  /**
   * The template of null-intolerant operators: evaluates {@code children} left to right, stops
   * at the first NULL (result NULL), else computes {@code valueExpr} of the children's values.
   */
  static ExprCode nullSafe(Expr e, List<Expr> children, CodegenContext ctx, InputAccessor input,
      Function<String[], String> valueExpr) {
    ExprCode[] codes = new ExprCode[children.size()];
    for (int i = 0; i < codes.length; i++) codes[i] = gen(children.get(i), ctx, input);
    return nullSafeCodes(e, codes, ctx, valueExpr);
  }

  /** {@link #nullSafe} over already generated children. */
  static ExprCode nullSafeCodes(Expr e, ExprCode[] codes, CodegenContext ctx, Function<String[], String> valueExpr) {
    String[] values = new String[codes.length];
    boolean anyNullable = false;
    for (int i = 0; i < codes.length; i++) {
      values[i] = codes[i].value();
      anyNullable |= !codes[i].nonNull();
    }
    String type = CodegenContext.javaType(e.dataType());
    String v = ctx.freshName("value");
    StringBuilder sb = new StringBuilder(comment(e));
    if (!anyNullable) {
      for (ExprCode c : codes) sb.append(c.code());
      sb.append(type).append(' ').append(v).append(" = ").append(valueExpr.apply(values)).append(";\n");
      return new ExprCode(sb.toString(), "false", v);
    }
    String n = ctx.freshName("isNull");
    sb.append("boolean ").append(n).append(" = true;\n");
    sb.append(type).append(' ').append(v).append(" = ").append(CodegenContext.defaultValue(e.dataType())).append(";\n");
    int open = 0;
    for (ExprCode c : codes) {
      sb.append(c.code());
      if (!c.nonNull()) {
        sb.append("if (!").append(c.isNull()).append(") {\n");
        open++;
      }
    }
    sb.append(n).append(" = false;\n");
    sb.append(v).append(" = ").append(valueExpr.apply(values)).append(";\n");
    sb.append("}\n".repeat(open));
    return new ExprCode(sb.toString(), n, v);
  }

  /** Declares result locals {@code isNull}/{@code value} for {@code t}, initialised to NULL. */
  static String declareNull(DataType t, String isNull, String value) {
    return "boolean " + isNull + " = true;\n" + CodegenContext.javaType(t) + " " + value + " = "
        + CodegenContext.defaultValue(t) + ";\n";
  }
}
