package io.industryts;

import io.industryts.engine.Engine;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Base of every industryts operation: a {@code PTransform<PCollection<Row>, PCollection<Row>>}
 * that plans a kernel and runs it on the chunk engine. Used alone, it converts Rows to chunks
 * (buffered per bundle, no per-row shuffle), runs its kernel and converts back; inside a {@link
 * TimeSeriesPipeline} or a TOML job it is fused with its neighbours.
 *
 * <p>Subclasses are immutable; every {@code with*} method returns a copy.
 *
 * @param <T> the concrete operation type, returned by the {@code with*} methods
 */
public abstract class TimeSeriesTransform<T extends TimeSeriesTransform<T>>
    extends PTransform<PCollection<Row>, PCollection<Row>> implements Operation {
  private static final long serialVersionUID = 1L;

  private final SeriesOptions options;

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

  /** A copy whose series are identified by the values of {@code keyColumns} (§1.4). */
  public T keyedBy(String... keyColumns) {
    return withOptions(options.withKeyColumns(Arrays.asList(keyColumns)));
  }

  /** A copy keyed by {@code keyColumns}. */
  public T keyedBy(List<String> keyColumns) {
    return withOptions(options.withKeyColumns(keyColumns));
  }

  /** A copy that reads zone-less times and computes calendar features in {@code zone} (§1.3). */
  public T withTimeZone(ZoneId zone) {
    return withOptions(options.withTimeZone(zone));
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> input) {
    return Engine.runOnRows(input, options, List.of(new Engine.Step(stepName(), this)));
  }

  /** The step name used for counters: the transform's name unless it is the class default. */
  protected String stepName() {
    String n = getName();
    return n == null || n.isEmpty() || n.equals(getClass().getSimpleName()) ? typeName() : n;
  }
}
