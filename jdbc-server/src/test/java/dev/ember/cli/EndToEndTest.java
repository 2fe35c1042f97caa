package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Nation;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.RegionGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine behind the command line: CSV answers over the built-in tpch.tiny catalog (SF
 * 0.01) compared with DuckDB computing the same over the same generator rows.
 */
class EndToEndTest {
  private static final double TINY = 0.01;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int ember(String... args) {
    return Main.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String out() { return outBytes.toString(StandardCharsets.UTF_8); }

  private String err() { return errBytes.toString(StandardCharsets.UTF_8); }

  @Test void csvAggregateOverLineitemMatchesDuckDb(@TempDir Path dir) throws Exception {
    String query = "SELECT l_returnflag, l_linestatus, sum(l_quantity), count(*) FROM %s "
        + "GROUP BY 1, 2 ORDER BY 1, 2";
    assertEquals(0, ember("--master", "local[2]", "--format", "csv", "-e", query.formatted("tpch.tiny.lineitem")), err());
    List<String> lines = out().lines().toList();

    Path expected = dir.resolve("duckdb.csv");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE lineitem (l_returnflag VARCHAR, l_linestatus VARCHAR, l_quantity DECIMAL(15,2))");
      try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "lineitem")) {
        for (LineItem li : new LineItemGenerator(TINY, 1, 1)) {
          a.beginRow().append(li.getReturnFlag()).append(li.getStatus()).append(BigDecimal.valueOf(li.getQuantity(), 0).setScale(2)).endRow();
        }
      }
      s.execute("COPY (" + query.formatted("lineitem") + ") TO '" + expected + "' (HEADER false)");
    }
    List<String> duck = Files.readAllLines(expected, StandardCharsets.UTF_8);
    assertEquals(4, duck.size()); // A-F, N-F, N-O, R-F: the query really has rows to compare
    assertEquals("l_returnflag,l_linestatus", String.join(",", List.of(lines.get(0).split(",")).subList(0, 2)));
    assertEquals(duck, lines.subList(1, lines.size()));
  }

  @Test void aScriptOfTwoStatementsPrintsTwoCsvResultSetsSeparatedByOneEmptyLine() {
    String script = """
        SELECT n_name AS name FROM tpch.tiny.nation WHERE n_nationkey = 0;

        SELECT count(*) AS regions FROM tpch.tiny.region;
        """;
    assertEquals(0, ember("--format", "csv", "-e", script), err());
    Nation first = new NationGenerator().iterator().next();
    long regions = 0;
    for (var ignored : new RegionGenerator()) regions++;
    assertEquals("name\n" + first.getName() + "\n\nregions\n" + regions + "\n", out());
  }

  @Test void anUnknownTableFailsWithExitOneAndAPositionedMessage() {
    assertEquals(1, ember("-e", "SELECT 1;\nSELECT * FROM tpch.tiny.nope"));
    assertEquals(true, err().startsWith("Error: line 2, column "), err());
  }
}
