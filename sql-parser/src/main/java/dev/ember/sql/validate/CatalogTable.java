package dev.ember.sql.validate;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.catalog.Table;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * An Ember table (or view) as the validator sees it: only its row type. The converter unwraps it
 * from the scans Calcite produces to get back to the Ember {@link Table}.
 */
public final class CatalogTable extends AbstractTable {
  private final Table table;

  public CatalogTable(Table table) { this.table = requireNonNull(table); }

  public Table table() { return table; }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.rowType(typeFactory, table.schema());
  }
}
