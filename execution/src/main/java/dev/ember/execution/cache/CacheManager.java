package dev.ember.execution.cache;

import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.execution.memory.MemoryManager;
import dev.ember.execution.memory.UnifiedMemoryPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * The cached sub-plans of a session ({@code df.cache()}, {@code CACHE TABLE}). An entry is
 * computed the first time a query contains its plan; from then on, any plan containing a
 * semantically equal sub-plan ({@link PlanIds#normalize}: same operators and expressions, ids
 * ignored) reads the entry's compressed Arrow blocks instead. Entries are evicted least recently
 * used first when their compressed bytes in memory exceed {@code maxBytes}: MEMORY_ONLY data is
 * dropped (and recomputed from its plan when next needed), the others move to files under a
 * temporary directory.
 *
 * <p>The bytes held in memory are storage memory of the process's
 * {@link dev.ember.execution.memory.UnifiedMemoryPool}: the cache keeps only what the pool grants
 * (besides {@code maxBytes}), and gives memory back — evicting as above — when execution needs it.
 */
public final class CacheManager implements AutoCloseable {
  /** Batches per cached block: a block is one partition, read by one task. */
  static final int BATCHES_PER_BLOCK = 8;

  /** Runs a plan as a query and hands each result batch (valid only during the call) to {@code sink}. */
  @FunctionalInterface
  public interface Materializer {
    void run(LogicalPlan plan, Consumer<VectorSchemaRoot> sink);
  }

  private final long maxBytes;
  private final List<Entry> entries = new ArrayList<>();
  private long clock;
  private int nextId;
  private Path dir;

  private final UnifiedMemoryPool pool;
  private final UnifiedMemoryPool.StorageEvictor evictor = this::evictStorage;
  /** Storage memory acquired from the pool: the entries' bytes in memory when last accounted. */
  private long accounted;
  private boolean evictable;

  public CacheManager(long maxBytes) { this(maxBytes, MemoryManager.pool()); }

  public CacheManager(long maxBytes, UnifiedMemoryPool pool) {
    this.maxBytes = maxBytes;
    this.pool = pool;
  }

  private static final class Entry {
    final String name;
    final LogicalPlan plan;
    final LogicalPlan key;
    final CacheLevel level;
    List<CachedBlock> blocks;
    long lastUse;
    int builds;

    Entry(String name, LogicalPlan plan, LogicalPlan key, CacheLevel level) {
      this.name = name;
      this.plan = plan;
      this.key = key;
      this.level = level;
    }

    long memoryBytes() {
      long n = 0;
      if (blocks != null) for (CachedBlock b : blocks) n += b.memoryBytes();
      return n;
    }
  }

  /** Marks {@code plan} for caching (nothing runs yet); a plan already cached keeps its level. */
  public synchronized void register(LogicalPlan plan, CacheLevel level) {
    if (!evictable) {
      pool.addEvictor(evictor);
      evictable = true;
    }
    if (find(PlanIds.normalize(plan), Set.of()) != null) return;
    entries.add(new Entry("cache#" + (++nextId), plan, PlanIds.normalize(plan), level));
  }

  /** Forgets {@code plan}'s entry and frees its data; false when it was not cached. */
  public synchronized boolean unregister(LogicalPlan plan) {
    Entry e = find(PlanIds.normalize(plan), Set.of());
    if (e == null) return false;
    entries.remove(e);
    drop(e);
    account();
    return true;
  }

  /** The level {@code plan} is cached at, or null. */
  public synchronized CacheLevel levelOf(LogicalPlan plan) {
    Entry e = find(PlanIds.normalize(plan), Set.of());
    return e == null ? null : e.level;
  }

  /** How many times {@code plan}'s entry has been computed (0 when not cached or not yet used). */
  public synchronized int builds(LogicalPlan plan) {
    Entry e = find(PlanIds.normalize(plan), Set.of());
    return e == null ? 0 : e.builds;
  }

  /** Compressed bytes held in memory by all entries. */
  public synchronized long memoryBytes() {
    long n = 0;
    for (Entry e : entries) n += e.memoryBytes();
    return n;
  }

  /**
   * {@code plan} with every sub-plan that has a cache entry replaced by a scan of the entry's
   * blocks; entries not yet computed (or dropped) are computed now with {@code materializer}.
   */
  public LogicalPlan substitute(LogicalPlan plan, Materializer materializer) {
    return substitute(plan, materializer, Set.of());
  }

  private LogicalPlan substitute(LogicalPlan plan, Materializer materializer, Set<String> building) {
    synchronized (this) {
      if (entries.isEmpty()) return plan;
    }
    return plan.transformDown(node -> {
      Entry e;
      synchronized (this) {
        e = find(PlanIds.normalize(node), building);
      }
      if (e == null) return node;
      List<CachedBlock> blocks = blocks(e, materializer, building);
      return scan(e, blocks, node.output());
    });
  }

  private List<CachedBlock> blocks(Entry e, Materializer materializer, Set<String> building) {
    synchronized (e) {
      List<CachedBlock> blocks;
      synchronized (this) {
        blocks = e.blocks;
        e.lastUse = ++clock;
      }
      if (blocks != null) return blocks;
      Set<String> inner = new HashSet<>(building);
      inner.add(e.name);
      LogicalPlan source = substitute(e.plan, materializer, inner);
      blocks = build(e, source, materializer);
      synchronized (this) {
        e.blocks = blocks;
        e.builds++;
        evict(e);
      }
      return blocks;
    }
  }

  private List<CachedBlock> build(Entry e, LogicalPlan source, Materializer materializer) {
    org.apache.arrow.vector.types.pojo.Schema arrow = ArrowTypes.arrowSchema(schema(e.plan.output()));
    List<CachedBlock> blocks = new ArrayList<>();
    try (BufferAllocator allocator = MemoryManager.newAllocator("cache-build-" + e.name)) {
      List<VectorSchemaRoot> pending = new ArrayList<>();
      long[] rows = {0};
      try {
        materializer.run(source, batch -> {
          VectorSchemaRoot copy = copy(batch, allocator);
          pending.add(copy);
          rows[0] += copy.getRowCount();
          if (pending.size() == BATCHES_PER_BLOCK) {
            blocks.add(new CachedBlock(BlockCodec.encode(arrow, pending, allocator), rows[0]));
            closeAll(pending);
            rows[0] = 0;
          }
        });
        if (!pending.isEmpty() || blocks.isEmpty()) {
          blocks.add(new CachedBlock(BlockCodec.encode(arrow, pending, allocator), rows[0]));
        }
      } finally {
        closeAll(pending);
      }
    }
    if (e.level == CacheLevel.DISK_ONLY) spill(e, blocks);
    return blocks;
  }

  private static VectorSchemaRoot copy(VectorSchemaRoot batch, BufferAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(batch.getSchema(), allocator);
    try (ArrowRecordBatch rb = new VectorUnloader(batch).getRecordBatch()) {
      new org.apache.arrow.vector.VectorLoader(copy).load(rb);
    }
    return copy;
  }

  private static void closeAll(List<VectorSchemaRoot> roots) {
    for (VectorSchemaRoot r : roots) r.close();
    roots.clear();
  }

  /**
   * Frees memory down to the budget — {@code maxBytes} and what the pool grants — least recently
   * used entries first ({@code keep} last), then accounts what is left with the pool.
   */
  private void evict(Entry keep) {
    long grow = memoryBytes() - accounted;
    if (grow > 0 && !pool.acquireStorage(grow)) {
      evictDownTo(Math.max(0, accounted), keep);
    } else if (grow > 0) {
      accounted += grow;
    }
    evictDownTo(maxBytes, keep);
    account();
  }

  private void evictDownTo(long budget, Entry keep) {
    long used = memoryBytes();
    if (used <= budget) return;
    List<Entry> order = new ArrayList<>(entries);
    order.sort(Comparator.comparingLong((Entry x) -> x == keep ? Long.MAX_VALUE : x.lastUse));
    for (Entry e : order) {
      if (used <= budget) return;
      long bytes = e.memoryBytes();
      if (bytes == 0) continue;
      if (e.level.spills()) spill(e, e.blocks);
      else e.blocks = null;
      used -= bytes;
    }
  }

  /** Brings the storage memory held from the pool in line with the entries' bytes in memory. */
  private void account() {
    long used = memoryBytes();
    if (used < accounted) {
      pool.releaseStorage(accounted - used);
      accounted = used;
    } else if (used > accounted && pool.acquireStorage(used - accounted)) {
      accounted = used;
    }
  }

  /** Execution needs memory: evict about {@code bytes} (least recently used first) and give them back. */
  private synchronized long evictStorage(long bytes) {
    long before = accounted;
    evictDownTo(Math.max(0, memoryBytes() - bytes), null);
    account();
    return before - accounted;
  }

  private void spill(Entry e, List<CachedBlock> blocks) {
    Path d = directory();
    for (int i = 0; i < blocks.size(); i++) blocks.get(i).spill(d.resolve(e.name.replace('#', '-') + "-" + i + ".arrow.lz4"));
  }

  private synchronized Path directory() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("ember-cache");
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot create the cache directory", ex);
      }
    }
    return dir;
  }

  private Scan scan(Entry e, List<CachedBlock> blocks, List<AttributeRef> output) {
    Schema schema = schema(output);
    List<AttributeRef> attrs = new ArrayList<>();
    for (int i = 0; i < output.size(); i++) attrs.add(output.get(i).withName(schema.field(i).name()));
    return new Scan(new CachedTable(e.name, schema, blocks), attrs, List.of());
  }

  /** The plan's columns with names made unique (ignoring case), as a cached table has them. */
  private static Schema schema(List<AttributeRef> output) {
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < output.size(); i++) {
      AttributeRef a = output.get(i);
      String name = seen.add(a.name().toLowerCase(Locale.ROOT)) ? a.name() : a.name() + "#" + (i + 1);
      seen.add(name.toLowerCase(Locale.ROOT));
      fields.add(new Field(name, a.type(), a.nullable()));
    }
    return new Schema(fields);
  }

  private Entry find(LogicalPlan key, Set<String> excluded) {
    for (Entry e : entries) if (!excluded.contains(e.name) && e.key.equals(key)) return e;
    return null;
  }

  private static void drop(Entry e) {
    if (e.blocks != null) for (CachedBlock b : e.blocks) b.delete();
    e.blocks = null;
  }

  /** Drops every entry and removes the spill directory. */
  @Override public synchronized void close() {
    for (Entry e : entries) drop(e);
    entries.clear();
    account();
    pool.removeEvictor(evictor);
    evictable = false;
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // best effort: it is a temporary directory
      }
      dir = null;
    }
  }
}
