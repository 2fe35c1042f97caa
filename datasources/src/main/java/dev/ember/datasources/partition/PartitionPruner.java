package dev.ember.datasources.partition;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.Interpreter;
import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a partition directory can hold rows satisfying the pushed conjuncts: every
 * conjunct that reads only partition columns is evaluated with the directory's values; FALSE or
 * NULL rules the directory out. Conjuncts that read data columns, or that fail to evaluate, keep
 * it (pruning must never lose a row).
 */
final class PartitionPruner {
  private final Schema partitionSchema;
  private final List<Expr> conjuncts = new ArrayList<>();

  PartitionPruner(Schema partitionSchema, List<Expr> filters) {
    this.partitionSchema = partitionSchema;
    for (Expr e : filters) if (e.deterministic() && onlyPartitionColumns(e)) conjuncts.add(e);
  }

  private boolean onlyPartitionColumns(Expr e) {
    boolean[] only = {true};
    boolean[] any = {false};
    e.foreach(n -> {
      if (n instanceof AttributeRef a) {
        any[0] = true;
        int at = partitionSchema.indexOf(a.name());
        if (at < 0 || !partitionSchema.field(at).type().equals(a.type())) only[0] = false;
      }
    });
    return only[0] && any[0];
  }

  boolean isEmpty() { return conjuncts.isEmpty(); }

  /** False only when the directory's values make some conjunct FALSE or NULL. */
  boolean mightMatch(List<Object> values) {
    for (Expr e : conjuncts) {
      Expr bound = e.transformUp(n -> n instanceof AttributeRef a
          ? new Literal(values.get(partitionSchema.indexOf(a.name())), a.type()) : n);
      Object result;
      try {
        result = Interpreter.eval(bound, new Object[0]);
      } catch (RuntimeException ex) {
        continue;
      }
      if (!Boolean.TRUE.equals(result)) return false;
    }
    return true;
  }
}
