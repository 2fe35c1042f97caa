package dev.ember.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The shell's output: erases the progress bar before anything is written, so the two never mix. */
final class ProgressAwareOutput extends FilterOutputStream {
  private final ProgressDisplay progress;

  ProgressAwareOutput(OutputStream out, ProgressDisplay progress) {
    super(out);
    this.progress = progress;
  }

  @Override public void write(int b) throws IOException {
    progress.erase();
    out.write(b);
  }

  @Override public void write(byte[] b, int off, int len) throws IOException {
    progress.erase();
    out.write(b, off, len);
  }
}
