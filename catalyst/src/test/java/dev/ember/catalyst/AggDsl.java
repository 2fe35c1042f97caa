package dev.ember.catalyst;

import dev.ember.catalyst.expr.AggregateCall;
import dev.ember.catalyst.expr.NamedAggregate;

/** An aggregate call of the test DSL ({@code sum(col("v"))}), resolved like {@link DslExpr}. */
@FunctionalInterface
public interface AggDsl {
  AggregateCall resolve(Scope scope);

  /** The aggregate as an output column of an Aggregate. */
  default Named as(String name) { return s -> NamedAggregate.of(resolve(s), name); }

  /** Restricts the rows it aggregates: {@code FILTER (WHERE cond)}. */
  default AggDsl filter(DslExpr cond) {
    return s -> {
      AggregateCall c = resolve(s);
      return new AggregateCall(c.fn(), c.args(), c.distinct(), cond.resolve(s), c.type());
    };
  }

  /** A named aggregate of the test DSL. */
  @FunctionalInterface
  interface Named {
    NamedAggregate resolve(Scope scope);
  }
}
