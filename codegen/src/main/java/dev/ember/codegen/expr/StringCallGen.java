package dev.ember.codegen.expr;

import static dev.ember.codegen.expr.ExprCodegen.RT;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Call;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.LikeMatcher;
import dev.ember.catalyst.expr.eval.RegexOps;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import dev.ember.catalyst.types.Utf8String;
import java.util.List;

/**
 * String functions: calls of StringOps, LikeMatcher and RegexOps. Constant LIKE and regular
 * expression patterns are compiled once, when the class is set up, and passed as references; a
 * pattern that fails to compile is left to run time so the error is raised only for rows that
 * reach it, as in the interpreter.
 */
final class StringCallGen {
  private static final String STRING = RT + "StringOps";
  private static final String REGEX = RT + "RegexOps";
  private static final String LIKE = RT + "LikeMatcher";

  private StringCallGen() {}

  static ExprCode call(Call c, CodegenContext ctx, InputAccessor input) {
    int n = c.args().size();
    DataType t = c.type();
    return switch (c.fn()) {
      case LIKE, ILIKE -> like(c, ctx, input);
      case REGEXP_LIKE, REGEXP_REPLACE -> regex(c, ctx, input);
      case SUBSTRING -> fn(c, ctx, input, v -> STRING + ".substring(" + v[0] + ", (long) " + v[1]
          + (n > 2 ? ", (long) " + v[2] : "") + ")");
      case UPPER -> fn(c, ctx, input, v -> STRING + ".upper(" + v[0] + ")");
      case LOWER -> fn(c, ctx, input, v -> STRING + ".lower(" + v[0] + ")");
      case TRIM, LTRIM, RTRIM -> fn(c, ctx, input, v -> STRING + "." + c.fn().name().toLowerCase(java.util.Locale.ROOT)
          + "(" + v[0] + (n > 1 ? ", " + v[1] : "") + ")");
      case CHAR_LENGTH -> fn(c, ctx, input, v -> CastGen.convert(STRING + ".charLength(" + v[0] + ")", DataType.INT, t));
      case CONCAT -> fn(c, ctx, input, v -> concat(v, t));
      case REPLACE -> fn(c, ctx, input, v -> STRING + ".replace(" + v[0] + ", " + v[1] + ", " + v[2] + ")");
      case POSITION -> fn(c, ctx, input, v -> CastGen.convert(STRING + ".position(" + v[0] + ", " + v[1] + ")", DataType.INT, t));
      case LPAD, RPAD -> fn(c, ctx, input, v -> STRING + "." + (c.fn() == Call.Fn.LPAD ? "lpad(" : "rpad(") + v[0]
          + ", (long) " + v[1] + (n > 2 ? ", " + v[2] : "") + ")");
      case SPLIT_PART -> fn(c, ctx, input, v -> STRING + ".splitPart(" + v[0] + ", " + v[1] + ", (long) " + v[2] + ")");
      case STARTS_WITH -> fn(c, ctx, input, v -> STRING + ".startsWith(" + v[0] + ", " + v[1] + ")");
      case ENDS_WITH -> fn(c, ctx, input, v -> STRING + ".endsWith(" + v[0] + ", " + v[1] + ")");
      case CONTAINS -> fn(c, ctx, input, v -> STRING + ".contains(" + v[0] + ", " + v[1] + ")");
      default -> throw new IllegalArgumentException(c.fn().toString());
    };
  }

  private static ExprCode fn(Call c, CodegenContext ctx, InputAccessor input, java.util.function.Function<String[], String> f) {
    return ExprCodegen.nullSafe(c, c.args(), ctx, input, f);
  }

  private static String concat(String[] v, DataType t) {
    if (t.id() == TypeId.VARBINARY) {
      String out = v[0];
      for (int i = 1; i < v.length; i++) out = STRING + ".concat(" + out + ", " + v[i] + ")";
      return out;
    }
    if (v.length == 2) return STRING + ".concat(" + v[0] + ", " + v[1] + ")";
    return STRING + ".concat(new dev.ember.catalyst.types.Utf8String[] {" + String.join(", ", v) + "})";
  }

  private static Utf8String constant(Expr e) {
    return e instanceof Literal l && l.value() instanceof Utf8String s ? s : null;
  }

  private static ExprCode like(Call c, CodegenContext ctx, InputAccessor input) {
    boolean ci = c.fn() == Call.Fn.ILIKE;
    Utf8String pattern = constant(c.args().get(1));
    Utf8String escape = c.args().size() > 2 ? constant(c.args().get(2)) : null;
    boolean constantEscape = c.args().size() == 2 || escape != null;
    if (pattern != null && constantEscape) {
      try {
        LikeMatcher m = LikeMatcher.compile(pattern, escape, ci);
        String field = ctx.addReference(m, LIKE, "like");
        // The constant pattern (and escape) need no code of their own: only the value is read.
        return ExprCodegen.nullSafe(c, List.of(c.args().get(0)), ctx, input, v -> field + ".matches(" + v[0] + ")");
      } catch (EmberException e) {
        // bad pattern: raise at run time, for rows that get here
      }
    }
    return fn(c, ctx, input, v -> LIKE + ".cached(" + v[1] + ", " + (v.length > 2 ? v[2] : "null") + ", " + ci
        + ").matches(" + v[0] + ")");
  }

  private static ExprCode regex(Call c, CodegenContext ctx, InputAccessor input) {
    boolean like = c.fn() == Call.Fn.REGEXP_LIKE;
    int flagsAt = like ? 2 : 3;
    Utf8String pattern = constant(c.args().get(1));
    boolean hasFlags = c.args().size() > flagsAt;
    Utf8String flags = hasFlags ? constant(c.args().get(flagsAt)) : null;
    if (pattern != null && (!hasFlags || flags != null)) {
      try {
        java.util.regex.Pattern p = RegexOps.compile(pattern, flags);
        String field = ctx.addReference(p, "java.util.regex.Pattern", "regex");
        boolean global = RegexOps.isGlobal(flags);
        List<Expr> read = like ? List.of(c.args().get(0)) : List.of(c.args().get(0), c.args().get(2));
        return ExprCodegen.nullSafe(c, read, ctx, input, v -> like ? REGEX + ".like(" + v[0] + ", " + field + ")"
            : REGEX + ".replace(" + v[0] + ", " + field + ", " + v[1] + ", " + global + ")");
      } catch (EmberException e) {
        // bad pattern: raise at run time, for rows that get here
      }
    }
    return fn(c, ctx, input, v -> like
        ? REGEX + ".like(" + v[0] + ", " + v[1] + (hasFlags ? ", " + v[2] : "") + ")"
        : REGEX + ".replace(" + v[0] + ", " + v[1] + ", " + v[2] + (hasFlags ? ", " + v[3] : "") + ")");
  }
}
