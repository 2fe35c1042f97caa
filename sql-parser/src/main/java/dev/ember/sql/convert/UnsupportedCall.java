package dev.ember.sql.convert;

import dev.ember.catalyst.errors.EmberException;
import org.apache.calcite.sql.SqlOperator;

/**
 * A call Ember cannot evaluate yet, found while converting expressions (which carry no text
 * positions). It names the operator so the front end can find the call in the validated query
 * and report where it is.
 */
public final class UnsupportedCall extends EmberException {
  private final transient SqlOperator operator;

  UnsupportedCall(SqlOperator operator, String construct) {
    super(FEATURE_NOT_SUPPORTED, "not supported: " + construct);
    this.operator = operator;
  }

  public SqlOperator operator() { return operator; }
}
