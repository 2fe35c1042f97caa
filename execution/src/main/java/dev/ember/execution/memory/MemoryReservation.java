package dev.ember.execution.memory;

/**
 * The execution memory one operator of a task holds. The operator reserves before it allocates
 * — per block or batch, when a table or buffer grows, never per row — and releases when it frees
 * or spills. A refused {@link #tryReserve} means: spill, then {@link #reserve} (which fails with
 * SQLSTATE 53200 when even then the memory cannot be had). Not thread-safe: one task's thread.
 */
public final class MemoryReservation implements AutoCloseable {
  private final TaskMemory task;
  private final String operator;
  private final Spillable spillable;
  private long size;
  private boolean closed;

  MemoryReservation(TaskMemory task, String operator, Spillable spillable) {
    this.task = task;
    this.operator = operator;
    this.spillable = spillable;
  }

  public String operator() { return operator; }

  Spillable spillable() { return closed ? null : spillable; }

  /** Bytes held. */
  public long size() { return size; }

  public TaskMemory task() { return task; }

  /**
   * Reserves {@code bytes} more: true when granted (the task's other operators may have spilled
   * to make room), false when the operator must spill its own data first (nothing was granted).
   */
  public boolean tryReserve(long bytes) {
    if (bytes <= 0) return true;
    checkOpen();
    if (!task.acquire(this, bytes)) return false;
    size += bytes;
    return true;
  }

  /** Reserves {@code bytes} more or throws the out-of-memory error (SQLSTATE 53200) naming this operator and the limit. */
  public void reserve(long bytes) {
    if (!tryReserve(bytes)) throw task.outOfMemory(this, bytes);
  }

  /** Grows or shrinks the reservation to {@code total} bytes; false (unchanged) when growing is refused. */
  public boolean tryResize(long total) {
    if (total >= size) return tryReserve(total - size);
    release(size - total);
    return true;
  }

  /** Like {@link #tryResize} but throws the out-of-memory error when growing is refused. */
  public void resize(long total) {
    if (!tryResize(total)) throw task.outOfMemory(this, total - size);
  }

  /** Gives back {@code bytes} (at most what is held). */
  public void release(long bytes) {
    long n = Math.min(bytes, size);
    if (n <= 0) return;
    size -= n;
    task.release(n);
  }

  public void releaseAll() { release(size); }

  private void checkOpen() {
    if (closed) throw new IllegalStateException("reservation of " + operator + " is closed");
  }

  /** Called when the task ends: the task gives the memory back itself. */
  void detach() {
    closed = true;
    size = 0;
  }

  /** Releases everything; the reservation cannot be used again. */
  @Override public void close() {
    if (closed) return;
    releaseAll();
    closed = true;
    task.forget(this);
  }
}
