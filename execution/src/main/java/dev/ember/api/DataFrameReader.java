package dev.ember.api;

import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.plan.logical.Scan;
import dev.ember.catalyst.types.Field;
import dev.ember.catalyst.types.Schema;
import dev.ember.datasources.DataSourceTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads files into a DataFrame, as Spark's {@code session.read()}:
 * {@code read().format("csv").option("header", "true").load(path)}, or the shortcuts
 * {@link #parquet}, {@link #csv}, {@link #json}, {@link #table}. Options are the data source's
 * (those of {@code CREATE TABLE … USING … OPTIONS}).
 */
public final class DataFrameReader {
  private final SessionState state;
  private String format = "parquet";
  private final Map<String, String> options = new LinkedHashMap<>();
  private Schema schema;

  DataFrameReader(SessionState state) { this.state = state; }

  public DataFrameReader format(String source) { this.format = source; return this; }

  public DataFrameReader option(String key, String value) { options.put(key, value); return this; }

  public DataFrameReader option(String key, boolean value) { return option(key, Boolean.toString(value)); }

  public DataFrameReader options(Map<String, String> opts) { options.putAll(opts); return this; }

  /** The schema to read with, instead of the one the files give or inference finds. */
  public DataFrameReader schema(Schema s) { this.schema = s; return this; }

  /** The schema in DDL form: {@code "a INT, b STRING, c DECIMAL(10,2)"}. */
  public DataFrameReader schema(String ddl) { return schema(ddl(ddl)); }

  public DataFrame load(String path) {
    DataSourceTable t = Catalogs.open(format, path, options, path, schema);
    return new DataFrame(state, Scan.of(t));
  }

  public DataFrame parquet(String path) { return format("parquet").load(path); }

  public DataFrame csv(String path) { return format("csv").load(path); }

  public DataFrame json(String path) { return format("json").load(path); }

  /** A table or view of the session's catalog, as {@code session.table(name)}. */
  public DataFrame table(String name) { return Session.table(state, name); }

  static Schema ddl(String ddl) {
    List<Field> fields = new ArrayList<>();
    int depth = 0;
    int from = 0;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < ddl.length(); i++) {
      char c = ddl.charAt(i);
      if (c == '(' || c == '<') depth++;
      else if (c == ')' || c == '>') depth--;
      else if (c == ',' && depth == 0) {
        parts.add(ddl.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(ddl.substring(from));
    for (String p : parts) {
      String s = p.trim();
      int sp = s.indexOf(' ');
      if (sp < 0) throw new EmberException(EmberException.SYNTAX_ERROR, "schema entry '" + s + "' needs a name and a type");
      fields.add(new Field(s.substring(0, sp), TypeNames.type(s.substring(sp + 1)), true));
    }
    return new Schema(fields);
  }
}
