package dev.ember.sql.command;

import dev.ember.catalyst.types.DataType;
import dev.ember.sql.command.Token.Kind;

/**
 * Column types as Spark and PostgreSQL spell them in {@code CREATE TABLE}: {@code INT},
 * {@code BIGINT}/{@code LONG}, {@code DECIMAL(p, s)}, {@code STRING}/{@code VARCHAR(n)},
 * {@code TIMESTAMP [WITH TIME ZONE]}, {@code ARRAY<T>}, … Lengths of strings are accepted and ignored.
 */
final class TypeNames {
  private TypeNames() {}

  static DataType parse(TokenStream in) {
    Token t = in.next();
    if (t.kind() != Kind.WORD) throw TokenStream.error(t, "expected a type name");
    return switch (t.upper()) {
      case "BOOLEAN", "BOOL" -> DataType.BOOLEAN;
      case "TINYINT", "BYTE" -> DataType.TINYINT;
      case "SMALLINT", "SHORT" -> DataType.SMALLINT;
      case "INT", "INTEGER" -> DataType.INT;
      case "BIGINT", "LONG" -> DataType.BIGINT;
      case "FLOAT", "REAL" -> DataType.FLOAT;
      case "DOUBLE" -> {
        in.accept("PRECISION");
        yield DataType.DOUBLE;
      }
      case "DECIMAL", "DEC", "NUMERIC" -> decimal(in);
      case "DATE" -> DataType.DATE;
      case "TIMESTAMP" -> timestamp(in);
      case "TIMESTAMP_NTZ" -> DataType.TIMESTAMP;
      case "TIMESTAMP_LTZ", "TIMESTAMPTZ" -> DataType.TIMESTAMP_TZ;
      case "STRING", "TEXT" -> DataType.VARCHAR;
      case "VARCHAR", "CHAR" -> {
        optionalLength(in);
        yield DataType.VARCHAR;
      }
      case "CHARACTER" -> {
        in.accept("VARYING");
        optionalLength(in);
        yield DataType.VARCHAR;
      }
      case "BINARY", "VARBINARY", "BYTEA" -> {
        optionalLength(in);
        yield DataType.VARBINARY;
      }
      case "ARRAY" -> {
        in.expectSymbol("<");
        DataType element = parse(in);
        in.expectSymbol(">");
        yield DataType.array(element);
      }
      default -> throw TokenStream.error(t, "unknown type " + t.text());
    };
  }

  /** DECIMAL defaults to (10, 0) as in Spark; DECIMAL(p) has scale 0. */
  private static DataType decimal(TokenStream in) {
    if (!in.acceptSymbol("(")) return DataType.decimal(10, 0);
    Token pt = in.peek();
    int precision = integer(in);
    int scale = in.acceptSymbol(",") ? integer(in) : 0;
    in.expectSymbol(")");
    if (precision < 1 || precision > DataType.MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      throw TokenStream.error(pt, "invalid DECIMAL(" + precision + ", " + scale + "): precision must be 1 to "
          + DataType.MAX_DECIMAL_PRECISION + " and scale 0 to precision");
    }
    return DataType.decimal(precision, scale);
  }

  private static DataType timestamp(TokenStream in) {
    if (in.accept("WITH")) {
      in.expect("TIME");
      in.expect("ZONE");
      return DataType.TIMESTAMP_TZ;
    }
    if (in.accept("WITHOUT")) {
      in.expect("TIME");
      in.expect("ZONE");
    }
    return DataType.TIMESTAMP;
  }

  private static void optionalLength(TokenStream in) {
    if (in.acceptSymbol("(")) {
      integer(in);
      in.expectSymbol(")");
    }
  }

  private static int integer(TokenStream in) {
    Token t = in.next();
    if (t.kind() != Kind.NUMBER || !t.text().chars().allMatch(Character::isDigit)) {
      throw TokenStream.error(t, "expected an integer");
    }
    try {
      return Integer.parseInt(t.text());
    } catch (NumberFormatException e) {
      throw TokenStream.error(t, "number too large");
    }
  }
}
