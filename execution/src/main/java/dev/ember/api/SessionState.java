package dev.ember.api;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.catalog.ViewTable;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.optimizer.Optimizer;
import dev.ember.catalyst.optimizer.OptimizerTrace;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.rules.RuleExecutor.TraceEntry;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.execution.cache.CacheManager;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.QueryExecution;
import dev.ember.execution.scheduler.QueryTimeouts;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.stage.StagePlan;
import dev.ember.planner.strategy.PhysicalPlanner;
import dev.ember.planner.strategy.PlannerConfig;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.catalog.AnalyzedTable;
import dev.ember.sql.AnalyzeTable;
import dev.ember.sql.CacheTable;
import dev.ember.sql.CreateTable;
import dev.ember.sql.CreateTempViewUsing;
import dev.ember.sql.CreateView;
import dev.ember.sql.Describe;
import dev.ember.sql.DropTable;
import dev.ember.sql.Explain;
import dev.ember.sql.Query;
import dev.ember.sql.SetConf;
import dev.ember.sql.ShowTables;
import dev.ember.sql.SqlFrontEnd;
import dev.ember.sql.Statement;
import dev.ember.sql.UncacheTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session: its settings, its temporary views, and the way from a statement to its result —
 * parse and validate, optimize, plan, cut into stages, run on the shared engine.
 */
public final class SessionState implements AutoCloseable {
  private static final AtomicLong QUERY_IDS = new AtomicLong();
  private static final System.Logger LOG = System.getLogger(SessionState.class.getName());

  private final Engine engine;
  private final SessionConf conf;
  private final SessionCatalog catalog;
  private final SqlFrontEnd frontEnd;
  private final dev.ember.sql.SqlMacros macros = new dev.ember.sql.SqlMacros();
  private final Catalogs catalogs;
  private final java.util.Set<StreamingResult> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private boolean closed;
  private CacheManager cache;

  private SessionState(Engine engine, Map<String, String> initial) {
    this.engine = engine;
    this.conf = new SessionConf(engine.parallelism(), initial);
    this.catalogs = new Catalogs(conf.get(Settings.CATALOG_DIR));
    this.catalog = new SessionCatalog(catalogs::table, catalogs::names);
    this.frontEnd = new SqlFrontEnd(catalog, macros);
  }

  static SessionState create(String master, Map<String, String> conf) {
    return new SessionState(Engine.acquire(master), conf);
  }

  public String master() { return engine.master(); }

  /** What the cluster manager recorded (task attempts, failures, lost executors, speculation); in local mode only speculation. */
  public java.util.List<dev.ember.execution.cluster.JobEvent> clusterEvents() { return engine.cluster().events(); }

  /** The executor processes of {@code local-cluster} mode (none in local mode): for tests. */
  public java.util.List<ProcessHandle> executorProcesses() {
    return engine.cluster() instanceof dev.ember.execution.cluster.LocalCluster c ? c.executorProcesses() : java.util.List.of();
  }

  /** The names this session's queries can see (views, tables, built-in catalogs): for completion and listings. */
  public dev.ember.catalyst.catalog.Catalog catalog() { return catalog; }

  QueryResult execute(String sql) { return execute(parse(sql)); }

  /** Parses, validates and converts one statement (nothing runs). */
  Statement parse(String sql) {
    checkOpen();
    return frontEnd.parse(sql);
  }

  /**
   * Compiles a query over DataFrame inputs: each input is a table named by its alias whose reads
   * are the input's own plan (see {@link PlanInput}); other names resolve as in {@link #parse}.
   */
  Query compile(List<PlanInput> inputs, String sql) {
    checkOpen();
    Statement st;
    try {
      st = new SqlFrontEnd(new InputCatalog(catalog, inputs), macros).parse(sql);
    } catch (EmberException e) {
      // Positions would point into text the user never wrote: keep the message, drop the position.
      throw e.hasPosition() ? new EmberException(e.sqlState(), e.getMessage(), e) : e;
    }
    if (!(st instanceof Query q)) throw new IllegalStateException("not a query: " + sql);
    return q;
  }

  private void checkOpen() {
    if (closed) throw new EmberException(EmberException.INTERNAL_ERROR, "session is stopped");
  }

  /** Runs a parsed statement: a query streams its result, a command runs now. */
  QueryResult execute(Statement st) {
    checkOpen();
    if (st instanceof Query q) return runQuery(q);
    if (st instanceof Explain e) return LocalResult.of(Schema.of(new Field("plan", DataType.VARCHAR, false)),
        List.<Object[]>of(new Object[] {dev.ember.catalyst.types.Utf8String.of(explain(e.query(), e.mode()))}));
    if (st instanceof SetConf s) return setConf(s);
    if (st instanceof ShowTables s) return showTables(s);
    if (st instanceof Describe d) return describe(d);
    if (st instanceof CreateTempViewUsing v) return createTempViewUsing(v);
    if (st instanceof CreateView v) return createView(v);
    if (st instanceof CreateTable t) return createTable(t);
    if (st instanceof DropTable d) return drop(d);
    if (st instanceof CacheTable c) return cacheTable(c);
    if (st instanceof UncacheTable u) return uncacheTable(u);
    if (st instanceof AnalyzeTable a) return analyze(a);
    throw EmberException.notSupported("statement " + st.getClass().getSimpleName());
  }

  /**
   * The columns {@code sql}'s result would have, without running it: a query's output schema, or
   * null for any other statement. For the wire server's Describe of a prepared statement.
   */
  public Schema describe(String sql) {
    if (closed) throw new EmberException(EmberException.INTERNAL_ERROR, "session is stopped");
    Statement st = frontEnd.parse(sql);
    return st instanceof Query q ? querySchema(q) : null;
  }

  /**
   * Mounts {@code catalog} under the top-level name {@code name} for this session only, so its
   * tables are named {@code name.table} (the wire server's {@code information_schema}).
   */
  public void mountCatalog(String name, dev.ember.catalyst.catalog.Catalog catalog) { this.catalog.mount(name, catalog); }

  /**
   * Mounts {@code catalog} as {@link #mountCatalog} does and also puts it first on the search path
   * of one-part names, as PostgreSQL searches {@code pg_catalog} before the user's schemas: a bare
   * {@code pg_class} is {@code pg_catalog.pg_class} (the wire server's pg_catalog).
   */
  public void mountSearchedCatalog(String name, dev.ember.catalyst.catalog.Catalog catalog) {
    this.catalog.mount(name, catalog);
    this.catalog.searchFirst(catalog);
  }

  /**
   * Lets this session's queries call {@code macro} (replacing one with the same name and arity):
   * the wire server's client functions such as {@code format_type} or {@code current_database()}.
   */
  public void registerMacro(dev.ember.sql.SqlMacro macro) { macros.register(macro); }

  /** True when {@code name} is one of this session's temporary views. */
  public boolean isTempView(String name) { return catalog.hasTempView(name); }

  // ---- queries -------------------------------------------------------------------------------

  /** The optimized logical, physical and staged plans of a query, and the optimizer's trace. */
  public record Planned(LogicalPlan optimized, PhysicalPlan physical, StagePlan stages, List<TraceEntry> trace) {}

  /** Plans a query (or the query of an EXPLAIN) without running it: for tests and tools. */
  public Planned planQuery(String sql) {
    Statement st = frontEnd.parse(sql);
    if (st instanceof Explain e) return plan(e.query());
    if (st instanceof Query q) return plan(q);
    throw new EmberException(EmberException.SYNTAX_ERROR, "not a query: " + sql);
  }

  Planned plan(Query q) { return plan(q, true); }

  /**
   * Plans a query; with {@code useCache}, sub-plans the session has cached are first replaced by
   * scans of their cached data (computing them if needed).
   */
  Planned plan(Query q, boolean useCache) {
    Optimizer optimizer = new Optimizer(new Optimizer.Config(conf.excludedRules(),
        conf.flag(Settings.OPTIMIZER_CHECK_INVARIANTS)));
    LogicalPlan logical = useCache ? cache().substitute(q.plan(), this::materialize) : q.plan();
    List<TraceEntry> trace = new ArrayList<>();
    LogicalPlan optimized = optimizer.optimize(logical, trace);
    if (conf.flag(Settings.OPTIMIZER_TRACE)) {
      LOG.log(System.Logger.Level.INFO, "optimizer trace\n" + OptimizerTrace.format(trace));
    }
    PhysicalPlan physical = new PhysicalPlanner(conf.plannerConfig(), q.broadcastHints()).plan(optimized);
    return new Planned(optimized, physical, StagePlan.cut(physical), trace);
  }

  /** Runs a query and streams its result. */
  QueryResult runQuery(Query q) { return runQuery(q, true); }

  /**
   * Runs a query whose result tasks each consume their own output (a write: one task writer per
   * partition, in parallel). The tasks run on this process's threads in every mode (the writers
   * need the driver's file system view). Blocks until every task has finished; if the calling thread is
   * interrupted, the query is cancelled, its tasks stop (aborting their outputs) and the call
   * fails with QUERY_CANCELED.
   */
  void runInto(Query q, dev.ember.execution.scheduler.ResultTasks tasks) {
    checkOpen();
    Planned planned = plan(q, true);
    QueryContext ctx = newQueryContext();
    try {
      java.util.concurrent.CompletableFuture<Void> done =
          new QueryExecution(planned.stages(), ctx, engine.scheduler(),
              new dev.ember.execution.scheduler.LocalTaskLauncher(ctx, engine.scheduler(), tasks)).start();
      awaitTasks(ctx, done);
    } finally {
      ctx.close();
      ctx.allocator().close();
    }
  }

  /**
   * A query's context with the session's execution settings, and its own Arrow allocator (the
   * caller closes both). Settings are read first: a bad one fails before any memory is taken.
   */
  private QueryContext newQueryContext() {
    int batchSize = conf.integer(Settings.BATCH_SIZE);
    boolean runtimeFilters = conf.bool(Settings.RUNTIME_FILTER);
    long bloomRows = conf.bool(Settings.RUNTIME_BLOOM_FILTER) ? conf.longValue(Settings.RUNTIME_BLOOM_MAX_BUILD_ROWS) : -1;
    String id = "q" + QUERY_IDS.incrementAndGet();
    QueryContext ctx = new QueryContext(id, MemoryManager.newQueryAllocator(id), QueryClock.now(), batchSize,
        conf.flag(Settings.CODEGEN_ENABLED));
    ctx.setRuntimeFilters(runtimeFilters);
    ctx.setBloomMaxBuildRows(bloomRows);
    return ctx;
  }

  /** Waits for {@code done}; an interrupt cancels the query and still waits for its tasks to stop. */
  private static void awaitTasks(QueryContext ctx, java.util.concurrent.CompletableFuture<Void> done) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          ctx.cancel();
        } catch (java.util.concurrent.ExecutionException e) {
          // A cancellation interrupts the tasks' I/O; what the caller is told is why, not how a task broke.
          if (ctx.cancellation() != null) throw ctx.cancellation();
          throw StreamingResult.translate(e);
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
    if (interrupted) throw new EmberException(EmberException.QUERY_CANCELED, "query was cancelled");
  }

  /** Computes a plan to be cached: run as it is, every batch handed to {@code sink}. */
  private void materialize(LogicalPlan plan, java.util.function.Consumer<org.apache.arrow.vector.VectorSchemaRoot> sink) {
    Query q = new Query(plan, plan.output().stream().map(AttributeRef::name).toList());
    try (QueryResult r = runQuery(q, false)) {
      for (var b = r.nextBatch(); b != null; b = r.nextBatch()) sink.accept(b);
    }
  }

  private QueryResult runQuery(Query q, boolean useCache) {
    checkOpen();
    Planned planned = plan(q, useCache);
    List<AttributeRef> out = planned.optimized().output();
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      fields.add(new Field(q.columnNames().get(i), out.get(i).type(), out.get(i).nullable()));
    }
    double timeout = conf.timeoutSeconds(); // settings first: a bad one fails before any memory is taken
    var scheduling = conf.schedulingConfig();
    var adaptive = conf.adaptiveConfig(engine.parallelism());
    QueryContext ctx = newQueryContext();
    StreamingResult result = new StreamingResult(new Schema(fields), ctx, ctx.allocator(), running::remove);
    running.add(result);
    var launcher = engine.launcher(planned.stages(), ctx, result::offer, scheduling);
    QueryExecution execution = new QueryExecution(planned.stages(), ctx, engine.scheduler(), launcher, adaptive);
    boolean codegen = ctx.codegen();
    CompletableFuture<Void> done = execution.start();
    QueryTimeouts.schedule(ctx, timeout, done);
    result.start(done, () -> AdaptivePlanText.print(execution, codegen));
    return result;
  }

  /**
   * Cancels every query of this session that is still running (from any thread): their readers'
   * next batch fails with SQLSTATE 57014, and their tasks stop within a second.
   */
  public void cancelRunning() {
    for (StreamingResult r : running) r.cancel();
  }

  /** What EXPLAIN shows for a query, in the given mode. */
  String explain(Query q, dev.ember.sql.ExplainMode mode) {
    if (mode == dev.ember.sql.ExplainMode.ANALYZE) {
      try (QueryResult r = runQuery(q)) {
        for (var b = r.nextBatch(); b != null; b = r.nextBatch()) {
          // rows are discarded: EXPLAIN ANALYZE shows the plan as run
        }
        return "== Physical Plan ==\n" + r.executedPlan();
      }
    }
    Planned p = plan(q);
    return Explainer.render(mode, q.plan(), p, conf.flag(Settings.CODEGEN_ENABLED));
  }

  // ---- commands ------------------------------------------------------------------------------

  private QueryResult setConf(SetConf s) {
    Schema schema = Schema.of(new Field("key", DataType.VARCHAR, false), new Field("value", DataType.VARCHAR, true));
    if (s.key() == null) {
      List<Object[]> rows = new ArrayList<>();
      conf.forEach((k, v) -> rows.add(new Object[] {utf8(k), utf8(v)}));
      return LocalResult.of(schema, rows);
    }
    if (s.value() == null) {
      return LocalResult.of(schema, List.<Object[]>of(new Object[] {utf8(s.key()), utf8(conf.get(s.key()))}));
    }
    setConf(s.key(), s.value());
    return LocalResult.none();
  }

  private QueryResult showTables(ShowTables s) {
    Schema schema = Schema.of(new Field("namespace", DataType.VARCHAR, false),
        new Field("tableName", DataType.VARCHAR, false), new Field("isTemporary", DataType.BOOLEAN, false));
    List<Object[]> rows = new ArrayList<>();
    String ns = String.join(".", s.schema());
    for (String name : catalog.tableNames(s.schema())) {
      boolean temp = s.schema().isEmpty() && catalog.hasTempView(name);
      rows.add(new Object[] {utf8(ns), utf8(name), temp});
    }
    return LocalResult.of(schema, rows);
  }

  private QueryResult describe(Describe d) {
    Table t = catalog.table(d.name()).orElseThrow(() -> new EmberException(EmberException.UNDEFINED_TABLE,
        "Table or view '" + String.join(".", d.name()) + "' not found"));
    return TableDescription.of(t, d);
  }

  /**
   * ANALYZE TABLE: computes the statistics and keeps them with the table — in the persistent
   * catalog for a catalog table (they survive restarts), in the session for a temporary view over
   * files. Views defined by a query and the built-in generator tables have nothing to analyze.
   */
  private QueryResult analyze(AnalyzeTable a) {
    String shown = String.join(".", a.name());
    Table t = catalog.table(a.name()).orElseThrow(() -> new EmberException(EmberException.UNDEFINED_TABLE,
        "Table or view '" + shown + "' not found"));
    if (a.name().size() != 1 || !(t instanceof DataSourceTable source)) {
      throw EmberException.notSupported("ANALYZE TABLE on " + shown + " (only catalog tables and temporary views over files)");
    }
    Statistics stats = TableAnalyzer.analyze(source, a, this::runOneRow, this::forEachRow,
        conf.bool(Settings.HISTOGRAM_ENABLED) ? conf.integer(Settings.HISTOGRAM_BINS) : 0);
    String name = a.name().get(0);
    if (catalog.hasTempView(name)) {
      catalog.putTempView(name, AnalyzedTable.of(source, stats));
    } else {
      catalogs.putStatistics(name, stats);
    }
    return LocalResult.none();
  }

  /** Runs a query of one row and returns its values (boxed as in Literal values). */
  private Object[] runOneRow(Query q) {
    try (QueryResult r = runQuery(q)) {
      Object[] out = new Object[q.columnNames().size()];
      org.apache.arrow.vector.VectorSchemaRoot batch = r.nextBatch();
      while (batch != null && batch.getRowCount() == 0) batch = r.nextBatch();
      if (batch == null) throw new EmberException(EmberException.INTERNAL_ERROR, "statistics query returned no row");
      for (int c = 0; c < out.length; c++) {
        out[c] = dev.ember.datasources.arrow.ArrowValues.get(batch.getVector(c), 0, r.schema().field(c).type());
      }
      while (r.nextBatch() != null) {
        // drain, so the query finishes before its result closes
      }
      return out;
    }
  }

  /** Runs a query and gives each row's values (boxed as in Literal values), batch by batch. */
  private void forEachRow(Query q, java.util.function.Consumer<Object[]> sink) {
    try (QueryResult r = runQuery(q)) {
      int n = q.columnNames().size();
      for (org.apache.arrow.vector.VectorSchemaRoot batch = r.nextBatch(); batch != null; batch = r.nextBatch()) {
        for (int i = 0; i < batch.getRowCount(); i++) {
          Object[] row = new Object[n];
          for (int c = 0; c < n; c++) {
            row[c] = dev.ember.datasources.arrow.ArrowValues.get(batch.getVector(c), i, r.schema().field(c).type());
          }
          sink.accept(row);
        }
      }
    }
  }

  private QueryResult createTempViewUsing(CreateTempViewUsing v) {
    String name = single(v.name());
    if (!v.orReplace() && catalog.hasTempView(name)) {
      throw new EmberException(EmberException.DUPLICATE_TABLE, "Temporary view '" + name + "' already exists");
    }
    catalog.putTempView(name, Catalogs.open(v.provider(), name, v.options(), null, null));
    return LocalResult.none();
  }

  private QueryResult createView(CreateView v) {
    String name = single(v.name());
    Schema schema = querySchema(v.query());
    if (v.temporary()) {
      if (!v.orReplace() && catalog.hasTempView(name)) {
        throw new EmberException(EmberException.DUPLICATE_TABLE, "Temporary view '" + name + "' already exists");
      }
      catalog.putTempView(name, new ViewTable(name, v.queryText(), schema));
    } else {
      catalogs.createView(name, v.queryText(), schema, v.orReplace());
    }
    return LocalResult.none();
  }

  private QueryResult createTable(CreateTable t) {
    catalogs.createTable(t);
    return LocalResult.none();
  }

  private QueryResult drop(DropTable d) {
    String name = single(d.name());
    if (catalog.dropTempView(name)) return LocalResult.none();
    if (catalogs.drop(name)) return LocalResult.none();
    if (!d.ifExists()) {
      throw new EmberException(EmberException.UNDEFINED_TABLE,
          (d.view() ? "View '" : "Table '") + name + "' not found");
    }
    return LocalResult.none();
  }

  /** {@code CACHE TABLE}: as Spark, MEMORY_AND_DISK, computed now unless LAZY. */
  private QueryResult cacheTable(CacheTable c) {
    String name = String.join(".", c.name());
    if (c.query() != null) {
      catalog.putTempView(single(c.name()), new DataFrameView(single(c.name()), c.query().plan()));
    }
    cache().register(tablePlan(c.name()), dev.ember.execution.cache.CacheLevel.MEMORY_AND_DISK);
    if (!c.lazy()) {
      try (QueryResult r = runQuery(compile(List.of(), "SELECT count(*) FROM " + quoted(c.name())))) {
        while (r.nextBatch() != null) {
          // computing the count fills the cache
        }
      }
    }
    return LocalResult.none();
  }

  private QueryResult uncacheTable(UncacheTable u) {
    if (u.ifExists() && catalog.table(u.name()).isEmpty()) return LocalResult.none();
    cache().unregister(tablePlan(u.name()));
    return LocalResult.none();
  }

  /** The plan a reference to a table or view stands for (what CACHE TABLE caches). */
  LogicalPlan tablePlan(List<String> name) {
    return Plans.withoutIdentityProjects(compile(List.of(), "SELECT * FROM " + quoted(name)).plan());
  }

  private static String quoted(List<String> name) {
    List<String> parts = new ArrayList<>();
    for (String n : name) parts.add(ColumnSql.ident(n));
    return String.join(".", parts);
  }

  private static Schema querySchema(Query q) {
    List<AttributeRef> out = q.plan().output();
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) fields.add(new Field(q.columnNames().get(i), out.get(i).type(), out.get(i).nullable()));
    return new Schema(fields);
  }

  private static String single(List<String> name) {
    if (name.size() != 1) throw EmberException.notSupported("qualified names for tables and views (" + String.join(".", name) + ")");
    return name.get(0);
  }

  private static dev.ember.catalyst.types.Utf8String utf8(String s) {
    return s == null ? null : dev.ember.catalyst.types.Utf8String.of(s);
  }

  String conf(String key) { return conf.get(key); }

  SessionCatalog sessionCatalog() { return catalog; }

  /** The session's cache of DataFrames and tables (created on first use). */
  synchronized CacheManager cache() {
    if (cache == null) cache = new CacheManager(conf.longValue(Settings.CACHE_MAX_BYTES));
    return cache;
  }

  /** Drops every cached entry of the session. */
  synchronized void clearCache() {
    if (cache != null) cache.close();
  }

  Catalogs catalogs() { return catalogs; }

  boolean isClosed() { return closed; }

  void setConf(String key, String value) { conf.set(key, value); }

  @Override public void close() {
    if (closed) return;
    closed = true;
    cancelRunning(); // queries still streaming stop now; their readers close them
    try {
      if (cache != null) cache.close();
    } finally {
      engine.release();
    }
  }

}
