package dev.ember.api;

import dev.ember.api.ColumnNode.Aliased;
import dev.ember.api.ColumnNode.Lit;
import dev.ember.api.ColumnNode.Op;
import dev.ember.api.ColumnNode.Ordered;
import dev.ember.api.ColumnNode.Over;
import dev.ember.api.ColumnNode.When;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * An expression over a DataFrame's columns, as in Spark: built with {@link functions} and the
 * methods here, resolved when a transformation uses it. Immutable; every method returns a new
 * Column. Arguments that are not Columns are literals ({@code col("x").gt(5)}).
 */
public final class Column {
  final ColumnNode node;

  Column(ColumnNode node) { this.node = node; }

  static Column of(Object o) {
    if (o instanceof Column c) return c;
    return new Column(new Lit(o));
  }

  static Column op(String sql, String display, Object... args) {
    List<ColumnNode> nodes = new ArrayList<>();
    for (Object a : args) nodes.add(of(a).node);
    return new Column(new Op(sql, display, nodes));
  }

  private Column binary(String sqlOp, String displayOp, Object other) {
    return op("({0} " + sqlOp + " {1})", "({0} " + displayOp + " {1})", this, other);
  }

  // ---- arithmetic ---------------------------------------------------------------------------

  public Column plus(Object other) { return binary("+", "+", other); }

  public Column minus(Object other) { return binary("-", "-", other); }

  public Column multiply(Object other) { return binary("*", "*", other); }

  public Column divide(Object other) { return binary("/", "/", other); }

  public Column mod(Object other) { return op("MOD({0}, {1})", "({0} % {1})", this, other); }

  public Column unary_minus() { return op("(- {0})", "(- {0})", this); }

  // ---- comparison and logic ------------------------------------------------------------------

  public Column equalTo(Object other) { return binary("=", "=", other); }

  public Column notEqual(Object other) { return binary("<>", "!=", other); }

  public Column gt(Object other) { return binary(">", ">", other); }

  public Column geq(Object other) { return binary(">=", ">=", other); }

  public Column lt(Object other) { return binary("<", "<", other); }

  public Column leq(Object other) { return binary("<=", "<=", other); }

  /** Equality that treats two NULLs as equal ({@code <=>}). */
  public Column eqNullSafe(Object other) { return op("({0} IS NOT DISTINCT FROM {1})", "({0} <=> {1})", this, other); }

  public Column and(Column other) { return binary("AND", "AND", other); }

  public Column or(Column other) { return binary("OR", "OR", other); }

  public Column isNull() { return op("({0} IS NULL)", "({0} IS NULL)", this); }

  public Column isNotNull() { return op("({0} IS NOT NULL)", "({0} IS NOT NULL)", this); }

  public Column isin(Object... values) {
    if (values.length == 0) throw new EmberException(EmberException.SYNTAX_ERROR, "isin needs at least one value");
    Object[] args = new Object[values.length + 1];
    args[0] = this;
    System.arraycopy(values, 0, args, 1, values.length);
    return op("({0} IN ({*}))", "({0} IN ({*}))", args);
  }

  public Column between(Object lower, Object upper) {
    return op("({0} BETWEEN {1} AND {2})", "(({0} >= {1}) AND ({0} <= {2}))", this, lower, upper);
  }

  public Column like(String pattern) { return op("({0} LIKE {1})", "{0} LIKE {1}", this, pattern); }

  public Column startsWith(Object prefix) { return op("STARTS_WITH({0}, {1})", "startswith({0}, {1})", this, prefix); }

  public Column endsWith(Object suffix) { return op("ENDS_WITH({0}, {1})", "endswith({0}, {1})", this, suffix); }

  public Column contains(Object s) { return op("(POSITION({1} IN {0}) > 0)", "contains({0}, {1})", this, s); }

  public Column substr(int pos, int len) { return functions.substring(this, pos, len); }

  // ---- CASE ----------------------------------------------------------------------------------

  /** Adds a branch to a {@link functions#when} chain. */
  public Column when(Column condition, Object value) {
    if (!(node instanceof When w) || w.otherwise() != null) {
      throw new EmberException(EmberException.SYNTAX_ERROR, "when() can only follow when(), not otherwise()");
    }
    List<ColumnNode> cs = new ArrayList<>(w.conditions());
    List<ColumnNode> vs = new ArrayList<>(w.values());
    cs.add(condition.node);
    vs.add(of(value).node);
    return new Column(new When(cs, vs, null));
  }

  /** The value when no branch of a {@link functions#when} chain matched (else NULL). */
  public Column otherwise(Object value) {
    if (!(node instanceof When w) || w.otherwise() != null) {
      throw new EmberException(EmberException.SYNTAX_ERROR, "otherwise() can only follow when()");
    }
    return new Column(new When(w.conditions(), w.values(), of(value).node));
  }

  // ---- types, names, order, windows ----------------------------------------------------------

  /** Casts to a type given by name: Spark's ({@code "int"}, {@code "string"}, {@code "decimal(10,2)"}) or SQL's. */
  public Column cast(String typeName) { return cast(TypeNames.type(typeName)); }

  public Column cast(DataType type) {
    String sql = TypeNames.sql(type);
    return op("CAST({0} AS " + sql + ")", "CAST({0} AS " + type.sql() + ")", this);
  }

  public Column alias(String name) { return new Column(new Aliased(node, name)); }

  public Column as(String name) { return alias(name); }

  public Column name(String name) { return alias(name); }

  /** Ascending, NULLs last (Ember's SQL default, as in DuckDB and PostgreSQL). */
  public Column asc() { return new Column(new Ordered(node, true, false)); }

  public Column asc_nulls_first() { return new Column(new Ordered(node, true, true)); }

  public Column asc_nulls_last() { return asc(); }

  /** Descending, NULLs first (Ember's SQL default). */
  public Column desc() { return new Column(new Ordered(node, false, true)); }

  public Column desc_nulls_first() { return desc(); }

  public Column desc_nulls_last() { return new Column(new Ordered(node, false, false)); }

  /** This window or aggregate function over a window: {@code rank().over(Window.orderBy("x"))}. */
  public Column over(WindowSpec spec) { return new Column(new Over(node, spec)); }

  /** Over the whole input as one partition. */
  public Column over() { return over(new WindowSpec(List.of(), List.of(), null)); }

  @Override public String toString() { return ColumnSql.display(node); }
}
