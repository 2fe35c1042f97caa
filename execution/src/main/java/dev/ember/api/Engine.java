package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.cluster.ClusterManager;
import dev.ember.execution.cluster.ClusterPlans;
import dev.ember.execution.cluster.LocalCluster;
import dev.ember.execution.cluster.LocalThreads;
import dev.ember.execution.scheduler.LocalTaskLauncher;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.TaskLauncher;
import dev.ember.execution.scheduler.TaskScheduler;
import dev.ember.planner.stage.StagePlan;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The engine shared by the sessions of a process for one master URL: the task scheduler and the
 * cluster manager that runs tasks — its threads in local mode ({@code local[N]}), executor JVMs
 * in cluster mode ({@code local-cluster[E,C,M]} started here, {@code cluster://HOST:PORT} started
 * by hand). Created with the first session, stopped with
 * the last.
 */
final class Engine {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");
  private static final Pattern STANDALONE = Pattern.compile("cluster://([^:/?]+):(\\d+)(?:\\?executors=(\\d+))?");
  private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");
  /** Driver threads that only start stages in cluster mode (tasks run on executors). */
  private static final int CLUSTER_DRIVER_THREADS = 2;
  private static final Map<String, Engine> RUNNING = new HashMap<>();

  private final String master;
  private final TaskScheduler scheduler;
  private final ClusterManager cluster;
  private int sessions;

  private Engine(String master) {
    this.master = master;
    Matcher m = LOCAL_CLUSTER.matcher(master.trim());
    Matcher standalone = STANDALONE.matcher(master.trim());
    if (standalone.matches()) {
      int executors = standalone.group(3) == null ? 1 : positive(standalone.group(3), "executors");
      this.scheduler = new TaskScheduler(CLUSTER_DRIVER_THREADS);
      try {
        this.cluster = LocalCluster.standalone(standalone.group(1), Integer.parseInt(standalone.group(2)), executors);
      } catch (RuntimeException e) {
        scheduler.close();
        throw e;
      }
    } else if (m.matches()) {
      int executors = positive(m.group(1), "executors"), cores = positive(m.group(2), "cores");
      int memory = positive(m.group(3), "MiB of memory");
      this.scheduler = new TaskScheduler(CLUSTER_DRIVER_THREADS);
      try {
        this.cluster = new LocalCluster(executors, cores, memory);
      } catch (RuntimeException e) {
        scheduler.close();
        throw e;
      }
    } else {
      this.scheduler = new TaskScheduler(parallelism(master));
      this.cluster = new LocalThreads(scheduler);
    }
  }

  /** The engine for {@code master}, started if needed; pair with {@link #release()}. */
  static synchronized Engine acquire(String master) {
    Engine e = RUNNING.get(master);
    if (e == null) {
      e = new Engine(master);
      RUNNING.put(master, e);
    }
    e.sessions++;
    return e;
  }

  synchronized void release() {
    synchronized (Engine.class) {
      if (--sessions == 0) {
        RUNNING.remove(master);
        try {
          cluster.close();
        } finally {
          scheduler.close();
        }
      }
    }
  }

  String master() { return master; }

  TaskScheduler scheduler() { return scheduler; }

  ClusterManager cluster() { return cluster; }

  /**
   * Where a query's tasks run: the cluster manager's launcher, except that a query reading a table
   * that lives only in this process (a catalog the server answers from memory — pg_catalog,
   * information_schema —, a cached table) runs on this process's own threads, which in local mode
   * is what the manager does anyway: such tables are small by nature.
   */
  TaskLauncher launcher(StagePlan plan, QueryContext query, Consumer<VectorSchemaRoot> results,
                        dev.ember.execution.cluster.SchedulingConfig scheduling) {
    if (!ClusterPlans.isShippable(plan)) return new LocalTaskLauncher(query, scheduler, results);
    return cluster.launcher(plan, query, results, scheduling);
  }

  /** Task slots: the scheduler's threads, or the executors' cores. */
  int parallelism() { return cluster.parallelism(); }

  static int parallelism(String master) {
    Matcher m = LOCAL.matcher(master.trim());
    if (!m.matches()) {
      throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
          "not supported: master '" + master
              + "' (use local, local[N], local[*], local-cluster[E,C,M] or cluster://HOST:PORT?executors=N)");
    }
    String n = m.group(1);
    if (n == null) return 1;
    if (n.equals("*")) return Runtime.getRuntime().availableProcessors();
    int threads = Integer.parseInt(n);
    if (threads < 1) throw new EmberException(EmberException.DATA_EXCEPTION, "local[N] needs N >= 1");
    return threads;
  }

  private static int positive(String n, String what) {
    int v = Integer.parseInt(n);
    if (v < 1) throw new EmberException(EmberException.DATA_EXCEPTION, "local-cluster[E,C,M] needs at least 1 for " + what);
    return v;
  }
}
