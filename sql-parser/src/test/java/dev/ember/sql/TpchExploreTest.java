package dev.ember.sql;

import dev.ember.catalyst.errors.EmberException;
import org.junit.jupiter.api.Test;

class TpchExploreTest {
  @Test void printAll() {
    SqlFrontEnd fe = new SqlFrontEnd(TestCatalog.standard());
    for (int i = 1; i <= 22; i++) {
      try {
        Query q = (Query) fe.parse(Tpch.query(i));
        System.out.println("Q" + i + " " + q.columnNames() + "\n" + q.plan().treeString());
      } catch (EmberException e) {
        System.out.println("Q" + i + " FAILED " + e.sqlState() + " " + e.describe());
      } catch (RuntimeException e) {
        System.out.println("Q" + i + " CRASHED " + e);
        e.printStackTrace(System.out);
      }
    }
  }
}
