package dev.ember.datasources.catalog;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.Table;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.stats.Statistics;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.DataSourceTable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Table definitions that survive restarts: one small properties file per table under {@code dir}
 * (created on demand), named after the table's lower-cased name. Writes go to a temporary file
 * first and are then moved into place, so a crash never leaves a half-written definition and two
 * concurrent CREATEs of one name cannot both succeed. Names ignore case.
 *
 * <p>Also a catalyst {@link Catalog} with every table at its root.
 */
public final class PersistentCatalog implements Catalog {
  private static final String SUFFIX = ".table.properties";
  private static final String STATS_SUFFIX = ".stats.properties";

  private final Path dir;

  public PersistentCatalog(Path dir) { this.dir = dir; }

  public Path directory() { return dir; }

  /**
   * Stores a new table after checking that it opens (so a wrong path or format fails now, not at
   * the first query). Returns false when the table exists and {@code ifNotExists}; otherwise an
   * existing table is a DUPLICATE_TABLE error.
   */
  public boolean create(TableDefinition def, boolean ifNotExists) {
    Path target = file(def.name());
    if (Files.exists(target)) return exists(def.name(), ifNotExists);
    open(def);
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".creating-", ".tmp");
      try {
        try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
          toProperties(def).store(w, "Ember table " + def.name());
        }
        // Without REPLACE_EXISTING the move fails if another create won the race.
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return exists(def.name(), ifNotExists);
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR,
          "cannot store table " + def.name() + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(String name, boolean ifNotExists) {
    if (ifNotExists) return false;
    throw new EmberException(EmberException.DUPLICATE_TABLE, "table " + name + " already exists");
  }

  /** Forgets a table (its data stays). Returns false when absent and {@code ifExists}. */
  public boolean drop(String name, boolean ifExists) {
    try {
      Files.deleteIfExists(statsFile(name));
      Files.delete(file(name));
      return true;
    } catch (NoSuchFileException e) {
      if (ifExists) return false;
      throw new EmberException(EmberException.UNDEFINED_TABLE, "table " + name + " does not exist");
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot drop table " + name + ": " + e.getMessage(), e);
    }
  }

  /** Every stored definition, by name. */
  public List<TableDefinition> list() {
    if (!Files.isDirectory(dir)) return List.of();
    List<TableDefinition> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) read(f).ifPresent(out::add);
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot list tables in " + dir + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(d -> d.name().toLowerCase(Locale.ROOT)));
    return out;
  }

  /** The stored definition of {@code name}. */
  public Optional<TableDefinition> definition(String name) {
    return read(file(name));
  }

  /**
   * The table {@code name}, opened afresh (so files added since are seen), with the statistics
   * {@code ANALYZE TABLE} stored for it, if any.
   */
  public Optional<DataSourceTable> get(String name) {
    Optional<DataSourceTable> table = definition(name).map(PersistentCatalog::open);
    if (table.isEmpty()) return table;
    Optional<Statistics> stats = storedStatistics(name, table.get().schema());
    return stats.isPresent() ? Optional.of(AnalyzedTable.of(table.get(), stats.get())) : table;
  }

  /** Stores analyzed statistics with table {@code name} (replacing earlier ones); they survive restarts. */
  public void putStatistics(String name, Statistics stats) {
    if (definition(name).isEmpty()) {
      throw new EmberException(EmberException.UNDEFINED_TABLE, "table " + name + " does not exist");
    }
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".analyzing-", ".tmp");
      try {
        try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
          StatisticsFile.write(stats).store(w, "Ember statistics of " + name);
        }
        Files.move(temp, statsFile(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot store statistics of " + name + ": " + e.getMessage(), e);
    }
  }

  private Optional<Statistics> storedStatistics(String name, Schema schema) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(statsFile(name), StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot read statistics of " + name + ": " + e.getMessage(), e);
    }
    try {
      return Optional.of(StatisticsFile.read(p, schema));
    } catch (RuntimeException e) {
      throw new EmberException(EmberException.IO_ERROR, "statistics of " + name + " are damaged: " + e.getMessage(), e);
    }
  }

  private Path statsFile(String name) {
    return dir.resolve(URLEncoder.encode(name.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8) + STATS_SUFFIX);
  }

  private static DataSourceTable open(TableDefinition d) {
    return DataSources.open(d.provider(), d.name(), d.options(), d.location(), d.columns());
  }

  @Override public Optional<Table> table(List<String> path) {
    return path.size() == 1 ? get(path.get(0)).map(t -> t) : Optional.empty();
  }

  @Override public List<String> schemaNames(List<String> schemaPath) { return List.of(); }

  @Override public List<String> tableNames(List<String> schemaPath) {
    return schemaPath.isEmpty() ? list().stream().map(TableDefinition::name).toList() : List.of();
  }

  private Path file(String name) {
    return dir.resolve(URLEncoder.encode(name.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8) + SUFFIX);
  }

  private static Properties toProperties(TableDefinition d) {
    Properties p = new Properties();
    p.setProperty("name", d.name());
    p.setProperty("provider", d.provider());
    p.setProperty("location", d.location());
    for (Map.Entry<String, String> o : d.options().entrySet()) p.setProperty("option." + o.getKey(), o.getValue());
    if (d.columns() != null) {
      p.setProperty("columns", Integer.toString(d.columns().size()));
      for (int i = 0; i < d.columns().size(); i++) {
        Field f = d.columns().field(i);
        p.setProperty("column." + i + ".name", f.name());
        p.setProperty("column." + i + ".type", f.type().sql());
        p.setProperty("column." + i + ".nullable", Boolean.toString(f.nullable()));
      }
    }
    return p;
  }

  private static Optional<TableDefinition> read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot read table definition " + file + ": " + e.getMessage(), e);
    }
    try {
      Map<String, String> options = new TreeMap<>();
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("option.")) options.put(key.substring("option.".length()), p.getProperty(key));
      }
      Schema columns = null;
      if (p.getProperty("columns") != null) {
        List<Field> fields = new ArrayList<>();
        int n = Integer.parseInt(p.getProperty("columns"));
        for (int i = 0; i < n; i++) {
          fields.add(new Field(required(p, "column." + i + ".name"), TypeNames.parse(required(p, "column." + i + ".type")),
              Boolean.parseBoolean(required(p, "column." + i + ".nullable"))));
        }
        columns = new Schema(fields);
      }
      return Optional.of(new TableDefinition(required(p, "name"), required(p, "provider"), required(p, "location"),
          options, columns));
    } catch (RuntimeException e) {
      throw new EmberException(EmberException.IO_ERROR, "table definition " + file + " is damaged: " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) throw new IllegalArgumentException("missing " + key);
    return v;
  }
}
