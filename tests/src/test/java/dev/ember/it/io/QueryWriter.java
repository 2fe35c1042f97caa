package dev.ember.it.io;

import dev.ember.api.QueryResult;
import dev.ember.api.Session;
import dev.ember.datasources.write.SaveMode;
import dev.ember.datasources.write.TaskWriter;
import dev.ember.datasources.write.WriteJob;
import dev.ember.datasources.write.WriteSpec;
import java.util.List;
import java.util.Map;

/** Writes a query's answer through the writer API, as the DataFrame writer will: one task. */
final class QueryWriter {
  private QueryWriter() {}

  static void write(Session s, String sql, String format, String path, SaveMode mode,
                    List<String> partitionBy, Map<String, String> options) {
    try (QueryResult result = s.execute(sql);
         WriteJob job = WriteJob.begin(new WriteSpec(format, path, mode, result.schema(), partitionBy, options))) {
      try (TaskWriter w = job.newTaskWriter(0)) {
        for (var batch = result.nextBatch(); batch != null; batch = result.nextBatch()) w.write(batch);
        w.commit();
      }
      job.commitJob();
    }
  }

  static String sqlPath(java.nio.file.Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  static void duck(java.sql.Connection c, String sql) {
    try (java.sql.Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
