package dev.ember.api;

import dev.ember.api.ColumnNode.Bound;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.AttributeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns a transformation's expressions may name: the outputs of its inputs (one for most
 * transformations, two for a join), each column with the DataFrame aliases that qualify it.
 * Names match case-insensitively, as in SQL. Resolving is what makes analysis eager: an unknown
 * name fails here, listing the columns there are.
 */
final class Scope {
  /** PostgreSQL's SQLSTATE for an ambiguous column reference. */
  static final String AMBIGUOUS_COLUMN = "42702";

  private record Entry(AttributeRef attr, PlanInput input, String column, Set<String> qualifiers) {}

  private final List<Entry> entries = new ArrayList<>();

  Scope(List<PlanInput> inputs, Map<Long, Set<String>> qualifiers) {
    for (PlanInput in : inputs) {
      List<AttributeRef> out = in.plan().output();
      for (int i = 0; i < out.size(); i++) {
        AttributeRef a = out.get(i);
        entries.add(new Entry(a, in, in.columns().get(i), qualifiers.getOrDefault(a.id(), Set.of())));
      }
    }
  }

  /** The column called {@code name} ({@code x} or {@code t.x}). */
  AttributeRef resolve(String name) {
    List<Entry> found = matches(name);
    if (found.isEmpty()) {
      throw new EmberException(EmberException.UNDEFINED_COLUMN,
          "Column '" + name + "' does not exist. Available columns: " + available());
    }
    long id = found.get(0).attr().id();
    for (Entry e : found) {
      if (e.attr().id() != id) {
        throw new EmberException(AMBIGUOUS_COLUMN, "Column '" + name + "' is ambiguous: it could be any of "
            + found.stream().map(this::describe).collect(Collectors.joining(", "))
            + " (give the DataFrames aliases with df.alias(…) and qualify the name, or use df.col(…))");
      }
    }
    return found.get(0).attr();
  }

  /** The columns {@code *} or {@code t.*} stands for, in order. */
  List<AttributeRef> star(String qualifier) {
    List<AttributeRef> out = new ArrayList<>();
    for (Entry e : entries) {
      if (qualifier == null || e.qualifiers().contains(key(qualifier))) out.add(e.attr());
    }
    if (out.isEmpty()) {
      throw new EmberException(EmberException.UNDEFINED_COLUMN,
          "No columns match '" + qualifier + ".*'. Available columns: " + available());
    }
    return out;
  }

  /** The column a DataFrame handed out, if this scope still has it. */
  AttributeRef resolveBound(Bound b) {
    for (Entry e : entries) if (e.attr().id() == b.attr().id()) return e.attr();
    throw new EmberException(EmberException.UNDEFINED_COLUMN, "Column '" + b.name()
        + "' (taken from another DataFrame) is not an input of this one. Available columns: " + available());
  }

  /** The quoted SQL reference to a resolved column, e.g. {@code "__in0"."x"}. */
  String sqlOf(AttributeRef a) {
    for (Entry e : entries) {
      if (e.attr().id() == a.id()) return ColumnSql.ident(e.input().alias()) + "." + ColumnSql.ident(e.column());
    }
    throw new IllegalStateException("not in scope: " + a);
  }

  private List<Entry> matches(String name) {
    String k = key(name);
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) if (key(e.attr().name()).equals(k)) out.add(e);
    if (!out.isEmpty()) return out;
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String q = key(name.substring(0, dot));
      String n = key(name.substring(dot + 1));
      for (Entry e : entries) if (key(e.attr().name()).equals(n) && e.qualifiers().contains(q)) out.add(e);
    }
    return out;
  }

  private String describe(Entry e) {
    return e.qualifiers().isEmpty() ? e.attr().name() : e.qualifiers().iterator().next() + "." + e.attr().name();
  }

  private String available() {
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (Entry e : entries) names.put(describe(e), true);
    return "[" + String.join(", ", names.keySet()) + "]";
  }

  static String key(String s) { return s.toLowerCase(Locale.ROOT); }
}
