package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;

/**
 * Increases and rates of monotonic counters (totalizers, meters, packet counters) with resets and
 * rollover — SEMANTICS §2.8.2 {@code counter}.
 *
 * <pre>{@code
 * input.apply(Counter.of("energy_kwh").withRollover(65536));
 * input.apply(Counter.of("packets").withOutputs(Counter.Output.RATE)
 *     .withRateUnit(Duration.standardMinutes(1)).withMaxIncrease(10_000));
 * }</pre>
 *
 * <p>For each row with a non-null value {@code x}, {@code p} is the previous non-null value of the
 * series (in series order, at time {@code t_p}, however many segments earlier). The increase is
 * {@code x − p} when {@code x ≥ p}; a decrease is a reset (counter {@code counter_resets}): the
 * increase is {@code x + rollover − p} with {@link #withRollover}, else {@code x} (the counter
 * restarted from 0). An increase above {@link #withMaxIncrease} is a glitch: null, counter {@code
 * counter_glitches}. The rate is the increase per {@link #withRateUnit rate unit} (default 1 s)
 * over {@code t − t_p}, null when {@code t = t_p}. Both are null on the first non-null row of a
 * series and on null rows, which leave {@code p} as it was; a NaN kept as a value ({@code
 * nan_as_null = false}) propagates to both, counting neither a reset nor a glitch. Example ({@code
 * rollover = 100}, {@code t = 0, 10, 20, 30, 40 s}, {@code x = 90, 95, 3, ·, 10}): increase {@code
 * ·, 5, 8, ·, 7}, rate {@code ·, 0.5, 0.8, ·, 0.35}; without rollover the increase at 20 s is 3
 * (rate 0.3).
 *
 * <p>Output schema: the input, then per column (in {@code columns} order) {@code {c}_increase} and
 * {@code {c}_rate} (in {@link #withOutputs outputs} order) plus {@code suffix}, DOUBLE, nullable,
 * derived. Class {@code ordered}: the engine carries each column's last non-null sample into every
 * later segment.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): rows are emitted when the watermark passes them; the
 * earlier rows, duration or carry the operation reads are kept per series. On windowed input, a
 * trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a rollover, rate unit or max increase ≤ 0, no or repeated
 *     outputs, a missing, time, key or non-numeric column, or an output name that already exists
 */
public final class Counter extends TimeSeriesTransform<Counter> {
  private static final long serialVersionUID = 1L;

  /** What to compute per column (TOML {@code outputs}). */
  public enum Output {
    /** {@code {c}_increase}: the counter's increase since the previous sample. */
    INCREASE,
    /** {@code {c}_rate}: that increase per rate unit. */
    RATE
  }

  private final List<String> columns;
  private final List<Output> outputs;

  /** Wrap value; NaN = none. */
  private final double rollover;

  private final long rateUnit;

  /** Largest plausible increase; NaN = none. */
  private final double maxIncrease;

  private final String suffix;

  private Counter(
      SeriesOptions options,
      List<String> columns,
      List<Output> outputs,
      double rollover,
      long rateUnit,
      double maxIncrease,
      String suffix) {
    super(options);
    this.columns = List.copyOf(columns);
    this.outputs = List.copyOf(outputs);
    this.rollover = rollover;
    this.rateUnit = rateUnit;
    this.maxIncrease = maxIncrease;
    this.suffix = suffix;
  }

  /** Increase and rate of {@code columns} (none = the value columns). */
  public static Counter of(String... columns) {
    return new Counter(
        SeriesOptions.defaults(),
        Arrays.asList(columns),
        List.of(Output.INCREASE, Output.RATE),
        Double.NaN,
        1000,
        Double.NaN,
        "");
  }

  /** The outputs to compute, in this order per column (default increase, rate). */
  public Counter withOutputs(Output... outs) {
    if (outs.length == 0) {
      throw new IllegalArgumentException(
          "Counter: outputs must not be empty. Got []; expected one"
              + " or more of [increase, rate].");
    }
    List<Output> list = new ArrayList<>();
    for (Output o : outs) {
      if (list.contains(o)) {
        throw new IllegalArgumentException(
            "Counter: output \"" + Names.lower(o) + "\" is listed twice.");
      }
      list.add(o);
    }
    return new Counter(options(), columns, list, rollover, rateUnit, maxIncrease, suffix);
  }

  /** The counter wraps at {@code value}: it counts in {@code [0, value)}. */
  public Counter withRollover(double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Counter: rollover must be > 0. Got " + value + ".");
    }
    return new Counter(options(), columns, outputs, value, rateUnit, maxIncrease, suffix);
  }

  /** The rate is the increase per {@code unit} (default 1 s). */
  public Counter withRateUnit(Duration unit) {
    if (unit == null || unit.getMillis() <= 0) {
      throw new IllegalArgumentException("Counter: rate_unit must be > 0. Got " + unit + ".");
    }
    return new Counter(
        options(), columns, outputs, rollover, unit.getMillis(), maxIncrease, suffix);
  }

  /** An increase above {@code value} is a glitch: null, counted as {@code counter_glitches}. */
  public Counter withMaxIncrease(double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException("Counter: max_increase must be > 0. Got " + value + ".");
    }
    return new Counter(options(), columns, outputs, rollover, rateUnit, value, suffix);
  }

  /** Appends {@code s} to the generated names ({@code energy_increase_kwh}). */
  public Counter withSuffix(String s) {
    return new Counter(
        options(), columns, outputs, rollover, rateUnit, maxIncrease, s == null ? "" : s);
  }

  @Override
  protected Counter withOptions(SeriesOptions o) {
    return new Counter(o, columns, outputs, rollover, rateUnit, maxIncrease, suffix);
  }

  @Override
  public String typeName() {
    return "counter";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("columns", columns);
    p.put("outputs", Names.lower(outputs));
    if (!Double.isNaN(rollover)) {
      p.put("rollover", rollover);
    }
    if (rateUnit != 1000) {
      p.put("rate_unit", Names.duration(Duration.millis(rateUnit)));
    }
    if (!Double.isNaN(maxIncrease)) {
      p.put("max_increase", maxIncrease);
    }
    if (!suffix.isEmpty()) {
      p.put("suffix", suffix);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Counter", input, cols, true);
    Schema in = input.schema();
    Schema.Builder sb = OpColumns.copyOf(in);
    List<String> names = new ArrayList<>();
    for (int f : idx) {
      for (Output o : outputs) {
        String name =
            OutputNames.suffixed(OutputNames.counter(in.getField(f).getName(), o), suffix);
        names.add(name);
        sb.addField(OpColumns.derived(name, FieldType.DOUBLE));
      }
    }
    OutputNames.checkNoClash("Counter", in, names);
    return new CounterKernel(
        context.stepName(),
        input.withSchema(sb.build()),
        idx,
        outputs.toArray(new Output[0]),
        rollover,
        rateUnit,
        maxIncrease,
        in.getFieldCount());
  }

  /** The last non-null sample of each column in a stretch of the series. */
  static final class Last implements Serializable {
    private static final long serialVersionUID = 1L;
    final boolean[] has;
    final long[] time;
    final double[] value;

    Last(int k) {
      has = new boolean[k];
      time = new long[k];
      value = new double[k];
    }
  }

  /** Computes increases and rates; carries each column's previous sample across segments. */
  static final class CounterKernel extends BaseKernel implements CarryKernel<Last> {
    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final Output[] outputs;
    private final double rollover;
    private final long rateUnit;
    private final double maxIncrease;
    private final int firstOut;

    CounterKernel(
        String step,
        ChunkLayout out,
        int[] cols,
        Output[] outputs,
        double rollover,
        long rateUnit,
        double maxIncrease,
        int firstOut) {
      super(step, out, ContextSpec.rowLocal());
      this.cols = cols;
      this.outputs = outputs;
      this.rollover = rollover;
      this.rateUnit = rateUnit;
      this.maxIncrease = maxIncrease;
      this.firstOut = firstOut;
    }

    @Override
    public boolean forward() {
      return true;
    }

    @Override
    public Last summarize(Chunk segment) {
      Last l = new Last(cols.length);
      long[] t = segment.times();
      for (int c = 0; c < cols.length; c++) {
        Column col = segment.column(cols[c]);
        for (int r = t.length - 1; r >= 0; r--) {
          if (!col.isNull(r)) {
            l.has[c] = true;
            l.time[c] = t[r];
            l.value[c] = OpColumns.doubles(col)[r];
            break;
          }
        }
      }
      return l;
    }

    @Override
    public Last combine(Last earlier, Last later) {
      if (earlier == null) {
        return later;
      }
      if (later == null) {
        return earlier;
      }
      Last out = new Last(cols.length);
      for (int c = 0; c < cols.length; c++) {
        Last from = later.has[c] ? later : earlier;
        out.has[c] = from.has[c];
        out.time[c] = from.time[c];
        out.value[c] = from.value[c];
      }
      return out;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      Last carry = ctx.carry(this);
      int n = input.size();
      long[] t = input.times();
      Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
      long resets = 0;
      long glitches = 0;
      double unitSeconds = rateUnit / 1000.0;
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        boolean[] nulls = OpColumns.nulls(col);
        double[] x = OpColumns.doubles(col);
        double[] inc = new double[n];
        double[] rate = new double[n];
        boolean[] incNull = new boolean[n];
        boolean[] rateNull = new boolean[n];
        boolean hasPrev = carry != null && carry.has[c];
        double p = hasPrev ? carry.value[c] : 0;
        long tp = hasPrev ? carry.time[c] : 0;
        for (int r = 0; r < n; r++) {
          incNull[r] = true;
          rateNull[r] = true;
          if (nulls[r]) {
            continue;
          }
          if (hasPrev) {
            double d;
            if (x[r] >= p || Double.isNaN(x[r]) || Double.isNaN(p)) {
              d = x[r] - p; // a NaN kept as a value (nan_as_null = false) propagates
            } else {
              resets++;
              d = Double.isNaN(rollover) ? x[r] : x[r] + rollover - p;
            }
            if (!Double.isNaN(maxIncrease) && d > maxIncrease) {
              glitches++;
            } else {
              inc[r] = d;
              incNull[r] = false;
              double dt = (t[r] - tp) / 1000.0 / unitSeconds;
              if (dt > 0) {
                rate[r] = d / dt;
                rateNull[r] = false;
              }
            }
          }
          hasPrev = true;
          p = x[r];
          tp = t[r];
        }
        for (int o = 0; o < outputs.length; o++) {
          out[firstOut + c * outputs.length + o] =
              outputs[o] == Output.INCREASE
                  ? new DoubleColumn(inc, incNull)
                  : new DoubleColumn(rate, rateNull);
        }
      }
      ctx.count("counter_resets", resets);
      ctx.count("counter_glitches", glitches);
      return input.withColumns(outputLayout(), out);
    }
  }
}
