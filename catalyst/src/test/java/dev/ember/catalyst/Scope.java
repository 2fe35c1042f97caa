package dev.ember.catalyst;

import dev.ember.catalyst.expr.AttributeRef;
import java.util.List;
import java.util.Map;

/**
 * The columns a DSL expression can see: a plan's output, each attribute optionally qualified
 * (by its scan's table name or an alias given with {@link PlanBuilder#as}).
 */
public record Scope(List<AttributeRef> attributes, Map<Long, String> qualifiers) {
  public Scope { attributes = List.copyOf(attributes); qualifiers = Map.copyOf(qualifiers); }

  /** The attribute named {@code name} or {@code qualifier.name}; fails if absent or ambiguous. */
  public AttributeRef resolve(String name) {
    int dot = name.lastIndexOf('.');
    String qualifier = dot < 0 ? null : name.substring(0, dot);
    String column = dot < 0 ? name : name.substring(dot + 1);
    AttributeRef found = null;
    for (AttributeRef a : attributes) {
      if (!a.name().equalsIgnoreCase(column)) continue;
      if (qualifier != null && !qualifier.equalsIgnoreCase(qualifiers.get(a.id()))) continue;
      if (found != null && found.id() != a.id()) {
        throw new IllegalArgumentException("ambiguous column " + name + " in " + describe());
      }
      found = a;
    }
    if (found == null) throw new IllegalArgumentException("no column " + name + " in " + describe());
    return found;
  }

  private String describe() {
    return attributes.stream().map(a -> qualifiers.getOrDefault(a.id(), "?") + "." + a.name()).toList().toString();
  }
}
