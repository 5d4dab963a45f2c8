package io.industryts.engine;

import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * The engine's one {@link KernelContext} ({@link StageContext} over a {@link SegmentContext}) for
 * tests that apply a kernel to hand-built segments: counts go to a map by counter name, bad rows to
 * a list as {@code "reason|field|message"} (or fail the test when the list is null).
 */
public final class TestContexts {
  private TestContexts() {}

  /**
   * The context the engine would give {@code kernel} for one segment with these facts (grid anchor
   * 0).
   */
  public static KernelContext segment(
      Kernel kernel,
      int haloBefore,
      int haloAfter,
      Serializable carry,
      Serializable carryAfter,
      Serializable stats,
      long seriesFirst,
      long seriesLast,
      long seriesRows,
      boolean firstSegment,
      boolean lastSegment,
      long segmentStart,
      long segmentEnd,
      Map<String, Long> counters,
      List<String> errors) {
    SegmentContext c = new SegmentContext();
    c.carry = carry;
    c.carryAfter = carryAfter;
    c.stats = stats;
    c.seriesFirst = seriesFirst;
    c.seriesLast = seriesLast;
    c.seriesCount = seriesRows;
    c.firstSegment = firstSegment;
    c.lastSegment = lastSegment;
    c.segmentStart = segmentStart;
    c.segmentEnd = segmentEnd;
    c.anchor = 0;
    StageContext context =
        new StageContext(
            new StageContext.Sink() {
              @Override
              public void count(String step, String name, long n) {
                counters.merge(name, n, Long::sum);
              }

              @Override
              public void rowError(Row record) {
                String reason = record.getString("reason");
                String message = record.getString("message");
                if (errors == null) {
                  throw new AssertionError("unexpected row error " + reason + ": " + message);
                }
                errors.add(reason + "|" + record.getString("field") + "|" + message);
              }
            },
            c);
    context.kernel = kernel;
    context.operation = kernel.stepName();
    context.haloBefore = haloBefore;
    context.haloAfter = haloAfter;
    return context;
  }
}
