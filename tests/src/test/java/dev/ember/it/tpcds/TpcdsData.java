package dev.ember.it.tpcds;

import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.tpcds.TpcdsCatalog;
import dev.ember.it.TpchData;
import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * TPC-DS reference data for DuckDB: the rows of io.trino.tpcds (the generator behind Ember's
 * built-in {@code tpcds} catalog) at SF 0.01, written once as the generator's own '|'-separated
 * text under {@code target/tpcds-cache/sf0.01/<table>.dat} and read by DuckDB's CSV reader with
 * the column types Ember's catalog declares. DuckDB therefore never sees a value that passed
 * through Ember's parsing of the generator output.
 *
 * <p>Ember reads either the generator catalog itself ({@code tpcds.tiny.*}) or Parquet files that
 * DuckDB writes once from those tables ({@code target/tpcds-cache/sf0.01/<table>.parquet}). The
 * catalog generates every table again for every scan, which costs seconds per query (the
 * 1.9-million-row customer_demographics alone), so the default test run reads the Parquet files;
 * that the catalog yields the same values as the generator's text is checked by the datasources
 * module's TpcdsCatalogTest.
 */
final class TpcdsData {
  /** Ember's {@code tpcds.tiny}. */
  static final double TINY = 0.01;
  static final String SCHEMA = "tiny";

  private TpcdsData() {}

  /** The 24 table names in catalog order. */
  static List<String> tableNames() {
    return new TpcdsCatalog().tableNames();
  }

  /** Creates every table in {@code duck} from the cached generator text. */
  static void loadInto(Connection duck) throws SQLException {
    TpcdsCatalog catalog = new TpcdsCatalog();
    Path dir = cacheDir();
    for (String name : tableNames()) {
      Path file = ensure(dir, name);
      DataSourceTable table = catalog.table(SCHEMA, name).orElseThrow();
      String columns = table.schema().fields().stream()
          .map(f -> "'" + f.name() + "': '" + f.type().sql() + "'")
          .collect(Collectors.joining(", "));
      try (Statement s = duck.createStatement()) {
        s.execute("CREATE TABLE " + name + " AS SELECT * FROM read_csv('" + sqlPath(file) + "', delim='|', header=false, quote='', escape='', nullstr='\\N', columns={" + columns + "})");
      }
    }
  }

  /** Writes {@code <table>.parquet} for every table loaded in {@code duck}, unless already there. */
  static Path writeParquet(Connection duck) throws SQLException {
    Path dir = cacheDir();
    for (String name : tableNames()) {
      Path file = dir.resolve(name + ".parquet");
      if (Files.exists(file)) continue;
      Path tmp = dir.resolve(name + ".parquet.tmp");
      try (Statement s = duck.createStatement()) {
        s.execute("COPY " + name + " TO '" + sqlPath(tmp) + "' (FORMAT parquet)");
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the TPC-DS cache " + file, e);
      }
    }
    return dir;
  }

  static String sqlPath(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  private static Path cacheDir() {
    return Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target").resolve("tpcds-cache")
        .resolve("sf" + TINY);
  }

  /** The table's text file, generated (into a temporary file renamed into place) when missing. */
  private static synchronized Path ensure(Path dir, String name) {
    Path file = dir.resolve(name + ".dat");
    if (Files.exists(file)) return file;
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, name, ".tmp");
      Table t = Table.getTable(name);
      Session session = Session.getDefaultSession().withScale(TINY).withParallelism(1).withChunkNumber(1)
          .withTable(t).withNoSexism(false);
      try (Writer w = Files.newBufferedWriter(tmp)) {
        for (List<List<String>> rows : Results.constructResults(t, session)) {
          List<String> row = rows.get(0);
          for (int c = 0; c < row.size(); c++) {
            String v = row.get(c);
            if (v != null && (v.indexOf('|') >= 0 || v.indexOf('\n') >= 0 || v.equals("\\N"))) {
              throw new IllegalStateException(name + ": value needs quoting: " + v);
            }
            if (c > 0) w.write('|');
            w.write(v == null ? "\\N" : v);
          }
          w.write('\n');
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the TPC-DS cache " + file, e);
    }
  }

  /** A new in-memory DuckDB holding the 24 tables. */
  static Connection openDuckDb() throws SQLException {
    Connection duck = TpchData.openDuckDb();
    loadInto(duck);
    return duck;
  }
}
