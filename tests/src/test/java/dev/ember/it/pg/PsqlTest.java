package dev.ember.it.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.it.TpchData;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's psql against the server: a query, {@code \d}, {@code \dt} and {@code \d name}. The
 * set-up installs {@code postgresql-client} when psql is missing and the test runs as root;
 * otherwise the tests are skipped with a loud message.
 */
class PsqlTest {
  private static PgTestServer server;
  private static String psql;

  @BeforeAll static void start() throws Exception {
    psql = findOrInstallPsql();
    Assumptions.assumeTrue(psql != null,
        "!!! psql is not installed and cannot be installed here (not root or no apt-get): psql tests SKIPPED !!!");
    server = PgTestServer.start();
  }

  @AfterAll static void stop() {
    if (server != null) server.close();
  }

  private static String findOrInstallPsql() throws Exception {
    String found = onPath("psql");
    if (found != null) return found;
    if (!"root".equals(System.getProperty("user.name")) || onPath("apt-get") == null) return null;
    System.err.println("psql not found: installing postgresql-client with apt-get");
    Process p = new ProcessBuilder("apt-get", "install", "-y", "-q", "postgresql-client")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) p.destroyForcibly();
    return onPath("psql");
  }

  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File f = new File(dir, name);
      if (f.canExecute()) return f.getPath();
    }
    return null;
  }

  /** Runs psql with {@code -c} for each command; returns its output (stdout and stderr). */
  private static String psql(boolean unaligned, String... commands) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(psql, "-X", "-h", "127.0.0.1", "-p", Integer.toString(server.port()),
        "-U", "tester", "-d", "ember", "-v", "ON_ERROR_STOP=1"));
    if (unaligned) cmd.addAll(List.of("-A", "-t", "-F", "|"));
    for (String c : commands) {
      cmd.add("-c");
      cmd.add(c);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGSSLMODE", "prefer");
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "psql did not finish");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "psql failed:\n" + text);
    return text;
  }

  @Test void runsAQueryWithTheSameAnswerAsDuckDb() throws Exception {
    String sql = "SELECT x, x * x AS sq, CAST(x AS DOUBLE) / 4 AS q, 'v' || CAST(x AS VARCHAR) AS s "
        + "FROM (VALUES (1), (2), (3), (10)) AS t(x) WHERE x <> 2 ORDER BY x";
    String out = psql(true, sql);
    List<String> expected = new ArrayList<>();
    try (Connection duck = TpchData.openDuckDb(); Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        expected.add(rs.getInt(1) + "|" + rs.getInt(2) + "|" + rs.getDouble(3) + "|" + rs.getString(4));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    // psql prints PostgreSQL's shortest float text ("0.25", "2.5"), Java's Double.toString the same digits
    assertEquals(expected, out.lines().toList());
  }

  @Test void describeCommandsListEmberTables() throws Exception {
    String out = psql(false, "CREATE TEMPORARY VIEW nation_names AS SELECT n_nationkey, n_name FROM tpch.tiny.nation",
        "\\dt", "\\d", "\\d nation_names", "\\d lineitem");
    // \dt: the tables of the schemas on the (emulated) search path
    for (String t : TpchData.tableNames()) {
      assertTrue(out.matches("(?s).*tpch\\.tiny\\s+\\|\\s+" + t + "\\s+\\|\\s+table.*"), t + " missing in:\n" + out);
    }
    // \d: views too
    assertTrue(out.matches("(?s).*public\\s+\\|\\s+nation_names\\s+\\|\\s+view.*"), out);
    // \d name: the columns with their PostgreSQL types
    assertTrue(out.contains("View \"public.nation_names\""), out);
    assertTrue(out.matches("(?s).*n_nationkey\\s+\\|\\s+bigint.*"), out);
    assertTrue(out.contains("Table \"tpch.tiny.lineitem\""), out);
    assertTrue(out.matches("(?s).*l_extendedprice\\s+\\|\\s+numeric\\(15,2\\).*"), out);
    assertTrue(out.matches("(?s).*l_shipdate\\s+\\|\\s+date.*"), out);
  }

  @Test void schemaFunctionAndDatabaseListsRun() throws Exception {
    String out = psql(false, "\\dn", "\\df", "\\l", "\\d \"tpch.tiny\".region", "\\dtS pg_class");
    assertTrue(out.matches("(?s).*List of schemas.*tpch\\.tiny\\s+\\|\\s+tester.*"), out);
    assertTrue(out.matches("(?s).*List of functions.*\\(0 rows\\).*"), out);
    assertTrue(out.matches("(?s).*List of databases.*ember\\s+\\|\\s+tester\\s+\\|\\s+UTF8.*"), out);
    assertTrue(out.matches("(?s).*r_regionkey\\s+\\|\\s+bigint.*"), out);
    assertTrue(out.matches("(?s).*pg_catalog\\s+\\|\\s+pg_class\\s+\\|\\s+table.*"), out);
  }

  @Test void errorsShowSqlStateAndPosition() throws Exception {
    List<String> cmd = List.of(psql, "-X", "-h", "127.0.0.1", "-p", Integer.toString(server.port()), "-U", "tester",
        "-d", "ember", "-v", "VERBOSITY=verbose", "-c", "SELECT * FROM missing_table");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.contains("42P01"), out);
    assertTrue(out.contains("LINE 1: SELECT * FROM missing_table"), out);
  }
}
