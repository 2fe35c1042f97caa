package dev.ember.execution.cluster.rpc;

import java.io.Serializable;

/** What an endpoint does with messages arriving on a connection. Called on Netty's I/O threads: never block. */
public interface RpcHandler {
  /** A one-way message. */
  void onMessage(RpcConnection from, Object message);

  /** A request that wants an answer (see {@link RpcConnection#ask}); the default refuses. */
  default Serializable onAsk(RpcConnection from, Object request) {
    throw new UnsupportedOperationException("no answer to " + request.getClass().getSimpleName());
  }

  /** The connection closed (the peer exited, crashed or closed it). */
  default void onClosed(RpcConnection connection) {}
}
