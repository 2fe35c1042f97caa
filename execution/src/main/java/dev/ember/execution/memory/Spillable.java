package dev.ember.execution.memory;

/**
 * An operator that can give memory back by writing what it holds to local disk. The task's
 * memory asks it to spill when another operator of the same task needs memory the pool refused;
 * the operator asks itself when its own reservation is refused.
 */
@FunctionalInterface
public interface Spillable {
  /**
   * Writes held data to disk and releases (through its {@link MemoryReservation}) about
   * {@code bytesWanted} bytes or more; returns the bytes released. May return 0 when it holds
   * nothing that can be written now (e.g. a table being probed).
   */
  long spill(long bytesWanted);
}
