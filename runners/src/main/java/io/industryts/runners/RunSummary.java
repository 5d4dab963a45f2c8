package io.industryts.runners;

import io.industryts.io.TypeDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The end-of-run report (ARCHITECTURE §5: nothing disappears silently): rows read, each step's rows
 * in and out with its own counters (dropped, filled, errors, ...), the input's column types and why
 * ({@link #withInputTypes}), rows written, dead-lettered records, outputs and wall time, all from
 * the Beam counters in namespace {@code industryts}. It also checks that the counts chain: the rows
 * read enter the first step, each step's output enters the next, the last step's output is written.
 */
public final class RunSummary {
  private final Map<String, Long> counters;
  private final List<String> steps;
  private final List<TypeDecision> inputTypes;

  private RunSummary(
      Map<String, Long> counters, List<String> steps, List<TypeDecision> inputTypes) {
    this.counters = counters;
    this.steps = List.copyOf(steps);
    this.inputTypes = List.copyOf(inputTypes);
  }

  /**
   * This summary reporting how the main input's columns got their types: one line with every
   * column's type and origin, and a note for each column whose sample held cells that are row
   * errors (SEMANTICS §2.7: a type is never changed silently).
   */
  public RunSummary withInputTypes(List<TypeDecision> decisions) {
    return new RunSummary(counters, steps, decisions);
  }

  /** The counters of namespace {@code industryts} in {@code metrics}, for these step names. */
  public static RunSummary of(MetricResults metrics, List<String> steps) {
    MetricQueryResults q =
        metrics.queryMetrics(
            MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.inNamespace("industryts"))
                .build());
    // sorted by name: the order a runner reports counters in depends on its transform names
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> c : q.getCounters()) {
      Long v;
      try {
        v = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        v = c.getAttempted(); // runners without committed metrics
      }
      counters.merge(c.getName().getName(), v == null ? 0L : v, Long::sum);
    }
    return new RunSummary(new LinkedHashMap<>(counters), steps, List.of());
  }

  /** A summary of known counter values ({@code "<step>.<counter>"} to value). */
  public static RunSummary of(Map<String, Long> counters, List<String> steps) {
    return new RunSummary(new LinkedHashMap<>(counters), steps, List.of());
  }

  /** Every counter of the run by name ({@code "<step>.<counter>"}), unmodifiable. */
  public Map<String, Long> counters() {
    return java.util.Collections.unmodifiableMap(counters);
  }

  /** A counter's value, 0 if it was never incremented. */
  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  public long rowsRead() {
    return counter(JobPipeline.ROWS_READ);
  }

  public long readErrors() {
    return counter(JobPipeline.READ_ERRORS);
  }

  public long rowsWritten() {
    return counter(JobPipeline.ROWS_WRITTEN);
  }

  public long errorRecords() {
    return counter(JobPipeline.DEAD_LETTERED);
  }

  /**
   * Places where the counts do not chain, as sentences; empty when they add up. Steps that build
   * buckets or grids change row counts by design and are compared only at their edges.
   */
  public List<String> inconsistencies() {
    List<String> out = new ArrayList<>();
    long previous = rowsRead();
    String previousName = "rows read";
    for (String step : steps) {
      long in = counter(step + ".rows_in");
      if (in != previous) {
        out.add(step + ".rows_in = " + in + " but " + previousName + " = " + previous);
      }
      previous = counter(step + ".rows_out");
      previousName = step + ".rows_out";
    }
    if (rowsWritten() != previous) {
      out.add("rows written = " + rowsWritten() + " but " + previousName + " = " + previous);
    }
    long stepErrors = 0;
    for (String step : steps) {
      stepErrors += counter(step + ".errors");
    }
    if (errorRecords() != readErrors() + stepErrors) {
      out.add(
          "error records = "
              + errorRecords()
              + " but read errors + step errors = "
              + (readErrors() + stepErrors));
    }
    return out;
  }

  private static String origin(TypeDecision d) {
    switch (d.origin()) {
      case SET:
        return "set";
      case TIME:
        return "time column";
      case FILE:
        return "from the file";
      default:
        return d.rowErrorCells() > 0
            ? "inferred; "
                + d.rowErrorCells()
                + " non-numeric sample cell"
                + (d.rowErrorCells() == 1 ? "" : "s")
            : "inferred";
    }
  }

  /** The report, one fact per line. */
  public String format(List<String> outputs, String errorsPath, double wallSeconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, "industryts: read %,d row%s", rowsRead(), rowsRead() == 1 ? "" : "s"));
    if (readErrors() > 0) {
      sb.append(
          String.format(
              Locale.ROOT, " (+ %,d bad input row%s)", readErrors(), readErrors() == 1 ? "" : "s"));
    }
    sb.append('\n');
    if (!inputTypes.isEmpty()) {
      List<String> types = new ArrayList<>();
      for (TypeDecision d : inputTypes) {
        types.add(d.column() + " " + d.type().getTypeName() + " (" + origin(d) + ")");
      }
      sb.append("industryts: input types: ").append(String.join(", ", types)).append('\n');
      for (TypeDecision d : inputTypes) {
        if (d.rowErrorCells() > 0) {
          sb.append("industryts: note: ").append(d).append('\n');
        }
      }
    }
    int width = 4;
    for (String step : steps) {
      width = Math.max(width, step.length());
    }
    for (String step : steps) {
      long in = counter(step + ".rows_in");
      long out = counter(step + ".rows_out");
      sb.append(
          String.format(Locale.ROOT, "  %-" + width + "s  %,12d in  %,12d out", step, in, out));
      List<String> extra = new ArrayList<>();
      String prefix = step + ".";
      for (Map.Entry<String, Long> e : counters.entrySet()) {
        String name = e.getKey();
        if (name.startsWith(prefix)
            && !name.equals(prefix + "rows_in")
            && !name.equals(prefix + "rows_out")
            && e.getValue() != 0) {
          extra.add(
              String.format(Locale.ROOT, "%s %,d", name.substring(prefix.length()), e.getValue()));
        }
      }
      if (!extra.isEmpty()) {
        sb.append("  (").append(String.join(", ", extra)).append(')');
      }
      sb.append('\n');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "industryts: wrote %,d row%s to %s%n",
            rowsWritten(),
            rowsWritten() == 1 ? "" : "s",
            String.join(", ", outputs)));
    if (errorsPath != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "industryts: dead-lettered %,d row%s to %s%n",
              errorRecords(),
              errorRecords() == 1 ? "" : "s",
              errorsPath));
    }
    for (String problem : inconsistencies()) {
      sb.append("industryts: warning: counts do not add up: ").append(problem).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "industryts: done in %.1f s%n", wallSeconds));
    return sb.toString();
  }
}
