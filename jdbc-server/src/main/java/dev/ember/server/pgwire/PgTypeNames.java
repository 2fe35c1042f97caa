package dev.ember.server.pgwire;

import dev.ember.server.pgwire.PgToken.Kind;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's type names as Ember's parser knows them: {@code int4} is INTEGER, {@code float8}
 * DOUBLE, {@code text}, {@code name} and {@code "char"} VARCHAR, the OID types INTEGER, arrays
 * VARCHAR (their text form, as Ember has no arrays). Names Ember's parser already reads (and
 * unknown ones, which it reports) are left as written.
 */
final class PgTypeNames {
  /** Types whose literal names an object: {@code 'pg_class'::regclass}. */
  private static final Set<String> OBJECT_TYPES = Set.of("regclass", "regtype", "regnamespace", "regproc",
      "regprocedure");

  private PgTypeNames() {}

  /**
   * A type as written: tokens {@code start..end}, the lower-case base name with multi-word names
   * joined by one space ({@code double precision}), its modifiers text ({@code (15,2)}) or null,
   * and whether it is an array.
   */
  record Ref(int start, int end, String name, String modifiers, boolean array) {}

  /** The type written at token {@code start} (after {@code ::} or a CAST's AS), or null. */
  static Ref parse(List<PgToken> tokens, int start) {
    Cursor c = new Cursor(tokens, start);
    if (c.word("pg_catalog") && c.peekSymbol(1, ".")) c.skip(2);
    if (!c.at().isName()) return null;
    // "char" quoted is PostgreSQL's one-byte type, char unquoted the SQL standard's CHAR(n)
    boolean quoted = c.at().kind() == Kind.QUOTED_NAME;
    StringBuilder name = new StringBuilder(quoted && c.at().name().equals("char") ? "\"char\"" : c.at().name());
    int end = c.pos;
    c.skip(1);
    String first = name.toString();
    if (first.equals("double") && c.word("precision")) {
      name.append(" precision");
      end = c.pos;
      c.skip(1);
    } else if ((first.equals("character") || first.equals("char")) && c.word("varying")) {
      name.setLength(0);
      name.append("character varying");
      end = c.pos;
      c.skip(1);
    }
    String modifiers = null;
    if (c.at().isSymbol("(")) {
      StringBuilder m = new StringBuilder();
      int depth = 0;
      while (c.pos < tokens.size()) {
        PgToken t = c.at();
        if (t.isSymbol("(")) depth++;
        if (t.isSymbol(")")) depth--;
        if (t.kind() != Kind.SPACE) m.append(t.text());
        end = c.pos;
        c.skip(1);
        if (depth == 0) break;
      }
      modifiers = m.toString();
    }
    if ((first.equals("timestamp") || first.equals("time")) && (c.word("with") || c.word("without"))) {
      boolean with = c.word("with");
      int save = c.pos;
      c.skip(1);
      if (c.word("time")) {
        c.skip(1);
        if (c.word("zone")) {
          name.append(with ? " with time zone" : " without time zone");
          end = c.pos;
          c.skip(1);
        } else {
          c.pos = save;
        }
      } else {
        c.pos = save;
      }
    }
    boolean array = false;
    while (c.at().isSymbol("[")) {
      while (c.pos < tokens.size() && !c.at().isSymbol("]")) c.skip(1);
      if (c.pos >= tokens.size()) return null;
      end = c.pos;
      array = true;
      c.skip(1);
    }
    return new Ref(start, end, name.toString(), modifiers, array);
  }

  static boolean isObjectType(String name) { return OBJECT_TYPES.contains(name); }

  /**
   * Ember's spelling of {@code type}, or null to leave it as written (the SQL standard's names,
   * with their precision, scale or length, which Ember's parser reads as they are).
   */
  static String emberType(Ref type) {
    if (type.array()) return "VARCHAR";
    return switch (type.name()) {
      case "int2" -> "SMALLINT";
      case "int4", "oid", "regclass", "regtype", "regnamespace", "regrole", "xid", "cid" -> "INTEGER";
      case "int8" -> "BIGINT";
      case "float4" -> "REAL";
      case "float8" -> "DOUBLE";
      case "bool" -> "BOOLEAN";
      case "text", "name", "\"char\"", "bpchar", "citext", "unknown", "regproc", "regprocedure", "json", "jsonb", "xml",
          "uuid", "inet" -> "VARCHAR";
      case "timestamptz", "timestamp with time zone" -> "TIMESTAMP WITH LOCAL TIME ZONE";
      case "timestamp without time zone" -> "TIMESTAMP" + (type.modifiers() == null ? "" : type.modifiers());
      case "bytea" -> "VARBINARY";
      default -> null;
    };
  }

  /** A position in the token list that skips spaces. */
  private static final class Cursor {
    private final List<PgToken> tokens;
    private int pos;

    Cursor(List<PgToken> tokens, int pos) {
      this.tokens = tokens;
      this.pos = pos;
      skipSpace();
    }

    PgToken at() {
      return pos < tokens.size() ? tokens.get(pos) : new PgToken(Kind.SPACE, "", -1, true);
    }

    boolean word(String w) { return at().isWord(w); }

    boolean peekSymbol(int ahead, String s) {
      int k = pos;
      for (int n = 0; n < ahead; n++) {
        k++;
        while (k < tokens.size() && tokens.get(k).kind() == Kind.SPACE) k++;
      }
      return k < tokens.size() && tokens.get(k).isSymbol(s);
    }

    void skip(int n) {
      for (int k = 0; k < n; k++) {
        pos++;
        skipSpace();
      }
    }

    private void skipSpace() {
      while (pos < tokens.size() && tokens.get(pos).kind() == Kind.SPACE) pos++;
    }
  }
}
