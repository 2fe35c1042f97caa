package dev.ember.cli;

import dev.ember.api.QueryProgress;
import java.util.Locale;

/**
 * One line showing how far a running query has got, fitted to the screen's width:
 * <pre>
 * [=========&gt;            ]  45%  stage 2/3  tasks 5/8 (2 running)  12,288 rows  3.2 s
 * </pre>
 * The bar fills with {@link QueryProgress#fraction()}; the details after it are dropped from the
 * right when the screen is narrow.
 */
final class ProgressBar {
  private static final int MIN_BAR = 10;
  private static final int MAX_BAR = 40;

  private ProgressBar() {}

  /** The line for {@code p} after {@code elapsedNanos}, at most {@code width} columns wide (at least 20). */
  static String render(QueryProgress p, long elapsedNanos, int width) {
    int stage = Math.min(p.stagesTotal(), p.stagesDone() + 1);
    String percent = String.format(Locale.ROOT, "%3d%%", (int) Math.floor(p.fraction() * 100));
    String details = "  stage " + stage + "/" + p.stagesTotal()
        + "  tasks " + p.tasksDone() + "/" + p.tasksTotal() + " (" + p.tasksRunning() + " running)"
        + (p.rowsOut() > 0 ? String.format(Locale.ROOT, "  %,d rows", p.rowsOut()) : "")
        + String.format(Locale.ROOT, "  %.1f s", elapsedNanos / 1e9);
    int room = Math.max(20, width) - 1; // the last column stays free: some terminals wrap on it
    int bar = Math.max(MIN_BAR, Math.min(MAX_BAR, room - 3 - percent.length() - details.length()));
    StringBuilder b = new StringBuilder(room);
    b.append('[');
    int filled = (int) Math.floor(p.fraction() * bar);
    for (int i = 0; i < bar; i++) b.append(i < filled ? '=' : i == filled ? '>' : ' ');
    b.append("] ").append(percent).append(details);
    return b.length() > room ? b.substring(0, room) : b.toString();
  }
}
