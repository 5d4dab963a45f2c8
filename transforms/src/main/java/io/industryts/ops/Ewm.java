package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
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
 * derived) per column and function, e.g. {@code temp_ewm_mean_span10}, {@code
 * temp_ewm_std_alpha0_3}, {@code temp_ewm_mean_halflife_1h}. Example ({@code alpha = 0.5}, {@code x
 * = 1, 2, ·, 4}): mean {@code 1, 1.6667, 1.6667, 3.3636}; var {@code ·, 0.5, 0.5, 2.6538}.
 *
 * <p>Across segments the carry is a constant-size {@link Summary} per column (weights, means,
 * variances and decays of the earlier rows) that composes associatively, so a series of any length
 * costs O(1) carried values per segment; the rows of each segment then run pandas' recursion itself
 * from the carried state.
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
 * @throws IllegalArgumentException for a parameter out of range, a duration half-life with {@code
 *     adjust = false} or std/var, {@code min_periods < 1}, or (when applied) a missing, time, key
 *     or non-numeric column or an existing output name
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

  private Ewm(
      SeriesOptions options,
      String param,
      double paramValue,
      Duration halflifeDuration,
      double alpha,
      boolean adjust,
      boolean ignoreNa,
      List<Fn> functions,
      int minPeriods,
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
    return new Ewm(
        SeriesOptions.defaults(), param, v, d, alpha, true, false, List.of(Fn.MEAN), 1, List.of());
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

  /** The smoothing factor α the decay parameter resolves to (span, com and alpha forms). */
  public double alphaValue() {
    return alpha;
  }

  /**
   * The output column of {@code fn} on {@code column}: {@code temp_ewm_mean_span10}, {@code
   * temp_ewm_std_alpha0_3}, {@code temp_ewm_mean_halflife_1h}.
   */
  String outputName(String column, Fn fn) {
    return halflifeDuration != null
        ? OutputNames.ewmHalflife(column, fn, halflifeDuration)
        : OutputNames.ewm(column, fn, param, paramValue);
  }

  @Override
  protected Ewm withOptions(SeriesOptions o) {
    return new Ewm(
        o,
        param,
        paramValue,
        halflifeDuration,
        alpha,
        adjust,
        ignoreNa,
        functions,
        minPeriods,
        columns);
  }

  @Override
  public String typeName() {
    return "ewm";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        param,
        halflifeDuration != null
            ? Names.duration(halflifeDuration)
            : Names.number(paramValue).replace('_', '.'));
    p.put("adjust", adjust);
    p.put("ignore_na", ignoreNa);
    p.put("functions", functions.toString().toLowerCase(java.util.Locale.ROOT));
    p.put("min_periods", minPeriods);
    p.put("columns", columns);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Ewm", input, cols, true);
    Schema in = input.schema();
    List<String> names = new ArrayList<>();
    for (int f : idx) {
      for (Fn fn : functions) {
        names.add(outputName(in.getField(f).getName(), fn));
      }
    }
    OutputNames.checkNoClash("Ewm", in, names);
    Schema.Builder b = OpColumns.copyOf(in);
    for (String n : names) {
      b.addField(OpColumns.derived(n, FieldType.DOUBLE));
    }
    return new EwmKernel(
        context.stepName(),
        input.withSchema(b.build()),
        idx,
        functions.toArray(new Fn[0]),
        alpha,
        adjust,
        ignoreNa,
        minPeriods,
        halflifeDuration == null ? -1 : halflifeDuration.getMillis());
  }

  /**
   * One stretch of the series as a function of the state before it, per column, in a constant
   * number of values: how much the earlier weights decay up to the stretch's first observation,
   * that observation with its weight, the stretch's later observations as one weighted group
   * (weight, mean, biased variance, sum of squared weights; weights as at the last observation),
   * and the decay after the last observation. Keeping the first observation apart is what lets
   * {@code adjust = false} re-weight it against the earlier state when stretches are joined.
   */
  static final class Summary implements Serializable {
    private static final long serialVersionUID = 1L;
    final long firstTime;
    final long lastTime;

    /** Whether the first row decays the earlier state (it is non-null, or nulls decay). */
    final boolean[] firstActive;

    final long[] nobs;

    /** Decay from the second row through the first observation (through all rows without one). */
    final double[] pre;

    final double[] x1;
    final double[] w1;
    final double[] rw;
    final double[] rmean;
    final double[] rcov;
    final double[] rsq;
    final double[] trail;

    Summary(long firstTime, long lastTime, int cols) {
      this.firstTime = firstTime;
      this.lastTime = lastTime;
      this.firstActive = new boolean[cols];
      this.nobs = new long[cols];
      this.pre = new double[cols];
      this.x1 = new double[cols];
      this.w1 = new double[cols];
      this.rw = new double[cols];
      this.rmean = new double[cols];
      this.rcov = new double[cols];
      this.rsq = new double[cols];
      this.trail = new double[cols];
    }

    /** Copies column {@code c} of {@code s} into this summary's column {@code c}. */
    void copy(Summary s, int c) {
      firstActive[c] = s.firstActive[c];
      nobs[c] = s.nobs[c];
      pre[c] = s.pre[c];
      x1[c] = s.x1[c];
      w1[c] = s.w1[c];
      rw[c] = s.rw[c];
      rmean[c] = s.rmean[c];
      rcov[c] = s.rcov[c];
      rsq[c] = s.rsq[c];
      trail[c] = s.trail[c];
    }

    /** Adds the group {@code (w, mean, cov, sq)} to the later observations of column {@code c}. */
    void addToRest(int c, boolean restEmpty, double w, double mean, double cov, double sq) {
      if (restEmpty) {
        rw[c] = w;
        rmean[c] = mean;
        rcov[c] = cov;
        rsq[c] = sq;
        return;
      }
      double wa = rw[c];
      double total = wa + w;
      if (total > 0) {
        double ma = rmean[c];
        double m = ma == mean ? ma : (wa * ma + w * mean) / total;
        rcov[c] =
            (wa * (rcov[c] + (ma - m) * (ma - m)) + w * (cov + (mean - m) * (mean - m))) / total;
        rmean[c] = m;
      } else {
        // every weight underflowed: the later group is what pandas' average would hold
        rmean[c] = mean;
        rcov[c] = cov;
      }
      rw[c] = total;
      rsq[c] += sq;
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

    /** Sets the state to the one after the rows that {@code before} summarizes (column c). */
    void resume(Summary before, int c) {
      started = true;
      lastTime = before.lastTime;
      nobs = before.nobs[c];
      if (nobs == 0) {
        return;
      }
      // the first observation and the later ones as one group, as pandas' recursion holds it
      double w = before.w1[c];
      double mean = before.x1[c];
      double var = 0;
      double sq = w * w;
      if (nobs > 1) {
        double wb = before.rw[c];
        double mb = before.rmean[c];
        double total = w + wb;
        if (total > 0) {
          double m = mean == mb ? mean : (w * mean + wb * mb) / total;
          var = (w * (mean - m) * (mean - m) + wb * (before.rcov[c] + (mb - m) * (mb - m))) / total;
          mean = m;
        } else {
          mean = mb;
          var = before.rcov[c];
        }
        w = total;
        sq += before.rsq[c];
      }
      double trail = before.trail[c];
      hasY = true;
      hasM = true;
      y = mean;
      m = mean;
      cov = var;
      old = w * trail;
      oldV = old;
      sw = old;
      sw2 = sq * trail * trail;
    }

    /** The bias-corrected variance, NaN when undefined. */
    double variance() {
      double num = sw * sw;
      double d = num - sw2;
      return d > 0 ? (num / d) * cov : Double.NaN;
    }
  }
}
