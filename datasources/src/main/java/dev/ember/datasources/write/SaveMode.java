package dev.ember.datasources.write;

/** What a write does when its target path already exists (Spark's save modes). */
public enum SaveMode {
  /** Replace the target's contents, only when the job commits. */
  OVERWRITE,
  /** Add new files next to the existing ones. */
  APPEND,
  /** Fail before writing anything (the default, as in Spark). */
  ERROR_IF_EXISTS,
  /** Write nothing and succeed ({@link WriteJob#skipped()} is true). */
  IGNORE
}
