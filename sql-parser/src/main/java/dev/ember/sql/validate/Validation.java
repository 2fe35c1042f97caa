package dev.ember.sql.validate;

import com.google.common.collect.ImmutableSet;
import dev.ember.catalyst.catalog.Catalog;
import dev.ember.sql.parser.CalciteParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * The validator for one statement, over a Calcite view of the Ember catalog. Calcite's validator
 * is stateful, so each statement gets its own (the schema bridge is cheap: it looks names up
 * only when asked).
 */
public final class Validation {
  /**
   * Explicit CASTs Calcite allows, plus BOOLEAN to every numeric type (1 and 0), as Spark, DuckDB
   * and PostgreSQL do; the engine's casts already convert both ways.
   */
  private static final SqlTypeCoercionRule CAST_RULES = castRules();

  private static SqlTypeCoercionRule castRules() {
    Map<SqlTypeName, ImmutableSet<SqlTypeName>> rules = new HashMap<>(SqlTypeCoercionRule.instance().getTypeMapping());
    for (SqlTypeName to : SqlTypeName.NUMERIC_TYPES) {
      ImmutableSet<SqlTypeName> from = rules.get(to);
      if (from != null) rules.put(to, ImmutableSet.<SqlTypeName>builder().addAll(from).add(SqlTypeName.BOOLEAN).build());
    }
    return SqlTypeCoercionRule.instance(rules);
  }

  private final RelDataTypeFactory typeFactory = new EmberTypeFactory();
  private final CalciteCatalogReader catalogReader;
  private final SqlValidator validator;

  public Validation(Catalog catalog) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", CatalogSchema.root(catalog));
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(props);
    catalogReader = new CalciteCatalogReader(root, List.of(), typeFactory, config);
    SqlValidator.Config validatorConfig = SqlValidator.Config.DEFAULT
        .withConformance(CalciteParser.CONFORMANCE)
        .withIdentifierExpansion(true)
        // NULLs sort as if larger than any value: ASC NULLS LAST, DESC NULLS FIRST.
        .withDefaultNullCollation(NullCollation.HIGH)
        .withTypeCoercionRules(CAST_RULES);
    validator = SqlValidatorUtil.newValidator(EmberOperatorTable.instance(), catalogReader, typeFactory,
        validatorConfig);
  }

  /** Validates a parsed query; errors become EmberExceptions with a position. */
  public SqlNode validate(SqlNode node) {
    try {
      return validator.validate(node);
    } catch (CalciteContextException e) {
      throw ValidationErrors.from(e);
    }
  }

  public SqlValidator validator() { return validator; }

  public CalciteCatalogReader catalogReader() { return catalogReader; }

  public RelDataTypeFactory typeFactory() { return typeFactory; }
}
