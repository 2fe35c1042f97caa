package dev.ember.sql.parser;

import dev.ember.catalyst.errors.EmberException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Ember's configuration of Calcite's default parser: identifiers keep the case they were written
 * in but match case-insensitively, {@code "double quotes"} quote identifiers, and the lenient
 * conformance allows {@code !=}, {@code LIMIT … OFFSET …}, and GROUP BY / ORDER BY ordinals and
 * aliases.
 */
public final class CalciteParser {
  /** Also what the validator uses: GROUP BY aliases and ordinals are validator decisions. */
  public static final SqlConformance CONFORMANCE = SqlConformanceEnum.LENIENT;

  public static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(SqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withIdentifierMaxLength(1024)
      .withConformance(CONFORMANCE);

  private CalciteParser() {}

  /**
   * Parses one query ({@code SELECT}, {@code VALUES}, {@code WITH}, set operations, with ORDER BY
   * and LIMIT). Other statements Calcite knows (INSERT, …) are reported as not supported.
   */
  public static SqlNode parseQuery(String sql) {
    SqlNode node;
    try {
      node = SqlParser.create(sql, CONFIG).parseStmt();
    } catch (SqlParseException e) {
      throw SyntaxErrors.from(e);
    }
    if (!node.isA(SqlKind.QUERY)) {
      var pos = node.getParserPosition();
      throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
          "not supported: " + node.getKind().sql + " statements", pos.getLineNum(), pos.getColumnNum(), null);
    }
    return node;
  }
}
