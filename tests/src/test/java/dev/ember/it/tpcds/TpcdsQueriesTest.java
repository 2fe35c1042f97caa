package dev.ember.it.tpcds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.api.Session;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.it.DuckDbRunner;
import dev.ember.it.EmberRunner;
import dev.ember.it.OrderSpec;
import dev.ember.it.QueryRows;
import dev.ember.it.ResultComparator;
import dev.ember.it.tpcds.Outcome.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TPC-DS queries on Ember's {@code tpcds.tiny} (SF 0.01, the built-in generator catalog,
 * registered as views under the plain table names) against DuckDB over the same generator's rows
 * ({@link TpcdsData}), compared by {@link ResultComparator}.
 *
 * <p>By default Ember reads Parquet files DuckDB wrote from the generator's rows;
 * {@code -Dtpcds.source=catalog} makes it read the generator catalog instead (slower).
 *
 * <p>A query listed in {@code tpcds/known_failures.txt} is reported as skipped ("expected
 * failure") while it fails, and fails the test once it matches, so the list stays honest; any
 * other query must match. After the run a per-query table and "N of 99 match DuckDB" are printed:
 * <pre>
 * mvn -o -q -pl tests test -Dtest=TpcdsQueriesTest                        # the checked queries
 * mvn -o -q -pl tests test -Dtest=TpcdsQueriesTest -Dtpcds.queries=all      # all 103 statements
 * mvn -o -q -pl tests test -Dtest=TpcdsQueriesTest -Dtpcds.queries=14a,72   # some queries only
 * tests/run-tpcds.sh -Dtpcds.queries=all                                      # the same, table printed
 * cat tests/target/surefire-reports/dev.ember.it.tpcds.TpcdsQueriesTest-output.txt  # the table
 * </pre>
 */
class TpcdsQueriesTest {
  static final String PROPERTY = "tpcds.queries";
  /** {@code parquet} (default) or {@code catalog}: where Ember reads the tables, see {@link TpcdsData}. */
  static final String SOURCE = "tpcds.source";

  private static final Map<String, String> KNOWN = KnownFailures.load();
  private static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();
  private static Connection duck;
  private static Session ember;

  /**
   * Statements the default run (the test suite) leaves out because they take minutes before
   * failing; they stay in the known-failures list and run with {@code -Dtpcds.queries=all}.
   */
  static final java.util.Set<String> SLOW_FAILURES = java.util.Set.of();

  static List<String> names() {
    String spec = System.getProperty(PROPERTY, "").trim();
    if (spec.equalsIgnoreCase("all")) return TpcdsQueries.names();
    if (spec.isEmpty()) {
      List<String> chosen = new ArrayList<>();
      for (String n : TpcdsQueries.names()) if (!SLOW_FAILURES.contains(n)) chosen.add(n);
      return chosen;
    }
    List<String> chosen = new ArrayList<>();
    for (String n : TpcdsQueries.names()) {
      for (String want : spec.split(",")) {
        String w = want.trim();
        if (n.equals(w) || (w.matches("\\d+") && TpcdsQueries.template(n) == Integer.parseInt(w))) chosen.add(n);
      }
    }
    return chosen;
  }

  @BeforeAll static void setUp() throws SQLException {
    duck = TpcdsData.openDuckDb();
    ember = Session.builder().master("local[2]").getOrCreate();
    boolean catalog = System.getProperty(SOURCE, "parquet").equalsIgnoreCase("catalog");
    java.nio.file.Path dir = catalog ? null : TpcdsData.writeParquet(duck);
    for (String table : TpcdsData.tableNames()) {
      EmberRunner.execute(ember, catalog
          ? "CREATE TEMPORARY VIEW " + table + " AS SELECT * FROM tpcds." + TpcdsData.SCHEMA + "." + table
          : "CREATE TEMPORARY VIEW " + table + " USING parquet OPTIONS (path '" + TpcdsData.sqlPath(dir.resolve(table + ".parquet")) + "')");
    }
  }

  @AfterAll static void tearDown() throws SQLException {
    try {
      if (!OUTCOMES.isEmpty()) System.out.println(TpcdsReport.render(new TreeMap<>(OUTCOMES), KNOWN));
    } finally {
      if (ember != null) ember.close();
      if (duck != null) duck.close();
    }
  }

  @ParameterizedTest(name = "q{0}") @MethodSource("names")
  void sameAnswerAsDuckDb(String name) {
    Outcome outcome = run(name);
    OUTCOMES.put(name, outcome);
    System.out.printf("tpcds q%-4s %-13s %6d ms  %s%n", name, outcome.status(), outcome.millis(), outcome.shortDetail(200));
    String reason = KNOWN.get(name);
    if (reason != null) {
      if (outcome.matches()) {
        fail("q" + name + " now matches DuckDB: remove it from tpcds/known_failures.txt");
      }
      Assumptions.abort("expected failure, " + reason + " — now: " + outcome.status() + " " + outcome.shortDetail(300));
    }
    if (!outcome.matches()) {
      fail("q" + name + " " + outcome.status() + ": " + outcome.detail());
    }
  }

  /** The list names real queries only, so a typo cannot hide a failure. */
  @Test void knownFailuresNameRealQueries() {
    List<String> unknown = new ArrayList<>(KNOWN.keySet());
    unknown.removeAll(TpcdsQueries.names());
    assertEquals(List.of(), unknown);
    assertEquals(103, TpcdsQueries.names().size());
  }

  private static Outcome run(String name) {
    String sql = TpcdsQueries.text(name);
    QueryRows expected;
    try {
      expected = DuckDbRunner.query(duck, sql);
    } catch (SQLException e) {
      throw new IllegalStateException("q" + name + ": DuckDB failed (the query text or the data is wrong, not Ember)", e);
    }
    long start = System.nanoTime();
    try {
      if (AnsiVariants.has(name)) return AnsiVariants.run(name, sql, expected, duck, ember, start);
      QueryRows actual = EmberRunner.query(ember, sql);
      long millis = (System.nanoTime() - start) / 1_000_000;
      Optional<String> mismatch = ResultComparator.compare(expected, actual, OrderSpec.lenient(sql, expected.columns()));
      return mismatch.map(m -> new Outcome(name, Status.WRONG_ANSWER, m, millis))
          .orElseGet(() -> new Outcome(name, Status.MATCH, expected.size() + " rows", millis));
    } catch (EmberException e) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      Status s = EmberException.FEATURE_NOT_SUPPORTED.equals(e.sqlState()) ? Status.NOT_SUPPORTED
          : EmberException.INTERNAL_ERROR.equals(e.sqlState()) ? Status.CRASH : Status.ERROR;
      return new Outcome(name, s, e.sqlState() + " " + e.describe() + causeOf(e), millis);
    } catch (RuntimeException | AssertionError e) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Outcome(name, Status.CRASH, e + " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), 4)), millis);
    }
  }

  private static String causeOf(Throwable e) {
    return e.getCause() == null ? "" : " (cause: " + e.getCause() + ")";
  }
}
