package io.industryts.engine.spi;

import java.io.Serializable;
import java.util.Objects;

/**
 * A bucket grid (SEMANTICS §1.7): width {@code w}, and bucket edges at {@code anchor + k·w}. With
 * {@code closedRight} buckets are {@code (edge, edge + w]}, else {@code [edge, edge + w)}.
 *
 * <p>{@code anchor} is epoch millis of an edge (origin + offset); when {@link #perSeriesOrigin()}
 * is set the origin depends on the series (origin {@code start} / {@code start_day}) and the engine
 * derives it from the series' first time with {@link #seriesAnchor(long)}.
 */
public final class Grid implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Which per-series origin, if any. */
  public enum SeriesOrigin {
    NONE,
    START,
    START_DAY
  }

  private final long widthMillis;
  private final long anchor;
  private final boolean closedRight;
  private final SeriesOrigin seriesOrigin;
  private final long offsetMillis;
  private final java.time.ZoneId zone;

  private Grid(
      long widthMillis,
      long anchor,
      boolean closedRight,
      SeriesOrigin seriesOrigin,
      long offsetMillis,
      java.time.ZoneId zone) {
    if (widthMillis <= 0) {
      throw new IllegalArgumentException("Grid: width must be > 0. Got " + widthMillis + " ms.");
    }
    this.widthMillis = widthMillis;
    this.anchor = anchor;
    this.closedRight = closedRight;
    this.seriesOrigin = seriesOrigin;
    this.offsetMillis = offsetMillis;
    this.zone = zone;
  }

  /** A grid with a fixed anchor (origin epoch or a given time, plus offset). */
  public static Grid fixed(long widthMillis, long anchorMillis, boolean closedRight) {
    return new Grid(widthMillis, anchorMillis, closedRight, SeriesOrigin.NONE, 0, null);
  }

  /** A grid anchored at each series' first time (or its midnight in {@code zone}), plus offset. */
  public static Grid perSeries(
      long widthMillis,
      SeriesOrigin origin,
      long offsetMillis,
      boolean closedRight,
      java.time.ZoneId zone) {
    return new Grid(widthMillis, 0, closedRight, origin, offsetMillis, zone);
  }

  public long widthMillis() {
    return widthMillis;
  }

  public boolean closedRight() {
    return closedRight;
  }

  public boolean perSeriesOrigin() {
    return seriesOrigin != SeriesOrigin.NONE;
  }

  /** The anchor for a series whose first row is at {@code firstTime}. */
  public long seriesAnchor(long firstTime) {
    switch (seriesOrigin) {
      case START:
        return firstTime + offsetMillis;
      case START_DAY:
        java.time.ZonedDateTime z =
            java.time.Instant.ofEpochMilli(firstTime).atZone(zone).toLocalDate().atStartOfDay(zone);
        return z.toInstant().toEpochMilli() + offsetMillis;
      default:
        return anchor;
    }
  }

  /** Index {@code k} of the bucket holding {@code t} for a grid anchored at {@code anchor}. */
  public long bucketIndex(long t, long anchor) {
    long d = t - anchor;
    if (!closedRight) {
      return Math.floorDiv(d, widthMillis);
    }
    return -Math.floorDiv(-d, widthMillis) - 1; // ceil(d / w) - 1
  }

  /** Start edge of bucket {@code k}. */
  public long bucketStart(long k, long anchor) {
    return anchor + k * widthMillis;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Grid)) {
      return false;
    }
    Grid g = (Grid) o;
    return widthMillis == g.widthMillis
        && anchor == g.anchor
        && closedRight == g.closedRight
        && seriesOrigin == g.seriesOrigin
        && offsetMillis == g.offsetMillis
        && Objects.equals(zone, g.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(widthMillis, anchor, closedRight, seriesOrigin, offsetMillis);
  }

  @Override
  public String toString() {
    return "Grid{"
        + widthMillis
        + "ms, "
        + (perSeriesOrigin() ? seriesOrigin : "anchor " + anchor)
        + (closedRight ? ", closed right" : "")
        + "}";
  }
}
