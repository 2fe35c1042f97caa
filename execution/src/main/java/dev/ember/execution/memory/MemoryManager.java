package dev.ember.execution.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The process's memory: one root Arrow allocator (every query gets a child allocator and every
 * task a child of its query's, so all off-heap memory is accounted for; closing a child that
 * still has memory allocated fails loudly — a leak) and one {@link UnifiedMemoryPool}, the budget
 * operators reserve from ({@code ember.memory.offHeap.size}, split between execution and storage
 * by {@code ember.memory.storageFraction}).
 *
 * <p>The budget governs what operators reserve (hash tables, sort buffers, cached data). Arrow
 * batches in flight between operators and shuffle outputs are not reserved, but a query's
 * allocator has a hard limit ({@link #queryLimit()}): no allocation of the query can cross it, and
 * its shuffle outputs spill to disk when it is reached ({@link QueryMemoryLimit}).
 */
public final class MemoryManager {
  /** Setting: the process's off-heap budget, e.g. {@code 256m}; default {@link #defaultSize()}. */
  public static final String OFF_HEAP_SIZE = "ember.memory.offHeap.size";
  /** Setting: the share of the budget storage (cache) keeps even when execution needs memory. */
  public static final String STORAGE_FRACTION = "ember.memory.storageFraction";
  static final double DEFAULT_STORAGE_FRACTION = 0.5;

  private static final RootAllocator ROOT = new RootAllocator(Long.MAX_VALUE);
  private static final UnifiedMemoryPool POOL = new UnifiedMemoryPool(initialSize(), DEFAULT_STORAGE_FRACTION);

  private MemoryManager() {}

  public static BufferAllocator root() { return ROOT; }

  /** Bytes of off-heap memory allocated right now, over all queries. */
  public static long allocatedBytes() { return ROOT.getAllocatedMemory(); }

  /**
   * A query's allocator, limited to {@link #queryLimit()}; what the query registers with its
   * {@link QueryMemoryLimit} spills when the limit is reached.
   */
  public static BufferAllocator newQueryAllocator(String name) {
    return ROOT.newChildAllocator(name, new QueryMemoryLimit(), 0, queryLimit());
  }

  /** An allocator without a limit of its own, for what is not a query's work (results handed to a caller, cache builds). */
  public static BufferAllocator newAllocator(String name) {
    return ROOT.newChildAllocator(name, 0, Long.MAX_VALUE);
  }

  /**
   * The most Arrow memory one query may hold at once: twice the process's budget
   * ({@code ember.memory.offHeap.size}) when the query starts, and at least the budget plus
   * {@link #QUERY_HEADROOM}. Operators' reservations are held to their fair share of the budget,
   * but Arrow rounds every allocation up to a power of two, so what they allocate may be up to
   * twice what they reserved; and batches in flight between operators (a few per task, whatever
   * the budget) are not reserved at all. The limit bounds those and the query's shuffle
   * outputs, which spill when it is reached.
   */
  public static long queryLimit() {
    long total = POOL.total();
    if (total > Long.MAX_VALUE / 2 - QUERY_HEADROOM) return Long.MAX_VALUE;
    return Math.max(2 * total, total + QUERY_HEADROOM);
  }

  /** What a query may hold beyond its reservations at the least: its tasks' batches in flight. */
  public static final long QUERY_HEADROOM = 64L << 20;

  /** The process's memory budget. */
  public static UnifiedMemoryPool pool() { return POOL; }

  /** Sets the process's budget ({@code ember.memory.offHeap.size}) and storage share. */
  public static void configure(long offHeapBytes, double storageFraction) {
    if (offHeapBytes <= 0) throw new IllegalArgumentException("memory size must be positive: " + offHeapBytes);
    if (storageFraction < 0 || storageFraction > 1) throw new IllegalArgumentException("storage fraction must be in [0, 1]");
    POOL.resize(offHeapBytes, storageFraction);
  }

  /** Sets the budget from a setting's text ("256m"); the storage share stays. */
  public static void configure(String offHeapSize) {
    configure(MemorySize.parse(OFF_HEAP_SIZE, offHeapSize), DEFAULT_STORAGE_FRACTION);
  }

  /** Back to the default budget (for tests that set a small one). */
  public static void reset() { configure(initialSize(), DEFAULT_STORAGE_FRACTION); }

  /** The budget from the system property {@code ember.memory.offHeap.size}, else {@link #defaultSize()}. */
  private static long initialSize() {
    String prop = System.getProperty(OFF_HEAP_SIZE);
    return prop == null || prop.isBlank() ? defaultSize() : MemorySize.parse(OFF_HEAP_SIZE, prop);
  }

  /**
   * The default budget: {@code -XX:MaxDirectMemorySize} when set, else half the machine's
   * physical memory minus the JVM's maximum heap (at least 64 MiB).
   */
  public static long defaultSize() {
    long floor = 64L << 20;
    try {
      HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      long direct = Long.parseLong(hs.getVMOption("MaxDirectMemorySize").getValue());
      if (direct > 0) return Math.max(floor, direct);
    } catch (RuntimeException e) {
      // not HotSpot, or no such option: fall through to physical memory
    }
    long physical = 8L << 30;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      physical = os.getTotalMemorySize();
    }
    return Math.max(floor, physical / 2 - Runtime.getRuntime().maxMemory());
  }
}
