package dev.ember.api;

import static dev.ember.api.Column.op;

import dev.ember.api.ColumnNode.Name;
import dev.ember.api.ColumnNode.Sql;
import dev.ember.api.ColumnNode.When;
import java.util.List;

/**
 * The DataFrame functions, as static methods named like Spark's ({@code import static
 * dev.ember.api.functions.*}). Each means what the SQL function of the same name means in Ember:
 * same argument coercions, same result type.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
  private functions() {}

  // ---- columns and literals ------------------------------------------------------------------

  /** A column by name, {@code "x"} or {@code "t.x"} after {@code df.alias("t")}; {@code "*"} for all. */
  public static Column col(String name) { return new Column(new Name(name)); }

  public static Column column(String name) { return col(name); }

  /** A literal: Integer, Long, Double, Float, Short, Byte, Boolean, String, BigDecimal, LocalDate, LocalDateTime, or null. */
  public static Column lit(Object value) { return Column.of(value); }

  /** A SQL expression over the DataFrame's columns, parsed by Ember's SQL front end: {@code expr("a + 1")}. */
  public static Column expr(String sql) { return new Column(new Sql(sql)); }

  public static Column asc(String name) { return col(name).asc(); }

  public static Column desc(String name) { return col(name).desc(); }

  /** Marks a DataFrame as small enough to send to every task of a join. */
  public static DataFrame broadcast(DataFrame df) { return df.hintBroadcast(); }

  // ---- conditionals --------------------------------------------------------------------------

  public static Column when(Column condition, Object value) {
    return new Column(new When(List.of(condition.node), List.of(Column.of(value).node), null));
  }

  public static Column coalesce(Column... cols) { return op("COALESCE({*})", "coalesce({*})", (Object[]) cols); }

  public static Column not(Column c) { return op("(NOT {0})", "(NOT {0})", c); }

  public static Column isnull(Column c) { return c.isNull(); }

  public static Column nullif(Column a, Object b) { return op("NULLIF({0}, {1})", "nullif({0}, {1})", a, b); }

  public static Column greatest(Column... cols) { return op("GREATEST({*})", "greatest({*})", (Object[]) cols); }

  public static Column least(Column... cols) { return op("LEAST({*})", "least({*})", (Object[]) cols); }

  // ---- aggregates ----------------------------------------------------------------------------

  public static Column count(Column c) {
    if (c.node instanceof ColumnNode.Name n && n.name().equals("*")) return op("COUNT(*)", "count(1)");
    return op("COUNT({0})", "count({0})", c);
  }

  public static Column count(String name) { return count(col(name)); }

  public static Column countDistinct(Column c, Column... more) {
    Object[] args = new Object[more.length + 1];
    args[0] = c;
    System.arraycopy(more, 0, args, 1, more.length);
    return op("COUNT(DISTINCT {*})", "count(DISTINCT {*})", args);
  }

  public static Column countDistinct(String name, String... more) {
    Column[] cs = new Column[more.length];
    for (int i = 0; i < more.length; i++) cs[i] = col(more[i]);
    return countDistinct(col(name), cs);
  }

  public static Column sum(Column c) { return op("SUM({0})", "sum({0})", c); }

  public static Column sum(String name) { return sum(col(name)); }

  public static Column sumDistinct(Column c) { return op("SUM(DISTINCT {0})", "sum(DISTINCT {0})", c); }

  public static Column avg(Column c) { return op("AVG({0})", "avg({0})", c); }

  public static Column avg(String name) { return avg(col(name)); }

  public static Column mean(Column c) { return avg(c); }

  public static Column mean(String name) { return avg(name); }

  public static Column min(Column c) { return op("MIN({0})", "min({0})", c); }

  public static Column min(String name) { return min(col(name)); }

  public static Column max(Column c) { return op("MAX({0})", "max({0})", c); }

  public static Column max(String name) { return max(col(name)); }

  public static Column stddev(Column c) { return op("STDDEV_SAMP({0})", "stddev_samp({0})", c); }

  public static Column stddev_pop(Column c) { return op("STDDEV_POP({0})", "stddev_pop({0})", c); }

  public static Column variance(Column c) { return op("VAR_SAMP({0})", "var_samp({0})", c); }

  public static Column var_pop(Column c) { return op("VAR_POP({0})", "var_pop({0})", c); }

  /** Some value of the group (Spark's {@code first}: which one is unspecified without an order). */
  public static Column first(Column c) { return op("ANY_VALUE({0})", "first({0})", c); }

  public static Column first(String name) { return first(col(name)); }

  /**
   * The group's non-null values as an ARRAY in input order (across partitions the order is not
   * fixed, as in Spark); an empty group gives an empty array.
   */
  public static Column collect_list(Column c) { return op("COLLECT_LIST({0})", "collect_list({0})", c); }

  public static Column collect_list(String name) { return collect_list(col(name)); }

  /** As {@link #collect_list} without repeated values. */
  public static Column collect_set(Column c) { return op("COLLECT_SET({0})", "collect_set({0})", c); }

  public static Column collect_set(String name) { return collect_set(col(name)); }

  /** The number of elements of an array (NULL for NULL). */
  public static Column size(Column c) { return op("SIZE({0})", "size({0})", c); }

  /** Whether the array holds {@code value} (NULL when it does not but holds a NULL, as Spark). */
  public static Column array_contains(Column c, Object value) {
    return op("ARRAY_CONTAINS({0}, {1})", "array_contains({0}, {1})", c, value);
  }

  /** The element at 1-based {@code index} (negative: from the end), NULL when there is none. */
  public static Column element_at(Column c, int index) {
    return op("ELEMENT_AT({0}, {1})", "element_at({0}, {1})", c, index);
  }

  // ---- window functions ----------------------------------------------------------------------

  public static Column row_number() { return op("ROW_NUMBER()", "row_number()"); }

  public static Column rank() { return op("RANK()", "rank()"); }

  public static Column dense_rank() { return op("DENSE_RANK()", "dense_rank()"); }

  public static Column percent_rank() { return op("PERCENT_RANK()", "percent_rank()"); }

  public static Column cume_dist() { return op("CUME_DIST()", "cume_dist()"); }

  public static Column ntile(int n) { return op("NTILE({0})", "ntile({0})", n); }

  public static Column lag(Column c, int offset) { return op("LAG({0}, {1})", "lag({0}, {1})", c, offset); }

  public static Column lead(Column c, int offset) { return op("LEAD({0}, {1})", "lead({0}, {1})", c, offset); }

  // ---- strings -------------------------------------------------------------------------------

  public static Column upper(Column c) { return op("UPPER({0})", "upper({0})", c); }

  public static Column lower(Column c) { return op("LOWER({0})", "lower({0})", c); }

  /** {@code len} characters from 1-based position {@code pos}. */
  public static Column substring(Column c, int pos, int len) {
    return op("SUBSTRING({0} FROM {1} FOR {2})", "substring({0}, {1}, {2})", c, pos, len);
  }

  public static Column concat(Column... cols) { return op("CONCAT({*})", "concat({*})", (Object[]) cols); }

  public static Column trim(Column c) { return op("TRIM(BOTH ' ' FROM {0})", "trim({0})", c); }

  public static Column ltrim(Column c) { return op("LTRIM({0})", "ltrim({0})", c); }

  public static Column rtrim(Column c) { return op("RTRIM({0})", "rtrim({0})", c); }

  public static Column length(Column c) { return op("CHAR_LENGTH({0})", "length({0})", c); }

  public static Column lpad(Column c, int len, String pad) { return op("LPAD({0}, {1}, {2})", "lpad({0}, {1}, {2})", c, len, pad); }

  public static Column rpad(Column c, int len, String pad) { return op("RPAD({0}, {1}, {2})", "rpad({0}, {1}, {2})", c, len, pad); }

  public static Column replace(Column c, String search, String replacement) {
    return op("REPLACE({0}, {1}, {2})", "replace({0}, {1}, {2})", c, search, replacement);
  }

  public static Column regexp_replace(Column c, String pattern, String replacement) {
    return op("REGEXP_REPLACE({0}, {1}, {2})", "regexp_replace({0}, {1}, {2})", c, pattern, replacement);
  }

  // ---- numbers -------------------------------------------------------------------------------

  public static Column abs(Column c) { return op("ABS({0})", "abs({0})", c); }

  public static Column round(Column c, int scale) { return op("ROUND({0}, {1})", "round({0}, {1})", c, scale); }

  public static Column round(Column c) { return round(c, 0); }

  public static Column floor(Column c) { return op("FLOOR({0})", "FLOOR({0})", c); }

  public static Column ceil(Column c) { return op("CEIL({0})", "CEIL({0})", c); }

  public static Column sqrt(Column c) { return op("SQRT({0})", "SQRT({0})", c); }

  public static Column pow(Column c, Object exponent) { return op("POWER({0}, {1})", "POWER({0}, {1})", c, exponent); }

  public static Column exp(Column c) { return op("EXP({0})", "EXP({0})", c); }

  public static Column log(Column c) { return op("LN({0})", "ln({0})", c); }

  // ---- dates ---------------------------------------------------------------------------------

  public static Column year(Column c) { return op("EXTRACT(YEAR FROM {0})", "year({0})", c); }

  public static Column quarter(Column c) { return op("EXTRACT(QUARTER FROM {0})", "quarter({0})", c); }

  public static Column month(Column c) { return op("EXTRACT(MONTH FROM {0})", "month({0})", c); }

  public static Column dayofmonth(Column c) { return op("EXTRACT(DAY FROM {0})", "dayofmonth({0})", c); }

  public static Column date_add(Column c, int days) { return op("DATE_ADD({0}, {1})", "date_add({0}, {1})", c, days); }

  public static Column date_sub(Column c, int days) { return op("DATE_ADD({0}, {1})", "date_sub({0}, " + days + ")", c, -days); }

  public static Column datediff(Column end, Column start) { return op("DATEDIFF({0}, {1})", "datediff({0}, {1})", end, start); }

  public static Column date_trunc(String unit, Column c) { return op("DATE_TRUNC({0}, {1})", "date_trunc({0}, {1})", unit, c); }

  public static Column current_date() { return op("CURRENT_DATE", "current_date()"); }

  public static Column current_timestamp() { return op("CURRENT_TIMESTAMP", "current_timestamp()"); }
}
