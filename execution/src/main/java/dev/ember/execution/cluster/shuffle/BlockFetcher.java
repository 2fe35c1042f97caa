package dev.ember.execution.cluster.shuffle;

import dev.ember.execution.cluster.MapOutput;
import dev.ember.execution.cluster.Messages;
import dev.ember.execution.cluster.rpc.RpcConnection;
import dev.ember.execution.cluster.rpc.RpcEndpoint;
import dev.ember.execution.cluster.rpc.RpcHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets shuffle blocks for an executor's tasks: from its own files when it wrote them, else from
 * the block server of the executor that did (one connection per peer, shared by all tasks).
 */
public final class BlockFetcher {
  private final String executorId;
  private final ShuffleFiles files;
  private final RpcEndpoint rpc;
  private final Map<String, RpcConnection> peers = new ConcurrentHashMap<>();

  public BlockFetcher(String executorId, ShuffleFiles files, RpcEndpoint rpc) {
    this.executorId = executorId;
    this.files = files;
    this.rpc = rpc;
  }

  /** Whether {@code out} was written by this executor (read from its own files, not the network). */
  public boolean isLocal(MapOutput out) { return out.executorId().equals(executorId); }

  /** One partition of one map output; fails with the cause if it cannot be had. */
  public CompletableFuture<Messages.Block> fetch(String queryId, MapOutput out, int partition) {
    if (isLocal(out)) {
      try {
        return CompletableFuture.completedFuture(files.read(queryId, out.stageId(), out.mapIndex(), out.attempt(), partition));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    RpcConnection peer;
    try {
      peer = peer(out.host(), out.port());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return peer.ask(new Messages.FetchBlock(queryId, out.stageId(), out.mapIndex(), out.attempt(), partition))
        .thenApply(Messages.Block.class::cast);
  }

  private RpcConnection peer(String host, int port) {
    String key = host + ":" + port;
    RpcConnection c = peers.get(key);
    if (c != null && c.isOpen()) return c;
    synchronized (peers) {
      c = peers.get(key);
      if (c == null || !c.isOpen()) {
        c = rpc.connect(host, port, new RpcHandler() {
          @Override public void onMessage(RpcConnection from, Object message) {}
        });
        peers.put(key, c);
      }
      return c;
    }
  }
}
