package dev.ember.execution.testing;

import dev.ember.execution.spill.SpillDirectory;
import dev.ember.execution.spill.SpillFile;
import dev.ember.testing.LeakGauge;

/**
 * Spill files not deleted: those created and not closed anywhere (whatever directory a test
 * pointed {@code ember.local.dir} at), plus stray files in the current spill directory.
 */
public final class SpillFileGauge implements LeakGauge {
  @Override public String name() { return "spill files"; }

  @Override public long level() { return SpillFile.liveFiles() + SpillDirectory.fileCount(); }

  @Override public String details() {
    return "  " + SpillFile.liveFiles() + " spill files not closed, " + SpillDirectory.fileCount() + " files in "
        + SpillDirectory.current();
  }
}
