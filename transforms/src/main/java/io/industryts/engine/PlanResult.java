package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.SeriesOptions;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What {@link RunPlan} produces, like Beam's {@code JsonToRow.ParseResult}: the output series and
 * the errors output (rows with {@link io.industryts.engine.spi.ErrorRecords#SCHEMA}, one per row a
 * step could not process). Writers take the output as segments ({@link #segments()}, in the order
 * they were computed); {@link #rows()} gives it as schema rows.
 */
public final class PlanResult implements POutput {
  private static final TupleTag<KV<KV<Row, Long>, Chunk>> SEGMENTS = new TupleTag<>("segments");
  private static final TupleTag<Row> ERRORS = new TupleTag<>("errors");

  private final Segments input;
  private final Segments output;
  private final PCollection<KV<KV<Row, Long>, Chunk>> segments;
  private final PCollection<Row> errors;
  private PCollection<Row> rows;

  /** Built inside {@link RunPlan#expand}, so the output segments are produced by that composite. */
  PlanResult(Segments input, Segments output, PCollection<Row> errors) {
    this.input = input;
    this.output = output;
    this.segments = output.collection();
    this.errors = errors;
  }

  /** The output as rows, each with its time as element timestamp. */
  public PCollection<Row> rows() {
    if (rows == null) {
      rows = Engine.toRows(output);
    }
    return rows;
  }

  /**
   * Benchmark-only: after the plan, joins each output series into one sorted series in memory and
   * times each of {@code steps} on it alone, {@code repeats} times, on one thread with no pipeline
   * stage inside the timings (the micro contract of the peer benchmark). Each step is planned for
   * this output's layout under {@code options}. Results are Beam counters in namespace {@code
   * industryts}: {@code micro.rows_in} (rows of the series), {@code micro.<label>_rows} (rows the
   * step gives) and {@code micro.<label>_ns.<i>} (nanoseconds of repeat {@code i}), summed over the
   * series.
   *
   * <pre>{@code
   * PlanResult cleaned = read.chunks().apply("Clean", RunPlan.of(layout, options, cleaning, Map.of()));
   * cleaned.timeInMemory(Map.of("resample", resampleStep), options, 5);
   * // after the run: industryts:micro.resample_ns.0 ... micro.resample_ns.4
   * }</pre>
   *
   * @throws IllegalArgumentException when a step does not fit the output (SEMANTICS §1.13) or
   *     {@code repeats < 1}
   */
  public void timeInMemory(Map<String, Engine.Step> steps, SeriesOptions options, int repeats) {
    InMemoryTimings.apply(output, steps, options, repeats);
  }

  /** The errors output of the steps. */
  public PCollection<Row> errors() {
    return errors;
  }

  /** The output series as sorted segments keyed by (series key, segment index). */
  public PCollection<KV<KV<Row, Long>, Chunk>> segments() {
    return segments;
  }

  /** The input series as segmented before the first step (for reports comparing in and out). */
  public PCollection<KV<KV<Row, Long>, Chunk>> inputSegments() {
    return input.collection();
  }

  /** The layout of the output chunks. */
  public ChunkLayout layout() {
    return output.layout();
  }

  @Override
  public Pipeline getPipeline() {
    return errors.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(SEGMENTS, segments, ERRORS, errors);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
