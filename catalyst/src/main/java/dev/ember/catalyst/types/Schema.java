package dev.ember.catalyst.types;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An ordered list of fields: the shape of a table or of a query's result. */
public record Schema(List<Field> fields) implements java.io.Serializable {
  public Schema { fields = List.copyOf(fields); }

  public static Schema of(Field... fields) { return new Schema(List.of(fields)); }

  public int size() { return fields.size(); }

  public Field field(int i) { return fields.get(i); }

  /** Position of the field with this name (case-insensitive), or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equalsIgnoreCase(name)) return i;
    }
    return -1;
  }

  public List<String> names() { return fields.stream().map(Field::name).toList(); }

  @Override public String toString() {
    return fields.stream()
        .map(f -> f.name() + " " + f.type().sql() + (f.nullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(", ", "(", ")")).toLowerCase(Locale.ROOT);
  }
}
