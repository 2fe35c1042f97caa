package dev.ember.it.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.execution.memory.MemoryManager;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example, taken from the README itself, compiles against the built modules and
 * runs: it prints the plans, the revenue table and one line per return flag.
 */
class ReadmeExampleTest {
  private static final Pattern EXAMPLE = Pattern.compile("<!-- readme-java-example[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test void readmeJavaExampleCompilesAndRuns() throws Exception {
    Path readme = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("README.md");
    Matcher m = EXAMPLE.matcher(Files.readString(readme));
    assertTrue(m.find(), "the README has the marked Java example");
    Path source = dir.resolve("Example.java");
    Files.writeString(source, m.group(1));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests run on a JDK");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, null, errors, "-classpath", classpath(), "-d", dir.toString(), source.toString());
    assertEquals(0, rc, "the README example compiles:\n" + errors.toString(StandardCharsets.UTF_8));

    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass("Example").getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("== Physical Plan =="), text);
    assertTrue(text.contains("|l_returnflag|"), text);
    List<String> perFlag = text.lines().filter(l -> l.matches("[ANR]: \\d+\\.\\d+ over \\d+ lines")).toList();
    assertEquals(3, perFlag.size(), text);
    assertTrue(text.contains("|total|"), text);
    assertEquals(0, MemoryManager.allocatedBytes());
  }

  /** The test's class path, expanded from surefire's manifest-only jar if it uses one. */
  private static String classpath() throws Exception {
    String cp = System.getProperty("java.class.path");
    StringBuilder sb = new StringBuilder(cp);
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) continue;
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
        java.util.jar.Manifest mf = jar.getManifest();
        String extra = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
        if (extra == null) continue;
        for (String u : extra.split(" ")) {
          if (!u.isBlank()) sb.append(File.pathSeparator).append(Paths.get(new URL(new URL("file:" + entry), u).toURI()));
        }
      }
    }
    return sb.toString();
  }
}
