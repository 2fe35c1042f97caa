package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import dev.ember.catalyst.catalog.Catalog;
import dev.ember.catalyst.catalog.ViewTable;
import dev.ember.catalyst.errors.EmberException;
import dev.ember.catalyst.expr.Alias;
import dev.ember.catalyst.expr.AttributeRef;
import dev.ember.catalyst.expr.Cast;
import dev.ember.catalyst.expr.NamedExpr;
import dev.ember.catalyst.plan.logical.LogicalPlan;
import dev.ember.catalyst.plan.logical.Project;
import dev.ember.catalyst.types.Field;
import dev.ember.sql.convert.RelConverter;
import dev.ember.sql.convert.SqlToRel;
import dev.ember.sql.convert.UnsupportedCall;
import dev.ember.sql.validate.CallPositions;
import dev.ember.sql.convert.ViewExpander;
import dev.ember.sql.parser.CalciteParser;
import dev.ember.sql.parser.SelectItemNamer;
import dev.ember.sql.parser.SoftKeywords;
import dev.ember.sql.validate.GroupByAliases;
import dev.ember.sql.validate.ParsedTreeRewrites;
import dev.ember.sql.validate.ResultNames;
import dev.ember.sql.validate.Validation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns the text of one query into a {@link Query}: Calcite parse, name the select items,
 * validate, convert to relational algebra, then to Ember's logical plan; views met on the way are
 * compiled the same way. One instance serves one statement (it tracks the views being expanded).
 */
final class QueryCompiler implements ViewExpander {
  private final Catalog catalog;
  private final SqlMacros macros;
  private final Deque<String> expanding = new ArrayDeque<>();

  QueryCompiler(Catalog catalog, SqlMacros macros) {
    this.catalog = requireNonNull(catalog);
    this.macros = requireNonNull(macros);
  }

  Query compile(String sql) {
    SoftKeywords text = SoftKeywords.rewrite(sql);
    Validation validation = new Validation(catalog);
    SqlNode validated;
    List<SqlNode> writtenItems;
    java.util.Set<String> broadcastTables;
    try {
      SqlNode parsed = CalciteParser.parseQuery(text.text());
      broadcastTables = dev.ember.sql.convert.BroadcastHints.tables(parsed);
      writtenItems = SelectItemNamer.nameItems(parsed, text);
      MacroExpander.expand(parsed, macros);
      ParsedTreeRewrites.apply(parsed);
      GroupByAliases.apply(parsed, catalog);
      validated = validation.validate(parsed);
    } catch (EmberException e) {
      throw text.changed() && e.hasPosition() ? remap(e, text) : e;
    }
    List<String> names = ResultNames.of(validated, validation.validator(), writtenItems);
    LogicalPlan plan;
    java.util.Set<Long> hints;
    try {
      RelNode rel = SqlToRel.convert(validation, validated);
      RelConverter converter = new RelConverter(this, broadcastTables);
      plan = converter.convertQuery(rel);
      hints = converter.broadcastIds();
    } catch (UnsupportedCall e) {
      throw locate(e, validated, text);
    } catch (EmberException e) {
      throw e;
    } catch (UnsupportedOperationException e) {
      throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED, "not supported: " + e.getMessage(), e);
    }
    return new Query(rename(plan, names), names, hints);
  }

  /** An unsupported call's error at the position of the first such call in the query, if found. */
  private static EmberException locate(UnsupportedCall e, SqlNode validated, SoftKeywords text) {
    SqlParserPos pos = CallPositions.find(validated, e.operator());
    if (pos == null) return e;
    int column = text.toOriginalColumn(pos.getLineNum(), pos.getColumnNum());
    return new EmberException(e.sqlState(), e.getMessage(), pos.getLineNum(), column, e);
  }

  /** The same error at its position in the text as the user wrote it. */
  private static EmberException remap(EmberException e, SoftKeywords text) {
    int column = text.toOriginalColumn(e.line(), e.column());
    return new EmberException(e.sqlState(), e.getMessage(), e.line(), column, e.getCause());
  }

  /**
   * Gives the plan's output the user-visible names (Calcite's may have been made unique): the
   * top Project's items are renamed in place (an alias keeps its id), else a Project is added.
   */
  private static LogicalPlan rename(LogicalPlan plan, List<String> names) {
    List<AttributeRef> out = plan.output();
    boolean same = true;
    for (int i = 0; i < out.size(); i++) same &= out.get(i).name().equals(names.get(i));
    if (same) return plan;
    if (plan instanceof Project p) {
      List<NamedExpr> renamed = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        NamedExpr item = p.projections().get(i);
        String name = names.get(i);
        if (item.name().equals(name)) renamed.add(item);
        else if (item instanceof Alias a) renamed.add(new Alias(a.child(), name, a.id()));
        else renamed.add(Alias.of((AttributeRef) item, name));
      }
      return new Project(renamed, p.child());
    }
    List<NamedExpr> projections = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) projections.add(RelConverter.named(out.get(i), names.get(i)));
    return new Project(projections, plan);
  }

  /**
   * Compiles a view's SQL afresh (new attribute ids for every reference) and shapes its output
   * as the view's schema says. Errors inside the view name it, since their positions are in the
   * view's text, not the statement's.
   */
  @Override public LogicalPlan expand(ViewTable view) {
    String key = view.name().toLowerCase(Locale.ROOT);
    if (expanding.contains(key)) {
      throw new EmberException(EmberException.SYNTAX_ERROR, "view " + view.name() + " refers to itself");
    }
    expanding.push(key);
    try {
      LogicalPlan plan = compile(view.sql()).plan();
      return shape(plan, view);
    } catch (EmberException e) {
      throw new EmberException(e.sqlState(), "in view " + view.name() + ": " + e.describe(), e);
    } finally {
      expanding.pop();
    }
  }

  private static LogicalPlan shape(LogicalPlan plan, ViewTable view) {
    List<AttributeRef> out = plan.output();
    List<Field> fields = view.schema().fields();
    if (out.size() != fields.size()) {
      throw new EmberException(EmberException.DATATYPE_MISMATCH, "view " + view.name() + " now has "
          + out.size() + " columns, its schema " + fields.size());
    }
    List<NamedExpr> projections = new ArrayList<>();
    boolean same = true;
    for (int i = 0; i < out.size(); i++) {
      Field f = fields.get(i);
      NamedExpr e = RelConverter.named(Cast.to(out.get(i), f.type()), f.name());
      same &= e == out.get(i);
      projections.add(e);
    }
    return same ? plan : new Project(projections, plan);
  }
}
