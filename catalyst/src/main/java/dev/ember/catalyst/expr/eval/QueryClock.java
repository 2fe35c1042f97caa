package dev.ember.catalyst.expr.eval;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The instant a query started and the session time zone: the single source of
 * {@code CURRENT_DATE} and {@code CURRENT_TIMESTAMP}, so every row (and every task) of a query
 * sees the same values. The interpreter receives it as an argument and generated code as a
 * reference value; the generic constant folder never folds these functions.
 *
 * @param startMicros microseconds since the epoch (UTC) when the query started
 * @param zone the session time zone, which decides the current date
 */
public record QueryClock(long startMicros, ZoneId zone) implements java.io.Serializable {
  public QueryClock { requireNonNull(zone); }

  /** The wall clock now, in UTC. */
  public static QueryClock now() { return now(ZoneOffset.UTC); }

  public static QueryClock now(ZoneId zone) {
    Instant i = Instant.now();
    return new QueryClock(i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000, zone);
  }

  /** {@code CURRENT_TIMESTAMP}: a TIMESTAMP WITH TIME ZONE value (UTC microseconds). */
  public long currentTimestamp() { return startMicros; }

  /** {@code CURRENT_TIMESTAMP} typed TIMESTAMP (no zone): the session-local wall clock. */
  public long localTimestamp() {
    Instant i = Instant.ofEpochSecond(Math.floorDiv(startMicros, 1_000_000L));
    return startMicros + zone.getRules().getOffset(i).getTotalSeconds() * 1_000_000L;
  }

  /** {@code CURRENT_DATE}: days since the epoch of the query's start in the session zone. */
  public int currentDate() {
    Instant i = Instant.ofEpochSecond(Math.floorDiv(startMicros, 1_000_000L));
    return (int) LocalDate.ofInstant(i, zone).toEpochDay();
  }
}
