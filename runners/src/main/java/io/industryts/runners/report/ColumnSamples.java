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
}
