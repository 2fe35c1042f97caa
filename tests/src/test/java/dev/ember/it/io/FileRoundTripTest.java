package dev.ember.it.io;

import static dev.ember.it.io.QueryWriter.sqlPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.api.Session;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.write.SaveMode;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.it.DuckDbRunner;
import dev.ember.it.EmberRunner;
import dev.ember.it.Oracle;
import dev.ember.it.OrderSpec;
import dev.ember.it.QueryRows;
import dev.ember.it.ResultComparator;
import dev.ember.it.TpchData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ember writes a query's answer (every type the format holds, with NULLs) as Parquet, CSV and
 * JSON, reads the files back through SQL, and must answer as DuckDB answers the original query
 * over the TPC-H source — and as DuckDB reads Ember's files. ARRAY columns round-trip through
 * Parquet and JSON the same way (CSV has no form for them and refuses them).
 */
class FileRoundTripTest {
  /** Every Ember type a file can hold, NULLs in each (every lineitem's first line). */
  private static final String ALL_TYPES = """
      SELECT l_orderkey AS okey, l_linenumber AS lineno,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE l_returnflag = 'R' END AS flag,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE CAST(l_linenumber AS TINYINT) END AS tiny,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE CAST(l_suppkey AS SMALLINT) END AS small,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE CAST(l_partkey AS INTEGER) END AS part,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE CAST(l_tax AS REAL) END AS tax,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE CAST(l_extendedprice AS DOUBLE) / 7 END AS dbl,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE l_extendedprice END AS price,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE CAST(l_quantity AS DECIMAL(30,4)) * 1234567890123 END AS wide,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE l_shipdate END AS ship,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE CAST(l_receiptdate AS TIMESTAMP) END AS receipt,
        CASE WHEN l_linenumber = 1 THEN NULL ELSE l_comment END AS cmt
      FROM lineitem
      """;
  private static final String COLUMNS = "okey BIGINT, lineno INT, flag BOOLEAN, tiny TINYINT, small SMALLINT, part INT, tax REAL, dbl DOUBLE,"
      + " price DECIMAL(15,2), wide DECIMAL(38,4), ship DATE, receipt TIMESTAMP, cmt VARCHAR";
  private static final String DUCK_COLUMNS = "{'okey': 'BIGINT', 'lineno': 'INT', 'flag': 'BOOLEAN', 'tiny': 'TINYINT',"
      + " 'small': 'SMALLINT', 'part': 'INT', 'tax': 'REAL', 'dbl': 'DOUBLE', 'price': 'DECIMAL(15,2)', 'wide': 'DECIMAL(38,4)',"
      + " 'ship': 'DATE', 'receipt': 'TIMESTAMP', 'cmt': 'VARCHAR'}";

  @TempDir Path dir;

  @AfterEach void noLeak() { assertEquals(0, MemoryManager.allocatedBytes(), "Arrow memory leaked"); }

  private Session open() {
    return Session.builder().master("local[2]").config("ember.catalog.dir", dir.resolve("catalog").toString()).getOrCreate();
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "csv", "json"})
  void writtenFilesAnswerLikeTheSource(String format) throws Exception {
    String lineitem = sqlPath(TpchData.parquetFile(TpchData.TINY, "lineitem"));
    Path out = dir.resolve("out_" + format);
    Map<String, String> options = format.equals("csv") ? Map.of("header", "true") : Map.of();
    try (Session s = open(); Connection duck = TpchData.openDuckDbOverParquet(TpchData.TINY)) {
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW lineitem USING parquet OPTIONS (path '" + lineitem + "')");
      QueryWriter.write(s, ALL_TYPES, format, out.toString(), SaveMode.ERROR_IF_EXISTS, List.of(), options);
      String optionSql = format.equals("csv") ? " OPTIONS (header 'true')" : "";
      EmberRunner.execute(s, "CREATE TABLE back (" + COLUMNS + ") USING " + format + optionSql
          + " LOCATION '" + sqlPath(out) + "'");
      String query = "SELECT * FROM back ORDER BY okey, lineno";
      new Oracle(duck, s).assertSameAnswer(format + " read back", "SELECT * FROM (" + ALL_TYPES + ") ORDER BY okey, lineno", query);
      String duckReader = switch (format) {
        case "parquet" -> "read_parquet('" + sqlPath(out) + "/*.parquet')";
        case "csv" -> "read_csv('" + sqlPath(out) + "/*.csv', header = true, escape = '\\', allow_quoted_nulls = false,"
            + " columns = " + DUCK_COLUMNS + ")";
        default -> "read_json('" + sqlPath(out) + "/*.json', format = 'newline_delimited', columns = "
            + DUCK_COLUMNS.replace("'DECIMAL(38,4)'", "'VARCHAR'") + ")";
      };
      // DuckDB reads JSON numbers through doubles, so it cannot read 38 digits: compare wide as text there
      String duckSelect = format.equals("json") ? "SELECT * EXCLUDE (wide) FROM " : "SELECT * FROM ";
      String emberSelect = format.equals("json")
          ? "SELECT okey, lineno, flag, tiny, small, part, tax, dbl, price, ship, receipt, cmt FROM back ORDER BY okey, lineno" : query;
      new Oracle(duck, s).assertSameAnswer(format + " as DuckDB reads it", duckSelect + duckReader + " ORDER BY okey, lineno", emberSelect);
      EmberRunner.execute(s, "DROP TABLE back");
    }
  }

  /**
   * collect_list results per order (lists of nine element types; NULL lists from a CASE, empty
   * lists where every value is NULL) beside lists with NULL elements that DuckDB wrote to Parquet.
   * {@code %s} is where each engine reads DuckDB's file.
   */
  private static final String ARRAYS = """
      SELECT a.okey, CASE WHEN a.okey %% 5 = 0 THEN NULL ELSE a.parts END AS parts, a.cmts, a.ships, a.prices, a.wides,
        a.taxes, a.flags, a.receipts, a.tinys, a.nothing, d.ints, d.strs
      FROM (SELECT l_orderkey AS okey, %s AS parts,
          %s AS cmts,
          %s AS ships, %s AS prices,
          %s AS wides,
          %s AS taxes, %s AS flags,
          %s AS receipts, %s AS tinys,
          %s AS nothing
        FROM lineitem WHERE l_orderkey < 3000 GROUP BY l_orderkey) a
      LEFT JOIN %s d ON a.okey = d.okey
      """;
  private static final List<String> COLLECTED = List.of("l_partkey",
      "CASE WHEN l_linenumber = 1 THEN NULL ELSE l_comment END", "l_shipdate", "l_extendedprice",
      "CAST(l_quantity AS DECIMAL(30,4)) * 1234567890123", "CAST(l_tax AS DOUBLE)", "l_returnflag = 'R'",
      "CAST(l_receiptdate AS TIMESTAMP)", "CAST(l_linenumber AS TINYINT)", "CASE WHEN l_linenumber > 100 THEN l_suppkey END");
  /** The collected columns, whose element order depends on how rows reached the aggregation. */
  private static final Set<Integer> UNORDERED = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  private static final Schema ARRAY_COLUMNS = Schema.of(new Field("okey", DataType.BIGINT, true),
      array("parts", DataType.BIGINT), array("cmts", DataType.VARCHAR), array("ships", DataType.DATE),
      array("prices", DataType.decimal(15, 2)), array("wides", DataType.decimal(38, 4)), array("taxes", DataType.DOUBLE),
      array("flags", DataType.BOOLEAN), array("receipts", DataType.TIMESTAMP), array("tinys", DataType.TINYINT),
      array("nothing", DataType.BIGINT), array("ints", DataType.INT), array("strs", DataType.VARCHAR));
  private static final String DUCK_ARRAY_COLUMNS = "{'okey': 'BIGINT', 'parts': 'BIGINT[]', 'cmts': 'VARCHAR[]',"
      + " 'ships': 'DATE[]', 'prices': 'DECIMAL(15,2)[]', 'taxes': 'DOUBLE[]', 'flags': 'BOOLEAN[]',"
      + " 'receipts': 'TIMESTAMP[]', 'tinys': 'TINYINT[]', 'nothing': 'BIGINT[]', 'ints': 'INTEGER[]', 'strs': 'VARCHAR[]'}";

  /**
   * ARRAY columns written as Parquet LISTs or JSON arrays read back as they were: Ember's reading
   * of its files equals DuckDB's answer to the query over the sources (collected lists compared
   * sorted) and DuckDB's reading of the same files (in file order).
   */
  @ParameterizedTest
  @ValueSource(strings = {"parquet", "json"})
  void arraysRoundTrip(String format) throws Exception {
    String lineitem = sqlPath(TpchData.parquetFile(TpchData.TINY, "lineitem"));
    Path lists = dir.resolve("lists.parquet");
    Path out = dir.resolve("arrays_" + format);
    try (Session s = open(); Connection duck = TpchData.openDuckDbOverParquet(TpchData.TINY)) {
      QueryWriter.duck(duck, "COPY (SELECT o_orderkey AS okey,"
          + " CASE WHEN o_orderkey % 7 = 0 THEN NULL ELSE [CASE WHEN o_orderkey % 3 = 0 THEN NULL ELSE o_custkey::INTEGER END,"
          + " NULL, (o_orderkey % 13)::INTEGER] END AS ints,"
          + " CASE WHEN o_orderkey % 11 = 0 THEN NULL WHEN o_orderkey % 4 = 0 THEN [] ELSE [o_orderpriority, NULL, o_clerk] END AS strs"
          + " FROM orders WHERE o_orderkey < 3000) TO '" + sqlPath(lists) + "' (FORMAT parquet)");
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW lineitem USING parquet OPTIONS (path '" + lineitem + "')");
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW dl USING parquet OPTIONS (path '" + sqlPath(lists) + "')");
      List<Object> ember = new ArrayList<>(COLLECTED.stream().map(e -> (Object) ("collect_list(" + e + ")")).toList());
      ember.add("dl");
      List<Object> duckDb = new ArrayList<>(COLLECTED.stream()
          .map(e -> (Object) ("list_filter(list(" + e + "), lambda v: v IS NOT NULL)")).toList());
      duckDb.add("read_parquet('" + sqlPath(lists) + "')");
      QueryWriter.write(s, String.format(ARRAYS, ember.toArray()), format, out.toString(), SaveMode.ERROR_IF_EXISTS,
          List.of(), Map.of());
      var reader = s.read();
      (format.equals("json") ? reader.schema(ARRAY_COLUMNS).option("mode", "FAILFAST").json(out.toString()) : reader.parquet(out.toString()))
          .createOrReplaceTempView("back");
      QueryRows back = EmberRunner.query(s, "SELECT * FROM back ORDER BY okey");
      QueryRows expected = DuckDbRunner.query(duck, "SELECT * FROM (" + String.format(ARRAYS, duckDb.toArray()) + ") ORDER BY okey");
      assertTrue(expected.size() > 500, "orders below 3000: " + expected.size());
      assertSame(format + " read back", normalized(expected, UNORDERED), normalized(back, UNORDERED));
      String duckReader = format.equals("parquet") ? "read_parquet('" + sqlPath(out) + "/*.parquet')"
          : "read_json('" + sqlPath(out) + "/*.json', format = 'newline_delimited', columns = " + DUCK_ARRAY_COLUMNS + ")";
      // DuckDB reads JSON numbers through doubles, so it cannot read 38 digits: wides only from Parquet
      String emberColumns = format.equals("parquet") ? "*"
          : "okey, parts, cmts, ships, prices, taxes, flags, receipts, tinys, nothing, ints, strs";
      assertSame(format + " as DuckDB reads it",
          normalized(DuckDbRunner.query(duck, "SELECT * FROM " + duckReader + " ORDER BY okey"), Set.of()),
          normalized(EmberRunner.query(s, "SELECT " + emberColumns + " FROM back ORDER BY okey"), Set.of()));
    }
  }

  private static Field array(String name, DataType element) { return new Field(name, DataType.array(element), true); }

  private static void assertSame(String label, QueryRows expected, QueryRows actual) {
    ResultComparator.compare(expected, actual, OrderSpec.columns(0))
        .ifPresent(m -> fail(label + ": Ember's answer differs from DuckDB's: " + m));
  }

  /** The rows with decimals in lists compared by value, and the lists of {@code sorted} columns sorted. */
  private static QueryRows normalized(QueryRows rows, Set<Integer> sorted) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : rows.rows()) {
      List<Object> r = new ArrayList<>(row);
      for (int c = 0; c < r.size(); c++) {
        if (!(r.get(c) instanceof List<?> l)) continue;
        List<Object> items = new ArrayList<>();
        for (Object e : l) items.add(e instanceof BigDecimal d ? d.stripTrailingZeros() : e);
        if (sorted.contains(c)) items.sort(Comparator.nullsFirst(FileRoundTripTest::compareValues));
        r.set(c, items);
      }
      out.add(r);
    }
    return new QueryRows(rows.columns(), out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) { return ((Comparable) a).compareTo(b); }

  @Test void jsonViewInfersItsColumns() throws Exception {
    Path out = dir.resolve("nation_json");
    String nation = sqlPath(TpchData.parquetFile(TpchData.TINY, "nation"));
    try (Session s = open(); Connection duck = TpchData.openDuckDbOverParquet(TpchData.TINY)) {
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW nation USING parquet OPTIONS (path '" + nation + "')");
      QueryWriter.write(s, "SELECT n_nationkey, n_name, n_regionkey, n_comment FROM nation", "json", out.toString(),
          SaveMode.OVERWRITE, List.of(), Map.of());
      EmberRunner.execute(s, "CREATE TEMPORARY VIEW nj USING json OPTIONS (path '" + sqlPath(out) + "')");
      new Oracle(duck, s).assertSameAnswer("json view",
          "SELECT n_regionkey, count(*) AS c, max(n_name) AS m FROM nation GROUP BY n_regionkey ORDER BY n_regionkey",
          "SELECT n_regionkey, count(*) AS c, max(n_name) AS m FROM nj GROUP BY n_regionkey ORDER BY n_regionkey");
    }
  }
}
