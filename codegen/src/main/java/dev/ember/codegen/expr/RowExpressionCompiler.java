package dev.ember.codegen.expr;

import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.codegen.compile.ClassCompiler;
import java.lang.reflect.InvocationTargetException;

/**
 * Compiles a bound expression into a {@link RowExpression}: the generated counterpart of
 * {@code Interpreter.eval(e, row)} (used by the equivalence tests, and wherever a boxed row is
 * evaluated often enough to be worth compiling).
 */
public final class RowExpressionCompiler {
  private static final String TEMPLATE = """
      public final class ${name} extends dev.ember.codegen.expr.RowExpression {
      ${fields}
        public void init(Object[] refs) {
      ${init}  }

        public Object eval(Object[] row) {
      ${code}    if (${isNull}) return null;
          return ${box};
        }

      ${methods}}
      """;

  private RowExpressionCompiler() {}

  public static RowExpression compile(Expr bound, QueryClock clock) {
    return compile(bound, new CodegenContext(clock));
  }

  /** Compiles with a given context (e.g. a small split weight to exercise method splitting). */
  public static RowExpression compile(Expr bound, CodegenContext ctx) {
    ExprCode code = ExprCodegen.generate(bound, ctx, new ObjectRowAccessor("row"));
    String boxed = CodegenContext.boxedType(bound.dataType());
    String javaType = CodegenContext.javaType(bound.dataType());
    String box = javaType.equals(boxed) ? "(Object) " + code.value() : boxed + ".valueOf(" + code.value() + ")";
    String name = "GeneratedRowExpression";
    String source = TEMPLATE.replace("${name}", name)
        .replace("${fields}", ctx.fieldDeclarations())
        .replace("${init}", ctx.initCode().indent(2))
        .replace("${code}", code.code().indent(4))
        .replace("${isNull}", code.isNull())
        .replace("${box}", box)
        .replace("${methods}", ctx.methods());
    Class<?> c = ClassCompiler.compile(name, source, RowExpressionCompiler.class.getClassLoader());
    try {
      RowExpression r = (RowExpression) c.getDeclaredConstructor().newInstance();
      r.init(ctx.references());
      return r;
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
      throw new IllegalStateException("cannot instantiate generated " + name, e);
    }
  }
}
