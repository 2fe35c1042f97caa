package dev.ember.datasources.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.testing.Batches;
import dev.ember.datasources.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The older list layouts other writers produced (two-level lists of parquet-avro, Spark's legacy
 * mode's {@code bag}/{@code array} and Hive's {@code bag}/{@code array_element} names, bare repeated fields of
 * protobuf/thrift writers, a required list of required elements), written with Parquet-MR's
 * example writer in small pages, must read as DuckDB reads them.
 */
class ParquetLegacyListTest {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message legacy {
        required int64 id;
        optional group two_level (LIST) { repeated int32 array; }
        optional group hive (LIST) { repeated group bag { optional binary array_element (UTF8); } }
        optional group spark_legacy (LIST) { repeated group bag { optional int64 array; } }
        repeated int64 bare;
        required group strict (LIST) { repeated group list { required double element; } }
        optional group nested (LIST) { repeated group list { optional group element (LIST) { repeated int32 item; } } }
      }
      """);
  private static final int ROWS = 3000;

  @TempDir static Path dir;
  private static DuckDb duck;
  private BufferAllocator allocator;

  @BeforeAll static void start() { duck = new DuckDb(); }

  @AfterAll static void stop() { duck.close(); }

  @BeforeEach void allocate() { allocator = new RootAllocator(); }

  @AfterEach void checkNoLeak() { allocator.close(); }

  @Test void legacyLayoutsReadAsDuckDbReadsThem() throws IOException {
    Path file = dir.resolve("legacy.parquet");
    write(file);
    assertTrue(dataPages(file, "two_level") > 10, "long lists over many small pages");
    ParquetTable table = ParquetTable.open("legacy", file.toString());
    assertEquals(new Schema(List.of(
        new Field("id", DataType.BIGINT, false),
        new Field("two_level", DataType.array(DataType.INT), true),
        new Field("hive", DataType.array(DataType.VARCHAR), true),
        new Field("spark_legacy", DataType.array(DataType.BIGINT), true),
        new Field("bare", DataType.array(DataType.BIGINT), false),
        new Field("strict", DataType.array(DataType.DOUBLE), false),
        new Field("nested", DataType.array(DataType.array(DataType.INT)), true))), table.schema());
    List<List<Object>> expected = duck.rows("SELECT id, two_level, hive, spark_legacy, bare, strict, nested FROM read_parquet('"
        + file + "') ORDER BY id");
    assertEquals(ROWS, expected.size());
    for (int batchSize : new int[] {4096, 97}) {
      List<List<Object>> actual = new ArrayList<>(Batches.readAll(table, table.schema().names(), allocator, 2, batchSize));
      actual.sort(Comparator.comparing(r -> (Long) r.get(0)));
      ParquetListReadTest.assertRows(expected, actual, "batches of " + batchSize);
    }
  }

  @Test void listsOfStructsAreRefusedByName() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(
        "message m { required int64 id; optional group pairs (LIST) { repeated group array { optional int32 a; } } }");
    Path file = dir.resolve("structs.parquet");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toString()))
        .withType(schema).build()) {
      w.write(new SimpleGroupFactory(schema).newGroup().append("id", 1L));
    }
    EmberException e = assertThrows(EmberException.class, () -> ParquetTable.open("t", file.toString()));
    assertTrue(e.getMessage().startsWith("not supported: ") && e.getMessage().contains("'pairs'")
        && e.getMessage().contains("structs"), e.getMessage());
  }

  /** Data pages of {@code column}'s chunks over all row groups. */
  private static int dataPages(Path file, String column) throws IOException {
    int pages = 0;
    try (ParquetFileReader reader = ParquetFiles.open(file.toString())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      for (ColumnDescriptor d : schema.getColumns()) {
        if (!d.getPath()[0].equals(column)) continue;
        reader.setRequestedSchema(schema);
        for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
          PageReader pageReader = group.getPageReader(d);
          while (pageReader.readPage() != null) pages++;
        }
      }
    }
    return pages;
  }

  /** Row i: lists NULL, empty, or of i % 6 elements, on different rows per column; every 500th row long. */
  private static void write(Path file) throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toString()))
        .withType(SCHEMA).withPageSize(2048).withDictionaryPageSize(1024).withRowGroupSize(64 * 1024L).build()) {
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup().append("id", (long) i);
        int n = i % 500 == 7 ? 1500 : i % 6;
        if (i % 5 != 0) {
          Group two = g.addGroup("two_level");
          for (int x = 0; x < n; x++) two.append("array", i * 7 + x);
        }
        if (i % 7 != 0) {
          Group hive = g.addGroup("hive");
          for (int x = 0; x < n % 4; x++) {
            Group bag = hive.addGroup("bag");
            if ((i + x) % 3 != 0) bag.append("array_element", "h" + ((i + x) % 10));
          }
        }
        if (i % 9 != 4) {
          Group legacy = g.addGroup("spark_legacy");
          for (int x = 0; x < (i + 2) % 3; x++) {
            Group bag = legacy.addGroup("bag");
            if (x != 1) bag.append("array", (long) i * 3 + x);
          }
        }
        for (int x = 0; x < (i + 1) % 4; x++) g.append("bare", (long) i * 1000 + x);
        Group strict = g.addGroup("strict");
        for (int x = 0; x < i % 3; x++) strict.addGroup("list").append("element", i / 4.0 + x);
        if (i % 11 != 0) {
          Group nested = g.addGroup("nested");
          for (int y = 0; y < i % 4; y++) {
            Group entry = nested.addGroup("list");
            if (y == 1) continue; // a NULL inner list
            Group inner = entry.addGroup("element");
            for (int z = 0; z < (i + y) % 3; z++) inner.append("item", i + y * 10 + z);
          }
        }
        w.write(g);
      }
    }
  }
}
