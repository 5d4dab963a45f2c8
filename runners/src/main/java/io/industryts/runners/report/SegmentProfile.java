package io.industryts.runners.report;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the report keeps of one segment of one series: row counts on both sides, the input's time
 * span and steps, and per plotted column its {@link ColumnSamples}. A few kilobytes whatever the
 * segment's size: that is what travels to the launcher instead of rows.
 */
final class SegmentProfile implements Serializable {
  private static final long serialVersionUID = 1L;

  final String series;
  final long segment;
  long inputRows;
  long outputRows;
  long inputFirst = Long.MAX_VALUE;
  long inputLast = Long.MIN_VALUE;
  long outputFirst = Long.MAX_VALUE;
  long outputLast = Long.MIN_VALUE;
  TimeSteps steps = TimeSteps.empty();
  final Map<String, ColumnSamples> columns = new LinkedHashMap<>();

  SegmentProfile(String series, long segment) {
    this.series = series;
    this.segment = segment;
  }
}
