package dev.ember.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliArgsTest {
  @Test void defaults() {
    CliArgs a = CliArgs.parse(new String[0]);
    assertEquals("local[*]", a.master());
    assertEquals(OutputFormat.TABLE, a.format());
    assertEquals(Map.of(), a.conf());
    assertTrue(a.interactiveOrStdin());
    assertNull(a.command());
  }

  @Test void readsEveryOptionInBothSpellings() {
    CliArgs a = CliArgs.parse(new String[] {
        "--master", "local[2]", "--conf", "a.b=1", "--conf=c = x=y", "--format=CSV", "-e", "SELECT 1"});
    assertEquals("local[2]", a.master());
    assertEquals(Map.of("a.b", "1", "c", "x=y"), a.conf());
    assertEquals(List.of("a.b", "c"), List.copyOf(a.conf().keySet()));
    assertEquals(OutputFormat.CSV, a.format());
    assertEquals("SELECT 1", a.sql());

    CliArgs f = CliArgs.parse(new String[] {"--file=q.sql", "--master=local[1]", "--format", "json"});
    assertEquals("q.sql", f.file());
    assertEquals("local[1]", f.master());
    assertEquals(OutputFormat.JSON, f.format());
  }

  @Test void anSqlArgumentMayStartWithADash() {
    assertEquals("-- hi\nSELECT 1", CliArgs.parse(new String[] {"-e", "-- hi\nSELECT 1"}).sql());
  }

  @Test void aFirstPlainWordIsASubcommandWithItsOwnArguments() {
    CliArgs a = CliArgs.parse(new String[] {"server", "--port", "5433"});
    assertEquals("server", a.command());
    assertEquals(List.of("--port", "5433"), a.commandArgs());
  }

  @Test void rejectsBadUsageWithAReason() {
    assertUsage("unknown option '--bogus'", "--bogus");
    assertUsage("--master needs a value", "--master");
    assertUsage("--conf needs key=value, got 'novalue'", "--conf", "novalue");
    assertUsage("unknown format 'xml' (expected table, csv or json)", "--format", "xml");
    assertUsage("give only one of -e and -f, once", "-e", "SELECT 1", "-f", "x.sql");
    assertUsage("unexpected argument 'extra'", "-e", "SELECT 1", "extra");
    assertUsage("--help takes no value", "--help=yes");
  }

  private static void assertUsage(String message, String... args) {
    CliArgs.UsageException e = assertThrows(CliArgs.UsageException.class, () -> CliArgs.parse(args));
    assertEquals(message, e.getMessage());
  }
}
