package dev.ember.execution.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queries of this process whose tasks are running or queued: what monitoring shows and what
 * tests wait on to see that a cancelled query's tasks are gone. A query is added when its
 * execution starts and removed when its last task has ended (whether it finished, failed or was
 * cancelled); its memory is released when its result is closed.
 */
public final class RunningQueries {
  private static final Set<QueryContext> RUNNING = ConcurrentHashMap.newKeySet();

  private RunningQueries() {}

  static void started(QueryContext q) { RUNNING.add(q); }

  static void ended(QueryContext q) { RUNNING.remove(q); }

  /** How many queries have tasks running or waiting to run. */
  public static int count() { return RUNNING.size(); }

  /** Ids of the running queries. */
  public static List<String> ids() {
    List<String> out = new ArrayList<>();
    for (QueryContext q : RUNNING) out.add(q.id());
    return out;
  }

  /** Task threads busy with running queries' tasks right now. */
  public static int tasksRunning() {
    int n = 0;
    for (QueryContext q : RUNNING) n += q.runningTaskThreads();
    return n;
  }
}
