package dev.ember.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.api.Session;
import dev.ember.execution.cluster.ExecutorBackend;
import dev.ember.execution.cluster.JobEvent;
import dev.ember.it.Oracle;
import dev.ember.it.TpchData;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor started by hand, as on another host ({@code ember executor --driver HOST:PORT}),
 * before the driver exists: it keeps trying, registers with the {@code cluster://HOST:PORT}
 * driver, runs the query's tasks, and exits by itself when the driver stops.
 */
class ClusterStandaloneTest {
  @TempDir Path dir;

  @AfterAll static void noneLeft() throws Exception { Executors.assertNoneLeft(); }

  @Test void executorStartedByHandServesTheDriverThenExits() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Connection duck = TpchData.openDuckDb();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process executor = new ProcessBuilder(java, "-Xmx512m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), ExecutorBackend.class.getName(),
        "--driver", "127.0.0.1:" + port, "--host", "127.0.0.1", "--cores", "2", "--id", "by-hand-0",
        "--dir", dir.resolve("executor").toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (duck) {
      try (Session ember = Session.builder().master("cluster://127.0.0.1:" + port + "?executors=1").getOrCreate()) {
        ember.range(200_000).createOrReplaceTempView("numbers");
        new Oracle(duck, ember).assertSameAnswer("grouped range (executor started by hand)",
            "SELECT range % 7 AS k, count(*) AS n, sum(range) AS s FROM range(200000) GROUP BY 1 ORDER BY 1",
            "SELECT id % 7 AS k, count(*) AS n, sum(id) AS s FROM numbers GROUP BY 1 ORDER BY 1");
        List<JobEvent> events = ember.state().clusterEvents();
        assertTrue(events.stream().anyMatch(e -> e.kind() == JobEvent.Kind.TASK_SUCCEEDED && "by-hand-0".equals(e.executorId())),
            "no task ran on the executor: " + events);
      }
      assertTrue(executor.waitFor(15, TimeUnit.SECONDS), "the executor did not exit when its driver stopped");
      assertEquals(0, executor.exitValue());
    } finally {
      executor.destroyForcibly();
    }
  }
}
