package dev.ember.it;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * TPC-H reference data for the integration tests: the rows of io.trino.tpch (the generator
 * behind Ember's built-in {@code tpch} catalog) at a scale factor, as one Parquet file per table
 * written by DuckDB, and as tables in a DuckDB database that answers the same queries.
 *
 * <p>Types are those of DuckDB's tpch extension: keys BIGINT; l_linenumber, p_size, ps_availqty
 * and o_shippriority INT; money, l_quantity, l_discount and l_tax DECIMAL(15,2); dates DATE;
 * text VARCHAR. The generator exposes its DOUBLE columns both as doubles and, through
 * {@link TpchColumn#getIdentifier}, as exact hundredths (cents), so decimals are loaded from the
 * latter and never pass through binary floating point.
 *
 * <p>The Parquet files are cached under {@code target/tpch-cache/sf<scale>/}. A cache is written
 * into a temporary sibling directory and renamed into place when complete, so a directory that
 * exists under the final name is always whole and is reused as is.
 */
public final class TpchData {
  /** The scale factor of Ember's {@code tpch.tiny} schema. */
  public static final double TINY = 0.01;

  /** DuckDB's threads for every connection the tests open: the machine has two cores. */
  public static final int DUCKDB_THREADS = 2;

  /** Row group size of the cached Parquet files (DuckDB's default, stated so it never drifts). */
  public static final int ROW_GROUP_SIZE = 122_880;

  private TpchData() {}

  /** The eight table names, in the generator's order. */
  public static List<String> tableNames() {
    List<String> names = new ArrayList<>();
    for (TpchTable<?> t : TpchTable.getTables()) names.add(t.getTableName());
    return names;
  }

  /** The directory holding {@code <table>.parquet} for every table at {@code scale}, generated on first use. */
  public static synchronized Path parquetDir(double scale) {
    Path dir = cacheRoot().resolve("sf" + scaleName(scale));
    if (Files.isDirectory(dir)) return dir;
    try {
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp-");
      try (Connection duck = openDuckDb()) {
        generateInto(duck, scale);
        for (String table : tableNames()) {
          Path file = tmp.resolve(table + ".parquet");
          execute(duck, "COPY " + table + " TO '" + sqlPath(file) + "' (FORMAT parquet, ROW_GROUP_SIZE "
              + ROW_GROUP_SIZE + ")");
        }
      }
      publish(tmp, dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the TPC-H cache " + dir, e);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed writing the TPC-H cache " + dir, e);
    }
  }

  /** The cached Parquet file of one table at {@code scale}. */
  public static Path parquetFile(double scale, String table) {
    return parquetDir(scale).resolve(table + ".parquet");
  }

  /** A new in-memory DuckDB connection limited to {@link #DUCKDB_THREADS} threads. */
  public static Connection openDuckDb() throws SQLException {
    Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
    execute(c, "SET threads = " + DUCKDB_THREADS);
    return c;
  }

  /** Creates the eight tables in {@code duck} as copies of the cached Parquet files at {@code scale}. */
  public static void loadTables(Connection duck, double scale) throws SQLException {
    Path dir = parquetDir(scale);
    for (String table : tableNames()) {
      execute(duck, "CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM read_parquet('"
          + sqlPath(dir.resolve(table + ".parquet")) + "')");
    }
  }

  /** Creates the eight tables in {@code duck} straight from the generator (no Parquet involved). */
  public static void generateInto(Connection duck, double scale) throws SQLException {
    for (TpchTable<?> table : TpchTable.getTables()) load(duck, table, scale);
  }

  private static <E extends TpchEntity> void load(Connection duck, TpchTable<E> table, double scale)
      throws SQLException {
    List<TpchColumn<E>> columns = table.getColumns();
    StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TABLE ").append(table.getTableName()).append(" (");
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
    if (BigDecimal.valueOf(cents, 2).compareTo(BigDecimal.valueOf(d)) != 0) {
      throw new IllegalStateException(c.getColumnName() + ": getIdentifier " + cents + " is not getDouble " + d + " in cents");
    }
    return cents;
  }

  /** "0.01", "1", "10": the scale factor as written in the cache directory name. */
  static String scaleName(double scale) {
    return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
  }

  private static Path cacheRoot() {
    return Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target").resolve("tpch-cache");
  }

  /**
   * Moves a finished temporary directory to its final name. If another process published the
   * same cache meanwhile (the rename fails because the target exists), its copy is kept.
   */
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
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** A path as a single-quoted SQL string body. */
  static String sqlPath(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
