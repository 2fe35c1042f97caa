package dev.ember.datasources.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.TypeId;
import dev.ember.datasources.DataSourceTable;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentCatalogTest {
  @TempDir Path tmp;
  private Path catalogDir;
  private Path parquet;
  private Path csv;
  private BufferAllocator allocator;

  @BeforeEach void setUp() throws IOException {
    allocator = new RootAllocator();
    catalogDir = tmp.resolve("catalog/nested");
    parquet = tmp.resolve("data.parquet");
    csv = tmp.resolve("data.csv");
    try (DuckDb duck = new DuckDb()) {
      duck.execute("COPY (SELECT i AS id, i * 2 AS twice FROM range(100) r(i)) TO '" + parquet + "' (FORMAT parquet)");
    }
    Files.writeString(csv, "k|v\n1|one\n2|two\n");
  }

  @AfterEach void checkNoLeak() { allocator.close(); }

  @Test void definitionsSurviveReopening() {
    PersistentCatalog first = new PersistentCatalog(catalogDir);
    assertEquals(List.of(), first.list());
    Schema declared = Schema.of(new Field("k", DataType.BIGINT, false), new Field("v", DataType.VARCHAR, true));
    assertTrue(first.create(new TableDefinition("Numbers", "PARQUET", parquet.toString(), Map.of(), null), false));
    assertTrue(first.create(new TableDefinition("words", "csv", csv.toString(),
        Map.of("header", "true", "sep", "|"), declared), false));

    PersistentCatalog reopened = new PersistentCatalog(catalogDir);
    assertEquals(List.of("Numbers", "words"), reopened.list().stream().map(TableDefinition::name).toList());
    TableDefinition words = reopened.definition("WORDS").orElseThrow();
    assertEquals(Map.of("header", "true", "sep", "|"), words.options());
    assertEquals(declared, words.columns());

    DataSourceTable numbers = reopened.get("numbers").orElseThrow();
    assertEquals(100L, numbers.statistics().rowCount().getAsLong());
    assertEquals(List.of(7L, 14L), Batches.readAll(numbers, List.of("id", "twice"), allocator, 1, 4096).get(7));
    DataSourceTable w = reopened.get("words").orElseThrow();
    assertEquals(List.of(List.of(1L, "one"), List.of(2L, "two")), Batches.readAll(w, List.of("k", "v"), allocator, 1, 10));
    assertTrue(reopened.table(List.of("Words")).isPresent());
    assertEquals(List.of("Numbers", "words"), reopened.tableNames(List.of()));
  }

  @Test void duplicatesAndMissingTables() {
    PersistentCatalog c = new PersistentCatalog(catalogDir);
    TableDefinition def = new TableDefinition("t", "parquet", parquet.toString(), Map.of(), null);
    assertTrue(c.create(def, false));
    EmberException dup = assertThrows(EmberException.class, () -> c.create(def, false));
    assertEquals(EmberException.DUPLICATE_TABLE, dup.sqlState());
    assertFalse(c.create(new TableDefinition("T", "csv", csv.toString(), Map.of(), null), true));
    assertEquals("parquet", c.definition("t").orElseThrow().provider(), "IF NOT EXISTS keeps the old table");

    assertTrue(c.drop("T", false));
    assertTrue(new PersistentCatalog(catalogDir).get("t").isEmpty());
    assertFalse(c.drop("t", true));
    assertEquals(EmberException.UNDEFINED_TABLE, assertThrows(EmberException.class, () -> c.drop("t", false)).sqlState());
    assertTrue(Files.exists(parquet), "dropping forgets the table, not its data");
  }

  @Test void badDefinitionsAreRejectedBeforeAnythingIsStored() throws IOException {
    PersistentCatalog c = new PersistentCatalog(catalogDir);
    EmberException provider = assertThrows(EmberException.class,
        () -> c.create(new TableDefinition("t", "orc", parquet.toString(), Map.of(), null), false));
    assertEquals(EmberException.FEATURE_NOT_SUPPORTED, provider.sqlState());
    EmberException path = assertThrows(EmberException.class,
        () -> c.create(new TableDefinition("t", "parquet", tmp.resolve("nope").toString(), Map.of(), null), false));
    assertEquals(EmberException.IO_ERROR, path.sqlState());
    assertEquals(List.of(), c.list());
    assertTrue(c.create(new TableDefinition("ok", "csv", csv.toString(), Map.of(), null), false));
    try (Stream<Path> files = Files.list(catalogDir)) {
      assertEquals(List.of("ok.table.properties"), files.map(p -> p.getFileName().toString()).toList(),
          "one file per table, no temporary files left");
    }
  }

  @Test void damagedDefinitionIsAnIoErrorNamingTheFile() throws IOException {
    PersistentCatalog c = new PersistentCatalog(catalogDir);
    c.create(new TableDefinition("t", "csv", csv.toString(), Map.of(), null), false);
    Path file = catalogDir.resolve("t.table.properties");
    Files.writeString(file, "provider=csv\n");
    EmberException e = assertThrows(EmberException.class, () -> c.get("t"));
    assertEquals(EmberException.IO_ERROR, e.sqlState());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test void everyTypeSpellingReadsBack() {
    for (TypeId id : TypeId.values()) {
      DataType t = id == TypeId.DECIMAL ? DataType.decimal(38, 10)
          : id == TypeId.ARRAY ? DataType.array(DataType.array(DataType.decimal(9, 2))) : new DataType(id, 0, 0);
      assertEquals(t, TypeNames.parse(t.sql()));
    }
    assertEquals(DataType.decimal(15, 2), TypeNames.parse("decimal(15, 2)"));
  }
}
