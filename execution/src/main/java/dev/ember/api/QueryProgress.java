package dev.ember.api;

/**
 * A snapshot of how far a running query has got, for progress bars: read it from any thread
 * while another reads the result. Task counts grow as stages start (a stage's task count is
 * known once it starts), so {@link #fraction()} estimates the stages not yet started.
 *
 * @param stagesTotal stages of the plan (0 when the result is not a running query)
 * @param stagesStarted stages whose tasks were submitted
 * @param stagesDone stages whose tasks all ended
 * @param tasksTotal tasks of the stages started so far
 * @param tasksRunning tasks running now
 * @param tasksDone tasks ended
 * @param rowsOut rows produced for the reader so far
 */
public record QueryProgress(int stagesTotal, int stagesStarted, int stagesDone, int tasksTotal, int tasksRunning,
                            int tasksDone, long rowsOut) {
  /** The progress of a result that is not a running query (a command, a local result). */
  public static final QueryProgress NONE = new QueryProgress(0, 0, 0, 0, 0, 0, 0);

  /**
   * Estimated share of the work done, 0 to 1: tasks done over the tasks known plus, for each
   * stage not started yet, as many tasks as the started stages have on average.
   */
  public double fraction() {
    if (stagesTotal == 0) return 0;
    if (stagesDone >= stagesTotal) return 1;
    double perStage = stagesStarted == 0 ? 1 : Math.max(1.0, (double) tasksTotal / stagesStarted);
    double total = tasksTotal + (stagesTotal - stagesStarted) * perStage;
    return total <= 0 ? 0 : Math.min(1.0, tasksDone / total);
  }
}
