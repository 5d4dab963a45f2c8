package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Keeps a time range — SEMANTICS §2.2.5 {@code filter_time}.
 *
 * <pre>{@code
 * input.apply(FilterTime.between(Instant.parse("2024-01-01T01:00:00Z"),
 *     Instant.parse("2024-01-01T03:00:00Z")));
 * input.apply(FilterTime.from(start));   // or until(end)
 * }</pre>
 *
 * <p>Keeps rows with {@code start <= t < end} (start inclusive, end exclusive; either may be open).
 * Kept rows are unchanged, with their order and element timestamps; the schema does not change.
 * Counter {@code rows_dropped}. Example: start 01:00, end 03:00 keeps 01:00 and 02:59:59.999, drops
 * 00:59 and 03:00.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException when start is not before end, or neither is given
 */
public final class FilterTime extends TimeSeriesTransform<FilterTime> {
  private static final long serialVersionUID = 1L;

  private final Instant start;
  private final Instant end;

  private FilterTime(SeriesOptions options, Instant start, Instant end) {
    super(options);
    if (start == null && end == null) {
      throw new IllegalArgumentException("FilterTime: needs start or end. Got neither.");
    }
    if (start != null && end != null && !start.isBefore(end)) {
      throw new IllegalArgumentException(
          "FilterTime: start (" + show(start) + ") is not before end (" + show(end) + ").");
    }
    this.start = start;
    this.end = end;
  }

  /** Keeps {@code start <= t < end}. */
  public static FilterTime between(Instant start, Instant end) {
    return new FilterTime(SeriesOptions.defaults(), start, end);
  }

  /** Keeps {@code t >= start}. */
  public static FilterTime from(Instant start) {
    return new FilterTime(SeriesOptions.defaults(), start, null);
  }

  /** Keeps {@code t < end}. */
  public static FilterTime until(Instant end) {
    return new FilterTime(SeriesOptions.defaults(), null, end);
  }

  /** ISO-8601 in UTC, without zero seconds ({@code 2024-01-01T00:00Z}). */
  static String show(Instant t) {
    return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(t.getMillis()), ZoneOffset.UTC)
        .toString();
  }

  /** The inclusive start, or {@code null} when open. */
  public Instant start() {
    return start;
  }

  /** The exclusive end, or {@code null} when open. */
  public Instant end() {
    return end;
  }

  @Override
  protected FilterTime withOptions(SeriesOptions o) {
    return new FilterTime(o, start, end);
  }

  @Override
  public String typeName() {
    return "filter_time";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (start != null) {
      p.put("start", show(start));
    }
    if (end != null) {
      p.put("end", show(end));
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    return new FilterKernel(
        context.stepName(),
        input,
        start == null ? Long.MIN_VALUE : start.getMillis(),
        end == null ? Long.MAX_VALUE : end.getMillis());
  }

  /** Keeps the rows in {@code [from, to)}; the segment is sorted, so it is one slice. */
  static final class FilterKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private final long from;
    private final long to;

    FilterKernel(String step, ChunkLayout layout, long from, long to) {
      super(step, layout, ContextSpec.segmentLocal());
      this.from = from;
      this.to = to;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      long[] t = input.times();
      int n = t.length;
      int a = 0;
      while (a < n && t[a] < from) {
        a++;
      }
      int b = n;
      while (b > a && t[b - 1] >= to) {
        b--;
      }
      ctx.count("rows_dropped", n - (b - a));
      return input.slice(a, b);
    }
  }
}
