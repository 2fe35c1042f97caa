package dev.ember.server.pgwire;

import dev.ember.api.QueryResult;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.datasources.arrow.ArrowValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rows of an engine result, read batch by batch as the engine produces them: only the current
 * Arrow batch is held, so a result of any size streams through in bounded memory.
 */
final class EngineRows implements RowStream {
  private final QueryResult result;
  private final String commandTag;
  private final List<ResultColumn> columns = new ArrayList<>();
  private final DataType[] types;
  private VectorSchemaRoot batch;
  private FieldVector[] vectors;
  private int row;
  private boolean ended;

  EngineRows(QueryResult result, String commandTag) {
    this.result = result;
    this.commandTag = commandTag;
    for (Field f : result.schema().fields()) columns.add(ResultColumn.of(f));
    types = result.schema().fields().stream().map(Field::type).toArray(DataType[]::new);
  }

  @Override public boolean hasRows() { return result.hasRows(); }

  @Override public List<ResultColumn> columns() { return columns; }

  @Override public Object[] next() {
    while (batch == null || row >= batch.getRowCount()) {
      if (ended) return null;
      batch = result.nextBatch();
      row = 0;
      if (batch == null) {
        ended = true;
        return null;
      }
      vectors = batch.getFieldVectors().toArray(new FieldVector[0]);
    }
    Object[] out = new Object[types.length];
    for (int c = 0; c < types.length; c++) {
      out[c] = vectors[c].isNull(row) ? null : ArrowValues.get(vectors[c], row, types[c]);
    }
    row++;
    return out;
  }

  @Override public String tag(long rows) { return hasRows() ? "SELECT " + rows : commandTag; }

  @Override public void close() { result.close(); }
}
