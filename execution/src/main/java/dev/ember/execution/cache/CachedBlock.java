package dev.ember.execution.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One partition of cached data: a compressed block in memory, or in a local file once spilled.
 * Readers take the bytes from wherever the block is at that moment.
 */
final class CachedBlock {
  private final long rows;
  private final int rawBytes;
  private volatile byte[] bytes;
  private volatile Path file;

  CachedBlock(byte[] bytes, long rows) {
    this.bytes = bytes;
    this.rows = rows;
    this.rawBytes = BlockCodec.rawLength(bytes);
  }

  long rows() { return rows; }

  int rawBytes() { return rawBytes; }

  /** Compressed bytes held in memory (0 once spilled). */
  long memoryBytes() {
    byte[] b = bytes;
    return b == null ? 0 : b.length;
  }

  byte[] read() {
    byte[] b = bytes;
    if (b != null) return b;
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cached block " + file, e);
    }
  }

  /** Moves the block to {@code target}; memory is released once the file is complete. */
  synchronized void spill(Path target) {
    byte[] b = bytes;
    if (b == null) return;
    try {
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.write(tmp, b);
      Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spill a cached block to " + target, e);
    }
    file = target;
    bytes = null;
  }

  void delete() {
    Path f = file;
    if (f == null) return;
    try {
      Files.deleteIfExists(f);
    } catch (IOException ignored) {
      // the temporary directory is removed when the cache closes
    }
  }
}
