package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

/** One key of an ORDER BY. */
public record SortOrder(Expr expr, boolean ascending, boolean nullsFirst) implements java.io.Serializable {
  public SortOrder { requireNonNull(expr); }

  /** ASC NULLS LAST / DESC NULLS FIRST: Spark's and PostgreSQL's default placement. */
  public static SortOrder asc(Expr e) { return new SortOrder(e, true, false); }

  public static SortOrder desc(Expr e) { return new SortOrder(e, false, true); }

  public SortOrder withExpr(Expr e) { return e == expr ? this : new SortOrder(e, ascending, nullsFirst); }

  public String display() {
    return expr.display() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
