package io.industryts;

import io.industryts.engine.Engine;
import io.industryts.engine.spi.Operation;
import io.industryts.engine.spi.SeriesOptions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every industryts operation: a {@code PTransform<PCollection<Row>, PCollection<Row>>} that
 * plans a kernel and runs it on the chunk engine. Used alone, it converts Rows to chunks (buffered
 * per bundle, no per-row shuffle), runs its kernel and converts back; inside a {@link
 * TimeSeriesPipeline} or a TOML job it is fused with its neighbours.
 *
 * <p>Subclasses are immutable; every {@code with*} method returns a copy. Each renders itself as
 * {@code type{key=value, ...}} ({@link #toString()}); Beam's display data (monitoring UIs, {@code
 * DisplayData.from}) shows those parameters, the operation type and the series options.
 *
 * @param <T> the concrete operation type, returned by the {@code with*} methods
 */
public abstract class TimeSeriesTransform<T extends TimeSeriesTransform<T>>
    extends PTransform<PCollection<Row>, PCollection<Row>> implements Operation {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesTransform.class);

  /** Display keys of the operation type and series options (a parameter never shadows them). */
  private static final List<String> OPTION_KEYS =
      List.of("type", "time_column", "key_columns", "time_zone");

  private final SeriesOptions options;

  /** An operation running under {@code options} when used on its own. */
  protected TimeSeriesTransform(SeriesOptions options) {
    this.options = options;
  }

  /** The series conventions this operation runs under when used on its own. */
  public SeriesOptions options() {
    return options;
  }

  /** A copy with other series options; implemented by each operation. */
  protected abstract T withOptions(SeriesOptions newOptions);

  /** A copy that uses {@code name} as the time column instead of auto-detection (§1.2). */
  public T withTimeColumn(String name) {
    return withOptions(options.withTimeColumn(name));
  }

  /**
   * A copy whose series are identified by the values of {@code keyColumns} (§1.4); with no columns,
   * a copy that declares the whole input one series (and silences the warning about a likely key
   * column). Inside a {@link TimeSeriesPipeline} the keys must equal the pipeline's (or, when the
   * pipeline sets none, those of the other steps), which then key every step.
   */
  public T keyedBy(String... keyColumns) {
    return withOptions(options.withKeyColumns(Arrays.asList(keyColumns)));
  }

  /** As {@link #keyedBy(String...)}. */
  public T keyedBy(List<String> keyColumns) {
    return withOptions(options.withKeyColumns(keyColumns));
  }

  /** A copy that reads zone-less times and computes calendar features in {@code zone} (§1.3). */
  public T withTimeZone(ZoneId zone) {
    return withOptions(options.withTimeZone(zone));
  }

  /**
   * A copy that keeps DOUBLE/FLOAT NaN cells of the input as present values ({@code false}) instead
   * of reading them as missing, the default (§1.10).
   */
  public T withNanAsNull(boolean nanAsNull) {
    return withOptions(options.withNanAsNull(nanAsNull));
  }

  /**
   * A copy that, on unbounded input in the global window, accepts rows up to {@code lateness}
   * behind the watermark (default 0): each series waits that much longer before processing its
   * rows; a row later than that goes to the errors output with reason {@code late_row}
   * (docs/streaming.md). For example {@code
   * Lag.rows(1).of("temp").withAllowedLateness(Duration.standardSeconds(30))}.
   */
  public T withAllowedLateness(org.joda.time.Duration lateness) {
    return withOptions(options.withAllowedLateness(lateness));
  }

  /**
   * Runs this operation alone: checks the time and key columns against the input schema (a missing
   * one fails here, naming this operation and the method that fixes it), warns once when the input
   * has a likely series key but no keys were set ({@link #keyedBy}), then converts Rows to chunks,
   * runs the kernel and converts back.
   *
   * @throws IllegalArgumentException when the input has no schema, or the configuration does not
   *     fit it (SEMANTICS §1.13)
   */
  @Override
  public PCollection<Row> expand(PCollection<Row> input) {
    if (input.hasSchema()) {
      String who = getClass().getSimpleName();
      SeriesChecks.check(who, input.getSchema(), options, false);
      SeriesChecks.unkeyedWarning(who, input.getSchema(), options, false).ifPresent(LOG::warn);
    }
    return Engine.runOnRows(input, options, List.of(new Engine.Step(stepName(), this)));
  }

  /** The step name used for counters: the transform's name unless it is the class default. */
  protected String stepName() {
    String n = getName();
    return n == null || n.isEmpty() || n.equals(getClass().getSimpleName()) ? typeName() : n;
  }

  /**
   * The operation type, its parameters as its rendering lists them (e.g. {@code method}, {@code
   * columns}, {@code window}, {@code rule}) and the series options that are set.
   */
  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("type", typeName()).withLabel("Operation type"));
    for (Map.Entry<String, String> p : renderedParameters(typeName(), toString()).entrySet()) {
      if (!OPTION_KEYS.contains(p.getKey())) {
        builder.add(DisplayData.item(p.getKey(), p.getValue()));
      }
    }
    builder.addIfNotNull(
        DisplayData.item("time_column", options.timeColumn()).withLabel("Time column"));
    if (!options.keyColumns().isEmpty()) {
      builder.add(
          DisplayData.item("key_columns", options.keyColumns().toString())
              .withLabel("Key columns"));
    }
    builder.add(DisplayData.item("time_zone", options.timeZone().getId()).withLabel("Time zone"));
  }

  /**
   * The {@code key=value} pairs of a rendering {@code type{key=value, ...}}, split at top-level
   * commas (lists and maps stay whole); a rendering of another shape is one {@code parameters}
   * item, so a new operation shows something even before it follows the convention.
   */
  static Map<String, String> renderedParameters(String type, String rendering) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!rendering.startsWith(type + "{") || !rendering.endsWith("}")) {
      out.put("parameters", rendering);
      return out;
    }
    String body = rendering.substring(type.length() + 1, rendering.length() - 1);
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '[' || c == '{' || c == '(') {
        depth++;
      } else if (c == ']' || c == '}' || c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(body.substring(from, i).trim());
        from = i + 1;
      }
    }
    parts.add(body.substring(from).trim());
    for (String part : parts) {
      int eq = part.indexOf('=');
      if (part.isEmpty()) {
        continue;
      }
      if (eq <= 0) {
        out.clear();
        out.put("parameters", rendering);
        return out;
      }
      out.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return out;
  }
}
