package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
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
 * Common base of {@link Lag}, {@link Lead}, {@link Diff} and {@link PctChange}: the periods, the
 * columns and the suffix of a shift, and the copies that change them.
 *
 * @param <T> the concrete operation type, returned by the modifiers
 */
public abstract class Shift<T extends Shift<T>> extends TimeSeriesTransform<T> {
  private static final long serialVersionUID = 1L;

  final Spec spec;

  Shift(SeriesOptions options, Spec spec) {
    super(options);
    this.spec = spec;
  }

  /** A copy with another spec; implemented by each operation. */
  abstract T withSpec(Spec newSpec);

  /**
   * A copy that reads {@code columns} (none = the value columns, SEMANTICS §1.5), e.g. {@code
   * Lag.rows(1).of("temp")}. The receiver is unchanged.
   *
   * @throws IllegalArgumentException at {@code expand()} when a column is missing, the time column
   *     or a key column
   */
  public T of(String... columns) {
    return withSpec(spec.withColumns(Arrays.asList(columns)));
  }

  /**
   * A copy that appends {@code suffix} to every generated name (SEMANTICS §1.9), e.g. {@code
   * temp_lag1_raw} with {@code "_raw"}, so two steps with the same periods can coexist.
   */
  public T withSuffix(String suffix) {
    return withSpec(spec.withSuffix(suffix));
  }

  /** The columns read; empty = the value columns of the input. */
  public List<String> columns() {
    return spec.columns;
  }

  /** The suffix appended to generated names; empty by default. */
  public String suffix() {
    return spec.suffix;
  }

  /** The row periods, in the order given (duration periods are in {@link #durationPeriods()}). */
  public List<Integer> rowPeriods() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < spec.periods.length; i++) {
      if (spec.millis[i] == 0) {
        out.add(spec.periods[i]);
      }
    }
    return out;
  }

  /** The duration periods, in the order given (row periods are in {@link #rowPeriods()}). */
  public List<Duration> durationPeriods() {
    List<Duration> out = new ArrayList<>();
    for (long m : spec.millis) {
      if (m != 0) {
        out.add(Duration.millis(m));
      }
    }
    return out;
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("columns", spec.columns);
    p.put("periods", spec.periodRendering());
    if (spec.tolerance >= 0) {
      p.put("tolerance", Names.duration(Duration.millis(spec.tolerance)));
    }
    if (!spec.suffix.isEmpty()) {
      p.put("suffix", spec.suffix);
    }
    return p;
  }

  /**
   * Op name, periods, direction, columns, suffix and tolerance of a shift. Entry {@code i} of the
   * periods is {@code periods[i]} rows when {@code millis[i] == 0}, else a duration of {@code
   * millis[i]} ms; outputs follow the entries' order (SEMANTICS §1.9).
   */
  static final class Spec implements Serializable {
    private static final long serialVersionUID = 1L;
    final String op;
    final boolean lead;
    final int[] periods;
    final long[] millis;
    final List<String> columns;
    final String suffix;
    final long tolerance;

    private Spec(
        String op,
        boolean lead,
        int[] periods,
        long[] millis,
        List<String> columns,
        String suffix,
        long tolerance) {
      this.op = op;
      this.lead = lead;
      this.periods = periods;
      this.millis = millis;
      this.columns = List.copyOf(columns);
      this.suffix = suffix;
      this.tolerance = tolerance;
    }

    static Spec rows(String op, boolean lead, int... periods) {
      if (periods.length == 0) {
        periods = new int[] {1};
      }
      return new Spec(op, lead, new int[0], new long[0], List.of(), "", -1).andRows(periods);
    }

    static Spec durations(String op, boolean lead, Duration... periods) {
      if (periods.length == 0) {
        throw new IllegalArgumentException(op + ": periods must not be empty.");
      }
      return new Spec(op, lead, new int[0], new long[0], List.of(), "", -1).andDurations(periods);
    }

    /** These periods followed by row periods {@code more}. */
    Spec andRows(int... more) {
      int n = periods.length;
      int[] p = Arrays.copyOf(periods, n + more.length);
      long[] m = Arrays.copyOf(millis, n + more.length);
      for (int i = 0; i < more.length; i++) {
        if (more[i] < 1) {
          throw new IllegalArgumentException(
              op
                  + ": periods must be >= 1. Got "
                  + more[i]
                  + "."
                  + ("Lag".equals(op) ? " Use lead for later rows." : ""));
        }
        p[n + i] = more[i];
      }
      return new Spec(op, lead, p, m, columns, suffix, tolerance);
    }

    /** These periods followed by duration periods {@code more}. */
    Spec andDurations(Duration... more) {
      int n = periods.length;
      int[] p = Arrays.copyOf(periods, n + more.length);
      long[] m = Arrays.copyOf(millis, n + more.length);
      for (int i = 0; i < more.length; i++) {
        if (more[i] == null || more[i].getMillis() <= 0) {
          throw new IllegalArgumentException(op + ": periods must be > 0. Got " + more[i] + ".");
        }
        m[n + i] = more[i].getMillis();
      }
      return new Spec(op, lead, p, m, columns, suffix, tolerance);
    }

    Spec withColumns(List<String> cols) {
      return new Spec(op, lead, periods, millis, cols, suffix, tolerance);
    }

    Spec withSuffix(String s) {
      if (s == null) {
        throw new IllegalArgumentException(op + ": suffix must not be null. Use \"\" for none.");
      }
      return new Spec(op, lead, periods, millis, columns, s, tolerance);
    }

    private boolean hasDurations() {
      for (long m : millis) {
        if (m != 0) {
          return true;
        }
      }
      return false;
    }

    Spec withTolerance(Duration tol) {
      if (!hasDurations()) {
        throw new IllegalArgumentException(
            op
                + ": tolerance is only valid with duration periods. Use "
                + op
                + ".by(Duration...).");
      }
      if (tol == null || tol.getMillis() <= 0) {
        throw new IllegalArgumentException(op + ": tolerance must be > 0. Got " + tol + ".");
      }
      return new Spec(op, lead, periods, millis, columns, suffix, tol.getMillis());
    }

    /**
     * The output column of period {@code p} on {@code column} (§1.9): {@code temp_lag1}, {@code
     * temp_lead_5min}, {@code temp_diff1}, {@code temp_pct_change2}, then the suffix.
     */
    String outputName(String column, int p, ShiftKernel.Kind kind) {
      String name;
      if (kind == ShiftKernel.Kind.DIFF) {
        name = OutputNames.diff(column, periods[p]);
      } else if (kind == ShiftKernel.Kind.PCT_CHANGE) {
        name = OutputNames.pctChange(column, periods[p]);
      } else if (millis[p] == 0) {
        name = lead ? OutputNames.lead(column, periods[p]) : OutputNames.lag(column, periods[p]);
      } else {
        Duration d = Duration.millis(millis[p]);
        name = lead ? OutputNames.lead(column, d) : OutputNames.lag(column, d);
      }
      return OutputNames.suffixed(name, suffix);
    }

    /** The periods as TOML writes them: {@code [1, 24, 1d]}. */
    List<String> periodRendering() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < periods.length; i++) {
        out.add(
            millis[i] == 0
                ? String.valueOf(periods[i])
                : Names.duration(Duration.millis(millis[i])));
      }
      return out;
    }

    Kernel plan(ChunkLayout input, PlanContext ctx, ShiftKernel.Kind kind) {
      List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
      boolean numeric = kind != ShiftKernel.Kind.VALUE;
      int[] idx = OpColumns.resolve(op, input, cols, numeric);
      Schema in = input.schema();
      int outs = idx.length * periods.length;
      int[] sources = new int[outs];
      FieldType[] types = new FieldType[outs];
      int[] offsets = new int[outs];
      long[] ms = new long[outs];
      List<String> names = new ArrayList<>();
      int o = 0;
      for (int f : idx) {
        for (int p = 0; p < periods.length; p++) {
          sources[o] = f;
          types[o] = numeric ? FieldType.DOUBLE : OpColumns.selectedType(in.getField(f).getType());
          if (millis[p] == 0) {
            offsets[o] = lead ? periods[p] : -periods[p];
          } else {
            ms[o] = lead ? -millis[p] : millis[p];
          }
          names.add(outputName(in.getField(f).getName(), p, kind));
          o++;
        }
      }
      OutputNames.checkNoClash(op, in, names);
      Schema.Builder b = OpColumns.copyOf(in);
      for (int i = 0; i < outs; i++) {
        b.addField(OpColumns.derived(names.get(i), types[i]));
      }
      int maxRows = 0;
      long maxMillis = 0;
      for (int p = 0; p < periods.length; p++) {
        maxRows = Math.max(maxRows, periods[p]);
        maxMillis = Math.max(maxMillis, millis[p]);
      }
      ContextSpec spec;
      if (maxMillis == 0) {
        spec = lead ? ContextSpec.haloRows(0, maxRows) : ContextSpec.haloRows(maxRows, 0);
      } else {
        // one extra row beyond the span: the as-of match may lie further back (or ahead)
        long reach = tolerance >= 0 ? maxMillis + tolerance : maxMillis;
        int rows = Math.max(1, maxRows);
        spec =
            lead
                ? ContextSpec.haloMillis(0, reach).withHaloRows(0, rows)
                : ContextSpec.haloMillis(reach, 0).withHaloRows(rows, 0);
      }
      return new ShiftKernel(
          ctx.stepName(),
          input.withSchema(b.build()),
          spec,
          sources,
          types,
          offsets,
          ms,
          tolerance,
          kind);
    }
  }
}
