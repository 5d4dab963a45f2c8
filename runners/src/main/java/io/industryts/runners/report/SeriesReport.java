package io.industryts.runners.report;

import io.industryts.runners.report.ColumnSamples.Points;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series as the report shows it, merged on the launcher from its segments' profiles: row
 * counts, time span, steps (cadence, longest gaps) including the steps across segment edges, and
 * per column the plot points and markers.
 */
final class SeriesReport {
  final String label;
  long inputRows;
  long outputRows;
  long first = Long.MAX_VALUE;
  long last = Long.MIN_VALUE;
  final TimeSteps steps = TimeSteps.empty();
  final Map<String, ColumnSamples> columns = new LinkedHashMap<>();

  private SeriesReport(String label) {
    this.label = label;
  }

  /** Every series of {@code profiles}, by label in ascending order. */
  static List<SeriesReport> merge(List<SegmentProfile> profiles) {
    Map<String, List<SegmentProfile>> bySeries = new TreeMap<>();
    for (SegmentProfile p : profiles) {
      bySeries.computeIfAbsent(p.series, k -> new ArrayList<>()).add(p);
    }
    List<SeriesReport> out = new ArrayList<>();
    for (Map.Entry<String, List<SegmentProfile>> e : bySeries.entrySet()) {
      out.add(of(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** One series from its segments' profiles (any order). */
  static SeriesReport of(String label, List<SegmentProfile> segments) {
    List<SegmentProfile> sorted = new ArrayList<>(segments);
    // a segment may come as one profile of both sides or as one per side (no markers)
    sorted.sort(
        Comparator.<SegmentProfile>comparingLong(p -> p.segment)
            .thenComparingLong(p -> Math.min(p.inputFirst, p.outputFirst)));
    SeriesReport r = new SeriesReport(label);
    long previousLast = Long.MIN_VALUE;
    for (SegmentProfile p : sorted) {
      r.inputRows += p.inputRows;
      r.outputRows += p.outputRows;
      if (p.inputRows > 0) {
        if (previousLast != Long.MIN_VALUE) {
          r.steps.addStep(previousLast, p.inputFirst);
        }
        previousLast = p.inputLast;
        r.first = Math.min(r.first, p.inputFirst);
        r.last = Math.max(r.last, p.inputLast);
        r.steps.merge(p.steps);
      }
      for (Map.Entry<String, ColumnSamples> c : p.columns.entrySet()) {
        ColumnSamples s = r.columns.computeIfAbsent(c.getKey(), k -> new ColumnSamples());
        ColumnSamples add = c.getValue();
        s.input = s.input.append(add.input);
        s.output = s.output.append(add.output);
        s.inputNulls += add.inputNulls;
        s.outputNulls += add.outputNulls;
        s.inputSpread = s.inputSpread.append(add.inputSpread);
        s.outputSpread = s.outputSpread.append(add.outputSpread);
        for (int k = 0; k < s.markers.length; k++) {
          s.markers[k] = s.markers[k].append(add.markers[k]);
          s.markerTotals[k] += add.markerTotals[k];
        }
      }
    }
    for (ColumnSamples s : r.columns.values()) {
      s.input = s.input.lttb(ReportCollector.POINTS);
      s.output = s.output.lttb(ReportCollector.POINTS);
      for (int k = 0; k < s.markers.length; k++) {
        s.markers[k] = s.markers[k].thin(ReportCollector.MARKERS);
      }
    }
    return r;
  }

  /** The label shown for the series ("all rows" for an unkeyed job). */
  String title() {
    return label.isEmpty() ? "all rows" : label;
  }

  /** Points of a column (empty when never sampled). */
  Points input(String column) {
    ColumnSamples s = columns.get(column);
    return s == null ? Points.EMPTY : s.input;
  }
}
