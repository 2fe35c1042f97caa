package dev.ember.sql;

import static java.util.Objects.requireNonNull;

/** {@code EXPLAIN [EXTENDED|CODEGEN|COST|FORMATTED] <query>}. */
public record Explain(ExplainMode mode, Query query) implements Statement {
  public Explain { requireNonNull(mode); requireNonNull(query); }
}
