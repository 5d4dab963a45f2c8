package io.industryts.ops;

import io.industryts.PlanContext;
import io.industryts.SeriesOptions;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.CarryKernel;
import io.industryts.engine.Chunk;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.Column;
import io.industryts.engine.ContextSpec;
import io.industryts.engine.DoubleColumn;
import io.industryts.engine.Kernel;
import io.industryts.engine.KernelContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;

/**
 * Exponentially weighted mean, standard deviation and variance — SEMANTICS §2.3.4 {@code ewm}.
 *
 * <pre>{@code
 * input.apply(Ewm.span(10).of("temp"));
 * input.apply(Ewm.alpha(0.3).adjust(false).compute(Ewm.Fn.MEAN, Ewm.Fn.STD).of("temp"));
 * input.apply(Ewm.halflife(Duration.standardHours(1)).of("temp"));   // time-aware mean
 * }</pre>
 *
 * <p>Exactly pandas' recursions ({@code s.ewm(...).mean()/.std()/.var()}, {@code bias=False}) per
 * series in series order: {@code α = 2/(span + 1)}, {@code 1/(1 + com)}, {@code 1 − exp(−ln 2 /
 * halflife)} or {@code alpha}; {@link #adjust} and {@link #ignoreNa} as pandas; a null row outputs
 * the current average. A duration half-life decays by {@code 0.5^(Δt/τ)} per row (pandas {@code
 * times=}) and needs {@code adjust = true} and mean only. Outputs are null until {@link
 * #withMinPeriods} non-null values were seen (default 1); the variance of fewer than two effective
 * observations is null.
 *
 * <p>Output schema: the input fields, then {@code {c}_ewm_{fn}_{param}{v}} (DOUBLE, nullable,
 * derived) per column and function, e.g. {@code temp_ewm_mean_span10}, {@code temp_ewm_std_alpha0_3},
 * {@code temp_ewm_mean_halflife_1h}. Example ({@code alpha = 0.5}, {@code x = 1, 2, ·, 4}): mean
 * {@code 1, 1.6667, 1.6667, 3.3636}; var {@code ·, 0.5, 0.5, 2.6538}.
 *
 * <p>Across segments the state is recomputed from the raw values of all earlier segments (the
 * carry is those values), which is exact for every option but ships each series' earlier values
 * to its later segments.
 *
 * @throws IllegalArgumentException for a parameter out of range, a duration half-life with
 *     {@code adjust = false} or std/var, {@code min_periods < 1}, or (when applied) a missing,
 *     time, key or non-numeric column or an existing output name
 */
public final class Ewm extends TimeSeriesTransform<Ewm> {
  private static final long serialVersionUID = 1L;

  /** Statistics (TOML {@code functions}). */
  public enum Fn {
    MEAN,
    STD,
    VAR
  }

  private final String param;
  private final double paramValue;
  private final Duration halflifeDuration;
  private final double alpha;
  private final boolean adjust;
  private final boolean ignoreNa;
  private final List<Fn> functions;
  private final int minPeriods;
  private final List<String> columns;

  private Ewm(SeriesOptions options, String param, double paramValue, Duration halflifeDuration,
      double alpha, boolean adjust, boolean ignoreNa, List<Fn> functions, int minPeriods,
      List<String> columns) {
    super(options);
    if (halflifeDuration != null && (!adjust || !functions.equals(List.of(Fn.MEAN)))) {
      throw new IllegalArgumentException(
          "Ewm: a duration halflife needs adjust = true and functions = [\"mean\"].");
    }
    this.param = param;
    this.paramValue = paramValue;
    this.halflifeDuration = halflifeDuration;
    this.alpha = alpha;
    this.adjust = adjust;
    this.ignoreNa = ignoreNa;
    this.functions = List.copyOf(functions);
    this.minPeriods = minPeriods;
    this.columns = List.copyOf(columns);
  }

  private static Ewm of(String param, double v, Duration d, double alpha) {
    return new Ewm(SeriesOptions.defaults(), param, v, d, alpha, true, false, List.of(Fn.MEAN), 1,
        List.of());
  }

  /** {@code α = 2 / (span + 1)}, {@code span ≥ 1}. */
  public static Ewm span(double span) {
    if (!(span >= 1)) {
      throw new IllegalArgumentException("Ewm: span must be >= 1. Got " + span + ".");
    }
    return of("span", span, null, 2.0 / (span + 1.0));
  }

  /** The smoothing factor itself, {@code 0 < alpha ≤ 1}. */
  public static Ewm alpha(double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("Ewm: alpha must be in (0, 1]. Got " + alpha + ".");
    }
    return of("alpha", alpha, null, alpha);
  }

  /** Centre of mass: {@code α = 1 / (1 + com)}, {@code com ≥ 0}. */
  public static Ewm com(double com) {
    if (!(com >= 0)) {
      throw new IllegalArgumentException("Ewm: com must be >= 0. Got " + com + ".");
    }
    return of("com", com, null, 1.0 / (1.0 + com));
  }

  /** Half-life in rows: {@code α = 1 − exp(−ln 2 / halflife)}, {@code halflife > 0}. */
  public static Ewm halflife(double halflife) {
    if (!(halflife > 0)) {
      throw new IllegalArgumentException("Ewm: halflife must be > 0. Got " + halflife + ".");
    }
    return of("halflife", halflife, null, 1.0 - Math.exp(-Math.log(2.0) / halflife));
  }

  /** Time-aware half-life: each row decays the old weight by {@code 0.5^(Δt / halflife)}. */
  public static Ewm halflife(Duration halflife) {
    if (halflife == null || halflife.getMillis() <= 0) {
      throw new IllegalArgumentException("Ewm: halflife must be > 0. Got " + halflife + ".");
    }
    return of("halflife", 0, halflife, 0.5);
  }

  private Ewm copy(boolean adj, boolean ign, List<Fn> fns, int mp, List<String> cols) {
    return new Ewm(options(), param, paramValue, halflifeDuration, alpha, adj, ign, fns, mp, cols);
  }

  /** The columns (default: value columns). */
  public Ewm of(String... cols) {
    return copy(adjust, ignoreNa, functions, minPeriods, Arrays.asList(cols));
  }

  /** pandas {@code adjust} (default true). */
  public Ewm adjust(boolean on) {
    return copy(on, ignoreNa, functions, minPeriods, columns);
  }

  /** pandas {@code ignore_na} (default false). */
  public Ewm ignoreNa(boolean on) {
    return copy(adjust, on, functions, minPeriods, columns);
  }

  /** The statistics to output, in this order (default mean). */
  public Ewm compute(Fn... fns) {
    if (fns.length == 0) {
      throw new IllegalArgumentException("Ewm: functions must not be empty.");
    }
    return copy(adjust, ignoreNa, Arrays.asList(fns), minPeriods, columns);
  }

  /** Non-null values needed before a value is output (default 1). */
  public Ewm withMinPeriods(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Ewm: min_periods must be >= 1. Got " + n + ".");
    }
    return copy(adjust, ignoreNa, functions, n, columns);
  }

  public double alphaValue() {
    return alpha;
  }

  /** The parameter as written in output names: {@code span10}, {@code alpha0_3}, {@code halflife_1h}. */
  String nameParam() {
    return halflifeDuration != null ? "halflife_" + Names.duration(halflifeDuration)
        : param + Names.number(paramValue);
  }

  @Override
  protected Ewm withOptions(SeriesOptions o) {
    return new Ewm(o, param, paramValue, halflifeDuration, alpha, adjust, ignoreNa, functions,
        minPeriods, columns);
  }

  @Override
  public String typeName() {
    return "ewm";
  }

  @Override
  public String toString() {
    return "ewm{" + param + "=" + (halflifeDuration != null ? Names.duration(halflifeDuration)
        : Names.number(paramValue).replace('_', '.')) + ", adjust=" + adjust + ", ignore_na="
        + ignoreNa + ", functions=" + functions.toString().toLowerCase(java.util.Locale.ROOT)
        + ", min_periods=" + minPeriods + ", columns=" + columns + "}";
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Ewm", input, cols, true);
    Schema in = input.schema();
    List<String> names = new ArrayList<>();
    for (int f : idx) {
      for (Fn fn : functions) {
        names.add(in.getField(f).getName() + "_ewm_" + Names.lower(fn) + "_" + nameParam());
      }
    }
    OpColumns.checkNewNames("Ewm", in, names);
    Schema.Builder b = OpColumns.copyOf(in);
    for (String n : names) {
      b.addField(OpColumns.derived(n, FieldType.DOUBLE));
    }
    return new EwmKernel(context.stepName(), input.withSchema(b.build()), idx,
        functions.toArray(new Fn[0]), alpha, adjust, ignoreNa, minPeriods,
        halflifeDuration == null ? -1 : halflifeDuration.getMillis());
  }

  /** Raw times and values of the kernel's columns over a stretch of the series. */
  static final class Values implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] times;
    final double[][] values;
    final boolean[][] nulls;

    Values(long[] times, double[][] values, boolean[][] nulls) {
      this.times = times;
      this.values = values;
      this.nulls = nulls;
    }
  }

  /** pandas' online recursions for one column (SEMANTICS §2.3.4). */
  static final class State {
    final double f;
    final double nw;
    final boolean adjust;
    final boolean ignoreNa;
    final long tau;
    boolean started;
    long lastTime;
    long nobs;
    // mean
    double y;
    boolean hasY;
    double old = 1;
    // var
    double m;
    boolean hasM;
    double cov;
    double sw = 1;
    double sw2 = 1;
    double oldV = 1;

    State(double alpha, boolean adjust, boolean ignoreNa, long tau) {
      this.f = 1 - alpha;
      this.nw = adjust ? 1 : alpha;
      this.adjust = adjust;
      this.ignoreNa = ignoreNa;
      this.tau = tau;
    }

    void step(long t, boolean obs, double x) {
      if (!started) {
        started = true;
        lastTime = t;
        nobs = obs ? 1 : 0;
        hasY = obs;
        y = x;
        hasM = obs;
        m = x;
        return;
      }
      if (obs) {
        nobs++;
      }
      double decay = tau > 0 ? Math.pow(0.5, (double) (t - lastTime) / (double) tau) : f;
      lastTime = t;
      if (hasY) {
        if (obs || !ignoreNa) {
          old *= decay;
          if (obs) {
            if (y != x) {
              y = (old * y + nw * x) / (old + nw);
            }
            old = adjust ? old + nw : 1.0;
          }
        }
      } else if (obs) {
        y = x;
        hasY = true;
      }
      if (hasM) {
        if (obs || !ignoreNa) {
          sw *= f;
          sw2 *= f * f;
          oldV *= f;
          if (obs) {
            double m0 = m;
            if (m != x) {
              m = (oldV * m0 + nw * x) / (oldV + nw);
            }
            cov = (oldV * (cov + ((m0 - m) * (m0 - m))) + nw * ((x - m) * (x - m))) / (oldV + nw);
            sw += nw;
            sw2 += nw * nw;
            oldV += nw;
            if (!adjust) {
              sw /= oldV;
              sw2 /= oldV * oldV;
              oldV = 1.0;
            }
          }
        }
      } else if (obs) {
        m = x;
        hasM = true;
      }
    }

    /** The bias-corrected variance, NaN when undefined. */
    double variance() {
      double num = sw * sw;
      double d = num - sw2;
      return d > 0 ? (num / d) * cov : Double.NaN;
    }
  }

  /** Runs the recursions over the segment, starting from the state of all earlier values. */
  static final class EwmKernel extends BaseKernel implements CarryKernel<Values> {
    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final Fn[] fns;
    private final double alpha;
    private final boolean adjust;
    private final boolean ignoreNa;
    private final int minPeriods;
    private final long tau;

    EwmKernel(String step, ChunkLayout out, int[] cols, Fn[] fns, double alpha, boolean adjust,
        boolean ignoreNa, int minPeriods, long tau) {
      super(step, out, ContextSpec.rowLocal());
      this.cols = cols;
      this.fns = fns;
      this.alpha = alpha;
      this.adjust = adjust;
      this.ignoreNa = ignoreNa;
      this.minPeriods = minPeriods;
      this.tau = tau;
    }

    @Override
    public boolean forward() {
      return true;
    }

    @Override
    public Values summarize(Chunk seg) {
      double[][] v = new double[cols.length][];
      boolean[][] nulls = new boolean[cols.length][];
      for (int c = 0; c < cols.length; c++) {
        Column col = seg.column(cols[c]);
        v[c] = OpColumns.doubles(col).clone();
        nulls[c] = OpColumns.nulls(col).clone();
      }
      return new Values(seg.times().clone(), v, nulls);
    }

    @Override
    public Values combine(Values earlier, Values later) {
      if (earlier == null) {
        return later;
      }
      if (later == null) {
        return earlier;
      }
      int a = earlier.times.length;
      int b = later.times.length;
      long[] t = Arrays.copyOf(earlier.times, a + b);
      System.arraycopy(later.times, 0, t, a, b);
      double[][] v = new double[cols.length][];
      boolean[][] nulls = new boolean[cols.length][];
      for (int c = 0; c < cols.length; c++) {
        v[c] = Arrays.copyOf(earlier.values[c], a + b);
        System.arraycopy(later.values[c], 0, v[c], a, b);
        nulls[c] = Arrays.copyOf(earlier.nulls[c], a + b);
        System.arraycopy(later.nulls[c], 0, nulls[c], a, b);
      }
      return new Values(t, v, nulls);
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      long[] t = input.times();
      Values before = (Values) ctx.carry();
      int base = input.columns().length;
      Column[] out = Arrays.copyOf(input.columnsCopy(), base + cols.length * fns.length);
      for (int c = 0; c < cols.length; c++) {
        State s = new State(alpha, adjust, ignoreNa, tau);
        if (before != null) {
          for (int i = 0; i < before.times.length; i++) {
            s.step(before.times[i], !before.nulls[c][i], before.values[c][i]);
          }
        }
        Column col = input.column(cols[c]);
        double[] v = OpColumns.doubles(col);
        boolean[] nulls = OpColumns.nulls(col);
        double[][] o = new double[fns.length][n];
        boolean[][] on = new boolean[fns.length][n];
        for (int i = 0; i < n; i++) {
          s.step(t[i], !nulls[i], v[i]);
          boolean enough = s.nobs >= minPeriods;
          for (int k = 0; k < fns.length; k++) {
            double x;
            if (!enough) {
              x = Double.NaN;
            } else if (fns[k] == Fn.MEAN) {
              x = s.hasY ? s.y : Double.NaN;
            } else {
              double var = s.variance();
              x = fns[k] == Fn.VAR ? var : Math.sqrt(var);
            }
            if (Double.isNaN(x) && (!enough || fns[k] != Fn.MEAN || !s.hasY)) {
              on[k][i] = true;
            } else {
              o[k][i] = x;
            }
          }
        }
        for (int k = 0; k < fns.length; k++) {
          out[base + c * fns.length + k] = new DoubleColumn(o[k], on[k]);
        }
      }
      return input.withColumns(outputLayout(), out);
    }
  }
}
