package dev.ember.it.slt;

import dev.ember.it.slt.SltRecord.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One .slt file: its lines, its records, and writing new expected results back in place. */
record SltFile(Path path, List<String> lines, List<SltRecord> records) {
  static SltFile read(Path path) {
    try {
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      return new SltFile(path, List.copyOf(lines), SltParser.parse(path.getFileName().toString(), lines));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() { return path.getFileName().toString(); }

  /**
   * The file with each answered query's expected lines replaced by {@code answers} (a query
   * without a {@code ----} section gets one); everything else is kept byte for byte.
   */
  List<String> rewritten(Map<Query, List<String>> answers) {
    List<String> out = new ArrayList<>(lines);
    List<Query> queries = new ArrayList<>(answers.keySet());
    queries.sort(Comparator.comparingInt(Query::line).reversed());  // from the end, so indexes stay valid
    for (Query q : queries) {
      List<String> answer = answers.get(q);
      if (q.resultStart() >= 0) {
        out.subList(q.resultStart(), q.resultEnd()).clear();
        out.addAll(q.resultStart(), answer);
      } else {
        List<String> section = new ArrayList<>();
        section.add("----");
        section.addAll(answer);
        out.addAll(q.sqlEnd(), section);
      }
    }
    return out;
  }

  /** Writes {@code newLines} over the file when they differ from what it holds; true if written. */
  boolean write(List<String> newLines) {
    if (newLines.equals(lines)) return false;
    try {
      Files.write(path, (String.join("\n", newLines) + "\n").getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
