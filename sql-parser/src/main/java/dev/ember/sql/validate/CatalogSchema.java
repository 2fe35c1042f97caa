package dev.ember.sql.validate;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.catalog.Catalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.SchemaVersion;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.IgnoreCaseLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * One schema level of an Ember {@link Catalog} as a Calcite {@link Schema}. Nothing is listed
 * up front: tables and sub-schemas are looked up in the catalog when the validator asks for
 * them (case-insensitively, as the catalog does), so a large catalog costs nothing per query.
 */
public final class CatalogSchema implements Schema {
  private final Catalog catalog;
  private final List<String> path;

  public CatalogSchema(Catalog catalog, List<String> path) {
    this.catalog = requireNonNull(catalog);
    this.path = List.copyOf(path);
  }

  /** The root level: tables such as {@code t} and schemas such as {@code tpch}. */
  public static CatalogSchema root(Catalog catalog) { return new CatalogSchema(catalog, List.of()); }

  private List<String> child(String name) {
    List<String> p = new ArrayList<>(path);
    p.add(name);
    return p;
  }

  @Override public Lookup<Table> tables() {
    return new IgnoreCaseLookup<>() {
      @Override public Table get(String name) { return getTable(name); }

      @Override public Set<String> getNames(LikePattern pattern) { return matching(getTableNames(), pattern); }
    };
  }

  @Override public Lookup<? extends Schema> subSchemas() {
    return new IgnoreCaseLookup<Schema>() {
      @Override public Schema get(String name) { return getSubSchema(name); }

      @Override public Set<String> getNames(LikePattern pattern) { return matching(getSubSchemaNames(), pattern); }

      /** Also schemas a catalog has without listing them ({@code tpch.sf0_1}: any scale can be named). */
      @Override public org.apache.calcite.schema.lookup.Named<Schema> getIgnoreCase(String name) {
        org.apache.calcite.schema.lookup.Named<Schema> listed = super.getIgnoreCase(name);
        if (listed != null) return listed;
        Schema s = getSubSchema(name);
        return s == null ? null : new org.apache.calcite.schema.lookup.Named<>(name, s);
      }
    };
  }

  private static Set<String> matching(Set<String> names, LikePattern pattern) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) if (pattern.matcher().apply(n)) out.add(n);
    return out;
  }

  @Override public Table getTable(String name) {
    return catalog.table(child(name)).map(CatalogTable::new).orElse(null);
  }

  @Override public Set<String> getTableNames() { return new LinkedHashSet<>(catalog.tableNames(path)); }

  @Override public Schema getSubSchema(String name) {
    for (String s : catalog.schemaNames(path)) {
      if (s.equalsIgnoreCase(name)) return new CatalogSchema(catalog, child(s));
    }
    // Not listed, but with tables: a schema the catalog generates on demand (tpch.sf0_1, tpcds.sf3).
    return catalog.tableNames(child(name)).isEmpty() ? null : new CatalogSchema(catalog, child(name));
  }

  @Override public Set<String> getSubSchemaNames() { return new LinkedHashSet<>(catalog.schemaNames(path)); }

  @Override public RelProtoDataType getType(String name) { return null; }

  @Override public Set<String> getTypeNames() { return Set.of(); }

  @Override public Collection<Function> getFunctions(String name) { return List.of(); }

  @Override public Set<String> getFunctionNames() { return Set.of(); }

  @Override public Expression getExpression(SchemaPlus parentSchema, String name) {
    throw new UnsupportedOperationException("Ember schemas are not compiled by Calcite");
  }

  @Override public boolean isMutable() { return false; }

  @Override public Schema snapshot(SchemaVersion version) { return this; }
}
