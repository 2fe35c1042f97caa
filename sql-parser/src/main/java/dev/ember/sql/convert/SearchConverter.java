package dev.ember.sql.convert;

import dev.ember.catalyst.expr.BinaryOp;
import dev.ember.catalyst.expr.Expr;
import dev.ember.catalyst.expr.InList;
import dev.ember.catalyst.expr.UnaryOp;
import dev.ember.catalyst.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.Sarg;

/**
 * Calcite folds IN lists, BETWEEN and chains of comparisons into {@code SEARCH(x, Sarg[…])}.
 * Point sets become {@link InList} ({@code NOT IN} for complemented points); ranges are expanded
 * back into comparisons with {@link RexUtil#expandSearch}. How NULL input is treated
 * ({@code Sarg.nullAs}) is kept exactly.
 */
final class SearchConverter {
  private final RexBuilder rexBuilder;
  private final Function<RexNode, Expr> convert;

  SearchConverter(RexBuilder rexBuilder, Function<RexNode, Expr> convert) {
    this.rexBuilder = rexBuilder;
    this.convert = convert;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  Expr convert(RexCall search) {
    RexNode ref = search.getOperands().get(0);
    RexLiteral sargLiteral = (RexLiteral) search.getOperands().get(1);
    Sarg sarg = sargLiteral.getValueAs(Sarg.class);
    boolean points = sarg.isPoints();
    boolean complement = !points && sarg.isComplementedPoints();
    if (!points && !complement) return convert.apply(RexUtil.expandSearch(rexBuilder, null, search));

    Sarg pointSarg = complement ? sarg.negate() : sarg;
    Expr value = convert.apply(ref);
    List<Expr> items = new ArrayList<>();
    RelDataType type = sargLiteral.getType();
    for (Object range : pointSarg.rangeSet.asRanges()) {
      Comparable v = ((com.google.common.collect.Range) range).lowerEndpoint();
      items.add(convert.apply(rexBuilder.makeLiteral(v, type, true, true)));
    }
    DataType common = value.dataType();
    for (Expr e : items) common = Coercions.common(common, e.dataType());
    Expr typedValue = Coercions.cast(value, common);
    List<Expr> typedItems = new ArrayList<>();
    for (Expr e : items) typedItems.add(Coercions.cast(e, common));
    Expr test = typedItems.size() == 1
        ? BinaryOp.predicate(BinaryOp.Op.EQ, typedValue, typedItems.get(0))
        : new InList(typedValue, typedItems);
    if (complement) test = UnaryOp.not(test);
    // x IN (…) is NULL for a NULL x; Sarg says what a NULL x must give instead.
    RexUnknownAs nullAs = sarg.nullAs;
    if (nullAs == RexUnknownAs.TRUE) {
      return BinaryOp.predicate(BinaryOp.Op.OR, UnaryOp.isNull(typedValue), test);
    }
    if (nullAs == RexUnknownAs.FALSE && typedValue.nullable()) {
      return BinaryOp.predicate(BinaryOp.Op.AND, UnaryOp.isNotNull(typedValue), test);
    }
    return test;
  }
}
