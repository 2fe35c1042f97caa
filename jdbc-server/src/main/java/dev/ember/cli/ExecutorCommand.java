package dev.ember.cli;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.execution.cluster.ExecutorArgs;
import dev.ember.execution.cluster.ExecutorBackend;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ember executor --driver HOST:PORT [--host H] [--port P] [--cores C] [--id ID] [--dir D]}:
 * runs an executor that registers with the driver at HOST:PORT and serves it until the driver
 * goes away (see docs/cluster.md for starting executors by hand on other hosts). The
 * authentication secret, if the driver wants one, comes from the environment variable
 * {@code EMBER_AUTHENTICATE_SECRET}.
 */
final class ExecutorCommand implements Command {
  @Override public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    if (args.contains("-h") || args.contains("--help")) {
      out.println("usage: " + ExecutorArgs.USAGE);
      return 0;
    }
    ExecutorBackend.Config config;
    try {
      config = ExecutorArgs.parse(args.toArray(new String[0]), System.getenv(ExecutorBackend.SECRET_ENV));
    } catch (EmberException e) {
      err.println(e.getMessage());
      return 2;
    }
    try (ExecutorBackend executor = new ExecutorBackend(config)) {
      executor.start();
      err.println("executor " + config.executorId() + " connected to driver " + config.driverHost() + ":" + config.driverPort());
      executor.awaitDriverGone();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (dev.ember.execution.cluster.rpc.AuthenticationException e) {
      err.println("executor " + config.executorId() + " exits: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("executor failed: " + e.getMessage());
      return 1;
    }
  }
}
