package dev.ember.cli;

import dev.ember.api.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A SqlEngine that answers with whatever the test says, and remembers what it was asked. */
final class FakeEngine implements SqlEngine {
  final List<String> statements = new ArrayList<>();
  private final Function<String, QueryResult> answers;
  boolean closed;
  CliArgs openedWith;

  FakeEngine(Function<String, QueryResult> answers) { this.answers = answers; }

  /** A factory handing out this engine. */
  SqlEngine.Factory factory() {
    return args -> {
      openedWith = args;
      return this;
    };
  }

  @Override public QueryResult sql(String statement) {
    statements.add(statement);
    return answers.apply(statement);
  }

  @Override public void close() { closed = true; }
}
