package dev.ember.codegen.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.codehaus.janino.util.ClassFile;

/**
 * Compiles generated Java source with Janino and caches the classes by shape: the cache key is
 * the source with comments removed and the class name replaced by a placeholder, so two plans
 * that differ only in literal values (which live in a references array) or in the class name get
 * the same class, compiled once. Thread-safe: concurrent requests for one shape wait for a single
 * compilation. The cache is bounded (least recently used out; {@code ember.codegen.cacheSize},
 * default 1,000 classes).
 *
 * <p>With the system property {@code ember.codegen.dumpDir} set, every source passed in is also
 * written there as {@code <ClassName>.java} — how to read what the engine generated.
 */
public final class ClassCompiler {
  /** System property naming a directory to write generated sources into. */
  public static final String DUMP_DIR_PROPERTY = "ember.codegen.dumpDir";
  public static final String CACHE_SIZE_PROPERTY = "ember.codegen.cacheSize";

  private static final int CACHE_SIZE = Integer.getInteger(CACHE_SIZE_PROPERTY, 1000);
  private static final AtomicLong COMPILATIONS = new AtomicLong();
  private static final AtomicLong CACHE_HITS = new AtomicLong();
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  private static final Map<Key, CompletableFuture<Class<?>>> CACHE =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Class<?>>> e) {
          return size() > CACHE_SIZE;
        }
      };

  private record Key(ClassLoader parent, String normalizedSource) {}

  /** Bytecode size of the largest method of each compiled class (weakly held). */
  private static final Map<Class<?>, Integer> LARGEST_METHOD =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private ClassCompiler() {}

  /**
   * The class {@code simpleClassName} declared by {@code source} (a compilation unit, with or
   * without a package), compiled with the caller's class loader as parent, or a cached class of
   * the same shape. A compile error throws an IllegalStateException holding Janino's message and
   * the source with line numbers.
   */
  public static Class<?> compile(String simpleClassName, String source) {
    ClassLoader parent = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .getCallerClass().getClassLoader();
    return compile(simpleClassName, source, parent);
  }

  /** As {@link #compile(String, String)} with an explicit parent class loader. */
  public static Class<?> compile(String simpleClassName, String source, ClassLoader parent) {
    dump(simpleClassName, source);
    Key key = new Key(parent, normalize(simpleClassName, source));
    CompletableFuture<Class<?>> mine = new CompletableFuture<>();
    CompletableFuture<Class<?>> existing;
    synchronized (CACHE) {
      existing = CACHE.get(key);
      if (existing == null) CACHE.put(key, mine);
    }
    if (existing != null) {
      CACHE_HITS.incrementAndGet();
      return join(existing);
    }
    try {
      Class<?> c = doCompile(simpleClassName, source, parent);
      mine.complete(c);
      return c;
    } catch (RuntimeException | Error e) {
      synchronized (CACHE) {
        CACHE.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static Class<?> join(CompletableFuture<Class<?>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a compilation", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    }
  }

  private static Class<?> doCompile(String simpleClassName, String source, ClassLoader parent) {
    COMPILATIONS.incrementAndGet();
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(parent);
    try {
      compiler.cook(source);
    } catch (CompileException e) {
      throw new IllegalStateException("generated code does not compile: " + e.getMessage() + "\n"
          + withLineNumbers(source), e);
    }
    Matcher m = PACKAGE.matcher(source);
    String name = m.find() ? m.group(1) + "." + simpleClassName : simpleClassName;
    try {
      Class<?> c = compiler.getClassLoader().loadClass(name);
      LARGEST_METHOD.put(c, largestMethod(compiler));
      return c;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("generated source does not declare class " + name + "\n"
          + withLineNumbers(source), e);
    }
  }

  private static int largestMethod(SimpleCompiler compiler) {
    int max = 0;
    for (ClassFile cf : compiler.getClassFiles()) {
      for (ClassFile.MethodInfo m : cf.methodInfos) {
        for (ClassFile.AttributeInfo a : m.getAttributes()) {
          if (a instanceof ClassFile.CodeAttribute code) max = Math.max(max, code.code.length);
        }
      }
    }
    return max;
  }

  /**
   * Bytecode bytes of the largest method of a class this compiler produced (-1 if unknown): the
   * JIT does not compile methods above 8,000 bytes, so generators keep their methods well below.
   */
  public static int largestMethodBytecode(Class<?> compiled) {
    Integer n = LARGEST_METHOD.get(compiled);
    return n == null ? -1 : n;
  }

  /** Number of actual compilations since start (cache misses). */
  public static long compilations() { return COMPILATIONS.get(); }

  /** Number of requests answered from the cache since start. */
  public static long cacheHits() { return CACHE_HITS.get(); }

  /** Drops every cached class (tests; memory pressure). */
  public static void clearCache() {
    synchronized (CACHE) {
      CACHE.clear();
    }
  }

  /** The source with 1-based line numbers, for error messages and logs. */
  public static String withLineNumbers(String source) {
    String[] lines = source.split("\n", -1);
    int width = Integer.toString(lines.length).length();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String n = Integer.toString(i + 1);
      sb.append(" ".repeat(width - n.length())).append(n).append(": ").append(lines[i]).append('\n');
    }
    return sb.toString();
  }

  /** The cache key: comments removed, whitespace runs collapsed, the class name made generic. */
  static String normalize(String simpleClassName, String source) {
    String stripped = SourceText.stripComments(source);
    return stripped.replaceAll("\\b" + Pattern.quote(simpleClassName) + "\\b", "GeneratedClass")
        .replaceAll("[ \\t]+", " ");
  }

  private static void dump(String simpleClassName, String source) {
    String dir = System.getProperty(DUMP_DIR_PROPERTY);
    if (dir == null || dir.isEmpty()) return;
    try {
      Path d = Path.of(dir);
      Files.createDirectories(d);
      Files.writeString(d.resolve(simpleClassName + ".java"), source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write generated source to " + dir, e);
    }
  }
}
