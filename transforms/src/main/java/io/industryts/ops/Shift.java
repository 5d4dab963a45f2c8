package io.industryts.ops;

import io.industryts.PlanContext;
import io.industryts.SeriesOptions;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.ContextSpec;
import io.industryts.engine.Kernel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;

/** Common base of {@link Lag}, {@link Lead}, {@link Diff} and {@link PctChange}. */
public abstract class Shift<T extends Shift<T>> extends TimeSeriesTransform<T> {
  private static final long serialVersionUID = 1L;

  final Spec spec;

  Shift(SeriesOptions options, Spec spec) {
    super(options);
    this.spec = spec;
  }

  /** Row periods, or duration periods when {@link #durationPeriods()} is not empty. */
  public List<Integer> rowPeriods() {
    List<Integer> out = new ArrayList<>();
    for (int p : spec.periods) {
      out.add(p);
    }
    return out;
  }

  public List<Duration> durationPeriods() {
    List<Duration> out = new ArrayList<>();
    if (spec.millis != null) {
      for (long m : spec.millis) {
        out.add(Duration.millis(m));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return typeName() + "{columns=" + spec.columns + ", periods="
        + (spec.millis == null ? rowPeriods() : spec.periodNames()) + "}";
  }

  /** Op name, periods, direction, columns and tolerance of a shift. */
  static final class Spec implements Serializable {
    private static final long serialVersionUID = 1L;
    final String op;
    final boolean lead;
    final int[] periods;
    final long[] millis;
    final List<String> columns;
    final long tolerance;

    private Spec(String op, boolean lead, int[] periods, long[] millis, List<String> columns,
        long tolerance) {
      this.op = op;
      this.lead = lead;
      this.periods = periods;
      this.millis = millis;
      this.columns = List.copyOf(columns);
      this.tolerance = tolerance;
    }

    static Spec rows(String op, boolean lead, int... periods) {
      if (periods.length == 0) {
        periods = new int[] {1};
      }
      for (int p : periods) {
        if (p < 1) {
          throw new IllegalArgumentException(op + ": periods must be >= 1. Got " + p + "."
              + ("Lag".equals(op) ? " Use lead for later rows." : ""));
        }
      }
      return new Spec(op, lead, periods.clone(), null, List.of(), -1);
    }

    static Spec durations(String op, boolean lead, Duration... periods) {
      if (periods.length == 0) {
        throw new IllegalArgumentException(op + ": periods must not be empty.");
      }
      long[] ms = new long[periods.length];
      for (int i = 0; i < ms.length; i++) {
        if (periods[i] == null || periods[i].getMillis() <= 0) {
          throw new IllegalArgumentException(op + ": periods must be > 0. Got " + periods[i] + ".");
        }
        ms[i] = periods[i].getMillis();
      }
      return new Spec(op, lead, new int[0], ms, List.of(), -1);
    }

    Spec withColumns(List<String> cols) {
      return new Spec(op, lead, periods, millis, cols, tolerance);
    }

    Spec withTolerance(Duration tol) {
      if (millis == null) {
        throw new IllegalArgumentException(
            op + ": tolerance is only valid with duration periods. Use " + op + ".by(Duration...).");
      }
      if (tol == null || tol.getMillis() <= 0) {
        throw new IllegalArgumentException(op + ": tolerance must be > 0. Got " + tol + ".");
      }
      return new Spec(op, lead, periods, millis, columns, tol.getMillis());
    }

    List<String> periodNames() {
      List<String> out = new ArrayList<>();
      if (millis == null) {
        for (int p : periods) {
          out.add(String.valueOf(p));
        }
      } else {
        for (long m : millis) {
          out.add("_" + Names.duration(Duration.millis(m)));
        }
      }
      return out;
    }

    Kernel plan(ChunkLayout input, PlanContext ctx, ShiftKernel.Kind kind) {
      List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
      boolean numeric = kind != ShiftKernel.Kind.VALUE;
      int[] idx = OpColumns.resolve(op, input, cols, numeric);
      Schema in = input.schema();
      String word = kind == ShiftKernel.Kind.DIFF ? "diff"
          : kind == ShiftKernel.Kind.PCT_CHANGE ? "pct_change" : lead ? "lead" : "lag";
      List<String> periodNames = periodNames();
      int outs = idx.length * periodNames.size();
      int[] sources = new int[outs];
      FieldType[] types = new FieldType[outs];
      int[] offsets = new int[outs];
      long[] ms = millis == null ? null : new long[outs];
      List<String> names = new ArrayList<>();
      int o = 0;
      for (int f : idx) {
        for (int p = 0; p < periodNames.size(); p++) {
          sources[o] = f;
          types[o] = numeric ? FieldType.DOUBLE : OpColumns.selectedType(in.getField(f).getType());
          if (millis == null) {
            offsets[o] = lead ? periods[p] : -periods[p];
          } else {
            ms[o] = lead ? -millis[p] : millis[p];
          }
          names.add(in.getField(f).getName() + "_" + word + periodNames.get(p));
          o++;
        }
      }
      OpColumns.checkNewNames(op, in, names);
      Schema.Builder b = OpColumns.copyOf(in);
      for (int i = 0; i < outs; i++) {
        b.addField(OpColumns.derived(names.get(i), types[i]));
      }
      ContextSpec spec;
      if (millis == null) {
        int max = 0;
        for (int p : periods) {
          max = Math.max(max, p);
        }
        spec = lead ? ContextSpec.haloRows(0, max) : ContextSpec.haloRows(max, 0);
      } else {
        long max = 0;
        for (long m : millis) {
          max = Math.max(max, m);
        }
        // one extra row beyond the span: the as-of match may lie further back (or ahead)
        long reach = tolerance >= 0 ? max + tolerance : max;
        spec = lead ? ContextSpec.haloMillis(0, reach).withHaloRows(0, 1)
            : ContextSpec.haloMillis(reach, 0).withHaloRows(1, 0);
      }
      return new ShiftKernel(ctx.stepName(), input.withSchema(b.build()), spec, sources, types,
          offsets, ms, tolerance, kind);
    }
  }
}
