package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.execution.cluster.ClusterAuth;
import dev.ember.execution.cluster.ExecutorBackend;
import dev.ember.execution.cluster.JobEvent;
import dev.ember.execution.cluster.rpc.AuthenticationException;
import dev.ember.execution.cluster.rpc.RpcConnection;
import dev.ember.execution.cluster.rpc.RpcEndpoint;
import dev.ember.execution.cluster.rpc.RpcHandler;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code ember.authenticate=true}, the driver and the executors' block servers only talk to
 * peers that know {@code ember.authenticate.secret}: an executor started with a wrong secret is
 * refused (the driver logs it) and exits; a client with a wrong or no secret gets no shuffle
 * block; executors with the right secret run the queries.
 */
class ClusterAuthTest {
  private static final String SECRET = "the-right-secret";

  @TempDir Path dir;

  @AfterAll static void noneLeft() throws Exception { Executors.assertNoneLeft(); }

  private Process executor(String id, String secret, int driverPort, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), ExecutorBackend.class.getName(),
        "--driver", "127.0.0.1:" + driverPort, "--host", "127.0.0.1", "--cores", "1", "--id", id,
        "--dir", dir.resolve(id).toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
    pb.environment().put(ExecutorBackend.SECRET_ENV, secret); // the environment, not the command line
    return pb.start();
  }

  @Test void onlyPeersWithTheSecretGetIn() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> refusals = new CopyOnWriteArrayList<>();
    Logger rpcLog = Logger.getLogger(RpcEndpoint.class.getName());
    Handler capture = new Handler() {
      @Override public void publish(LogRecord r) { refusals.add(r.getMessage()); }

      @Override public void flush() {}

      @Override public void close() {}
    };
    rpcLog.addHandler(capture);
    Path badLog = dir.resolve("bad.log");
    Process good = executor("good-0", SECRET, port, dir.resolve("good.log"));
    Process bad = executor("bad-0", "a-wrong-secret", port, badLog);
    try (Connection duck = TpchData.openDuckDb();
         Session ember = Session.builder().master("cluster://127.0.0.1:" + port + "?executors=1")
             .config(ClusterAuth.ENABLED, "true").config(ClusterAuth.SECRET, SECRET).getOrCreate()) {
      // the executor with the wrong secret is refused, says why, and exits
      assertTrue(bad.waitFor(60, TimeUnit.SECONDS), "the executor with a wrong secret did not exit");
      assertEquals(1, bad.exitValue());
      String said = Files.readString(badLog);
      assertTrue(said.contains("refused this connection: wrong authentication secret"), said);
      assertTrue(refusals.stream().anyMatch(m -> m.contains("refused a connection from") && m.contains("wrong authentication secret")),
          "the driver did not log the refusal: " + refusals);

      // the executor with the right secret runs the query
      ember.range(50_000).createOrReplaceTempView("numbers");
      new Oracle(duck, ember).assertSameAnswer("grouped range (authenticated executor)",
          "SELECT range % 5 AS k, count(*) AS n FROM range(50000) GROUP BY 1 ORDER BY 1",
          "SELECT id % 5 AS k, count(*) AS n FROM numbers GROUP BY 1 ORDER BY 1");
      List<JobEvent> events = ember.state().clusterEvents();
      assertTrue(events.stream().anyMatch(e -> e.kind() == JobEvent.Kind.TASK_SUCCEEDED && "good-0".equals(e.executorId())),
          "no task ran on the authenticated executor: " + events);

      // its block server refuses clients without the secret
      int blockPort = blockPort(events, "good-0");
      RpcHandler none = (RpcConnection from, Object message) -> {};
      try (RpcEndpoint wrong = new RpcEndpoint("test-wrong", "a-wrong-secret"); RpcEndpoint anonymous = new RpcEndpoint("test-none")) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.connect("127.0.0.1", blockPort, none));
        assertTrue(e.getMessage().contains("wrong authentication secret"), e.getMessage());
        e = assertThrows(AuthenticationException.class, () -> anonymous.connect("127.0.0.1", blockPort, none));
        assertTrue(e.getMessage().contains("requires authentication"), e.getMessage());
      }
    } finally {
      rpcLog.removeHandler(capture);
      bad.destroyForcibly();
      good.destroyForcibly();
    }
  }

  /** The block-server port an executor registered with ("host:port, N cores"). */
  private static int blockPort(List<JobEvent> events, String executor) {
    String detail = events.stream().filter(e -> e.kind() == JobEvent.Kind.EXECUTOR_REGISTERED && executor.equals(e.executorId()))
        .map(JobEvent::detail).findFirst().orElseThrow();
    return Integer.parseInt(detail.substring(detail.indexOf(':') + 1, detail.indexOf(',')));
  }
}
