package dev.ember.sql;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.catalog.ViewTable;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory catalog for tests: the eight TPC-H tables under {@code tpch.tiny} (real column
 * names and types) and, for the unqualified TPC-H query texts, at the root too; a small table
 * {@code t} of assorted types; views can be added.
 */
final class TestCatalog implements Catalog {
  private final Map<List<String>, Table> tables = new LinkedHashMap<>();

  static TestCatalog standard() {
    TestCatalog c = new TestCatalog();
    for (Table t : tpchTables()) {
      String simple = t.name().substring(t.name().lastIndexOf('.') + 1);
      c.add(List.of("tpch", "tiny", simple), t);
      c.add(List.of(simple), t);
    }
    c.add(List.of("t"), new TestTable("t", Schema.of(
        new Field("a", DataType.INT, true),
        new Field("b", DataType.BIGINT, true),
        new Field("c", DataType.VARCHAR, true),
        new Field("d", DataType.DATE, true),
        new Field("e", DataType.decimal(10, 2), true),
        new Field("f", DataType.DOUBLE, true),
        new Field("g", DataType.BOOLEAN, true),
        new Field("ts", DataType.TIMESTAMP, true))));
    c.add(List.of("u"), new TestTable("u", Schema.of(
        new Field("a", DataType.INT, false),
        new Field("x", DataType.VARCHAR, true))));
    return c;
  }

  TestCatalog add(List<String> path, Table table) {
    tables.put(key(path), table);
    return this;
  }

  TestCatalog addView(String name, String sql, Schema schema) {
    return add(List.of(name), new ViewTable(name, sql, schema));
  }

  private static List<String> key(List<String> path) {
    return path.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  @Override public Optional<Table> table(List<String> path) { return Optional.ofNullable(tables.get(key(path))); }

  @Override public List<String> schemaNames(List<String> schemaPath) {
    List<String> prefix = key(schemaPath);
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (List<String> p : tables.keySet()) {
      if (p.size() > prefix.size() + 1 && p.subList(0, prefix.size()).equals(prefix)) out.add(p.get(prefix.size()));
    }
    return new ArrayList<>(out);
  }

  @Override public List<String> tableNames(List<String> schemaPath) {
    List<String> prefix = key(schemaPath);
    List<String> out = new ArrayList<>();
    for (List<String> p : tables.keySet()) {
      if (p.size() == prefix.size() + 1 && p.subList(0, prefix.size()).equals(prefix)) out.add(p.get(prefix.size()));
    }
    return out;
  }

  private static final DataType MONEY = DataType.decimal(15, 2);

  static List<Table> tpchTables() {
    return List.of(
        tpch("nation", "n_nationkey BIGINT", "n_name VARCHAR", "n_regionkey BIGINT", "n_comment VARCHAR"),
        tpch("region", "r_regionkey BIGINT", "r_name VARCHAR", "r_comment VARCHAR"),
        tpch("part", "p_partkey BIGINT", "p_name VARCHAR", "p_mfgr VARCHAR", "p_brand VARCHAR", "p_type VARCHAR",
            "p_size INT", "p_container VARCHAR", "p_retailprice MONEY", "p_comment VARCHAR"),
        tpch("supplier", "s_suppkey BIGINT", "s_name VARCHAR", "s_address VARCHAR", "s_nationkey BIGINT",
            "s_phone VARCHAR", "s_acctbal MONEY", "s_comment VARCHAR"),
        tpch("partsupp", "ps_partkey BIGINT", "ps_suppkey BIGINT", "ps_availqty INT", "ps_supplycost MONEY",
            "ps_comment VARCHAR"),
        tpch("customer", "c_custkey BIGINT", "c_name VARCHAR", "c_address VARCHAR", "c_nationkey BIGINT",
            "c_phone VARCHAR", "c_acctbal MONEY", "c_mktsegment VARCHAR", "c_comment VARCHAR"),
        tpch("orders", "o_orderkey BIGINT", "o_custkey BIGINT", "o_orderstatus VARCHAR", "o_totalprice MONEY",
            "o_orderdate DATE", "o_orderpriority VARCHAR", "o_clerk VARCHAR", "o_shippriority INT",
            "o_comment VARCHAR"),
        tpch("lineitem", "l_orderkey BIGINT", "l_partkey BIGINT", "l_suppkey BIGINT", "l_linenumber INT",
            "l_quantity MONEY", "l_extendedprice MONEY", "l_discount MONEY", "l_tax MONEY",
            "l_returnflag VARCHAR", "l_linestatus VARCHAR", "l_shipdate DATE", "l_commitdate DATE",
            "l_receiptdate DATE", "l_shipinstruct VARCHAR", "l_shipmode VARCHAR", "l_comment VARCHAR"));
  }

  /** A TPC-H table; columns are "name TYPE" with TYPE one of BIGINT, INT, MONEY, DATE, VARCHAR. */
  private static Table tpch(String name, String... columns) {
    List<Field> fields = new ArrayList<>();
    for (String c : columns) {
      String[] parts = c.split(" ");
      DataType type = switch (parts[1]) {
        case "BIGINT" -> DataType.BIGINT;
        case "INT" -> DataType.INT;
        case "MONEY" -> MONEY;
        case "DATE" -> DataType.DATE;
        case "VARCHAR" -> DataType.VARCHAR;
        default -> throw new IllegalArgumentException(c);
      };
      fields.add(new Field(parts[0], type, false));
    }
    return new TestTable("tpch.tiny." + name, new Schema(fields));
  }
}
