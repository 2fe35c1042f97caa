package dev.ember.catalyst.expr;

import dev.ember.catalyst.types.DataType;
import dev.ember.catalyst.types.TypeId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders expressions as SQL-like text. Attribute ids are hidden unless asked for. */
public final class ExprPrinter {
  private ExprPrinter() {}

  public static String print(Expr e) { return print(e, false); }

  public static String print(Expr e, boolean withIds) {
    if (e instanceof Literal l) return literal(l.value(), l.type());
    if (e instanceof AttributeRef a) return withIds ? a.name() + "#" + a.id() : a.name();
    if (e instanceof BoundRef b) return "input[" + b.ordinal() + "]";
    if (e instanceof Alias a) {
      return print(a.child(), withIds) + " AS " + a.name() + (withIds ? "#" + a.id() : "");
    }
    if (e instanceof BinaryOp b) {
      return "(" + print(b.left(), withIds) + " " + b.op().symbol + " " + print(b.right(), withIds) + ")";
    }
    if (e instanceof UnaryOp u) {
      return switch (u.op()) {
        case NOT -> "NOT " + print(u.child(), withIds);
        case NEGATE -> "-" + print(u.child(), withIds);
        default -> "(" + print(u.child(), withIds) + " " + u.op().name().replace('_', ' ') + ")";
      };
    }
    if (e instanceof Cast c) return "CAST(" + print(c.child(), withIds) + " AS " + c.type().sql() + ")";
    if (e instanceof CaseWhen c) {
      StringBuilder sb = new StringBuilder("CASE");
      for (int i = 0; i < c.conditions().size(); i++) {
        sb.append(" WHEN ").append(print(c.conditions().get(i), withIds))
            .append(" THEN ").append(print(c.values().get(i), withIds));
      }
      return sb.append(" ELSE ").append(print(c.elseValue(), withIds)).append(" END").toString();
    }
    if (e instanceof InList in) {
      return print(in.value(), withIds) + " IN ("
          + in.list().stream().map(x -> print(x, withIds)).collect(Collectors.joining(", ")) + ")";
    }
    if (e instanceof Call c) {
      return c.fn().name().toLowerCase(Locale.ROOT) + "("
          + c.args().stream().map(x -> print(x, withIds)).collect(Collectors.joining(", ")) + ")";
    }
    throw new IllegalArgumentException("no printer for " + e.getClass().getSimpleName());
  }

  /** A literal value as SQL text. */
  public static String literal(Object v, DataType t) {
    if (v == null) return "NULL";
    return switch (t.id()) {
      case VARCHAR -> "'" + v.toString().replace("'", "''") + "'";
      case DATE -> "DATE '" + LocalDate.ofEpochDay((Integer) v) + "'";
      case TIMESTAMP, TIMESTAMP_TZ -> "TIMESTAMP '" + java.time.LocalDateTime.ofEpochSecond(
          Math.floorDiv((Long) v, 1_000_000L), (int) Math.floorMod((Long) v, 1_000_000L) * 1000, java.time.ZoneOffset.UTC)
          .toString().replace('T', ' ') + "'";
      case DECIMAL -> v instanceof Long l ? BigDecimal.valueOf(l, t.scale()).toPlainString()
          : ((BigDecimal) v).toPlainString();
      case INTERVAL_YEAR_MONTH -> "INTERVAL '" + v + "' MONTH";
      case INTERVAL_DAY_TIME -> "INTERVAL '" + v + "' MICROSECOND";
      case BIGINT -> v + "L";
      default -> t.id() == TypeId.VARBINARY ? "X'" + java.util.HexFormat.of().formatHex((byte[]) v) + "'"
          : v.toString();
    };
  }
}
