package dev.ember.datasources.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BinaryOp.Op;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import dev.ember.datasources.BatchReader;
import dev.ember.datasources.ScanSplit;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row groups are skipped by their statistics: the number of row groups read equals what DuckDB's
 * own footer metadata says can match, and every row DuckDB finds for the predicate is still there.
 */
class RowGroupSkippingTest {
  @TempDir static Path dir;
  private static DuckDb duck;
  private static Path file;
  private static ParquetTable table;
  /** [min id, max id] of each row group, from DuckDB's reading of the footer. */
  private static final List<long[]> groups = new java.util.ArrayList<>();
  private BufferAllocator allocator;

  private static final AttributeRef ID = AttributeRef.of("id", DataType.BIGINT, false);
  private static final AttributeRef SMALL = AttributeRef.of("small", DataType.INT, true);
  private static final AttributeRef NAME = AttributeRef.of("name", DataType.VARCHAR, true);
  private static final AttributeRef DAY = AttributeRef.of("day", DataType.DATE, true);
  private static final AttributeRef PRICE = AttributeRef.of("price", DataType.decimal(15, 2), true);
  private static final AttributeRef X = AttributeRef.of("x", DataType.DOUBLE, true);
  private static final AttributeRef SPARSE = AttributeRef.of("sparse", DataType.INT, true);
  private static final AttributeRef NOTHING = AttributeRef.of("nothing", DataType.INT, true);

  /** Row groups of 2,048 rows sorted by id; sparse has values only in row groups 1 and 2. */
  @BeforeAll static void write() {
    duck = new DuckDb();
    file = dir.resolve("sorted.parquet");
    duck.execute("COPY (SELECT i AS id, (i % 1000)::INTEGER AS small, 'name' || lpad(i::VARCHAR, 6, '0') AS name,"
        + " DATE '2000-01-01' + (i // 100)::INTEGER AS day, (i * 1.25)::DECIMAL(15,2) AS price,"
        + " CASE WHEN i = 5000 THEN -0.0 ELSE (i - 10000) / 4.0 END AS x,"
        + " CASE WHEN i BETWEEN 2048 AND 6143 THEN i::INTEGER END AS sparse,"
        + " NULL::INTEGER AS nothing"
        + " FROM range(20000) r(i)) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
    table = ParquetTable.open("sorted", file.toString());
    for (List<Object> g : duck.rows("SELECT stats_min_value::BIGINT, stats_max_value::BIGINT FROM parquet_metadata('"
        + file + "') WHERE path_in_schema = 'id' ORDER BY row_group_id")) {
      groups.add(new long[] {(Long) g.get(0), (Long) g.get(1)});
    }
  }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  @Test void fileHasSeveralRowGroups() {
    assertTrue(groups.size() >= 8, "row groups: " + groups.size());
  }

  @Test void comparisonsSkipRowGroups() {
    check("id = 4500", cmp(Op.EQ, ID, Literal.ofLong(4500)), "id", "4500", "4500");
    check("id < 2500", cmp(Op.LT, ID, Literal.ofLong(2500)), "id", null, "2499");
    check("id <= 2999", cmp(Op.LE, ID, Literal.ofLong(2999)), "id", null, "2999");
    check("id > 17999", cmp(Op.GT, ID, Literal.ofLong(17999)), "id", "18000", null);
    check("id >= 18000", cmp(Op.GE, ID, Literal.ofLong(18000)), "id", "18000", null);
    check("19000 <= id", cmp(Op.LE, Literal.ofLong(19000), ID), "id", "19000", null);
    check("id <> 5", cmp(Op.NE, ID, Literal.ofLong(5)), "id", null, null);
  }

  @Test void otherTypesSkipRowGroups() {
    check("name = 'name012345'", cmp(Op.EQ, NAME, Literal.ofString("name012345")), "name", "'name012345'", "'name012345'");
    check("name >= 'name019500'", cmp(Op.GE, NAME, Literal.ofString("name019500")), "name", "'name019500'", null);
    int day = (int) LocalDate.of(2000, 1, 31).toEpochDay();
    check("day = DATE '2000-01-31'", cmp(Op.EQ, DAY, new Literal(day, DataType.DATE)), "day", "'2000-01-31'", "'2000-01-31'");
    check("price > 24000.00", cmp(Op.GT, PRICE, Literal.ofDecimal(new BigDecimal("24000.00"), DataType.decimal(15, 2))),
        "price", "24000.01", null);
    check("x < -2000.0", cmp(Op.LT, X, Literal.ofDouble(-2000.0)), "x", null, "-2000.25");
    check("x = 0.0 (stored as -0.0 and 0.0)", cmp(Op.EQ, X, Literal.ofDouble(0.0)), "x", "-0.0", "0.0");
    check("x = -0.0", cmp(Op.EQ, X, Literal.ofDouble(-0.0)), "x", "-0.0", "0.0");
  }

  @Test void inListsNullTestsAndConnectives() {
    Expr in = new InList(ID, List.of(Literal.ofLong(10), Literal.ofLong(15010), Literal.ofLong(99999)));
    check("id IN (10, 15010, 99999)", in, "id IN (10, 15010, 99999)");
    check("sparse IS NOT NULL", UnaryOp.isNotNull(SPARSE), "sparse IS NOT NULL");
    check("sparse IS NULL", UnaryOp.isNull(SPARSE), "sparse IS NULL");
    check("nothing IS NOT NULL", UnaryOp.isNotNull(NOTHING), "nothing IS NOT NULL");
    check("nothing = 1", cmp(Op.EQ, NOTHING, Literal.ofInt(1)), "nothing = 1");
    Expr or = cmp(Op.OR, cmp(Op.LT, ID, Literal.ofLong(500)), cmp(Op.GT, ID, Literal.ofLong(19500)));
    check("id < 500 OR id > 19500", or, "id < 500 OR id > 19500");
    Expr and = cmp(Op.AND, cmp(Op.GE, ID, Literal.ofLong(5000)), cmp(Op.LT, SMALL, Literal.ofInt(0)));
    check("id >= 5000 AND small < 0", and, "id >= 5000 AND small < 0");
    check("CAST(small AS BIGINT) > 998", cmp(Op.GT, new Cast(SMALL, DataType.BIGINT), Literal.ofLong(998)),
        "small::BIGINT > 998");
  }

  @Test void severalConjunctsAllMustHold() {
    List<Expr> conjuncts = List.of(cmp(Op.GE, ID, Literal.ofLong(4000)), cmp(Op.LT, ID, Literal.ofLong(6000)),
        UnaryOp.isNotNull(SPARSE));
    Result r = read(conjuncts);
    Set<Long> expected = duckIds("id >= 4000 AND id < 6000 AND sparse IS NOT NULL");
    assertEquals(groupsHolding(expected), r.read);
    assertTrue(r.read < groups.size());
    assertTrue(r.ids.containsAll(expected));
  }

  @Test void unknownShapesNeverSkip() {
    Expr columnVsColumn = cmp(Op.LT, ID, SMALL);
    Expr arithmetic = cmp(Op.EQ, new BinaryOp(Op.ADD, ID, Literal.ofLong(1), DataType.BIGINT), Literal.ofLong(7));
    Expr notExpr = UnaryOp.not(cmp(Op.EQ, ID, Literal.ofLong(7)));
    for (Expr e : List.of(columnVsColumn, arithmetic, notExpr)) {
      Result r = read(List.of(e));
      assertEquals(groups.size(), r.read, e.display());
      assertEquals(20000, r.ids.size());
    }
  }

  /** Reads with {@code predicate} pushed; checks row groups read against DuckDB's metadata. */
  private void check(String label, Expr predicate, String column, String low, String high) {
    String overlap = "path_in_schema = '" + column + "'"
        + (low == null ? "" : " AND (stats_max_value IS NULL OR TRY_CAST(stats_max_value AS " + duckType(column) + ")" + " >= " + low + ")")
        + (high == null ? "" : " AND (stats_min_value IS NULL OR TRY_CAST(stats_min_value AS " + duckType(column) + ")" + " <= " + high + ")");
    long expectedGroups = ((Number) duck.value("SELECT count(*) FROM parquet_metadata('" + file + "') WHERE " + overlap)).longValue();
    Result r = read(List.of(predicate));
    assertEquals(expectedGroups, r.read, label + ": row groups read");
    assertEquals(groups.size() - expectedGroups, r.skipped, label + ": row groups skipped");
    assertTrue(r.ids.containsAll(duckIds(label.replaceAll(" \\(.*\\)$", ""))), label + ": lost rows");
  }

  /** Reads with {@code predicate} pushed; checks that no matching row is lost. */
  private void check(String label, Expr predicate, String duckPredicate) {
    Result r = read(List.of(predicate));
    Set<Long> expected = duckIds(duckPredicate);
    assertTrue(r.ids.containsAll(expected), label + ": lost rows");
    assertEquals(groupsHolding(expected), r.read, label + ": row groups read (those with a matching row)");
  }

  /** How many row groups hold at least one of {@code ids}. */
  private static long groupsHolding(Set<Long> ids) {
    return groups.stream().filter(g -> ids.stream().anyMatch(id -> id >= g[0] && id <= g[1])).count();
  }

  private static String duckType(String column) {
    return switch (column) {
      case "id" -> "BIGINT";
      case "name" -> "VARCHAR";
      case "day" -> "DATE";
      case "price" -> "DECIMAL(15,2)";
      default -> "DOUBLE";
    };
  }

  private Set<Long> duckIds(String predicate) {
    Set<Long> out = new HashSet<>();
    for (List<Object> row : duck.rows("SELECT id FROM '" + file + "' WHERE " + predicate)) out.add((Long) row.get(0));
    return out;
  }

  private record Result(int read, int skipped, Set<Long> ids) {}

  private Result read(List<Expr> filters) {
    int read = 0;
    int skipped = 0;
    Set<Long> ids = new HashSet<>();
    for (ScanSplit split : table.splits(3)) {
      try (BatchReader reader = table.open(split, List.of("id"), filters, allocator, 4096)) {
        for (VectorSchemaRoot b = reader.next(); b != null; b = reader.next()) {
          for (List<Object> row : Batches.rows(b)) ids.add((Long) row.get(0));
          b.close();
        }
        read += ((ParquetBatchReader) reader).rowGroupsRead();
        skipped += ((ParquetBatchReader) reader).rowGroupsSkipped();
      }
    }
    return new Result(read, skipped, ids);
  }

  private static Expr cmp(Op op, Expr l, Expr r) { return BinaryOp.predicate(op, l, r); }
}
