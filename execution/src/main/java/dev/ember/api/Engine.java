package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.cluster.ClusterManager;
import dev.ember.execution.cluster.LocalCluster;
import dev.ember.execution.cluster.LocalThreads;
import dev.ember.execution.scheduler.TaskScheduler;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine shared by the sessions of a process for one master URL: the task scheduler and the
 * cluster manager that runs tasks — its threads in local mode ({@code local[N]}), executor JVMs
 * in cluster mode ({@code local-cluster[E,C,M]}). Created with the first session, stopped with
 * the last.
 */
final class Engine {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");
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
    if (m.matches()) {
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

  /** Task slots: the scheduler's threads, or the executors' cores. */
  int parallelism() { return cluster.parallelism(); }

  static int parallelism(String master) {
    Matcher m = LOCAL.matcher(master.trim());
    if (!m.matches()) {
      throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
          "not supported: master '" + master + "' (use local, local[N], local[*] or local-cluster[E,C,M])");
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
