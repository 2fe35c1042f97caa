package dev.ember.execution.cluster;

import dev.ember.execution.scheduler.QueryContext;
import dev.ember.execution.scheduler.TaskLauncher;
import dev.ember.planner.stage.StagePlan;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where a process's queries run their tasks, chosen by the master URL: {@code local[N]}
 * (threads of this process, {@link LocalThreads}) or {@code local-cluster[E,C,M]} (executor
 * JVMs on this host, {@link LocalCluster}). One per engine; stopped with it.
 */
public interface ClusterManager extends AutoCloseable {
  /** Task slots over all executors: how many splits scans aim for. */
  int parallelism();

  /**
   * The launcher of one query's tasks; {@code results} receives the result stage's batches;
   * {@code scheduling}: retries, speculation and locality on executors.
   */
  TaskLauncher launcher(StagePlan plan, QueryContext query, Consumer<VectorSchemaRoot> results,
                        SchedulingConfig scheduling);

  /** What happened so far (task attempts, failures, lost executors, speculation); in local mode only speculation. */
  default List<JobEvent> events() { return List.of(); }

  @Override void close();
}
