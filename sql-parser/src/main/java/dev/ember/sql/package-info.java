/**
 * Ember's SQL front end: {@link dev.ember.sql.SqlFrontEnd#parse} turns one statement into a
 * {@link dev.ember.sql.Statement}.
 *
 * <p>The way of a query:
 * <pre>
 * text ─► SoftKeywords (VALUE, DATE … usable as names) ─► Calcite parser (parser.CalciteParser)
 *      ─► SelectItemNamer (unnamed items get their text as alias), parse-tree rewrites
 *         (DATE_TRUNC forms, GROUP BY alias resolution)
 *      ─► Calcite validator over a lazy view of the Ember catalog (validate.*), with Ember's
 *         type system (Spark's decimal rules) and operator table
 *      ─► SqlToRelConverter, subquery removal, decorrelation (convert.SqlToRel)
 *      ─► RelConverter / RexConverter: Ember LogicalPlan with explicit casts
 * </pre>
 * Commands (EXPLAIN, CREATE TABLE … USING, CREATE VIEW, DROP, SHOW TABLES, DESCRIBE, SET) are
 * parsed by {@link dev.ember.sql.command.CommandParser}; the queries inside them take the path
 * above. Every user error is an {@code EmberException} with a SQLSTATE and, where it has one,
 * the line and column in the statement as written.
 */
package dev.ember.sql;
