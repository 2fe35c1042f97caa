package dev.ember.bench.jmh;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.codegen.pipeline.PipelineSpec.Column;
import dev.ember.datasources.arrow.ArrowTypes;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The input batch of the kernel benchmarks, lineitem-like: {@code k BIGINT} (keys in 0..keys),
 * {@code price DECIMAL(15,2)}, {@code discount DECIMAL(15,2)} (0.00–0.10), {@code tax
 * DECIMAL(15,2)}, {@code flag VARCHAR} (one of a few short strings), {@code x DOUBLE}; no NULLs
 * but declared nullable like Parquet columns.
 */
final class KernelData {
  static final DataType DEC = DataType.decimal(15, 2);
  static final List<Column> COLUMNS = List.of(new Column(DataType.BIGINT, true), new Column(DEC, true),
      new Column(DEC, true), new Column(DEC, true), new Column(DataType.VARCHAR, true), new Column(DataType.DOUBLE, true));
  static final String[] FLAGS = {"A|F", "N|F", "N|O", "R|F", "A|O", "N|X"};

  private KernelData() {}

  static Schema schema(List<Column> columns) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) fields.add(new Field("c" + i, columns.get(i).type(), columns.get(i).nullable()));
    return new Schema(fields);
  }

  /** {@code rows} rows with keys drawn from {@code keys} distinct values. */
  static VectorSchemaRoot batch(BufferAllocator allocator, int rows, int keys, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    VectorSchemaRoot root = ArrowTypes.createRoot(schema(COLUMNS), allocator);
    Utf8String[] flags = new Utf8String[FLAGS.length];
    for (int i = 0; i < flags.length; i++) flags[i] = Utf8String.of(FLAGS[i]);
    for (int i = 0; i < rows; i++) {
      ArrowValues.set(root.getVector(0), i, DataType.BIGINT, (long) r.nextInt(keys));
      ArrowValues.set(root.getVector(1), i, DEC, 90_000L + r.nextInt(10_000_000));
      ArrowValues.set(root.getVector(2), i, DEC, (long) r.nextInt(11));
      ArrowValues.set(root.getVector(3), i, DEC, (long) r.nextInt(9));
      ArrowValues.set(root.getVector(4), i, DataType.VARCHAR, flags[r.nextInt(flags.length)]);
      ArrowValues.set(root.getVector(5), i, DataType.DOUBLE, r.nextDouble() * 1000);
    }
    for (int c = 0; c < COLUMNS.size(); c++) root.getVector(c).setValueCount(rows);
    root.setRowCount(rows);
    return root;
  }
}
