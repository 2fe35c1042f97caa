package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.TaskLauncher;
import dev.ember.planner.stage.StagePlan;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A driver endpoint in this process and its executors. {@code local-cluster[E,C,M]} starts E
 * executor JVMs on this host ({@code java -Xmx<M>m -cp <this classpath> ExecutorBackend …}),
 * children of this process with C cores each; {@code cluster://HOST:PORT?executors=N} waits for
 * executors started by hand on any host. Executors started here are killed when the cluster
 * closes and on JVM exit (a shutdown hook); every executor also exits by itself when the
 * driver's connection closes — so none outlives the driver.
 */
public final class LocalCluster implements ClusterManager {
  /** How long executors may take to start and register. */
  private static final long REGISTER_TIMEOUT_MILLIS = 60_000;
  /**
   * An executor silent this long is lost (its heartbeats come every second). A dead process is
   * noticed at once by its closed connection; this is for hung ones, and generous so that a
   * long GC pause on a busy machine is not taken for a hang.
   */
  public static final long HEARTBEAT_TIMEOUT_MILLIS = 30_000;

  private final ClusterDriver driver;
  private final List<Process> executors = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::killExecutors, "ember-local-cluster-shutdown");

  /** {@code local-cluster[E,C,M]}: starts E executor JVMs of C cores and M MiB each. */
  public LocalCluster(int executorCount, int cores, int memoryMiB) {
    this("127.0.0.1", 0, executorCount, cores, memoryMiB, "local-cluster");
  }

  /**
   * {@code cluster://HOST:PORT?executors=N}: listens on HOST:PORT for executors started by hand
   * ({@code ember executor --driver HOST:PORT}) on any host, and waits until N have registered.
   */
  public static LocalCluster standalone(String host, int port, int executors) {
    return new LocalCluster(host, port, executors, 0, 0, "cluster://" + host + ":" + port);
  }

  private LocalCluster(String host, int port, int executorCount, int cores, int memoryMiB, String name) {
    this.driver = new ClusterDriver(host, port, HEARTBEAT_TIMEOUT_MILLIS);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      if (cores > 0) {
        for (int i = 0; i < executorCount; i++) executors.add(start("executor-" + i, cores, memoryMiB));
      }
      if (!driver.awaitExecutors(executorCount, REGISTER_TIMEOUT_MILLIS)) {
        throw new EmberException(EmberException.INTERNAL_ERROR, name + ": " + executorCount
            + " executors did not register within " + REGISTER_TIMEOUT_MILLIS / 1000 + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new EmberException(EmberException.QUERY_CANCELED, "interrupted while starting executors");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private Process start(String id, int cores, int memoryMiB) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // M MiB bounds both the heap and the off-heap (Arrow) memory the executor's operators may reserve.
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + memoryMiB + "m", "-Xss16m", "-XX:+UseParallelGC",
        "-D" + dev.ember.execution.memory.MemoryManager.OFF_HEAP_SIZE + "=" + memoryMiB + "m",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
    String unsafe = System.getProperty("arrow.enable_unsafe_memory_access");
    if (unsafe != null) cmd.add("-Darrow.enable_unsafe_memory_access=" + unsafe);
    cmd.addAll(List.of(ExecutorBackend.class.getName(), "--driver", driver.host() + ":" + driver.port(),
        "--host", "127.0.0.1", "--cores", String.valueOf(cores), "--id", id,
        "--dir", dirOf(id).toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.appendTo(logFile(id)));
    try {
      return pb.start();
    } catch (java.io.IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot start executor " + id + ": " + e.getMessage(), e);
    }
  }

  /** An executor's shuffle directory (deleted by the executor, and again here for one that was killed). */
  private static Path dirOf(String id) {
    return Path.of(System.getProperty("java.io.tmpdir"), "ember-" + ProcessHandle.current().pid() + "-" + id);
  }

  private static File logFile(String id) {
    return Path.of(System.getProperty("java.io.tmpdir"), "ember-" + id + "-" + ProcessHandle.current().pid() + ".log").toFile();
  }

  /** The executor processes (for tests that kill one). */
  public List<ProcessHandle> executorProcesses() {
    return executors.stream().map(Process::toHandle).toList();
  }

  @Override public int parallelism() { return Math.max(1, driver.totalCores()); }

  @Override public TaskLauncher launcher(StagePlan plan, QueryContext query, Consumer<VectorSchemaRoot> results,
                                         SchedulingConfig scheduling) {
    ClusterPlans.checkShippable(plan);
    TaskSettings settings = new TaskSettings(query.batchSize(), query.codegen(), query.runtimeFilters(), query.clock(),
        parallelism(), scheduling.slowTask());
    return new ClusterJob(driver, plan, query, results, settings, scheduling);
  }

  @Override public List<JobEvent> events() { return driver.events(); }

  @Override public void close() {
    driver.close(); // executors see the connection close and exit
    killExecutors();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running
    }
  }

  /** Asks executors to stop (they delete their files), then kills those still running after 3 s. */
  private void killExecutors() {
    for (Process p : executors) p.destroy();
    try {
      for (Process p : executors) p.waitFor(3, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (Process p : executors) p.destroyForcibly();
    }
    for (int i = 0; i < executors.size(); i++) {
      String id = "executor-" + i;
      dev.ember.execution.cluster.shuffle.ShuffleFiles.deleteTree(dirOf(id));
      File log = logFile(id);
      if (log.length() == 0) log.delete(); // keep only logs that say something
    }
  }
}
