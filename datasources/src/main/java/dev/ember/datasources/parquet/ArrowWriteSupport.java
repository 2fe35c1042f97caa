package dev.ember.datasources.parquet;

import dev.ember.catalyst.types.Schema;
import java.util.HashMap;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet-MR's record-writing hook, fed from Arrow: a "record" is a row index into the columns
 * set with {@link #columns}, so no row objects are built; NULLs are fields left out.
 */
final class ArrowWriteSupport extends WriteSupport<Integer> {
  private final MessageType messageType;
  private final String[] names;
  private final ParquetValueWriters.ValueWriter[] writers;
  private RecordConsumer out;
  private List<FieldVector> columns;

  ArrowWriteSupport(Schema schema) {
    this.messageType = ParquetWriteSchemas.messageType(schema);
    this.names = schema.names().toArray(new String[0]);
    this.writers = new ParquetValueWriters.ValueWriter[schema.size()];
    for (int i = 0; i < writers.length; i++) writers[i] = ParquetValueWriters.forType(schema.field(i).type());
  }

  @Override public WriteContext init(Configuration configuration) {
    HashMap<String, String> meta = new HashMap<>();
    meta.put("writer.model.name", "ember");
    return new WriteContext(messageType, meta);
  }

  @Override public void prepareForWrite(RecordConsumer recordConsumer) { this.out = recordConsumer; }

  /** The vectors the next {@link #write} row indexes refer to. */
  void columns(List<FieldVector> columns) { this.columns = columns; }

  @Override public void write(Integer row) {
    int r = row;
    out.startMessage();
    for (int i = 0; i < writers.length; i++) {
      FieldVector v = columns.get(i);
      if (v.isNull(r)) continue;
      out.startField(names[i], i);
      writers[i].write(out, v, r);
      out.endField(names[i], i);
    }
    out.endMessage();
  }
}
