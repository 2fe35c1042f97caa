package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.QueryProgress;
import dev.ember.api.QueryResult;
import dev.ember.catalyst.types.Schema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** The progress line for given snapshots, and drawing and erasing it in place. */
class ProgressBarTest {
  // 3 stages, the first done (4 tasks), the second started with 4 tasks of which 1 done, 2 running
  private static final QueryProgress HALF = new QueryProgress(3, 2, 1, 8, 2, 5, 12_288);

  @Test void rendersTheBarPercentStagesTasksRowsAndTime() {
    // 5 done of 8 known + 1 stage not started at 4 tasks a stage: 5/12
    assertEquals(5.0 / 12, HALF.fraction(), 1e-9);
    assertEquals("[================>                       ]  41%  stage 2/3  tasks 5/8 (2 running)  12,288 rows  3.2 s",
        ProgressBar.render(HALF, 3_210_000_000L, 200));
  }

  @Test void fitsANarrowScreenByShorteningTheBarThenCuttingTheDetails() {
    String line = ProgressBar.render(HALF, 1_000_000_000L, 60);
    assertEquals(59, line.length(), line);
    assertTrue(line.startsWith("[====>     ]  41%  stage 2/3"), line);
    assertEquals(19, ProgressBar.render(HALF, 0, 5).length()); // never narrower than 20 columns
  }

  @Test void aFinishedOrEmptyQueryIsFullOrEmpty() {
    assertEquals(1.0, new QueryProgress(2, 2, 2, 4, 0, 4, 10).fraction());
    assertEquals(0.0, QueryProgress.NONE.fraction());
    assertEquals(0.0, new QueryProgress(2, 0, 0, 0, 0, 0, 0).fraction());
  }

  @Test void drawsInPlaceAndErasesBeforeOtherOutput() {
    StringWriter screen = new StringWriter();
    QueryProgress[] now = {new QueryProgress(1, 1, 0, 2, 2, 0, 0)};
    try (ProgressDisplay d = new ProgressDisplay(new PrintWriter(screen), () -> 80)) {
      d.started(result(now));
      d.draw();
      now[0] = new QueryProgress(1, 1, 0, 2, 1, 1, 0);
      d.draw();
      d.erase();
      d.draw(); // after an erase nothing more is drawn for this statement
    }
    String[] frames = screen.toString().split("\r", -1);
    assertEquals("", frames[0]);
    assertTrue(frames[1].startsWith("[>") && frames[1].contains("  0%  stage 1/1  tasks 0/2 (2 running)"), frames[1]);
    assertTrue(frames[2].contains(" 50%  stage 1/1  tasks 1/2 (1 running)"), frames[2]);
    assertEquals(" ".repeat(frames[1].length()), frames[3]); // the widest line drawn, blanked
    assertEquals("", frames[4]);
    assertEquals(5, frames.length);
  }

  private static QueryResult result(QueryProgress[] now) {
    return new QueryResult() {
      @Override public Schema schema() { return new Schema(List.of()); }

      @Override public boolean hasRows() { return true; }

      @Override public VectorSchemaRoot nextBatch() { return null; }

      @Override public QueryProgress progress() { return now[0]; }

      @Override public void close() {}
    };
  }
}
