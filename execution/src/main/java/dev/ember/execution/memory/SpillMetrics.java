package dev.ember.execution.memory;

import java.util.concurrent.atomic.AtomicLong;

/** What a query's operators wrote to local disk: rows, bytes and files; updated from any task's thread. */
public final class SpillMetrics {
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong spills = new AtomicLong();
  private final AtomicLong shuffleBytes = new AtomicLong();

  /** Counts one spill file written: its rows and bytes. */
  public void fileWritten(long rowCount, long byteCount) {
    rows.addAndGet(rowCount);
    bytes.addAndGet(byteCount);
    files.incrementAndGet();
  }

  /** Counts one spill event (an operator gave memory back by writing to disk, perhaps several files). */
  public void spilled() { spills.incrementAndGet(); }

  /** Counts bytes of shuffle output written to disk because the query's memory ran out (already counted as files). */
  public void shuffleSpilled(long byteCount) { shuffleBytes.addAndGet(byteCount); }

  /** Bytes of shuffle output spilled (part of {@link #bytes()}). */
  public long shuffleBytes() { return shuffleBytes.get(); }

  public long rows() { return rows.get(); }

  public long bytes() { return bytes.get(); }

  public long files() { return files.get(); }

  public long spills() { return spills.get(); }

  @Override public String toString() {
    return "spilled " + rows() + " rows, " + MemorySize.format(bytes()) + " in " + files() + " files (" + spills() + " spills)";
  }
}
