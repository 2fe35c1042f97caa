package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.scheduler.TaskScheduler;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine shared by the sessions of a process for one master URL: the task scheduler (and,
 * in cluster mode, the executors). Created with the first session, stopped with the last.
 */
final class Engine {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");
  private static final Map<String, Engine> RUNNING = new HashMap<>();

  private final String master;
  private final TaskScheduler scheduler;
  private int sessions;

  private Engine(String master, int parallelism) {
    this.master = master;
    this.scheduler = new TaskScheduler(parallelism);
  }

  /** The engine for {@code master}, started if needed; pair with {@link #release()}. */
  static synchronized Engine acquire(String master) {
    Engine e = RUNNING.get(master);
    if (e == null) {
      e = new Engine(master, parallelism(master));
      RUNNING.put(master, e);
    }
    e.sessions++;
    return e;
  }

  synchronized void release() {
    synchronized (Engine.class) {
      if (--sessions == 0) {
        RUNNING.remove(master);
        scheduler.close();
      }
    }
  }

  String master() { return master; }

  TaskScheduler scheduler() { return scheduler; }

  int parallelism() { return scheduler.parallelism(); }

  static int parallelism(String master) {
    Matcher m = LOCAL.matcher(master.trim());
    if (!m.matches()) {
      throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
          "not supported: master '" + master + "' (use local, local[N] or local[*])");
    }
    String n = m.group(1);
    if (n == null) return 1;
    if (n.equals("*")) return Runtime.getRuntime().availableProcessors();
    int threads = Integer.parseInt(n);
    if (threads < 1) throw new EmberException(EmberException.DATA_EXCEPTION, "local[N] needs N >= 1");
    return threads;
  }
}
