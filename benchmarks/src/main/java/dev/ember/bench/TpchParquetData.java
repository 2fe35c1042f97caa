package dev.ember.bench;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The benchmark's TPC-H data: one Parquet file per table, {@code <dir>/<table>.parquet}, holding
 * the rows of io.trino.tpch (the generator behind Ember's built-in {@code tpch} catalog) with the
 * column types of DuckDB's tpch extension (keys BIGINT, money and quantities DECIMAL(15,2), dates
 * DATE), written by DuckDB with row groups of {@link #ROW_GROUP_SIZE} rows.
 *
 * <p>Rows go through DuckDB's Appender into a table of a staging database file, then
 * {@code COPY … TO} Parquet.
 * Decimals come from the generator's exact hundredths ({@code getIdentifier}), never from its
 * doubles. The files are written into a temporary sibling directory that is renamed into place
 * when complete, so a directory under the final name is always whole and is reused as is.
 */
public final class TpchParquetData {
  /** DuckDB's default row group size, stated so it never drifts. */
  public static final int ROW_GROUP_SIZE = 122_880;
  /**
   * The staging database the rows are appended to before {@code COPY}, a file in the temporary
   * directory (deleted before the directory is published): SF 10's lineitem (60 M rows) would not
   * fit in an in-memory database on a shared machine, a file database keeps only
   * {@link #STAGING_MEMORY} of it in memory.
   */
  private static final String STAGING_DB = "staging.duckdb";
  private static final String STAGING_MEMORY = "3GB";

  private TpchParquetData() {}

  /** The eight table names, in the generator's order. */
  public static List<String> tableNames() {
    List<String> names = new ArrayList<>();
    for (TpchTable<?> t : TpchTable.getTables()) names.add(t.getTableName());
    return names;
  }

  /** Makes sure {@code dir} holds the tables at {@code scale}; generates them when it does not exist. */
  public static void ensure(Path dir, double scale, int threads) throws IOException, SQLException {
    if (Files.isDirectory(dir)) return;
    Files.createDirectories(dir.toAbsolutePath().getParent());
    Path tmp = Files.createTempDirectory(dir.toAbsolutePath().getParent(), dir.getFileName() + ".tmp-");
    Path staging = tmp.resolve(STAGING_DB);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + staging.toAbsolutePath())) {
      execute(duck, "SET threads = " + threads);
      execute(duck, "SET memory_limit = '" + STAGING_MEMORY + "'");
      for (TpchTable<?> table : TpchTable.getTables()) {
        long start = System.nanoTime();
        load(duck, table, scale);
        Path file = tmp.resolve(table.getTableName() + ".parquet");
        execute(duck, "COPY " + table.getTableName() + " TO '" + sqlPath(file)
            + "' (FORMAT parquet, ROW_GROUP_SIZE " + ROW_GROUP_SIZE + ")");
        execute(duck, "DROP TABLE " + table.getTableName());
        System.err.printf("generated %s in %.1f s%n", table.getTableName(), (System.nanoTime() - start) / 1e9);
      }
    } catch (SQLException | RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
    try (Stream<Path> files = Files.list(tmp)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(STAGING_DB)).toList()) Files.delete(f);
    }
    publish(tmp, dir);
  }

  /** Creates the eight tables in {@code duck} straight from the generator (no Parquet involved). */
  public static void generateInto(Connection duck, double scale) throws SQLException {
    for (TpchTable<?> table : TpchTable.getTables()) load(duck, table, scale);
  }

  private static <E extends TpchEntity> void load(Connection duck, TpchTable<E> table, double scale)
      throws SQLException {
    List<TpchColumn<E>> columns = table.getColumns();
    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table.getTableName()).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) ddl.append(", ");
      ddl.append(columns.get(i).getColumnName()).append(' ').append(duckDbType(columns.get(i)));
    }
    execute(duck, ddl.append(')').toString());
    DuckDBConnection dc = duck.unwrap(DuckDBConnection.class);
    try (DuckDBAppender appender = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.getTableName())) {
      for (E row : table.createGenerator(scale, 1, 1)) {
        appender.beginRow();
        for (TpchColumn<E> c : columns) append(appender, c, row);
        appender.endRow();
      }
    }
  }

  /** The DuckDB tpch extension's type for a generator column. */
  static String duckDbType(TpchColumn<?> c) {
    return switch (c.getType().getBase()) {
      case IDENTIFIER -> "BIGINT";
      case INTEGER -> "INTEGER";
      case DATE -> "DATE";
      case DOUBLE -> "DECIMAL(15,2)";
      case VARCHAR -> "VARCHAR";
    };
  }

  private static <E extends TpchEntity> void append(DuckDBAppender a, TpchColumn<E> c, E row) throws SQLException {
    switch (c.getType().getBase()) {
      case IDENTIFIER -> a.append(c.getIdentifier(row));
      case INTEGER -> a.append(c.getInteger(row));
      case DATE -> a.appendEpochDays(c.getDate(row));
      case DOUBLE -> a.appendDecimal(exactCents(c, row));
      case VARCHAR -> a.append(c.getString(row));
    }
  }

  /**
   * The value of a DOUBLE generator column in hundredths. The generator keeps these values as
   * integers internally (cents, percent) and returns them from {@code getIdentifier}; the check
   * against the double guards against a generator version where that stops being true.
   */
  static <E extends TpchEntity> long exactCents(TpchColumn<E> c, E row) {
    long cents = c.getIdentifier(row);
    double d = c.getDouble(row);
    if (java.math.BigDecimal.valueOf(cents, 2).compareTo(java.math.BigDecimal.valueOf(d)) != 0) {
      throw new IllegalStateException(c.getColumnName() + ": getIdentifier " + cents + " is not getDouble " + d + " in cents");
    }
    return cents;
  }

  /** The file of one table in {@code dir}. */
  public static Path file(Path dir, String table) {
    return dir.resolve(table + ".parquet");
  }

  /** A path as a single-quoted SQL string body. */
  public static String sqlPath(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Renames the finished directory; if another run published it meanwhile, keeps that one. */
  private static void publish(Path tmp, Path dir) throws IOException {
    try {
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir);
      }
    } catch (IOException e) {
      if (!Files.isDirectory(dir)) throw e;
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
