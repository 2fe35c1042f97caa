package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.plan.logical.Values;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowValues;
import dev.ember.sql.Query;
import dev.ember.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The entry point to Ember: one per user session (a shell, a server connection, a program).
 * Holds the session's settings and temporary views; runs statements on the shared engine.
 *
 * <pre>
 * try (Session s = Session.builder().master("local[2]").getOrCreate();
 *      QueryResult r = s.execute("SELECT count(*) FROM tpch.tiny.lineitem")) { … }
 * </pre>
 */
public final class Session implements AutoCloseable {
  private final SessionState state;

  private Session(SessionState state) { this.state = state; }

  public static Builder builder() { return new Builder(); }

  /**
   * Runs one SQL statement (a trailing ';' is allowed) now and streams its result: what the shell
   * and the server use. (The DataFrame API's lazy {@code sql(…)} builds on the same state.)
   */
  public QueryResult execute(String sql) { return state.execute(sql); }

  /**
   * A SQL query as a lazy DataFrame (validated now, run by an action). Other statements
   * (CREATE, SET, SHOW, CACHE TABLE, …) run now, as in Spark; their rows, if any, become the
   * DataFrame's.
   */
  public DataFrame sql(String sql) {
    Statement st = state.parse(sql);
    if (st instanceof Query q) return new DataFrame(state, q.plan());
    try (QueryResult r = state.execute(st)) {
      List<AttributeRef> output = new ArrayList<>();
      for (Field f : r.schema().fields()) output.add(AttributeRef.of(f.name(), f.type(), f.nullable()));
      List<List<Object>> rows = new ArrayList<>();
      if (r.hasRows()) {
        for (VectorSchemaRoot b = r.nextBatch(); b != null; b = r.nextBatch()) {
          for (int i = 0; i < b.getRowCount(); i++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < output.size(); c++) row.add(ArrowValues.get(b.getVector(c), i, output.get(c).type()));
            rows.add(row);
          }
        }
      }
      return new DataFrame(state, new Values(output, rows));
    }
  }

  /** A table or view by name ({@code "t"}, {@code "tpch.tiny.lineitem"}). */
  public DataFrame table(String name) { return table(state, name); }

  static DataFrame table(SessionState state, String name) {
    StringBuilder path = new StringBuilder();
    for (String part : name.split("\\.")) {
      if (path.length() > 0) path.append('.');
      path.append(ColumnSql.ident(part));
    }
    LogicalPlan plan = state.compile(List.of(), "SELECT * FROM " + path).plan();
    return new DataFrame(state, Plans.withoutIdentityProjects(plan));
  }

  /** The numbers {@code 0 … end-1} in a BIGINT column {@code id}. */
  public DataFrame range(long end) { return range(0, end); }

  public DataFrame range(long start, long end) { return range(start, end, 1); }

  /** {@code start}, {@code start + step}, … up to (not including) {@code end}. */
  public DataFrame range(long start, long end, long step) {
    return new DataFrame(state, Scan.of(new RangeTable(start, end, step)));
  }

  /** A DataFrame of the given rows; each row's values are Java values fitting the schema's types. */
  public DataFrame createDataFrame(List<Row> rows, Schema schema) {
    List<AttributeRef> output = new ArrayList<>();
    for (Field f : schema.fields()) output.add(AttributeRef.of(f.name(), f.type(), f.nullable()));
    List<List<Object>> values = new ArrayList<>();
    for (Row r : rows) {
      if (r.size() != schema.size()) {
        throw new EmberException(EmberException.DATATYPE_MISMATCH, "row " + r + " has " + r.size()
            + " values, the schema " + schema.size() + " columns");
      }
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < schema.size(); c++) {
        Field f = schema.field(c);
        Object v = r.get(c);
        if (v == null && !f.nullable()) {
          throw new EmberException(EmberException.DATATYPE_MISMATCH, "NULL in non-nullable column " + f.name());
        }
        row.add(RowValues.toEmber(v, f.type()));
      }
      values.add(row);
    }
    return new DataFrame(state, new Values(output, values));
  }

  /**
   * Cancels every query of this session still running, from any thread: each reader's next batch
   * fails with SQLSTATE 57014 and the queries' tasks stop within a second. Their results still
   * have to be closed, which frees their memory.
   */
  public void cancel() { state.cancelRunning(); }

  /** Reads files: {@code read().parquet(path)}, {@code read().format("csv").option(…).load(path)}. */
  public DataFrameReader read() { return new DataFrameReader(state); }

  /** The session's tables and views. */
  public CatalogApi catalog() { return new CatalogApi(state); }

  /** The current value of a setting, or null. */
  public String conf(String key) { return state.conf(key); }

  /** Changes a setting for this session, as {@code SET key = value} does. */
  public void setConf(String key, String value) { state.setConf(key, value); }

  /**
   * Releases the session: its cached data, and — when it was the engine's last session — the
   * task threads. Queries still streaming are cancelled (their readers should still close them).
   */
  @Override public void close() { state.close(); }

  public void stop() { close(); }

  /** Internal state, for the shell and the server in this project. */
  public SessionState state() { return state; }

  /** Builds a session; settings given here override the defaults. */
  public static final class Builder {
    private String master = "local[*]";
    private final Map<String, String> conf = new LinkedHashMap<>();

    public Builder master(String master) { this.master = master; return this; }

    public Builder config(String key, String value) { conf.put(key, value); return this; }

    public Session getOrCreate() { return new Session(SessionState.create(master, conf)); }
  }
}
