package io.industryts;

import io.industryts.engine.Engine;
import io.industryts.engine.spi.Operation;
import io.industryts.engine.spi.SeriesOptions;
import java.time.ZoneId;
import java.util.Arrays;
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
 * <p>Subclasses are immutable; every {@code with*} method returns a copy. Each lists its parameters
 * once, in {@link #parameters()}; from that one map it renders itself as {@code type{key=value,
 * ...}} ({@link #toString()}) and Beam's display data (monitoring UIs, {@code DisplayData.from})
 * shows those parameters, the operation type and the series options.
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
   * The operation's parameters in the order its rendering lists them, keyed by their TOML names
   * ({@code method}, {@code columns}, {@code window}, {@code rule}, ...), each value as the
   * rendering shows it: a string in TOML spelling ({@code "forward"}, {@code "5min"}), a number, a
   * boolean, or a list or map of those. Optional settings left at their default are absent. The one
   * source of {@link #toString()} and of {@link #populateDisplayData}.
   *
   * <pre>{@code
   * // in FillNull
   * protected Map<String, Object> parameters() {
   *   Map<String, Object> p = new LinkedHashMap<>();
   *   p.put("method", "forward");
   *   p.put("columns", List.of("temp"));
   *   p.put("limit", 3);
   *   return p;                      // toString(): fill_null{method=forward, columns=[temp], limit=3}
   * }
   * }</pre>
   */
  protected abstract Map<String, Object> parameters();

  /** {@code type{key=value, ...}}: the operation type and its {@link #parameters()}. */
  @Override
  public final String toString() {
    StringBuilder s = new StringBuilder(typeName()).append('{');
    String sep = "";
    for (Map.Entry<String, Object> p : parameters().entrySet()) {
      s.append(sep).append(p.getKey()).append('=').append(p.getValue());
      sep = ", ";
    }
    return s.append('}').toString();
  }

  /**
   * The operation type, its {@link #parameters()} (numbers and booleans typed, the rest as their
   * rendering) and the series options that are set.
   */
  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("type", typeName()).withLabel("Operation type"));
    for (Map.Entry<String, Object> p : parameters().entrySet()) {
      if (!OPTION_KEYS.contains(p.getKey()) && p.getValue() != null) {
        builder.add(displayItem(p.getKey(), p.getValue()));
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

  /** A display item of the value's own type when Beam has one, else of its rendering. */
  private static DisplayData.ItemSpec<?> displayItem(String key, Object value) {
    if (value instanceof Boolean) {
      return DisplayData.item(key, (Boolean) value);
    }
    if (value instanceof Integer || value instanceof Long) {
      return DisplayData.item(key, ((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return DisplayData.item(key, ((Number) value).doubleValue());
    }
    return DisplayData.item(key, String.valueOf(value));
  }
}
