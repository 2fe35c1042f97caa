package dev.ember.codegen.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.BoundRef;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.Literal;
import dev.ember.catalyst.expr.eval.QueryClock;
import dev.ember.catalyst.types.DataType;
import dev.ember.codegen.expr.RowExpression;
import dev.ember.codegen.expr.RowExpressionCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCompilerTest {
  private static Expr plusLiteral(long v) {
    return new BinaryOp(BinaryOp.Op.ADD, new BoundRef(0, DataType.BIGINT, true), Literal.ofLong(v), DataType.BIGINT);
  }

  @Test void sameShapeWithOtherLiteralsIsCompiledOnce() {
    QueryClock clock = QueryClock.now();
    RowExpression first = RowExpressionCompiler.compile(plusLiteral(1), clock);
    long compilations = ClassCompiler.compilations(), hits = ClassCompiler.cacheHits();
    RowExpression second = RowExpressionCompiler.compile(plusLiteral(41), clock);
    assertEquals(compilations, ClassCompiler.compilations(), "no new compilation");
    assertEquals(hits + 1, ClassCompiler.cacheHits());
    assertSame(first.getClass(), second.getClass());
    assertNotSame(first, second);
    assertEquals(2L, first.eval(new Object[] {1L}));
    assertEquals(42L, second.eval(new Object[] {1L}));
  }

  @Test void classNameAndCommentsDoNotMatter() {
    String a = "// made for query 1\npublic class Foo1 { public int f() { return 1; /* one */ } }";
    String b = "// made for query 2\npublic class Foo2 { public int f() { return 1; /* uno */ } }";
    Class<?> ca = ClassCompiler.compile("Foo1", a);
    long compilations = ClassCompiler.compilations();
    Class<?> cb = ClassCompiler.compile("Foo2", b);
    assertSame(ca, cb);
    assertEquals(compilations, ClassCompiler.compilations());
    String c = "public class Foo3 { public int f() { return 2; } }";
    assertNotSame(ca, ClassCompiler.compile("Foo3", c));
  }

  @Test void stringLiteralsAreNotMistakenForComments() {
    String a = "public class S1 { public String f() { return \"// not a comment\"; } }";
    String b = "public class S2 { public String f() { return \"\"; } }";
    assertNotSame(ClassCompiler.compile("S1", a), ClassCompiler.compile("S2", b));
  }

  @Test void packagesAreHonoured() throws Exception {
    Class<?> c = ClassCompiler.compile("P", "package gen.test;\npublic class P { public int f() { return 7; } }");
    assertEquals("gen.test.P", c.getName());
  }

  @Test void compileErrorsShowTheMessageAndNumberedSource() {
    String src = "public class Broken {\n  public int f() {\n    return undefinedVariable;\n  }\n}\n";
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClassCompiler.compile("Broken", src));
    assertTrue(e.getMessage().contains("undefinedVariable"), e.getMessage());
    assertTrue(e.getMessage().contains("3:     return undefinedVariable;"), e.getMessage());
    assertTrue(e.getMessage().contains("Line 3"), e.getMessage());
    // A failed compilation is not cached: the next attempt compiles (and fails) again.
    long before = ClassCompiler.compilations();
    assertThrows(IllegalStateException.class, () -> ClassCompiler.compile("Broken", src));
    assertEquals(before + 1, ClassCompiler.compilations());
  }

  @Test void concurrentRequestsForOneShapeCompileOnce() throws Exception {
    String src = "public class Concurrent { public long f() { return 123456789L; } }";
    long before = ClassCompiler.compilations();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Class<?>>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) tasks.add(() -> ClassCompiler.compile("Concurrent", src));
      Class<?> first = null;
      for (Future<Class<?>> f : pool.invokeAll(tasks)) {
        if (first == null) first = f.get();
        assertSame(first, f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(before + 1, ClassCompiler.compilations());
  }

  @Test void dumpDirReceivesEverySource(@TempDir Path dir) throws Exception {
    System.setProperty(ClassCompiler.DUMP_DIR_PROPERTY, dir.toString());
    try {
      ClassCompiler.compile("Dumped", "public class Dumped { }");
    } finally {
      System.clearProperty(ClassCompiler.DUMP_DIR_PROPERTY);
    }
    assertEquals("public class Dumped { }", Files.readString(dir.resolve("Dumped.java")));
  }

  @Test void lineNumbersAreAligned() {
    String numbered = ClassCompiler.withLineNumbers(String.join("\n", java.util.Collections.nCopies(10, "x")));
    assertTrue(numbered.startsWith(" 1: x\n"), numbered);
    assertTrue(numbered.contains("10: x\n"), numbered);
  }
}
