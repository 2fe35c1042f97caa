package dev.ember.execution.cluster;

import dev.ember.execution.cluster.rpc.RpcConnection;
import dev.ember.execution.cluster.rpc.RpcEndpoint;
import dev.ember.execution.cluster.rpc.RpcHandler;
import dev.ember.execution.cluster.shuffle.BlockFetcher;
import dev.ember.execution.cluster.shuffle.FetchFailedException;
import dev.ember.execution.cluster.shuffle.ShuffleFiles;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor process: registers with the driver over RPC, sends heartbeats, runs the tasks the
 * driver launches on a pool of {@code cores} threads, and serves its shuffle blocks to other
 * executors. It ends when the driver's connection closes (the driver stopped or died), so an
 * executor never outlives its driver.
 */
public final class ExecutorBackend implements AutoCloseable {
  /** Where and how an executor runs. */
  public record Config(String executorId, String driverHost, int driverPort, String host, int port, int cores,
                       Path dir, long heartbeatMillis, long maxBytesInFlight) {
    public static final long DEFAULT_HEARTBEAT_MILLIS = 1_000;
    public static final long DEFAULT_MAX_BYTES_IN_FLIGHT = 48L << 20;
  }

  /** How long an executor keeps trying to reach its driver. */
  private static final long CONNECT_TIMEOUT_MILLIS = 30_000;
  private static final System.Logger LOG = System.getLogger(ExecutorBackend.class.getName());

  private final Config config;
  private final RpcEndpoint rpc;
  private final ShuffleFiles files;
  private final BlockFetcher fetcher;
  private final ExecutorService pool;
  private final ScheduledExecutorService heartbeats;
  private final Map<String, ExecutorQuery> queries = new ConcurrentHashMap<>();
  /** Queries the driver ended (ids are unique per driver process, so the set only grows by one per query). */
  private final java.util.Set<String> ended = ConcurrentHashMap.newKeySet();
  private final CountDownLatch driverGone = new CountDownLatch(1);
  private final RunningTasks running = new RunningTasks();
  private RpcConnection driver;

  public ExecutorBackend(Config config) {
    this.config = config;
    this.rpc = new RpcEndpoint("executor-" + config.executorId());
    this.files = new ShuffleFiles(config.dir());
    this.fetcher = new BlockFetcher(config.executorId(), files, rpc);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(config.cores(), r -> daemon(r, "ember-executor-task-" + n.incrementAndGet()));
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ember-executor-heartbeat"));
  }

  /** Starts the block server, registers with the driver and starts heartbeats. */
  public void start() {
    int blockPort = rpc.listen(config.host(), config.port(), new BlockServer());
    driver = connectToDriver();
    driver.send(new Messages.RegisterExecutor(config.executorId(), config.host(), blockPort, config.cores()));
    heartbeats.scheduleAtFixedRate(() -> driver.send(new Messages.Heartbeat(config.executorId())),
        config.heartbeatMillis(), config.heartbeatMillis(), TimeUnit.MILLISECONDS);
  }

  /** Connects to the driver, trying for a while: an executor started by hand may come up first. */
  private RpcConnection connectToDriver() {
    long end = System.currentTimeMillis() + CONNECT_TIMEOUT_MILLIS;
    while (true) {
      try {
        return rpc.connect(config.driverHost(), config.driverPort(), new DriverHandler());
      } catch (RuntimeException e) {
        if (System.currentTimeMillis() > end) {
          throw new IllegalStateException("cannot reach the driver at " + config.driverHost() + ":" + config.driverPort(), e);
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while connecting to the driver", ie);
        }
      }
    }
  }

  /** Blocks until the driver's connection closes. */
  public void awaitDriverGone() throws InterruptedException { driverGone.await(); }

  @Override public void close() {
    heartbeats.shutdownNow();
    pool.shutdownNow();
    if (driver != null) driver.close();
    rpc.close();
    try {
      queries.values().forEach(ExecutorQuery::end);
    } finally {
      ShuffleFiles.deleteTree(config.dir());
    }
  }

  private void launch(TaskDescription task) {
    if (ended.contains(task.queryId())) return; // a late launch for a query the driver already ended
    ExecutorQuery query = queries.computeIfAbsent(task.queryId(),
        id -> new ExecutorQuery(id, config.executorId(), task.settings()));
    Messages.TaskId id = new Messages.TaskId(task.queryId(), task.stageId(), task.partition(), task.attempt());
    pool.execute(() -> {
      if (!query.enter()) return;
      try {
        running.enter(id);
        long[] sizes = new ExecutorTask(task, query, fetcher, files, config.maxBytesInFlight())
            .run(block -> driver.send(new Messages.ResultBlock(id, block)));
        driver.send(new Messages.TaskSucceeded(id, config.executorId(), sizes));
      } catch (RuntimeException | Error e) {
        FetchFailedException f = FetchFailedException.find(e);
        if (f == null) LOG.log(System.Logger.Level.DEBUG, "task " + task.name() + " failed", e);
        String state = e instanceof dev.ember.catalyst.errors.EmberException ee ? ee.sqlState() : null;
        String error = state != null ? e.getMessage() : String.valueOf(e);
        driver.send(new Messages.TaskFailed(id, config.executorId(), error, state, f == null ? null : f.executorId()));
      } finally {
        running.exit(id);
        query.exit();
      }
    });
  }

  private final class DriverHandler implements RpcHandler {
    @Override public void onMessage(RpcConnection from, Object message) {
      if (message instanceof Messages.LaunchTask l) {
        launch(l.task());
      } else if (message instanceof Messages.KillTask k) {
        running.kill(k.task());
      } else if (message instanceof Messages.QueryDone d) {
        ended.add(d.queryId());
        ExecutorQuery q = queries.remove(d.queryId());
        if (q != null) q.end();
        files.deleteQuery(d.queryId());
        running.queryDone(d.queryId());
      }
    }

    @Override public void onClosed(RpcConnection connection) { driverGone.countDown(); }
  }

  /** Serves this executor's shuffle blocks. */
  private final class BlockServer implements RpcHandler {
    @Override public void onMessage(RpcConnection from, Object message) {}

    @Override public Serializable onAsk(RpcConnection from, Object request) {
      if (!(request instanceof Messages.FetchBlock f)) throw new IllegalArgumentException("not a block request");
      return files.read(f.queryId(), f.stageId(), f.mapIndex(), f.attempt(), f.partition());
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * {@code ExecutorBackend --driver host:port [--host H] [--port P] [--cores C] [--id ID] [--dir D]}:
   * runs an executor until its driver goes away.
   */
  public static void main(String[] args) throws Exception {
    Config config = ExecutorArgs.parse(args);
    ExecutorBackend executor = new ExecutorBackend(config);
    Runtime.getRuntime().addShutdownHook(new Thread(executor::close, "ember-executor-shutdown"));
    executor.start();
    executor.awaitDriverGone();
    System.exit(0);
  }
}
