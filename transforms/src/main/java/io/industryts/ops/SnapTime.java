package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.time.Duration;

/**
 * Rounds timestamps to an epoch-aligned grid — SEMANTICS §2.2.6 {@code snap_time}.
 *
 * <pre>{@code
 * input.apply(SnapTime.round(Duration.standardSeconds(1)));
 * input.apply(SnapTime.floor(Duration.standardMinutes(5)));
 * }</pre>
 *
 * <p>Only the time field changes: {@code floor} to the grid point at or before, {@code ceil} at or
 * after, {@code round} to the nearest, exact halves to the even multiple of {@code freq} counted
 * from the epoch (pandas). Rows may then share a time (follow with {@link DropDuplicates}); the
 * engine re-establishes series order by the new time, ties in input order. The schema does not
 * change; element timestamps become {@code max(old, new time)} (§1.8). Example, freq 1s: {@code
 * 00:00:00.500 → 00:00:00}, {@code 00:00:01.500 → 00:00:02}, {@code 00:00:01.499 → 00:00:01}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window is not supported yet
 * (rejected when the transform is applied, naming fixed windows as the fix). On windowed input, a
 * trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a freq ≤ 0
 */
public final class SnapTime extends TimeSeriesTransform<SnapTime> {
  private static final long serialVersionUID = 1L;

  /** Rounding direction (TOML {@code mode}). */
  public enum Mode {
    ROUND,
    FLOOR,
    CEIL
  }

  private final long freq;
  private final Mode mode;

  private SnapTime(SeriesOptions options, long freq, Mode mode) {
    super(options);
    this.freq = freq;
    this.mode = mode;
  }

  private static SnapTime of(Duration freq, Mode mode) {
    if (freq == null || freq.getMillis() <= 0) {
      throw new IllegalArgumentException("SnapTime: freq must be > 0. Got " + freq + ".");
    }
    return new SnapTime(SeriesOptions.defaults(), freq.getMillis(), mode);
  }

  /** Nearest grid point; halves to the even multiple. */
  public static SnapTime round(Duration freq) {
    return of(freq, Mode.ROUND);
  }

  /** Grid point at or before. */
  public static SnapTime floor(Duration freq) {
    return of(freq, Mode.FLOOR);
  }

  /** Grid point at or after. */
  public static SnapTime ceil(Duration freq) {
    return of(freq, Mode.CEIL);
  }

  /** {@code freq} snapped by {@code mode}. */
  public static SnapTime of(Mode mode, Duration freq) {
    return of(freq, mode);
  }

  /** The grid step, epoch-aligned. */
  public Duration freq() {
    return Duration.millis(freq);
  }

  /** How times move to the grid ({@code ROUND}, {@code FLOOR}, {@code CEIL}). */
  public Mode mode() {
    return mode;
  }

  @Override
  protected SnapTime withOptions(SeriesOptions o) {
    return new SnapTime(o, freq, mode);
  }

  @Override
  public String typeName() {
    return "snap_time";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("freq", Names.duration(freq()));
    p.put("mode", Names.lower(mode));
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    return new SnapKernel(context.stepName(), input, freq, mode);
  }

  /** {@code t} snapped to a multiple of {@code w} by {@code mode}. */
  static long snap(long t, long w, Mode mode) {
    long q = Math.floorDiv(t, w);
    long r = t - q * w;
    if (r == 0 || mode == Mode.FLOOR) {
      return q * w;
    }
    if (mode == Mode.CEIL) {
      return (q + 1) * w;
    }
    long twice = 2 * r;
    if (twice < w || (twice == w && (q & 1) == 0)) {
      return q * w;
    }
    return (q + 1) * w;
  }

  /** Row-local time rewrite; the engine re-sorts afterwards. */
  static final class SnapKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private final long w;
    private final Mode mode;

    SnapKernel(String step, ChunkLayout layout, long w, Mode mode) {
      super(step, layout, ContextSpec.rowLocal().withChangesTime());
      this.w = w;
      this.mode = mode;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      long[] t = input.times();
      long[] out = new long[t.length];
      for (int i = 0; i < t.length; i++) {
        out[i] = snap(t[i], w, mode);
      }
      return input.withTimes(out);
    }
  }
}
