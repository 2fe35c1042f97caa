package dev.ember.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The subcommands {@code ember} knows, by name. A module that adds one ({@code server},
 * {@code executor}) registers it here with one line.
 */
final class Commands {
  private static final Map<String, Command> ALL = Map.of(
      "help", (args, in, out, err) -> {
        out.print(CliArgs.USAGE);
        return 0;
      },
      "server", new dev.ember.server.ServerCommand(),
      "executor", new ExecutorCommand());

  private Commands() {}

  static Optional<Command> lookup(String name) { return Optional.ofNullable(ALL.get(name)); }
}
