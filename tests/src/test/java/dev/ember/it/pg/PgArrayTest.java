package dev.ember.it.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Arrays over the wire: pgJDBC sees int8[] / varchar[] columns and decodes Ember's text form
 * {@code {…}} (or binary array_send, where it asks for it) into the same elements DuckDB's
 * list() gives.
 */
class PgArrayTest extends ServerAndDuckDb {
  private static Object[] sorted(Array a) throws SQLException {
    Object[] v = (Object[]) a.getArray();
    Object[] out = Arrays.stream(v).map(e -> e instanceof Number n ? (Object) n.longValue() : e).toArray();
    Arrays.sort(out);
    return out;
  }

  @Test void arraysArriveAsSqlArrays() throws SQLException {
    String ember = "SELECT n_regionkey, collect_list(n_nationkey) AS k, collect_list(n_name) AS n "
        + "FROM tpch.tiny.nation GROUP BY n_regionkey ORDER BY n_regionkey";
    String duckSql = "SELECT n_regionkey, list(n_nationkey) AS k, list(n_name) AS n FROM nation GROUP BY 1 ORDER BY 1";
    try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ember);
         Statement d = duck.createStatement(); ResultSet expected = d.executeQuery(duckSql)) {
      assertEquals(Types.ARRAY, rs.getMetaData().getColumnType(2));
      assertEquals("_int8", rs.getMetaData().getColumnTypeName(2));
      assertEquals("_varchar", rs.getMetaData().getColumnTypeName(3));
      int rows = 0;
      while (rs.next()) {
        assertTrue(expected.next());
        assertEquals(expected.getLong(1), rs.getLong(1));
        assertArrayEquals(sorted(expected.getArray(2)), sorted(rs.getArray(2)));
        assertArrayEquals(sorted(expected.getArray(3)), sorted(rs.getArray(3)));
        rows++;
      }
      assertEquals(5, rows);
    }
  }

  /**
   * A prepared statement run past pgJDBC's prepare threshold (5) is server-prepared, after which
   * the driver may ask for binary results of the types it decodes in binary (array_send).
   */
  @Test void preparedStatementsSwitchToBinaryArrays() throws SQLException {
    String sql = "SELECT collect_list(r_regionkey) AS k, collect_list(r_name) AS n FROM tpch.tiny.region WHERE r_regionkey < ?";
    try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int run = 0; run < 8; run++) {
        ps.setInt(1, 3);
        try (ResultSet rs = ps.executeQuery(); Statement d = duck.createStatement();
             ResultSet expected = d.executeQuery("SELECT list(r_regionkey), list(r_name) FROM region WHERE r_regionkey < 3")) {
          assertTrue(rs.next());
          assertTrue(expected.next());
          assertArrayEquals(sorted(expected.getArray(1)), sorted(rs.getArray(1)), "run " + run);
          assertArrayEquals(sorted(expected.getArray(2)), sorted(rs.getArray(2)), "run " + run);
        }
      }
    }
  }
}
