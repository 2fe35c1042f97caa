package dev.ember.execution.cluster;

/**
 * Where one map task's shuffle output lives: the executor that wrote it, the block server to
 * fetch it from, and the size of each of its partitions (0: nothing to fetch).
 *
 * @param attempt the attempt that wrote the file (a rerun writes a new file)
 */
public record MapOutput(int stageId, int mapIndex, int attempt, String executorId, String host, int port,
                        long[] partitionBytes) implements java.io.Serializable {
  public long bytes(int partition) { return partitionBytes[partition]; }
}
