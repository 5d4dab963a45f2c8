package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Kernel of {@link BoxCox} and {@link YeoJohnson}: a row kernel with a fixed λ, or a statistics
 * kernel that keeps each series' valid values and fits λ by maximum likelihood ({@link Power}).
 */
class PowerKernel extends BaseKernel {
  private static final long serialVersionUID = 1L;

  final Power.Family family;
  final int[] cols;
  final int[] targets;
  final int[] lambdaTargets;
  final double lambda;
  final boolean toErrors;
  final String op;

  PowerKernel(
      String step,
      DoubleOutputs out,
      int[] cols,
      Power.Family family,
      double lambda,
      Invalid invalid,
      String op) {
    super(
        step,
        out.layout,
        invalid == Invalid.ERROR
            ? ContextSpec.segmentLocal().withRowErrors()
            : ContextSpec.rowLocal());
    this.family = family;
    this.cols = cols;
    this.targets = out.targets;
    this.lambdaTargets = out.extras;
    this.lambda = lambda;
    this.toErrors = invalid == Invalid.ERROR;
    this.op = op;
  }

  /** λ of column {@code c} for this series; NaN when undefined (unfit or overflowing). */
  double lambda(KernelContext ctx, int c) {
    return lambda;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    int n = input.size();
    Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
    boolean[] bad = toErrors ? new boolean[n] : null;
    long invalid = 0;
    for (int c = 0; c < cols.length; c++) {
      double lam = lambda(ctx, c);
      boolean undefined = Double.isNaN(lam);
      Column col = input.column(cols[c]);
      double[] v = OpColumns.doubles(col);
      boolean[] nulls = OpColumns.nulls(col);
      double[] r = new double[n];
      boolean[] rn = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (nulls[i]) {
          rn[i] = true;
        } else if (!Power.valid(family, v[i])) {
          rn[i] = true;
          if (!toErrors) {
            invalid++;
          } else if (!bad[i]) {
            bad[i] = true;
            String field = input.schema().getField(cols[c]).getName();
            ctx.rowError(
                input,
                i,
                "boxcox_domain",
                field,
                op
                    + ": \""
                    + field
                    + "\" = "
                    + v[i]
                    + " is outside the domain of Box-Cox (x > 0). Set invalid = \"null\" to write null"
                    + " instead.");
          }
        } else if (undefined) {
          rn[i] = true;
        } else {
          r[i] = Power.transform(family, v[i], lam);
        }
      }
      out[targets[c]] = new DoubleColumn(r, rn);
      if (lambdaTargets != null) {
        double[] l = new double[n];
        boolean[] ln = new boolean[n];
        if (undefined) {
          Arrays.fill(ln, true);
        } else {
          Arrays.fill(l, lam);
        }
        out[lambdaTargets[c]] = new DoubleColumn(l, ln);
      }
    }
    if (invalid > 0) {
      ctx.count("invalid_input", invalid);
    }
    Chunk result = input.withColumns(outputLayout(), out);
    return toErrors ? Rows.without(result, bad) : result;
  }

  /** λ estimated per series from the valid values of each column. */
  static final class Fitted extends PowerKernel implements StatsKernel<Values> {
    private static final long serialVersionUID = 1L;

    Fitted(
        String step,
        DoubleOutputs out,
        int[] cols,
        Power.Family family,
        Invalid invalid,
        String op) {
      super(step, out, cols, family, Double.NaN, invalid, op);
    }

    @Override
    public String unboundedInputMessage() {
      return op
          + ": an estimated lambda fits per series and needs bounded input. Got an"
          + " unbounded PCollection; set lambda.";
    }

    @Override
    public Values createAccumulator() {
      return new Values(cols.length);
    }

    @Override
    public Values addSegment(Values acc, Chunk segment) {
      return acc.add(segment, cols, family);
    }

    @Override
    public Values merge(Values a, Values b) {
      return a.merge(b);
    }

    @Override
    double lambda(KernelContext ctx, int c) {
      Values s = ctx.stats(this);
      byte status = s.status(family, c);
      if (status != Values.FIT && ctx.firstSegment()) {
        ctx.count(status == Values.UNFIT ? "series_unfit" : "lambda_overflow", 1);
      }
      return status == Values.FIT ? s.lambdas[c] : Double.NaN;
    }
  }

  /** The valid values of each column of a series, and the λ fitted from them (computed once). */
  static final class Values implements Serializable {
    private static final long serialVersionUID = 1L;
    static final byte FIT = 0;
    static final byte UNFIT = 1;
    static final byte OVERFLOW = 2;

    final double[][] values;
    final int[] sizes;
    private transient volatile double[] lambdas;
    private transient byte[] statuses;

    Values(int columns) {
      values = new double[columns][];
      sizes = new int[columns];
      for (int c = 0; c < columns; c++) {
        values[c] = new double[16];
      }
    }

    Values add(Chunk seg, int[] fields, Power.Family family) {
      lambdas = null;
      for (int c = 0; c < fields.length; c++) {
        Column col = seg.column(fields[c]);
        double[] v = OpColumns.doubles(col);
        boolean[] nulls = OpColumns.nulls(col);
        for (int i = 0; i < v.length; i++) {
          // NaN (nan_as_null = false) is left out of the fit; it transforms to NaN
          if (!nulls[i] && !Double.isNaN(v[i]) && Power.valid(family, v[i])) {
            push(c, v[i]);
          }
        }
      }
      return this;
    }

    private void push(int c, double x) {
      if (sizes[c] == values[c].length) {
        values[c] = Arrays.copyOf(values[c], values[c].length * 2);
      }
      values[c][sizes[c]++] = x;
    }

    Values merge(Values o) {
      lambdas = null;
      for (int c = 0; c < values.length; c++) {
        for (int i = 0; i < o.sizes[c]; i++) {
          push(c, o.values[c][i]);
        }
      }
      return this;
    }

    /** Fits every column once per series (all segments of the series read the same object). */
    synchronized byte status(Power.Family family, int c) {
      if (lambdas == null) {
        double[] lam = new double[values.length];
        byte[] st = new byte[values.length];
        for (int k = 0; k < values.length; k++) {
          double[] sorted = Arrays.copyOf(values[k], sizes[k]);
          Arrays.sort(sorted);
          int n = sorted.length;
          lam[k] = Power.mle(family, sorted, n);
          st[k] =
              Double.isNaN(lam[k])
                  ? UNFIT
                  : Power.fits(family, sorted[0], sorted[n - 1], lam[k]) ? FIT : OVERFLOW;
        }
        statuses = st;
        lambdas = lam;
      }
      return statuses[c];
    }
  }
}
