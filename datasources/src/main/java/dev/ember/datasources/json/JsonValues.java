package dev.ember.datasources.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import dev.ember.catalyst.types.Utf8String;
import dev.ember.datasources.csv.CsvOptions;
import dev.ember.datasources.csv.CsvValues;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * JSON values to Ember values, for reading a typed column and for inferring types, so inference
 * never picks a type that reading then rejects. A value that does not fit its column throws
 * {@link Mismatch}; the reader decides by its {@link dev.ember.datasources.ParseMode} what that means.
 */
final class JsonValues {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  private static final CsvValues TEXT = new CsvValues(CsvOptions.DEFAULT);

  private JsonValues() {}

  /** A value that cannot become its column's type; carries what was expected. */
  static final class Mismatch extends Exception {
    Mismatch(String message) { super(message, null, false, false); }
  }

  /**
   * The Ember type a JSON value suggests: integers BIGINT (DOUBLE when beyond 64 bits), other
   * numbers DOUBLE, strings VARCHAR, booleans BOOLEAN, objects VARCHAR (their JSON text), arrays
   * ARRAY of their elements' merged type (ARRAY&lt;NULL&gt; while no element says more, see
   * {@link #finish}); null for a JSON null, which says nothing.
   */
  static DataType infer(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_TRUE:
      case VALUE_FALSE:
        return DataType.BOOLEAN;
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? DataType.DOUBLE : DataType.BIGINT;
      case VALUE_NUMBER_FLOAT:
        return DataType.DOUBLE;
      case START_ARRAY: {
        DataType element = null;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          element = merge(element, infer(p));
        }
        return DataType.array(element == null ? DataType.NULL : element);
      }
      case START_OBJECT:
        p.skipChildren();
        return DataType.VARCHAR;
      default:
        return DataType.VARCHAR;
    }
  }

  /**
   * The type both values fit: BIGINT and DOUBLE widen to DOUBLE; arrays merge their elements (an
   * array with no known element fits any array); other disagreements become VARCHAR, which reads
   * any JSON value (arrays and objects as their text).
   */
  static DataType merge(DataType a, DataType b) {
    if (a == null || a.id() == TypeId.NULL) return b == null ? a : b;
    if (b == null || b.id() == TypeId.NULL || a.equals(b)) return a;
    if (a.isArray() && b.isArray()) return DataType.array(merge(a.elementType(), b.elementType()));
    if (a.isNumeric() && b.isNumeric()) return DataType.DOUBLE;
    return DataType.VARCHAR;
  }

  /** An inferred type made readable: elements never seen (only nulls, empty arrays) are VARCHAR. */
  static DataType finish(DataType t) {
    if (t == null || t.id() == TypeId.NULL) return DataType.VARCHAR;
    return t.isArray() ? DataType.array(finish(t.elementType())) : t;
  }

  /** The current value (the parser stands on its first token) as {@code type}; consumes it. */
  static Object read(JsonParser p, DataType type) throws IOException, Mismatch {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t == JsonToken.START_ARRAY && type.isArray()) return list(p, type.elementType());
    if (type.isArray()) {
      String what = t == JsonToken.START_OBJECT ? "an object" : "'" + p.getText() + "'";
      p.skipChildren();
      throw new Mismatch(what + " is not a " + type.sql());
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      if (type.id() != TypeId.VARCHAR) {
        p.skipChildren();
        throw new Mismatch("a nested " + (t == JsonToken.START_OBJECT ? "object" : "array") + " is not a " + type.sql());
      }
      return Utf8String.of(structureText(p));
    }
    switch (type.id()) {
      case BOOLEAN:
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) return t == JsonToken.VALUE_TRUE;
        break;
      case TINYINT:
      case SMALLINT:
      case INT:
      case BIGINT:
        if (t == JsonToken.VALUE_NUMBER_INT) return integral(p.getBigIntegerValue(), type);
        break;
      case FLOAT:
      case DOUBLE:
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return floating(p.getDoubleValue(), type);
        if (t == JsonToken.VALUE_STRING) return floating(special(p.getText(), type), type);
        break;
      case DECIMAL:
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return decimal(p.getDecimalValue(), type);
        break;
      case DATE:
      case TIMESTAMP:
      case TIMESTAMP_TZ:
        if (t == JsonToken.VALUE_STRING) return text(p.getText(), type);
        break;
      case VARCHAR:
        return Utf8String.of(p.getText());
      case VARBINARY:
        if (t == JsonToken.VALUE_STRING) {
          try {
            return Base64.getDecoder().decode(p.getText());
          } catch (IllegalArgumentException e) {
            throw new Mismatch("'" + p.getText() + "' is not base64");
          }
        }
        break;
      default:
        throw EmberException.notSupported("JSON column of type " + type.sql());
    }
    throw new Mismatch("'" + p.getText() + "' is not a valid " + type.sql());
  }

  /** The elements of the array the parser stands on, each read as {@code element}; consumes it. */
  private static List<Object> list(JsonParser p, DataType element) throws IOException, Mismatch {
    List<Object> out = new ArrayList<>();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      try {
        out.add(read(p, element));
      } catch (Mismatch m) {
        skipRest(p);
        throw new Mismatch("array element " + (out.size() + 1) + ": " + m.getMessage());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Moves past the END_ARRAY of the array whose element the parser just finished. */
  private static void skipRest(JsonParser p) throws IOException {
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) p.skipChildren();
  }

  private static Object integral(BigInteger v, DataType type) throws Mismatch {
    int bits = switch (type.id()) {
      case TINYINT -> 8;
      case SMALLINT -> 16;
      case INT -> 32;
      default -> 64;
    };
    if (v.bitLength() >= bits) throw new Mismatch(v + " is out of range for " + type.sql());
    long l = v.longValue();
    return switch (type.id()) {
      case TINYINT -> (byte) l;
      case SMALLINT -> (short) l;
      case INT -> (int) l;
      default -> l;
    };
  }

  private static double special(String s, DataType type) throws Mismatch {
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "Infinity", "+Infinity", "Inf", "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Infinity", "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> throw new Mismatch("'" + s + "' is not a valid " + type.sql());
    };
  }

  private static Object floating(double d, DataType type) {
    return type.id() == TypeId.FLOAT ? (Object) (float) d : (Object) d;
  }

  private static Object decimal(BigDecimal v, DataType type) throws Mismatch {
    BigDecimal s = v.setScale(type.scale(), RoundingMode.HALF_UP);
    if (s.precision() - s.scale() > type.precision() - type.scale()) throw new Mismatch(v + " does not fit " + type.sql());
    return type.isLongDecimal() ? (Object) s.unscaledValue().longValueExact() : s;
  }

  private static Object text(String s, DataType type) throws Mismatch {
    try {
      return TEXT.parse(s, type);
    } catch (EmberException e) {
      throw new Mismatch(e.getMessage());
    }
  }

  /** The JSON text of the object or array the parser stands on; consumes it. */
  private static String structureText(JsonParser p) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.copyCurrentStructure(p);
    }
    return w.toString();
  }
}
