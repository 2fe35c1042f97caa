package dev.ember.api;

import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.catalog.ViewTable;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.TypeId;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.catalog.DataSources;
import dev.ember.datasources.catalog.PersistentCatalog;
import dev.ember.datasources.catalog.TableDefinition;
import dev.ember.sql.CreateTable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The persistent catalog of the session: tables (kept by the data sources' catalog) and views
 * (their SQL and schema, one properties file each under {@code views/}), both surviving restarts.
 */
final class Catalogs {
  private final PersistentCatalog tables;
  private final Path viewDir;

  Catalogs(String dir) {
    Path root = Path.of(dir);
    this.tables = new PersistentCatalog(root);
    this.viewDir = root.resolve("views");
  }

  /** A table over files of {@code provider}, from a temporary view's options. */
  static DataSourceTable open(String provider, String name, Map<String, String> options, String location, Schema schema) {
    String path = location != null ? location : options.get("path");
    Map<String, String> rest = new java.util.HashMap<>(options);
    rest.remove("path");
    return DataSources.open(provider, name, rest, path, schema);
  }

  Optional<Table> table(String name) {
    Optional<Table> view = view(name);
    if (view.isPresent()) return view;
    return tables.get(name).map(t -> t);
  }

  List<String> names() {
    List<String> out = new ArrayList<>();
    for (TableDefinition d : tables.list()) out.add(d.name());
    if (Files.isDirectory(viewDir)) {
      try (Stream<Path> files = Files.list(viewDir)) {
        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".view"))
            .forEach(n -> out.add(n.substring(0, n.length() - ".view".length())));
      } catch (IOException e) {
        throw new EmberException(EmberException.IO_ERROR, "cannot list views in " + viewDir + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  void createTable(CreateTable t) {
    if (t.name().size() != 1) throw EmberException.notSupported("qualified table names (" + String.join(".", t.name()) + ")");
    String name = t.name().get(0);
    if (view(name).isPresent()) throw new EmberException(EmberException.DUPLICATE_TABLE, "View '" + name + "' already exists");
    Map<String, String> options = new java.util.HashMap<>(t.options());
    String location = t.location() != null ? t.location() : options.remove("path");
    if (location == null) throw new EmberException(EmberException.SYNTAX_ERROR, "CREATE TABLE " + name + " needs a LOCATION");
    Schema columns = t.columns().isEmpty() ? null : new Schema(t.columns());
    tables.create(new TableDefinition(name, t.provider(), location, options, columns), t.ifNotExists());
  }

  /** Stores ANALYZE TABLE's statistics with persistent table {@code name}. */
  void putStatistics(String name, dev.ember.catalyst.stats.Statistics stats) { tables.putStatistics(name, stats); }

  void createView(String name, String sql, Schema schema, boolean orReplace) {
    Path file = viewFile(name);
    if (!orReplace && (Files.exists(file) || tables.definition(name).isPresent())) {
      throw new EmberException(EmberException.DUPLICATE_TABLE, "Table or view '" + name + "' already exists");
    }
    Properties p = new Properties();
    p.setProperty("name", name);
    p.setProperty("sql", sql);
    List<Field> fields = schema.fields();
    p.setProperty("columns", Integer.toString(fields.size()));
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      p.setProperty("column." + i, f.name() + "\t" + f.type().id() + "\t" + f.type().precision() + "\t"
          + f.type().scale() + "\t" + f.nullable());
    }
    try {
      Files.createDirectories(viewDir);
      Path temp = Files.createTempFile(viewDir, ".creating-", ".tmp");
      try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        p.store(w, "Ember view " + name);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot save view " + name + ": " + e.getMessage(), e);
    }
  }

  /** Drops a persistent view or table; false when there is none of that name. */
  boolean drop(String name) {
    try {
      if (Files.deleteIfExists(viewFile(name))) return true;
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot drop view " + name + ": " + e.getMessage(), e);
    }
    return tables.drop(name, true);
  }

  private Optional<Table> view(String name) {
    Path file = viewFile(name);
    if (!Files.exists(file)) return Optional.empty();
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot read view " + name + ": " + e.getMessage(), e);
    }
    List<Field> fields = new ArrayList<>();
    int n = Integer.parseInt(p.getProperty("columns"));
    for (int i = 0; i < n; i++) {
      String[] parts = p.getProperty("column." + i).split("\t");
      DataType t = new DataType(TypeId.valueOf(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
      fields.add(new Field(parts[0], t, Boolean.parseBoolean(parts[4])));
    }
    return Optional.of(new ViewTable(p.getProperty("name"), p.getProperty("sql"), new Schema(fields)));
  }

  private Path viewFile(String name) { return viewDir.resolve(name.toLowerCase(Locale.ROOT) + ".view"); }
}
