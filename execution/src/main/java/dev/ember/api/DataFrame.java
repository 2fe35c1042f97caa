package dev.ember.api;

import static dev.ember.api.ColumnSql.ident;

import dev.ember.api.ColumnNode.Bound;
import dev.ember.api.ColumnNode.Name;
import dev.ember.api.ColumnNode.Ordered;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.Filter;
import dev.ember.catalyst.plan.logical.Limit;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.execution.cache.CacheLevel;
import dev.ember.sql.ExplainMode;
import dev.ember.sql.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * A lazy query, as Spark's {@code Dataset<Row>}: an immutable, resolved logical plan plus its
 * session. Transformations return new DataFrames and resolve their column names at once (an
 * unknown name fails right there, listing the columns there are); nothing runs until an action
 * ({@link #collectAsList}, {@link #count}, {@link #show}, …), which optimizes, plans and runs the
 * plan exactly as a SQL query is run.
 *
 * <p>Expressions are typed by the SQL front end: a transformation is compiled as a SQL query
 * whose input table is this DataFrame's plan (see {@link PlanInput}), so DataFrame and SQL give
 * the same types, coercions and plans.
 */
public final class DataFrame {
  static final String IN = "__in0";
  static final String IN2 = "__in1";

  final SessionState state;
  final LogicalPlan plan;
  /** DataFrame aliases ({@link #alias}) that qualify each output column, by attribute id. */
  final Map<Long, Set<String>> qualifiers;

  DataFrame(SessionState state, LogicalPlan plan, Map<Long, Set<String>> qualifiers) {
    this.state = state;
    this.plan = plan;
    Map<Long, Set<String>> q = new HashMap<>();
    for (AttributeRef a : plan.output()) {
      Set<String> s = qualifiers.get(a.id());
      if (s != null && !s.isEmpty()) q.put(a.id(), Set.copyOf(s));
    }
    this.qualifiers = Map.copyOf(q);
  }

  DataFrame(SessionState state, LogicalPlan plan) { this(state, plan, Map.of()); }

  /** A DataFrame over {@code p} that keeps the aliases of the columns it passes through. */
  DataFrame derive(LogicalPlan p) { return new DataFrame(state, p, qualifiers); }

  /** The resolved logical plan (what {@code explain("extended")} calls the analyzed plan). */
  public LogicalPlan logicalPlan() { return plan; }

  // ---- schema ----------------------------------------------------------------------------------

  public Schema schema() {
    List<Field> fields = new ArrayList<>();
    for (AttributeRef a : plan.output()) fields.add(new Field(a.name(), a.type(), a.nullable()));
    return new Schema(fields);
  }

  public String[] columns() { return plan.output().stream().map(AttributeRef::name).toArray(String[]::new); }

  /** (name, type) pairs, types in SQL spelling. */
  public List<Map.Entry<String, String>> dtypes() {
    return plan.output().stream().map(a -> Map.entry(a.name(), a.type().sql())).toList();
  }

  public void printSchema() { System.out.print(schemaString()); }

  /** What {@link #printSchema()} prints. */
  public String schemaString() {
    StringBuilder sb = new StringBuilder("root\n");
    for (AttributeRef a : plan.output()) {
      sb.append(" |-- ").append(a.name()).append(": ").append(a.type().sql().toLowerCase(Locale.ROOT))
          .append(" (nullable = ").append(a.nullable()).append(")\n");
    }
    return sb.toString();
  }

  /** This DataFrame's column called {@code name}; it keeps referring to this column after joins. */
  public Column col(String name) {
    if (name.equals("*")) return functions.col("*");
    AttributeRef a = scope().resolve(name);
    return new Column(new Bound(a, a.name()));
  }

  public Column apply(String name) { return col(name); }

  /** The same rows under an alias that qualifies column names: {@code df.alias("t")} then {@code col("t.x")}. */
  public DataFrame alias(String name) {
    Map<Long, Set<String>> q = new HashMap<>();
    for (AttributeRef a : plan.output()) q.put(a.id(), Set.of(Scope.key(name)));
    return new DataFrame(state, plan, q);
  }

  public DataFrame as(String name) { return alias(name); }

  // ---- projections and filters ---------------------------------------------------------------

  public DataFrame select(Column... cols) {
    PlanInput in = input();
    Scope scope = scope(in);
    List<String> items = new ArrayList<>();
    for (Column c : cols) items.addAll(selectItems(c.node, scope));
    return compile(List.of(in), "SELECT " + String.join(", ", items) + " FROM " + ident(IN));
  }

  public DataFrame select(String col, String... more) {
    Column[] cs = new Column[more.length + 1];
    cs[0] = functions.col(col);
    for (int i = 0; i < more.length; i++) cs[i + 1] = functions.col(more[i]);
    return select(cs);
  }

  /** SELECT items written in SQL: {@code selectExpr("a + 1 AS b", "upper(c)")}. */
  public DataFrame selectExpr(String... exprs) {
    Column[] cs = new Column[exprs.length];
    for (int i = 0; i < exprs.length; i++) cs[i] = functions.expr(exprs[i]);
    return select(cs);
  }

  public DataFrame filter(Column condition) {
    PlanInput in = input();
    String sql = "SELECT " + String.join(", ", allItems(in)) + " FROM " + ident(IN)
        + " WHERE " + ColumnSql.sql(condition.node, scope(in));
    Query q = state.compile(List.of(in), sql);
    Filter f = Plans.find(q.plan(), Filter.class);
    if (f != null && f.child() == plan) return derive(new Filter(f.condition(), plan));
    return derive(Plans.withoutIdentityProjects(q.plan()));
  }

  /** Rows for which a SQL condition holds: {@code filter("l_quantity > 10")}. */
  public DataFrame filter(String condition) { return filter(functions.expr(condition)); }

  public DataFrame where(Column condition) { return filter(condition); }

  public DataFrame where(String condition) { return filter(condition); }

  /** Adds a column, or replaces the one of that name in place. */
  public DataFrame withColumn(String name, Column value) {
    List<Column> cols = new ArrayList<>();
    boolean replaced = false;
    for (AttributeRef a : plan.output()) {
      if (a.name().equalsIgnoreCase(name)) {
        cols.add(value.alias(name));
        replaced = true;
      } else {
        cols.add(new Column(new Bound(a, a.name())));
      }
    }
    if (!replaced) cols.add(value.alias(name));
    return select(cols.toArray(Column[]::new));
  }

  /** Renames a column; a no-op when there is none of that name (as in Spark). */
  public DataFrame withColumnRenamed(String existing, String newName) {
    List<Column> cols = new ArrayList<>();
    boolean found = false;
    for (AttributeRef a : plan.output()) {
      Column c = new Column(new Bound(a, a.name()));
      if (a.name().equalsIgnoreCase(existing)) {
        c = c.alias(newName);
        found = true;
      }
      cols.add(c);
    }
    return found ? select(cols.toArray(Column[]::new)) : this;
  }

  /** Without the named columns (names that do not exist are ignored, as in Spark). */
  public DataFrame drop(String... names) {
    Set<String> gone = new HashSet<>();
    for (String n : names) gone.add(Scope.key(n));
    List<Column> cols = new ArrayList<>();
    for (AttributeRef a : plan.output()) if (!gone.contains(Scope.key(a.name()))) cols.add(new Column(new Bound(a, a.name())));
    return cols.size() == plan.output().size() ? this : select(cols.toArray(Column[]::new));
  }

  public DataFrame drop(Column col) {
    AttributeRef gone = col.node instanceof Bound b ? scope().resolveBound(b)
        : col.node instanceof Name n ? scope().resolve(n.name()) : null;
    if (gone == null) throw new EmberException(EmberException.SYNTAX_ERROR, "drop() takes a column, not an expression");
    List<Column> cols = new ArrayList<>();
    for (AttributeRef a : plan.output()) if (a.id() != gone.id()) cols.add(new Column(new Bound(a, a.name())));
    return select(cols.toArray(Column[]::new));
  }

  // ---- grouping, ordering, limits ------------------------------------------------------------

  public GroupedData groupBy(Column... cols) { return new GroupedData(this, List.of(cols)); }

  public GroupedData groupBy(String... cols) { return groupBy(Window.cols(cols)); }

  /** Aggregates over all rows: {@code df.agg(sum("x"))}. */
  public DataFrame agg(Column agg, Column... more) { return groupBy(new Column[0]).agg(agg, more); }

  public DataFrame orderBy(Column... cols) {
    PlanInput in = input();
    Scope scope = scope(in);
    List<String> keys = new ArrayList<>();
    for (Column c : cols) {
      ColumnNode n = c.node instanceof Ordered ? c.node : new Ordered(c.node, true, false);
      keys.add(ColumnSql.sql(n, scope));
    }
    return compile(List.of(in), "SELECT " + String.join(", ", allItems(in)) + " FROM " + ident(IN)
        + " ORDER BY " + String.join(", ", keys));
  }

  public DataFrame orderBy(String... cols) { return orderBy(Window.cols(cols)); }

  public DataFrame sort(Column... cols) { return orderBy(cols); }

  public DataFrame sort(String... cols) { return orderBy(cols); }

  public DataFrame limit(int n) {
    if (n < 0) throw new EmberException(EmberException.SYNTAX_ERROR, "limit must not be negative: " + n);
    return derive(new Limit(n, 0, plan));
  }

  public DataFrame distinct() {
    PlanInput in = input();
    return compile(List.of(in), "SELECT DISTINCT " + String.join(", ", allItems(in)) + " FROM " + ident(IN));
  }

  public DataFrame dropDuplicates() { return distinct(); }

  /** One row per distinct combination of {@code cols}; the other columns come from one of its rows. */
  public DataFrame dropDuplicates(String... cols) {
    PlanInput in = input();
    Scope scope = scope(in);
    Set<Long> keys = new HashSet<>();
    for (String c : cols) keys.add(scope.resolve(c).id());
    List<String> items = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (AttributeRef a : plan.output()) {
      String ref = scope.sqlOf(a);
      if (keys.contains(a.id())) {
        items.add(ref + " AS " + ident(a.name()));
        groups.add(ref);
      } else {
        items.add("ANY_VALUE(" + ref + ") AS " + ident(a.name()));
      }
    }
    return compile(List.of(in), "SELECT " + String.join(", ", items) + " FROM " + ident(IN)
        + " GROUP BY " + String.join(", ", groups));
  }

  // ---- joins and set operations --------------------------------------------------------------

  public DataFrame join(DataFrame right) { return crossJoin(right); }

  public DataFrame crossJoin(DataFrame right) { return Joins.cross(this, right); }

  /** Inner equi-join on columns both sides have; each key appears once in the result. */
  public DataFrame join(DataFrame right, String usingColumn) { return join(right, List.of(usingColumn), "inner"); }

  public DataFrame join(DataFrame right, List<String> usingColumns) { return join(right, usingColumns, "inner"); }

  /**
   * Equi-join on columns both sides have, merged as Spark merges them; {@code joinType} is one of
   * inner, left (left_outer), right (right_outer), full (outer, full_outer), left_semi (semi),
   * left_anti (anti), cross.
   */
  public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
    return Joins.using(this, right, usingColumns, Joins.type(joinType));
  }

  public DataFrame join(DataFrame right, Column condition) { return join(right, condition, "inner"); }

  public DataFrame join(DataFrame right, Column condition, String joinType) {
    return Joins.on(this, right, condition, Joins.type(joinType));
  }

  /** The rows of both, by column position (UNION ALL, as Spark's {@code union}). */
  public DataFrame union(DataFrame other) { return setOperation(other, "UNION ALL"); }

  public DataFrame unionAll(DataFrame other) { return union(other); }

  /** The rows of both, {@code other}'s columns matched to this one's by name. */
  public DataFrame unionByName(DataFrame other) {
    Scope s = other.scope();
    List<Column> cols = new ArrayList<>();
    for (AttributeRef a : plan.output()) {
      AttributeRef o = s.resolve(a.name());
      cols.add(new Column(new Bound(o, o.name())));
    }
    if (other.plan.output().size() != cols.size()) {
      throw new EmberException(EmberException.DATATYPE_MISMATCH, "unionByName: the inputs have "
          + cols.size() + " and " + other.plan.output().size() + " columns");
    }
    return union(other.select(cols.toArray(Column[]::new)));
  }

  /** Distinct rows present in both. */
  public DataFrame intersect(DataFrame other) { return setOperation(other, "INTERSECT"); }

  /** Distinct rows of this one that are not in {@code other}. */
  public DataFrame except(DataFrame other) { return setOperation(other, "EXCEPT"); }

  private DataFrame setOperation(DataFrame other, String op) {
    checkSameSession(other);
    PlanInput l = input();
    PlanInput r = PlanInput.of(IN2, Joins.distinctIds(plan, other.plan));
    String sql = "SELECT " + String.join(", ", allItems(l)) + " FROM " + ident(IN) + " " + op
        + " SELECT " + String.join(", ", allItems(r)) + " FROM " + ident(IN2);
    return compile(List.of(l, r), sql);
  }

  void checkSameSession(DataFrame other) {
    if (other.state != state) {
      throw new EmberException(EmberException.SYNTAX_ERROR, "cannot combine DataFrames of different sessions");
    }
  }

  // ---- other transformations -----------------------------------------------------------------

  public DataFrameNaFunctions na() { return new DataFrameNaFunctions(this); }

  /** count, mean, stddev, min and max of the numeric and string columns (all, or those named), as strings. */
  public DataFrame describe(String... cols) { return Describe.of(this, cols); }

  /** A DataFrame that asks the planner to broadcast this one when it is joined. */
  DataFrame hintBroadcast() { return derive(Hints.broadcast(plan)); }

  // ---- actions -------------------------------------------------------------------------------

  public List<Row> collectAsList() { return Actions.collect(this); }

  public Row[] collect() { return collectAsList().toArray(Row[]::new); }

  public long count() { return Actions.count(this); }

  public Row first() {
    List<Row> rows = take(1);
    if (rows.isEmpty()) throw new java.util.NoSuchElementException("the DataFrame is empty");
    return rows.get(0);
  }

  public Row head() { return first(); }

  public List<Row> head(int n) { return take(n); }

  public List<Row> take(int n) { return limit(n).collectAsList(); }

  public boolean isEmpty() { return take(1).isEmpty(); }

  /** Prints the first 20 rows as Spark does (values cut to 20 characters). */
  public void show() { show(20); }

  public void show(int n) { show(n, true); }

  public void show(int n, boolean truncate) { System.out.print(showString(n, truncate)); }

  /** What {@link #show(int, boolean)} prints. */
  public String showString(int n, boolean truncate) {
    List<Row> rows = limit(n + 1).collectAsList();
    return ShowFormat.format(schema(), rows, n, truncate ? 20 : 0);
  }

  /** Rows one at a time, batch by batch; close it to stop the query early. */
  public RowIterator toLocalIterator() { return new RowIterator(state.runQuery(query())); }

  /** The result batches as an Arrow stream; close the reader to stop the query early. */
  public ArrowReader toArrow() { return new ResultArrowReader(state.runQuery(query())); }

  public void explain() { explain(false); }

  public void explain(boolean extended) { explain(extended ? "extended" : "simple"); }

  /** Prints the plans as {@code EXPLAIN} does; {@code mode} is simple, extended, codegen, cost, formatted or analyze (runs the query). */
  public void explain(String mode) { System.out.print(explainString(mode)); }

  public String explainString(String mode) {
    ExplainMode m;
    try {
      m = ExplainMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new EmberException(EmberException.SYNTAX_ERROR, "Unknown explain mode '" + mode
          + "'. Accepted: simple, extended, codegen, cost, formatted, analyze");
    }
    return state.explain(query(), m);
  }

  /** Registers this DataFrame as a temporary view that SQL can name; replaces one of that name. */
  public void createOrReplaceTempView(String name) {
    state.sessionCatalog().putTempView(name, new DataFrameView(name, plan));
  }

  /** Registers a temporary view; fails if one of that name exists. */
  public void createTempView(String name) {
    if (state.sessionCatalog().hasTempView(name)) {
      throw new EmberException(EmberException.DUPLICATE_TABLE, "Temporary view '" + name + "' already exists");
    }
    createOrReplaceTempView(name);
  }

  // ---- caching -------------------------------------------------------------------------------

  public DataFrame cache() { return persist(StorageLevel.MEMORY_AND_DISK); }

  /** Keeps this DataFrame's rows once computed; later plans containing it read them instead. */
  public DataFrame persist(StorageLevel level) {
    CacheLevel l = switch (level) {
      case NONE -> null;
      case MEMORY_ONLY -> CacheLevel.MEMORY_ONLY;
      case MEMORY_AND_DISK -> CacheLevel.MEMORY_AND_DISK;
      case DISK_ONLY -> CacheLevel.DISK_ONLY;
    };
    if (l == null) return unpersist();
    state.cache().register(plan, l);
    return this;
  }

  public DataFrame persist() { return cache(); }

  public DataFrame unpersist() {
    state.cache().unregister(plan);
    return this;
  }

  /** The level this DataFrame is cached at ({@link StorageLevel#NONE} when it is not). */
  public StorageLevel storageLevel() {
    CacheLevel l = state.cache().levelOf(plan);
    return l == null ? StorageLevel.NONE : StorageLevel.valueOf(l.name());
  }

  // ---- writing -------------------------------------------------------------------------------

  public DataFrameWriter write() { return new DataFrameWriter(this); }

  // ---- helpers -------------------------------------------------------------------------------

  /** The query an action runs: this plan, its columns named as they are. */
  Query query() {
    return new Query(plan, plan.output().stream().map(AttributeRef::name).toList());
  }

  PlanInput input() { return PlanInput.of(IN, plan); }

  Scope scope() { return scope(input()); }

  Scope scope(PlanInput in) { return new Scope(List.of(in), qualifiers); }

  /** Compiles SQL over the given inputs into this DataFrame's successor. */
  DataFrame compile(List<PlanInput> inputs, String sql) {
    return derive(Plans.withoutIdentityProjects(state.compile(inputs, sql).plan()));
  }

  /** {@code "in"."col" AS "name"} for every column of an input, in order. */
  static List<String> allItems(PlanInput in) {
    List<String> out = new ArrayList<>();
    List<AttributeRef> attrs = in.plan().output();
    for (int i = 0; i < attrs.size(); i++) {
      out.add(ident(in.alias()) + "." + ident(in.columns().get(i)) + " AS " + ident(attrs.get(i).name()));
    }
    return out;
  }

  /** The SELECT items one column stands for ({@code *} stands for several). */
  static List<String> selectItems(ColumnNode n, Scope scope) {
    if (n instanceof Name name && (name.name().equals("*") || name.name().endsWith(".*"))) {
      String q = name.name().equals("*") ? null : name.name().substring(0, name.name().length() - 2);
      List<String> out = new ArrayList<>();
      for (AttributeRef a : scope.star(q)) out.add(scope.sqlOf(a) + " AS " + ident(a.name()));
      return out;
    }
    if (n instanceof ColumnNode.Sql sql) return List.of(sql.text());
    String name;
    if (n instanceof Name nm) name = scope.resolve(nm.name()).name();
    else if (n instanceof Bound b) name = scope.resolveBound(b).name();
    else name = ColumnSql.display(n);
    return List.of(ColumnSql.sql(n, scope) + " AS " + ident(name));
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("DataFrame[");
    List<AttributeRef> out = plan.output();
    for (int i = 0; i < out.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(out.get(i).name()).append(": ").append(out.get(i).type().sql().toLowerCase(Locale.ROOT));
    }
    return sb.append(']').toString();
  }
}
