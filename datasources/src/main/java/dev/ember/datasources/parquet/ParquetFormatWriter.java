package dev.ember.datasources.parquet;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.write.FileFormatWriter;
import dev.ember.datasources.write.FileWriter;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes Parquet files through Parquet-MR from Arrow vectors. Options (keys ignore case):
 * <pre>
 * compression        snappy   snappy, gzip, zstd, or none/uncompressed (also parquet.compression)
 * rowGroupSize       128 MiB  target bytes per row group (also parquet.block.size)
 * pageSize           1 MiB    target bytes per page (also parquet.page.size)
 * dictionary         true     dictionary-encode columns while the dictionary stays small
 * </pre>
 * Other options are ignored, as Spark ignores options meant for other formats.
 */
public final class ParquetFormatWriter implements FileFormatWriter {
  public static final long DEFAULT_ROW_GROUP_BYTES = 128L << 20;
  public static final int DEFAULT_PAGE_BYTES = 1 << 20;

  private final Schema schema;
  private final CompressionCodecName codec;
  private final long rowGroupBytes;
  private final int pageBytes;
  private final boolean dictionary;

  /** Checks {@code options} and that every column of {@code schema} has a Parquet form. */
  public ParquetFormatWriter(Schema schema, Map<String, String> options) {
    ParquetWriteSchemas.messageType(schema);
    this.schema = schema;
    String compression = "snappy";
    long rowGroup = DEFAULT_ROW_GROUP_BYTES;
    int page = DEFAULT_PAGE_BYTES;
    boolean dict = true;
    for (Map.Entry<String, String> e : options.entrySet()) {
      String value = e.getValue().trim();
      switch (e.getKey().toLowerCase(Locale.ROOT)) {
        case "compression", "parquet.compression", "codec" -> compression = value.toLowerCase(Locale.ROOT);
        case "rowgroupsize", "parquet.block.size" -> rowGroup = positive(e.getKey(), value);
        case "pagesize", "parquet.page.size" -> page = (int) Math.min(Integer.MAX_VALUE, positive(e.getKey(), value));
        case "dictionary", "parquet.enable.dictionary" -> dict = !value.equalsIgnoreCase("false");
        default -> { }
      }
    }
    this.codec = codec(compression);
    this.rowGroupBytes = rowGroup;
    this.pageBytes = page;
    this.dictionary = dict;
  }

  private static CompressionCodecName codec(String name) {
    return switch (name) {
      case "snappy" -> CompressionCodecName.SNAPPY;
      case "gzip" -> CompressionCodecName.GZIP;
      case "zstd" -> CompressionCodecName.ZSTD;
      case "none", "uncompressed" -> CompressionCodecName.UNCOMPRESSED;
      default -> throw EmberException.notSupported("Parquet compression '" + name
          + "' (supported: snappy, gzip, zstd, none)");
    };
  }

  private static long positive(String key, String value) {
    try {
      long n = Long.parseLong(value);
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EmberException(EmberException.SYNTAX_ERROR,
        "Parquet option " + key + " must be a positive number of bytes, not '" + value + "'");
  }

  @Override public String extension() {
    return codec == CompressionCodecName.UNCOMPRESSED ? ".parquet" : codec.getExtension() + ".parquet";
  }

  @Override public FileWriter open(FSDataOutputStream out, String file) {
    return new ParquetRowsWriter(out, file, schema, codec, rowGroupBytes, pageBytes, dictionary);
  }
}
