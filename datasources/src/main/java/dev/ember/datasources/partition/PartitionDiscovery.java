package dev.ember.datasources.partition;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.fs.CommittedJobs;
import dev.ember.datasources.fs.HadoopFiles;
import dev.ember.datasources.write.PartitionPaths;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds a Hive-style partitioned layout ({@code root/k1=v1/k2=v2/files}) under a directory. Every
 * leaf must name the same columns in the same order; a directory holding both files and
 * {@code k=v} sub-directories is an error, as in Spark. Column types are inferred from the values
 * (Spark's order: INT, BIGINT, DOUBLE, DATE, else VARCHAR; {@code __HIVE_DEFAULT_PARTITION__} is
 * NULL and says nothing) unless the declared schema names the column. Hidden names ({@code _…},
 * {@code .…}) are skipped, and so are files of uncommitted write jobs ({@link CommittedJobs}): a
 * partition directory holding only those is not a partition yet.
 */
public final class PartitionDiscovery {
  private PartitionDiscovery() {}

  /** The partitions under {@code location}, or empty when it is a file or not partitioned. */
  public static Optional<Partitions> discover(String location, Schema declaredOrNull) {
    Path root = new Path(location);
    try {
      FileSystem fs = root.getFileSystem(HadoopFiles.configuration());
      FileStatus status = fs.getFileStatus(root);
      if (!status.isDirectory()) return Optional.empty();
      List<Leaf> leaves = new ArrayList<>();
      CommittedJobs jobs = CommittedJobs.read(fs, status.getPath());
      walk(fs, status.getPath(), jobs, new ArrayList<>(), new ArrayList<>(), leaves);
      if (leaves.isEmpty() || leaves.get(0).names.isEmpty()) return Optional.empty();
      List<String> names = leaves.get(0).names;
      for (Leaf l : leaves) {
        if (!sameNames(l.names, names)) {
          throw new EmberException(EmberException.DATA_EXCEPTION, "partition directories under " + location
              + " disagree on the partition columns: " + names + " and " + l.names + " (" + l.path + ")");
        }
      }
      return Optional.of(type(names, leaves, declaredOrNull));
    } catch (FileNotFoundException e) {
      throw new EmberException(EmberException.IO_ERROR, "path does not exist: " + location, e);
    } catch (IOException e) {
      throw new EmberException(EmberException.IO_ERROR, "cannot list " + location + ": " + e.getMessage(), e);
    }
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (!a.get(i).equalsIgnoreCase(b.get(i))) return false;
    return true;
  }

  private record Leaf(String path, List<String> names, List<String> values, int files) {}

  private static void walk(FileSystem fs, Path dir, CommittedJobs jobs, List<String> names, List<String> values,
                           List<Leaf> out)
      throws IOException {
    FileStatus[] children = fs.listStatus(dir);
    Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
    int files = 0;
    List<FileStatus> partitionDirs = new ArrayList<>();
    for (FileStatus c : children) {
      String n = c.getPath().getName();
      if (HadoopFiles.isHidden(n)) continue;
      if (c.isDirectory() && n.indexOf('=') > 0) {
        partitionDirs.add(c);
      } else if (c.isDirectory()) {
        // a plain sub-directory: its files belong to this level (as the readers list recursively)
        files++;
      } else if (jobs.visible(n)) {
        files++;
      }
    }
    if (!partitionDirs.isEmpty() && files > 0) {
      throw new EmberException(EmberException.DATA_EXCEPTION, "conflicting directory structure at " + dir
          + ": it holds both data files and partition directories (" + partitionDirs.get(0).getPath().getName() + ")");
    }
    if (partitionDirs.isEmpty()) {
      if (files > 0 || names.isEmpty()) out.add(new Leaf(dir.toString(), List.copyOf(names), List.copyOf(values), files));
      return;
    }
    for (FileStatus p : partitionDirs) {
      String n = p.getPath().getName();
      int eq = n.indexOf('=');
      names.add(PartitionPaths.unescape(n.substring(0, eq)));
      values.add(PartitionPaths.unescape(n.substring(eq + 1)));
      walk(fs, p.getPath(), jobs, names, values, out);
      names.remove(names.size() - 1);
      values.remove(values.size() - 1);
    }
  }

  private static Partitions type(List<String> names, List<Leaf> leaves, Schema declared) {
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      int at = declared == null ? -1 : declared.indexOf(names.get(c));
      DataType t = at >= 0 ? declared.field(at).type() : null;
      if (t == null) {
        for (Leaf l : leaves) t = widen(t, infer(l.values.get(c)));
        if (t == null) t = DataType.VARCHAR;
      }
      fields.add(new Field(at >= 0 ? declared.field(at).name() : names.get(c), t, true));
    }
    List<PartitionDirectory> dirs = new ArrayList<>();
    for (Leaf l : leaves) {
      List<Object> values = new ArrayList<>();
      for (int c = 0; c < names.size(); c++) values.add(value(l.values.get(c), fields.get(c), l.path));
      dirs.add(new PartitionDirectory(l.path, values, l.files));
    }
    return new Partitions(new Schema(fields), dirs);
  }

  private static DataType infer(String text) {
    if (text.equals(PartitionPaths.DEFAULT_PARTITION)) return null;
    try {
      Integer.parseInt(text);
      return DataType.INT;
    } catch (NumberFormatException e) {
      // wider
    }
    try {
      Long.parseLong(text);
      return DataType.BIGINT;
    } catch (NumberFormatException e) {
      // wider
    }
    if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return DataType.DOUBLE;
    try {
      LocalDate.parse(text);
      return DataType.DATE;
    } catch (DateTimeParseException e) {
      return DataType.VARCHAR;
    }
  }

  private static DataType widen(DataType a, DataType b) {
    if (a == null) return b;
    if (b == null || a.equals(b)) return a;
    if (a.isNumeric() && b.isNumeric()) return a.id().ordinal() > b.id().ordinal() ? a : b;
    return DataType.VARCHAR;
  }

  private static Object value(String text, Field f, String path) {
    if (text.equals(PartitionPaths.DEFAULT_PARTITION)) return null;
    try {
      return switch (f.type().id()) {
        case INT -> Integer.parseInt(text);
        case BIGINT -> Long.parseLong(text);
        case SMALLINT -> Short.parseShort(text);
        case TINYINT -> Byte.parseByte(text);
        case DOUBLE -> Double.parseDouble(text);
        case FLOAT -> Float.parseFloat(text);
        case BOOLEAN -> Boolean.parseBoolean(text);
        case DATE -> (int) LocalDate.parse(text).toEpochDay();
        case VARCHAR -> Utf8String.of(text);
        case DECIMAL -> {
          java.math.BigDecimal d = new java.math.BigDecimal(text).setScale(f.type().scale());
          yield f.type().isLongDecimal() ? (Object) d.unscaledValue().longValueExact() : d;
        }
        default -> throw EmberException.notSupported("partition column '" + f.name() + "' of type " + f.type().sql());
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new EmberException(EmberException.INVALID_TEXT_REPRESENTATION, "partition value '" + text + "' of "
          + path + " is not a valid " + f.type().sql() + " for column '" + f.name() + "'");
    }
  }

  /** The partition columns and every leaf directory with its values. */
  public record Partitions(Schema schema, List<PartitionDirectory> directories) {
    public Partitions { directories = List.copyOf(directories); }
  }
}
