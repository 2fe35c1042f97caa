package dev.ember.sql.validate;

import java.util.List;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The functions a query may call: the SQL standard's, a chosen few from Calcite's dialect
 * libraries (those with Spark/PostgreSQL meaning), and {@link EmberFunctions}. Everything listed
 * here must also be known to the converter's function mapping, so an unknown function fails at
 * validation with a position rather than later.
 *
 * <p>The validator re-resolves every operator by name in this table, taking the first match, so
 * Ember's own versions of standard operators ({@link EmberFunctions#DIVIDE},
 * {@link EmberFunctions#ROUND}) come first.
 */
public final class EmberOperatorTable {
  private static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(
      SqlOperatorTables.of(List.of(EmberFunctions.DIVIDE, EmberFunctions.ROUND)),
      SqlStdOperatorTable.instance(),
      SqlOperatorTables.of(List.of(
          SqlLibraryOperators.LENGTH,
          SqlLibraryOperators.CONCAT_FUNCTION,
          SqlLibraryOperators.LTRIM,
          SqlLibraryOperators.RTRIM,
          SqlLibraryOperators.LPAD,
          SqlLibraryOperators.RPAD,
          SqlLibraryOperators.STARTS_WITH,
          SqlLibraryOperators.ENDS_WITH,
          SqlLibraryOperators.SPLIT_PART,
          SqlLibraryOperators.GREATEST,
          SqlLibraryOperators.LEAST,
          SqlLibraryOperators.REGEXP_REPLACE_3,
          SqlLibraryOperators.REGEXP_LIKE,
          SqlLibraryOperators.SUBSTR_POSTGRESQL,
          SqlLibraryOperators.ILIKE,
          SqlLibraryOperators.NOT_ILIKE,
          SqlLibraryOperators.BOOL_AND,
          SqlLibraryOperators.BOOL_OR,
          EmberFunctions.DATE_TRUNC,
          EmberFunctions.DATEDIFF,
          EmberFunctions.DATE_ADD,
          EmberFunctions.DAY,
          EmberFunctions.STDDEV_POP,
          EmberFunctions.STDDEV_SAMP,
          EmberFunctions.VAR_POP,
          EmberFunctions.VAR_SAMP)),
      SqlOperatorTables.of(ArrayFunctions.ALL));

  private EmberOperatorTable() {}

  public static SqlOperatorTable instance() { return INSTANCE; }
}
