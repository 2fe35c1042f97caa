package dev.ember.catalyst.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.tree.Trees;
import dev.ember.catalyst.types.DataType;
import java.util.List;

/**
 * A call of a built-in scalar function. The function set is closed (an enum), so every
 * evaluator switches over it exhaustively; argument types are fixed by the front end.
 */
public record Call(Fn fn, List<Expr> args, DataType type) implements Expr {
  /** Built-in scalar functions. Unless noted, a NULL argument gives a NULL result. */
  public enum Fn {
    // conditionals
    /** First non-null argument; NULL only when all are. */
    COALESCE(false),
    /** {@code NULLIF(a, b)}: NULL when a = b, else a. */
    NULLIF(false),
    // strings
    /** {@code value LIKE pattern [ESCAPE esc]} (2 or 3 args). */
    LIKE(true),
    ILIKE(true),
    /** {@code SUBSTRING(s, start [, length])}, 1-based, in code points. */
    SUBSTRING(true),
    UPPER(true), LOWER(true), TRIM(true), LTRIM(true), RTRIM(true),
    /** Length in code points. */
    CHAR_LENGTH(true),
    /** Concatenation of all arguments; NULL if any is NULL. */
    CONCAT(true),
    REPLACE(true),
    /** {@code POSITION(needle IN haystack)}: 1-based, 0 when absent. args: (needle, haystack). */
    POSITION(true),
    LPAD(true), RPAD(true), SPLIT_PART(true), STARTS_WITH(true), ENDS_WITH(true), CONTAINS(true),
    REGEXP_LIKE(true), REGEXP_REPLACE(true),
    // dates and times
    EXTRACT_YEAR(true), EXTRACT_QUARTER(true), EXTRACT_MONTH(true), EXTRACT_DAY(true),
    EXTRACT_DAY_OF_WEEK(true), EXTRACT_DAY_OF_YEAR(true),
    EXTRACT_HOUR(true), EXTRACT_MINUTE(true), EXTRACT_SECOND(true),
    /** {@code DATE_TRUNC(unit, value)}: unit is a VARCHAR literal. */
    DATE_TRUNC(true),
    /** {@code DATE_ADD(date, days)}. */
    DATE_ADD(true),
    /** {@code DATEDIFF(end, start)} in days. */
    DATEDIFF(true),
    CURRENT_DATE(false), CURRENT_TIMESTAMP(false),
    // math
    ABS(true), ROUND(true), FLOOR(true), CEIL(true), POWER(true), SQRT(true), LN(true), LOG10(true),
    EXP(true), SIGN(true), GREATEST(false), LEAST(false),
    /** A uniformly random DOUBLE in [0, 1): not deterministic. */
    RANDOM(false),
    // arrays
    /** {@code size(arr)}, {@code cardinality(arr)}: the number of elements, an INT. */
    ARRAY_SIZE(true),
    /**
     * {@code array_contains(arr, value)}: whether an element equals {@code value} (cast to the
     * element type). As Spark: NULL when the array holds a NULL and no element equals the value.
     */
    ARRAY_CONTAINS(true),
    /**
     * {@code arr[i]}, {@code element_at(arr, i)}: the element at 1-based position {@code i}
     * (negative: from the end); NULL when there is none, as DuckDB and Spark (non-ANSI).
     */
    ELEMENT_AT(true),
    // subqueries
    /**
     * {@code SCALAR_SUBQUERY_CHECK(rowCount, value)}: {@code value}, unless the scalar subquery
     * it comes from returned {@code rowCount} > 1 rows, which raises SQLSTATE 21000 at run time
     * (as PostgreSQL and DuckDB do). A NULL count (an outer join's padding) passes.
     */
    SCALAR_SUBQUERY_CHECK(false);

    /** True when any NULL argument makes the result NULL without evaluating the function. */
    public final boolean nullIntolerant;

    Fn(boolean nullIntolerant) { this.nullIntolerant = nullIntolerant; }
  }

  public Call {
    requireNonNull(fn);
    args = List.copyOf(args);
    requireNonNull(type);
  }

  public static Call of(Fn fn, DataType type, Expr... args) { return new Call(fn, List.of(args), type); }

  @Override public DataType dataType() { return type; }

  @Override public boolean nullable() {
    return switch (fn) {
      case COALESCE -> args.stream().allMatch(Expr::nullable);
      case NULLIF, GREATEST, LEAST, ARRAY_CONTAINS, ELEMENT_AT -> true;
      case SCALAR_SUBQUERY_CHECK -> args.get(1).nullable();
      case CURRENT_DATE, CURRENT_TIMESTAMP, RANDOM -> false;
      // Functions that can return NULL for non-null input (e.g. ln(0) under non-ANSI) are errors
      // in Ember, so a null-intolerant function is nullable exactly when an argument is.
      default -> args.stream().anyMatch(Expr::nullable);
    };
  }

  /**
   * RANDOM draws a new value per evaluation; SCALAR_SUBQUERY_CHECK counts as non-deterministic so
   * that no rule evaluates it on more rows than its place in the plan sees (a correlated
   * subquery's check belongs above the join with the outer rows, see the SQL front end).
   */
  @Override public boolean deterministic() {
    return fn != Fn.RANDOM && fn != Fn.SCALAR_SUBQUERY_CHECK && Expr.super.deterministic();
  }

  @Override public boolean foldable() {
    // CURRENT_DATE/TIMESTAMP are fixed per query but must be folded by the query's clock, not
    // by the generic folder.
    return fn != Fn.CURRENT_DATE && fn != Fn.CURRENT_TIMESTAMP && Expr.super.foldable();
  }

  @Override public List<Expr> children() { return args; }

  @Override public Call withChildren(List<Expr> children) {
    Trees.checkArity(children, args.size(), this);
    return Trees.sameElements(children, args) ? this : new Call(fn, children, type);
  }
}
