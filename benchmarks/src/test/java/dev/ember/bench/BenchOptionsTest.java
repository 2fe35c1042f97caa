package dev.ember.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test void queryListsAndRanges() {
    assertEquals(List.of(1, 2, 3, 7, 22), BenchOptions.parseQueries("7,1-3, 22,2"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parseQueries("0-3"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parseQueries("23"));
  }

  @Test void defaultsFollowTheScaleFactor() {
    BenchOptions o = BenchOptions.parse("--sf", "0.10", "--base", "/b", "--threads", "3");
    assertEquals("0.1", o.scaleName());
    assertEquals(Paths.get("/b/target/tpch-data/sf0.1"), o.dataDir());
    assertEquals(Paths.get("/b/target/tpch-sf0.1.md"), o.outFile());
    assertEquals(3, o.threads());
    assertEquals(22, o.queries().size());
  }

  @Test void badOptionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--bogus", "1"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--runs"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--runs", "0"));
  }

  @Test void medianOfOddAndEvenCounts() {
    assertEquals(2.0, QueryResultRow.median(new double[] {3, 1, 2}));
    assertEquals(2.5, QueryResultRow.median(new double[] {4, 1, 2, 3}));
  }
}
