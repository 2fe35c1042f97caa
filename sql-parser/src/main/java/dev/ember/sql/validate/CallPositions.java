package dev.ember.sql.validate;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.util.Util;

/** Finds where in a validated query a given operator (the same instance) is called. */
public final class CallPositions {
  private CallPositions() {}

  /** The position of the first call of {@code operator}, or null when there is none. */
  public static SqlParserPos find(SqlNode root, SqlOperator operator) {
    try {
      root.accept(new SqlBasicVisitor<Void>() {
        @Override public Void visit(SqlCall call) {
          if (call.getOperator() == operator && call.getParserPosition().getLineNum() > 0) {
            throw new Util.FoundOne(call.getParserPosition());
          }
          return super.visit(call);
        }
      });
      return null;
    } catch (Util.FoundOne found) {
      return (SqlParserPos) found.getNode();
    }
  }
}
