package dev.ember.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** A subcommand of {@code ember} ({@code ember server …}): gets the arguments after its name. */
@FunctionalInterface
public interface Command {
  /** Runs the command; returns the process exit status. */
  int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
