package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.fs.HadoopFiles;
import dev.ember.datasources.write.FileWriter;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** One Parquet file being written: Parquet-MR's writer over a stream the write job opened. */
final class ParquetRowsWriter implements FileWriter {
  private final String file;
  private final ArrowWriteSupport support;
  private final ParquetWriter<Integer> writer;

  ParquetRowsWriter(FSDataOutputStream out, String file, Schema schema, CompressionCodecName codec,
                    long rowGroupBytes, int pageBytes, boolean dictionary) {
    this.file = file;
    this.support = new ArrowWriteSupport(schema);
    try {
      this.writer = new Builder(new StreamOutputFile(out, file), support)
          .withConf(HadoopFiles.configuration())
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withCompressionCodec(codec)
          .withRowGroupSize(rowGroupBytes)
          .withPageSize(pageBytes)
          .withDictionaryEncoding(dictionary)
          .build();
    } catch (IOException | RuntimeException e) {
      closeQuietly(out);
      throw writeError(e);
    }
  }

  @Override public void write(List<FieldVector> columns, int[] rows, int count) {
    support.columns(columns);
    try {
      for (int i = 0; i < count; i++) writer.write(rows[i]);
    } catch (IOException | RuntimeException e) {
      throw writeError(e);
    }
  }

  @Override public void close() {
    try {
      writer.close();
    } catch (IOException | RuntimeException e) {
      throw writeError(e);
    }
  }

  private EmberException writeError(Exception e) {
    if (e instanceof EmberException ee) return ee;
    return new EmberException(EmberException.IO_ERROR, "cannot write Parquet file " + file + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(FSDataOutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // already failing; the job removes the file
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
    private final ArrowWriteSupport support;

    Builder(OutputFile file, ArrowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override protected Builder self() { return this; }

    @Override protected WriteSupport<Integer> getWriteSupport(Configuration conf) { return support; }
  }

  /** Parquet's output-file abstraction over a stream that is already open. */
  private record StreamOutputFile(FSDataOutputStream out, String path) implements OutputFile {
    @Override public PositionOutputStream create(long blockSizeHint) { return HadoopStreams.wrap(out); }

    @Override public PositionOutputStream createOrOverwrite(long blockSizeHint) { return create(blockSizeHint); }

    @Override public boolean supportsBlockSize() { return false; }

    @Override public long defaultBlockSize() { return 0; }

    @Override public String getPath() { return path; }
  }
}
