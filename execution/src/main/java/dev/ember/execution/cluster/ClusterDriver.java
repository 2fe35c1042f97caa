package dev.ember.execution.cluster;

import dev.ember.execution.cluster.rpc.RpcConnection;
import dev.ember.execution.cluster.rpc.RpcEndpoint;
import dev.ember.execution.cluster.rpc.RpcHandler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The driver's side of cluster mode: executors register here over RPC and send heartbeats;
 * queued tasks go to executors with free cores, preferably (for a while) the one holding their
 * input; task statuses go back to their query's
 * {@link ClusterJob}. An executor whose connection closes or whose heartbeats stop for {@code
 * heartbeatTimeoutMillis} is lost: its running tasks fail (and are retried by their jobs) and its
 * shuffle outputs are forgotten (and recomputed where still needed).
 *
 * <p>All scheduling state is touched only on one event thread ({@link #run}), as in Spark's
 * DAG scheduler event loop; Netty threads only hand messages over.
 */
public final class ClusterDriver implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ClusterDriver.class.getName());

  /** An executor as tasks and map outputs refer to it. */
  record ExecutorRef(String id, String host, int blockPort) {}

  private static final class ExecutorState {
    final ExecutorRef ref;
    final RpcConnection connection;
    final Set<Messages.TaskId> running = new HashSet<>();
    final int cores;
    int free;
    volatile long lastHeartbeat = System.currentTimeMillis();

    ExecutorState(ExecutorRef ref, RpcConnection connection, int cores) {
      this.ref = ref;
      this.connection = connection;
      this.cores = cores;
      this.free = cores;
    }
  }

  /**
   * @param preferred the executors holding a good share of the task's input, most first (may be empty)
   * @param avoid an executor the task must not run on (the one running the task a speculative
   *     copy is of), or null
   * @param queuedAt when the task was queued: it waits for {@code preferred} until {@code localityWaitMillis} later
   */
  private record Queued(TaskDescription task, ClusterJob job, List<String> preferred, String avoid, long queuedAt,
                        long localityWaitMillis) {}

  private record Running(String executorId, ClusterJob job) {}

  private final String host;
  private final int port;
  private final long heartbeatTimeoutMillis;
  private final RpcEndpoint rpc = new RpcEndpoint("driver");
  private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> daemon(r, "ember-driver-events"));
  private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ember-driver-monitor"));
  private final ExecutorService delivery = Executors.newCachedThreadPool(r -> daemon(r, "ember-driver-results"));
  private final Map<RpcConnection, String> executorOf = new ConcurrentHashMap<>();
  private final Map<String, ExecutorState> executors = new LinkedHashMap<>();
  private final Deque<Queued> queue = new ArrayDeque<>();
  private final Map<Messages.TaskId, Running> running = new HashMap<>();
  private final Map<String, ClusterJob> jobs = new HashMap<>();
  private final List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger registered = new AtomicInteger();
  private final AtomicInteger cores = new AtomicInteger();

  public ClusterDriver(String host, int port, long heartbeatTimeoutMillis) {
    this.host = host;
    this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
    this.port = rpc.listen(host, port, new Handler());
    monitor.scheduleAtFixedRate(() -> run(this::tick), 250, 250, TimeUnit.MILLISECONDS);
  }

  public String host() { return host; }

  public int port() { return port; }

  /** Cores of the registered, live executors. */
  public int totalCores() { return cores.get(); }

  /** Waits until {@code n} executors have registered; false on time-out. */
  public boolean awaitExecutors(int n, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (registered.get() < n) {
      if (System.currentTimeMillis() > end) return false;
      Thread.sleep(20);
    }
    return true;
  }

  public List<JobEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  // ---- used by jobs, on the event thread --------------------------------------------------------

  /** Runs {@code r} on the event thread. */
  void run(Runnable r) {
    loop.execute(() -> {
      try {
        r.run();
      } catch (RuntimeException | Error e) {
        LOG.log(System.Logger.Level.ERROR, "cluster driver event failed", e);
      }
    });
  }

  /** Threads that hand result batches to readers (who may be slow): never the event thread. */
  ExecutorService delivery() { return delivery; }

  void record(JobEvent e) { events.add(e); }

  void register(ClusterJob job) { jobs.put(job.queryId(), job); }

  /** The job ended: executors drop its state and files; its queued tasks are dropped. */
  void finish(ClusterJob job) {
    if (jobs.remove(job.queryId()) == null) return;
    queue.removeIf(q -> q.job() == job);
    for (ExecutorState e : executors.values()) e.connection.send(new Messages.QueryDone(job.queryId()));
  }

  /**
   * Queues a task; it goes to one of {@code preferred} (may be empty) when one has a free core
   * within {@code localityWaitMillis}, else to any executor but {@code avoid} (may be null).
   */
  void submit(TaskDescription task, ClusterJob job, List<String> preferred, String avoid, long localityWaitMillis) {
    queue.add(new Queued(task, job, preferred, avoid, System.currentTimeMillis(), localityWaitMillis));
    dispatch();
  }

  /**
   * Stops {@code task} (another attempt won): a queued task is dropped (false: no status will
   * come); a running one's executor is asked to stop it, and its status still comes back (true).
   */
  boolean kill(Messages.TaskId task) {
    if (queue.removeIf(q -> q.task().queryId().equals(task.queryId()) && q.task().stageId() == task.stageId()
        && q.task().partition() == task.partition() && q.task().attempt() == task.attempt())) {
      return false;
    }
    Running r = running.get(task);
    ExecutorState e = r == null ? null : executors.get(r.executorId());
    if (e != null) e.connection.send(new Messages.KillTask(task));
    return true;
  }

  ExecutorRef executor(String id) {
    ExecutorState s = executors.get(id);
    return s == null ? null : s.ref;
  }

  /**
   * Sends queued tasks, in order, while some executor has a free core (delay scheduling, as
   * Spark): a task goes to one of its preferred executors (those holding a good share of its
   * input: locality) when one has a free core; while none has, the task waits up to its locality wait —
   * tasks behind it may go first — and then goes to the executor with the most free cores. A
   * speculative copy never goes to the executor running its original.
   */
  private void dispatch() {
    long now = System.currentTimeMillis();
    for (var it = queue.iterator(); it.hasNext(); ) {
      if (mostFree(null) == null) return;
      Queued q = it.next();
      if (!jobs.containsKey(q.task().queryId())) {
        it.remove();
        continue;
      }
      ExecutorState target = freePreferred(q);
      boolean local = target != null;
      if (target == null && livePreferred(q) && now - q.queuedAt() < q.localityWaitMillis()) {
        continue; // wait for an executor holding the input
      }
      if (target == null) target = mostFree(q.avoid());
      if (target == null) continue;
      it.remove();
      launch(q, target, local);
    }
  }

  /** The first of the task's preferred executors with a free core, or null. */
  private ExecutorState freePreferred(Queued q) {
    for (String id : q.preferred()) {
      ExecutorState e = executors.get(id);
      if (e != null && e.free > 0 && !id.equals(q.avoid())) return e;
    }
    return null;
  }

  /** True when one of the task's preferred executors is alive (worth waiting for). */
  private boolean livePreferred(Queued q) {
    for (String id : q.preferred()) if (executors.containsKey(id) && !id.equals(q.avoid())) return true;
    return false;
  }

  /** The executor with the most free cores, other than {@code avoid}; null when none has one. */
  private ExecutorState mostFree(String avoid) {
    ExecutorState target = null;
    for (ExecutorState e : executors.values()) {
      if (e.free > 0 && !e.ref.id().equals(avoid) && (target == null || e.free > target.free)) target = e;
    }
    return target;
  }

  /** Every 250 ms: lost executors, cancelled queries, stragglers, and tasks whose locality wait ran out. */
  private void tick() {
    checkLiveness();
    long now = System.currentTimeMillis();
    for (ClusterJob job : new ArrayList<>(jobs.values())) job.checkSpeculation(now);
    dispatch();
  }

  private void launch(Queued q, ExecutorState target, boolean local) {
    Messages.TaskId id = new Messages.TaskId(q.task().queryId(), q.task().stageId(), q.task().partition(), q.task().attempt());
    target.free--;
    target.running.add(id);
    running.put(id, new Running(target.ref.id(), q.job()));
    String detail = local ? "on the executor holding its input" : null;
    if (q.avoid() != null) detail = (detail == null ? "" : detail + ", ") + "speculative copy";
    record(JobEvent.task(JobEvent.Kind.TASK_STARTED, id, target.ref.id(), detail));
    q.job().started(id, target.ref.id(), System.currentTimeMillis());
    target.connection.send(new Messages.LaunchTask(q.task()));
  }

  private Running finished(Messages.TaskId id) {
    Running r = running.remove(id);
    if (r == null) return null;
    ExecutorState e = executors.get(r.executorId());
    if (e != null && e.running.remove(id)) e.free++;
    return r;
  }

  private void checkLiveness() {
    long now = System.currentTimeMillis();
    for (ExecutorState e : new ArrayList<>(executors.values())) {
      if (now - e.lastHeartbeat > heartbeatTimeoutMillis) {
        lost(e.ref.id(), "no heartbeat for " + (now - e.lastHeartbeat) + " ms");
      }
    }
    for (ClusterJob job : new ArrayList<>(jobs.values())) job.checkCancelled();
  }

  private void lost(String executorId, String reason) {
    ExecutorState e = executors.remove(executorId);
    if (e == null) return;
    cores.addAndGet(-e.cores);
    record(JobEvent.executor(JobEvent.Kind.EXECUTOR_LOST, executorId, reason));
    e.connection.close();
    // Forget its map outputs first, so the retried tasks wait for recomputed inputs instead of
    // being sent with locations on the dead executor.
    for (ClusterJob job : new ArrayList<>(jobs.values())) job.executorLost(executorId);
    for (Messages.TaskId t : new ArrayList<>(e.running)) {
      Running r = running.remove(t);
      if (r != null) r.job().taskFailed(t, executorId, "executor " + executorId + " lost (" + reason + ")", null, null);
    }
    dispatch();
  }

  private final class Handler implements RpcHandler {
    @Override public void onMessage(RpcConnection from, Object message) {
      run(() -> handle(from, message));
    }

    @Override public void onClosed(RpcConnection connection) {
      String id = executorOf.remove(connection);
      if (id != null) run(() -> lost(id, "connection closed"));
    }
  }

  private void handle(RpcConnection from, Object message) {
    if (message instanceof Messages.RegisterExecutor r) {
      ExecutorState e = new ExecutorState(new ExecutorRef(r.executorId(), r.host(), r.blockPort()), from, r.cores());
      executors.put(r.executorId(), e);
      executorOf.put(from, r.executorId());
      cores.addAndGet(r.cores());
      registered.incrementAndGet();
      record(JobEvent.executor(JobEvent.Kind.EXECUTOR_REGISTERED, r.executorId(),
          r.host() + ":" + r.blockPort() + ", " + r.cores() + " cores"));
      dispatch();
    } else if (message instanceof Messages.Heartbeat h) {
      ExecutorState e = executors.get(h.executorId());
      if (e != null) e.lastHeartbeat = System.currentTimeMillis();
    } else if (message instanceof Messages.ResultBlock b) {
      Running r = running.get(b.task());
      if (r != null) r.job().resultBlock(b.task(), b.arrowIpc());
    } else if (message instanceof Messages.TaskSucceeded s) {
      Running r = finished(s.task());
      ExecutorState e = executors.get(s.executorId());
      if (r != null && e != null) r.job().taskSucceeded(s.task(), e.ref, s.partitionBytes());
      dispatch();
    } else if (message instanceof Messages.TaskFailed f) {
      Running r = finished(f.task());
      if (r != null) r.job().taskFailed(f.task(), f.executorId(), f.error(), f.sqlState(), f.fetchFailedExecutor());
      dispatch();
    }
  }

  @Override public void close() {
    monitor.shutdownNow();
    loop.shutdownNow();
    delivery.shutdownNow();
    for (RpcConnection c : executorOf.keySet()) c.close();
    rpc.close();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
