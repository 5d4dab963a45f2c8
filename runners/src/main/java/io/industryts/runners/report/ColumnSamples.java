package io.industryts.runners.report;

import java.io.Serializable;

/**
 * What the report keeps of one value column in one segment: the LTTB-selected points of the input
 * and the output, null counts, and the markers (thinned, with exact totals per kind).
 */
final class ColumnSamples implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Kinds of marker, derived by comparing input and output at the same (series, time). */
  enum Marker {
    /** null in the input, a value in the output (fill_null, interpolate). */
    FILLED("filled"),
    /** a value in both, but a different one (clip, outliers clip, ...). */
    CHANGED("clipped / changed"),
    /** a value in the input, null in the output (outliers null, mask_quality). */
    MASKED("masked"),
    /** the input row has no output row at its time (drop_null, drop_duplicates, filter_time). */
    DROPPED("dropped");

    final String label;

    Marker(String label) {
      this.label = label;
    }

    String cssClass() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  Points input = Points.EMPTY;
  Points output = Points.EMPTY;
  long inputNulls;
  long outputNulls;

  /** The input's and the output's values taken evenly by position: robust axis limits. */
  Spread inputSpread = Spread.EMPTY;

  Spread outputSpread = Spread.EMPTY;
  final Points[] markers = new Points[Marker.values().length];
  final long[] markerTotals = new long[Marker.values().length];

  ColumnSamples() {
    java.util.Arrays.fill(markers, Points.EMPTY);
  }

  /** Points {@code (t[i], v[i])}; {@code v} NaN where a marker has no value (dropped null row). */
  static final class Points implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Points EMPTY = new Points(new long[0], new double[0]);
    final long[] t;
    final double[] v;

    Points(long[] t, double[] v) {
      this.t = t;
      this.v = v;
    }

    int size() {
      return t.length;
    }

    /** The points at {@code positions}. */
    Points take(int[] positions) {
      long[] tt = new long[positions.length];
      double[] vv = new double[positions.length];
      for (int k = 0; k < positions.length; k++) {
        tt[k] = t[positions[k]];
        vv[k] = v[positions[k]];
      }
      return new Points(tt, vv);
    }

    /** These points followed by {@code later}'s (both in time order, this one earlier). */
    Points append(Points later) {
      long[] tt = java.util.Arrays.copyOf(t, t.length + later.t.length);
      double[] vv = java.util.Arrays.copyOf(v, v.length + later.v.length);
      System.arraycopy(later.t, 0, tt, t.length, later.t.length);
      System.arraycopy(later.v, 0, vv, v.length, later.v.length);
      return new Points(tt, vv);
    }

    /** At most {@code max} points by LTTB over the points with a value. */
    Points lttb(int max) {
      return size() <= max ? this : take(io.industryts.ops.Lttb.select(t, v, max));
    }

    /** At most {@code max} points, evenly spaced by position (markers: every kind of change). */
    Points thin(int max) {
      if (size() <= max) {
        return this;
      }
      int[] keep = new int[max];
      for (int k = 0; k < max; k++) {
        keep[k] = (int) ((long) k * (size() - 1) / (max - 1));
      }
      return take(keep);
    }
  }

  /**
   * Values taken evenly by position (not by shape, as LTTB takes them: LTTB keeps every spike),
   * each standing for the rows between it and the next; quantiles of the merged spreads estimate
   * the quantiles of all values.
   */
  static final class Spread implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Spread EMPTY = new Spread(new double[0], new double[0]);

    /** Values kept per segment, side and column. */
    static final int VALUES = 1000;

    final double[] v;
    final double[] weight;

    Spread(double[] v, double[] weight) {
      this.v = v;
      this.weight = weight;
    }

    /** At most {@link #VALUES} of the first {@code m} values of {@code values}, evenly spaced. */
    static Spread of(double[] values, int m) {
      int k = Math.min(m, VALUES);
      double[] v = new double[k];
      double[] w = new double[k];
      for (int i = 0; i < k; i++) {
        v[i] = values[k == 1 ? 0 : (int) ((long) i * (m - 1) / (k - 1))];
        w[i] = (double) m / k;
      }
      return new Spread(v, w);
    }

    /** This spread's values and {@code other}'s. */
    Spread append(Spread other) {
      double[] vv = java.util.Arrays.copyOf(v, v.length + other.v.length);
      double[] ww = java.util.Arrays.copyOf(weight, weight.length + other.weight.length);
      System.arraycopy(other.v, 0, vv, v.length, other.v.length);
      System.arraycopy(other.weight, 0, ww, weight.length, other.weight.length);
      return new Spread(vv, ww);
    }

    /**
     * The weighted quantiles at {@code ps} (each in [0, 1]): the smallest value whose cumulative
     * weight reaches {@code p} of the total; NaN each when empty.
     */
    double[] quantiles(double... ps) {
      double[] out = new double[ps.length];
      if (v.length == 0) {
        java.util.Arrays.fill(out, Double.NaN);
        return out;
      }
      Integer[] order = new Integer[v.length];
      double total = 0;
      for (int i = 0; i < v.length; i++) {
        order[i] = i;
        total += weight[i];
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
      for (int q = 0; q < ps.length; q++) {
        double need = ps[q] * total;
        double seen = 0;
        out[q] = v[order[v.length - 1]];
        for (Integer i : order) {
          seen += weight[i];
          if (seen >= need) {
            out[q] = v[i];
            break;
          }
        }
      }
      return out;
    }
  }
}
