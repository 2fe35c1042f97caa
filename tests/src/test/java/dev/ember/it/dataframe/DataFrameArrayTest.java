package dev.ember.it.dataframe;

import static dev.ember.api.functions.array_contains;
import static dev.ember.api.functions.col;
import static dev.ember.api.functions.collect_list;
import static dev.ember.api.functions.collect_set;
import static dev.ember.api.functions.element_at;
import static dev.ember.api.functions.size;
import static dev.ember.api.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.DataFrame;
import dev.ember.api.Row;
import dev.ember.api.RowFactory;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.execution.memory.MemoryManager;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ARRAY values end to end: collect_list / collect_set (DataFrame API and SQL, array_agg too),
 * size, array_contains, element access, results as java.util.List, show(), and Parquet / JSON
 * output that DuckDB and Ember read back; checked against DuckDB's list functions. Lists gathered across
 * partitions are compared sorted (their order is not defined); order is checked on one
 * partition, where it is the input order.
 */
class DataFrameArrayTest extends DataFrameComparison {
  @TempDir Path dir;

  private static DataFrame t(String name) { return session.table("tpch.tiny." + name); }

  /** DuckDB's rows, each value in Java form: lists as java.util.List, numbers as long, text as String. */
  private static List<List<Object>> duckRows(String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= n; c++) row.add(plain(rs.getObject(c)));
        out.add(row);
      }
    }
    return out;
  }

  private static Object plain(Object v) throws SQLException {
    if (v instanceof java.sql.Array a) {
      List<Object> out = new ArrayList<>();
      for (Object e : (Object[]) a.getArray()) out.add(plain(e));
      return out;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) {
      return ((Number) v).longValue();
    }
    return v;
  }

  /** Ember's rows in the same Java forms; with {@code sortLists}, every list sorted. */
  private static List<List<Object>> emberRows(DataFrame df, boolean sortLists) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < r.size(); c++) {
        Object v = r.get(c);
        if (v instanceof List<?> l) {
          List<Object> items = l.stream().map(DataFrameArrayTest::plainValue).collect(Collectors.toCollection(ArrayList::new));
          if (sortLists) items.sort(null);
          v = items;
        } else {
          v = plainValue(v);
        }
        row.add(v);
      }
      out.add(row);
    }
    return out;
  }

  private static Object plainValue(Object v) {
    return v instanceof Integer || v instanceof Short || v instanceof Byte ? (Object) ((Number) v).longValue() : v;
  }

  @Test void collectListPerGroupMatchesDuckDb() throws SQLException {
    DataFrame df = t("nation").groupBy("n_regionkey")
        .agg(collect_list("n_name").alias("names"), collect_list(col("n_nationkey")).alias("keys"))
        .orderBy("n_regionkey");
    assertEquals(DataType.array(DataType.VARCHAR), df.schema().field(1).type());
    assertEquals(duckRows("SELECT n_regionkey, list_sort(list(n_name)), list_sort(list(n_nationkey)) FROM nation "
        + "GROUP BY n_regionkey ORDER BY n_regionkey"), emberRows(df, true));
  }

  @Test void collectSetDropsRepeats() throws SQLException {
    DataFrame df = t("orders").filter(col("o_orderkey").lt(2000)).groupBy("o_orderstatus")
        .agg(collect_set("o_orderpriority").alias("p"), collect_list("o_orderpriority").alias("all"))
        .select(col("o_orderstatus"), col("p"), size(col("all")).alias("n")).orderBy("o_orderstatus");
    assertEquals(duckRows("SELECT o_orderstatus, list_sort(list(DISTINCT o_orderpriority)), count(o_orderpriority) "
        + "FROM orders WHERE o_orderkey < 2000 GROUP BY o_orderstatus ORDER BY 1"), emberRows(df, true));
  }

  @Test void sqlArrayAggSizeContainsAndElementAccess() throws SQLException {
    String inner = "SELECT r_name, %s(n_name) AS names, %s(n_nationkey) AS keys FROM %snation JOIN %sregion "
        + "ON n_regionkey = r_regionkey GROUP BY r_name";
    DataFrame df = session.sql("SELECT r_name, names, cardinality(names) AS c, size(keys) AS s, "
        + "array_contains(names, 'CHINA') AS has_china, array_contains(keys, 7) AS has7 FROM ("
        + String.format(inner, "array_agg", "collect_list", "tpch.tiny.", "tpch.tiny.") + ") t ORDER BY r_name");
    assertEquals(duckRows("SELECT r_name, list_sort(names), len(names), len(keys), list_contains(names, 'CHINA'), "
        + "list_contains(keys, 7) FROM (" + String.format(inner, "list", "list", "", "") + ") t ORDER BY r_name"),
        emberRows(df, true));
  }

  @Test void collectListOfDistinctValues() throws SQLException {
    DataFrame df = session.sql("SELECT o_orderstatus, collect_list(DISTINCT o_orderpriority) AS p, count(*) AS n "
        + "FROM tpch.tiny.orders GROUP BY o_orderstatus ORDER BY o_orderstatus");
    assertEquals(duckRows("SELECT o_orderstatus, list_sort(list(DISTINCT o_orderpriority)), count(*) FROM orders "
        + "GROUP BY 1 ORDER BY 1"), emberRows(df, true));
  }

  /** One partition: the list keeps the input order, so positions can be checked. */
  @Test void onOnePartitionTheOrderIsTheInputOrder() throws SQLException {
    Schema schema = Schema.of(new Field("i", DataType.INT, false), new Field("v", DataType.VARCHAR, true));
    List<Row> rows = new ArrayList<>();
    String[] values = {"q", null, "b", "z", "a", null, "b"};
    for (int i = 0; i < values.length; i++) rows.add(RowFactory.create(i, values[i]));
    DataFrame df = session.createDataFrame(rows, schema);
    df.createOrReplaceTempView("seq");
    DataFrame arrays = session.sql("SELECT collect_list(v) AS l, collect_set(v) AS s FROM seq");
    String duckValues = "(VALUES " + Arrays.stream(new int[] {0, 1, 2, 3, 4, 5, 6})
        .mapToObj(i -> "(" + i + ", " + (values[i] == null ? "NULL" : "'" + values[i] + "'") + ")")
        .collect(Collectors.joining(", ")) + ") AS seq(i, v)";
    String duckList = "list(v ORDER BY i) FILTER (WHERE v IS NOT NULL)";
    assertEquals(duckRows("SELECT " + duckList + " FROM " + duckValues), emberRows(arrays.select(col("l")), false));
    assertEquals(List.of(List.of(List.of("q", "b", "z", "a"))), emberRows(arrays.select(col("s")), false),
        "collect_set keeps each value where it first appeared");
    arrays.createOrReplaceTempView("arrays");
    DataFrame items = session.sql("SELECT l[1] AS first, l[2] AS second, l[-1] AS last, l[9] AS outside, "
        + "element_at(l, 3) AS third FROM arrays");
    assertEquals(duckRows("SELECT l[1], l[2], l[-1], l[9], l[3] FROM (SELECT " + duckList + " AS l FROM " + duckValues + ")"),
        emberRows(items, false));
    Row r = arrays.select(element_at(col("l"), -2).alias("x"), array_contains(col("l"), "zz").alias("no")).first();
    assertEquals(duckRows("SELECT l[-2], list_contains(l, 'zz') FROM (SELECT " + duckList + " AS l FROM " + duckValues + ")"),
        List.of(Arrays.asList(r.get(0), r.get(1))));
  }

  @Test void rowsHandOutJavaLists() {
    Row r = t("region").agg(collect_list("r_regionkey").alias("k"), collect_list("r_name").alias("n")).first();
    List<Long> keys = r.getList(0);
    List<String> names = r.getAs("n");
    assertEquals(5, keys.size());
    assertTrue(names.contains("ASIA"), names.toString());
    assertEquals(String.class, names.get(0).getClass());
    String shown = t("region").filter(col("r_regionkey").lt(2)).groupBy("r_regionkey")
        .agg(collect_list("r_name").alias("names")).orderBy("r_regionkey").showString(20, false);
    assertTrue(shown.contains("[AFRICA]") && shown.contains("[AMERICA]"), shown);
  }

  /** A cached DataFrame keeps its arrays (compressed Arrow batches hold list vectors too). */
  @Test void cachedArraysReadBackTheSame() throws SQLException {
    DataFrame df = t("nation").groupBy("n_regionkey").agg(collect_list("n_name").alias("names")).orderBy("n_regionkey");
    df.cache();
    try {
      assertEquals(5, df.count());
      assertEquals(duckRows("SELECT n_regionkey, list_sort(list(n_name)) FROM nation GROUP BY 1 ORDER BY 1"),
          emberRows(df, true));
    } finally {
      df.unpersist();
    }
  }

  @Test void anEmptyGroupCollectsAnEmptyArray() {
    Row r = t("region").filter(col("r_regionkey").gt(100)).agg(collect_list("r_name").alias("n"), size(collect_set("r_name")).alias("s")).first();
    assertEquals(List.of(), r.getList(0));
    assertEquals(0, r.getInt(1));
  }

  @Test void parquetAndJsonOutputReadsBackInDuckDb() throws SQLException {
    DataFrame df = t("nation").groupBy("n_regionkey").agg(collect_list("n_name").alias("names"),
        collect_list(col("n_nationkey")).alias("keys"));
    String parquet = dir.resolve("arrays.parquet").toString();
    String json = dir.resolve("arrays.json").toString();
    df.write().parquet(parquet);
    df.write().json(json);
    String expected = "SELECT n_regionkey, list_sort(list(n_name)), list_sort(list(n_nationkey)) FROM nation GROUP BY 1 ORDER BY 1";
    assertEquals(duckRows(expected), duckRows("SELECT n_regionkey, list_sort(names), list_sort(keys) FROM read_parquet('"
        + parquet + "/*.parquet') ORDER BY 1"));
    assertEquals(duckRows(expected), duckRows("SELECT n_regionkey, list_sort(names), list_sort(keys) FROM read_json('"
        + json + "/*.json', columns = {n_regionkey: 'BIGINT', names: 'VARCHAR[]', keys: 'BIGINT[]'}) ORDER BY 1"));
    // and Ember reads its own LIST columns back
    assertEquals(duckRows(expected), emberRows(session.read().parquet(parquet).select("n_regionkey", "names", "keys")
        .orderBy("n_regionkey"), true));
  }

  /**
   * {@code df.write()} then {@code session.read()}: collected lists of strings, decimals, dates and
   * ints (empty ones too) come back from Parquet (schema from the footer) and JSON (schema given)
   * as DuckDB's lists of the same groups; CSV cannot hold them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"parquet", "json"})
  void arraysWrittenAndReadBack(String format) throws SQLException {
    DataFrame df = t("orders").filter(col("o_orderkey").lt(3000)).groupBy("o_custkey")
        .agg(collect_list("o_orderpriority").alias("prios"), collect_list("o_totalprice").alias("prices"),
            collect_list("o_orderdate").alias("dates"), collect_list(col("o_shippriority")).alias("ships"),
            collect_list(when(col("o_orderstatus").equalTo("F"), col("o_orderkey"))).alias("finished"));
    String path = dir.resolve("arrays_df." + format).toString();
    df.write().format(format).save(path);
    DataFrame back = format.equals("parquet") ? session.read().parquet(path)
        : session.read().schema("o_custkey BIGINT, prios ARRAY<STRING>, prices array<decimal(15,2)>, dates ARRAY<DATE>,"
            + " ships ARRAY<INT>, finished ARRAY<BIGINT>").json(path);
    assertEquals(df.schema().fields().stream().map(Field::type).toList(), back.schema().fields().stream().map(Field::type).toList());
    assertEquals(duckRows("SELECT o_custkey, list_sort(list(o_orderpriority)), list_sort(list(o_totalprice)), "
        + "list_sort(list(o_orderdate)), list_sort(list(o_shippriority)), "
        + "list_sort(list_filter(list(CASE WHEN o_orderstatus = 'F' THEN o_orderkey END), lambda v: v IS NOT NULL)) "
        + "FROM orders WHERE o_orderkey < 3000 GROUP BY 1 ORDER BY 1"), emberRows(back.orderBy("o_custkey"), true));
  }

  /** Lists DuckDB wrote, nested ones too, answer size / element access / IS NULL as DuckDB does. */
  @Test void duckDbParquetListsAnswerLikeDuckDb() throws SQLException {
    String file = dir.resolve("duck_lists.parquet").toString().replace("'", "''");
    try (Statement st = duck.createStatement()) {
      st.execute("COPY (SELECT i AS id, CASE WHEN i % 4 = 0 THEN NULL ELSE [i, NULL, i * 2][1:(i % 3) + 1] END AS l,"
          + " CASE WHEN i % 5 = 0 THEN NULL ELSE [[i], NULL, [], [i, i + 1]] END AS n FROM range(50) r(i)) TO '" + file
          + "' (FORMAT parquet)");
    }
    DataFrame lists = session.read().parquet(file);
    assertEquals(DataType.array(DataType.array(DataType.BIGINT)), lists.schema().field(2).type());
    lists.createOrReplaceTempView("duck_lists");
    // array_contains follows Spark: not found but a NULL element present is NULL (DuckDB says false)
    String contains3 = "CASE WHEN list_contains(l, 3) THEN true WHEN len(list_filter(l, lambda v: v IS NULL)) > 0 "
        + "THEN NULL ELSE list_contains(l, 3) END";
    assertEquals(duckRows("SELECT id, l, len(l), l[1], l[-1], " + contains3 + ", n, len(n), n[4], l IS NULL "
            + "FROM read_parquet('" + file + "') ORDER BY id"),
        emberRows(session.sql("SELECT id, l, size(l), l[1], element_at(l, -1), array_contains(l, 3), n, "
            + "cardinality(n), n[4], l IS NULL FROM duck_lists ORDER BY id"), false));
  }

  /**
   * Rows made in Java — NULL lists, empty lists, NULL elements, nested lists, seven element types —
   * come back from Parquet and JSON exactly as they were given.
   */
  @ParameterizedTest
  @ValueSource(strings = {"parquet", "json"})
  void givenArraysWithNullsComeBackAsGiven(String format) {
    Schema schema = Schema.of(new Field("id", DataType.INT, false), new Field("i", DataType.array(DataType.INT), true),
        new Field("s", DataType.array(DataType.VARCHAR), true), new Field("m", DataType.array(DataType.decimal(10, 2)), true),
        new Field("d", DataType.array(DataType.DATE), true), new Field("ts", DataType.array(DataType.TIMESTAMP), true),
        new Field("b", DataType.array(DataType.BOOLEAN), true), new Field("x", DataType.array(DataType.DOUBLE), true),
        new Field("n", DataType.array(DataType.array(DataType.INT)), true));
    List<Row> rows = List.of(
        RowFactory.create(1, Arrays.asList(1, null, -3), Arrays.asList("a", null, "\"quoted\", é"),
            Arrays.asList(new java.math.BigDecimal("1.50"), null), Arrays.asList(java.time.LocalDate.of(1969, 12, 31), null),
            Arrays.asList(java.time.LocalDateTime.of(2024, 2, 29, 10, 11, 12, 500000000), null), Arrays.asList(true, null, false),
            Arrays.asList(-0.25, null, 1e300), Arrays.asList(List.of(1, 2), null, List.of(), Arrays.asList(3, null))),
        RowFactory.create(2, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
        RowFactory.create(3, null, null, null, null, null, null, null, null),
        RowFactory.create(4, Arrays.asList((Object) null), Arrays.asList((Object) null), Arrays.asList((Object) null),
            Arrays.asList((Object) null), Arrays.asList((Object) null), Arrays.asList((Object) null), Arrays.asList((Object) null),
            Arrays.asList((Object) null)));
    String path = dir.resolve("given." + format).toString();
    session.createDataFrame(rows, schema).write().format(format).save(path);
    DataFrame back = format.equals("parquet") ? session.read().parquet(path) : session.read().schema(schema).json(path);
    assertEquals(rows.stream().map(Row::toList).toList(), back.orderBy("id").collectAsList().stream().map(Row::toList).toList());
  }

  @Test void csvRefusesArrayColumnsBothWays() {
    DataFrame arrays = t("nation").groupBy("n_regionkey").agg(collect_list("n_name").alias("names"));
    String path = dir.resolve("arrays.csv").toString();
    assertNotSupported(() -> arrays.write().csv(path));
    session.table("tpch.tiny.nation").select("n_name").write().csv(path);
    assertNotSupported(() -> session.read().schema(Schema.of(new Field("names", DataType.array(DataType.VARCHAR), true)))
        .csv(path));
  }

  /** Array columns travel through shuffles and both sides of a hash join. */
  @Test void arraysCrossShufflesAndJoins() throws SQLException {
    DataFrame names = t("nation").groupBy("n_regionkey").agg(collect_list("n_name").alias("names"));
    DataFrame keys = t("nation").groupBy(col("n_regionkey").alias("rk")).agg(collect_list("n_nationkey").alias("keys"));
    DataFrame joined = names.join(keys, col("n_regionkey").equalTo(col("rk")))
        .join(t("region"), col("n_regionkey").equalTo(col("r_regionkey")))
        .select(col("r_name"), col("names"), col("keys")).orderBy("r_name");
    assertEquals(duckRows("SELECT r_name, list_sort(list(n_name)), list_sort(list(n_nationkey)) FROM nation "
        + "JOIN region ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name"), emberRows(joined, true));
  }

  @Test void whatArraysCannotDoFailsAsNotSupported() {
    DataFrame arrays = t("nation").groupBy("n_regionkey").agg(collect_list("n_name").alias("names"));
    assertNotSupported(() -> arrays.groupBy("names").count().collectAsList());
    EmberException cast = assertThrows(EmberException.class, () -> arrays.select(col("names").cast("int")).collectAsList());
    assertTrue(!cast.sqlState().equals(EmberException.INTERNAL_ERROR), cast.getMessage());
    assertNotSupported(() -> session.sql("SELECT array_agg(n_name ORDER BY n_nationkey) FROM tpch.tiny.nation").collectAsList());
    assertNotSupported(() -> arrays.write().csv(dir.resolve("x.csv").toString()));
    assertNotSupported(() -> arrays.agg(dev.ember.api.functions.max(col("names"))).collectAsList());
    assertNotSupported(() -> arrays.select(col("names")).distinct().collectAsList());
    assertNotSupported(() -> arrays.join(arrays.select(col("names").alias("other")), col("names").equalTo(col("other")))
        .collectAsList());
    assertNotSupported(() -> arrays.write().partitionBy("names").parquet(dir.resolve("p").toString()));
    assertNotSupported(() -> session.sql("SELECT collect_list(n_name), count(DISTINCT n_regionkey) FROM tpch.tiny.nation")
        .collectAsList());
  }

  private static void assertNotSupported(org.junit.jupiter.api.function.Executable e) {
    EmberException x = assertThrows(EmberException.class, e);
    assertTrue(x.getMessage().startsWith("not supported: "), x.getMessage());
    assertEquals(EmberException.FEATURE_NOT_SUPPORTED, x.sqlState(), x.getMessage());
    assertEquals(0, MemoryManager.allocatedBytes(), "memory left after: " + x.getMessage());
  }
}
