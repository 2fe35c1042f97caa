package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Missing-value handling, as Spark's {@code df.na()}: {@code fill} NULLs, {@code drop} rows with NULLs. */
public final class DataFrameNaFunctions {
  private final DataFrame df;

  DataFrameNaFunctions(DataFrame df) { this.df = df; }

  /** Replaces NULLs in every column whose type fits the value (numbers for a number, strings for a string, …). */
  public DataFrame fill(Object value) { return fill(value, (String[]) null); }

  /** Replaces NULLs in the named columns (those whose type fits the value). */
  public DataFrame fill(Object value, String... cols) {
    if (value == null) throw new EmberException(EmberException.SYNTAX_ERROR, "na().fill needs a non-null value");
    Set<Long> only = cols == null ? null : ids(cols);
    List<Column> out = new ArrayList<>();
    for (AttributeRef a : df.plan.output()) {
      Column c = new Column(new ColumnNode.Bound(a, a.name()));
      if ((only == null || only.contains(a.id())) && fits(value, a.type()) && a.nullable()) {
        c = functions.coalesce(c, functions.lit(value).cast(a.type())).alias(a.name());
      }
      out.add(c);
    }
    return df.select(out.toArray(Column[]::new));
  }

  /** Drops rows with a NULL in any column. */
  public DataFrame drop() { return drop("any"); }

  /** {@code how}: "any" drops rows with a NULL anywhere, "all" rows that are NULL everywhere. */
  public DataFrame drop(String how) { return drop(how, df.columns()); }

  public DataFrame drop(String how, String... cols) {
    boolean all = switch (how.toLowerCase(Locale.ROOT)) {
      case "any" -> false;
      case "all" -> true;
      default -> throw new EmberException(EmberException.SYNTAX_ERROR, "na().drop how must be 'any' or 'all', not '" + how + "'");
    };
    Column cond = null;
    Scope scope = df.scope();
    for (String name : cols) {
      AttributeRef a = scope.resolve(name);
      Column c = new Column(new ColumnNode.Bound(a, a.name())).isNotNull();
      cond = cond == null ? c : all ? cond.or(c) : cond.and(c);
    }
    return cond == null ? df : df.filter(cond);
  }

  private Set<Long> ids(String[] cols) {
    Set<Long> out = new HashSet<>();
    Scope scope = df.scope();
    for (String c : cols) out.add(scope.resolve(c).id());
    return out;
  }

  private static boolean fits(Object value, DataType t) {
    if (value instanceof Number) return t.isNumeric();
    if (value instanceof String) return t.isString();
    if (value instanceof Boolean) return t.id() == dev.ember.catalyst.types.TypeId.BOOLEAN;
    return false;
  }
}
