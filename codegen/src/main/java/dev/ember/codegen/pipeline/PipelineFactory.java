package dev.ember.codegen.pipeline;

import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.codegen.compile.ClassCompiler;

/**
 * Makes a runnable {@link Pipeline} from a spec: generated and compiled (cached per shape) when
 * code generation is enabled and covers every expression, interpreted otherwise.
 */
public final class PipelineFactory {
  private PipelineFactory() {}

  /** Whether this spec will run as generated code under the given setting. */
  public static boolean willGenerate(PipelineSpec spec, boolean codegenEnabled) {
    return codegenEnabled && PipelineGenerator.supports(spec);
  }

  public static Pipeline create(PipelineSpec spec, PipelineResources resources, boolean codegenEnabled,
      QueryClock clock) {
    if (!willGenerate(spec, codegenEnabled)) return new InterpretedPipeline(spec, resources, clock);
    PipelineGenerator.Generated g = PipelineGenerator.generate(spec, clock);
    Class<?> cls = ClassCompiler.compile(g.className(), g.source());
    try {
      PipelineBase p = (PipelineBase) cls.getDeclaredConstructor().newInstance();
      p.init(g.references(), resources);
      return p;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate generated pipeline " + g.className(), e);
    }
  }
}
