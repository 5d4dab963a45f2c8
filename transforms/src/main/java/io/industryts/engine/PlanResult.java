package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.SeriesOptions;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
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

  /**
   * One side (input or output) of one segment as plain values: the rows' times in order and, for
   * each asked-for numeric column the side has, its values as doubles and its null mask (a value
   * under a null is meaningless; NaN may also mark a missing value). The arrays may be the engine's
   * own and must not be modified.
   *
   * @param times epoch milliseconds, sorted
   * @param values column name to values (longs widened, booleans as 1 and 0)
   * @param nulls column name to null mask, same length as {@code times}
   */
  public record SegmentSide(
      long[] times, Map<String, double[]> values, Map<String, boolean[]> nulls) {

    /** The side of {@code chunk} with those of {@code columns} it has (for tests of profilers). */
    public static SegmentSide of(Chunk chunk, List<String> columns) {
      return SegmentProfiles.side(chunk, columns);
    }
  }

  /**
   * Reduces one segment to a caller's summary {@code P} inside the pipeline (see {@link
   * #profileSegments}). Called on workers, so it is serialized with the pipeline; one instance
   * serves one thread at a time.
   *
   * @param <P> the summary type
   */
  @FunctionalInterface
  public interface SegmentProfiler<P> extends Serializable {
    /**
     * The summary of segment {@code segment} of the series with key values {@code seriesKey}.
     *
     * @param input the segment as it entered the first step, or null (no input rows there, or the
     *     sides are profiled apart)
     * @param output the segment as the last step left it, or null likewise
     */
    P profile(Row seriesKey, long segment, SegmentSide input, SegmentSide output);
  }

  /**
   * Profiles every segment of the run, input as segmented before the first step and output as
   * written, with {@code profiler}: what a job report needs without any row leaving the pipeline.
   * With {@code pairSides} both sides of a segment meet in one call (one grouping by segment key),
   * so values at the same time can be compared; without, each side is profiled alone as soon as it
   * exists (no grouping), the other side null.
   *
   * <pre>{@code
   * PCollection<Long> rowsPerSegment = result.profileSegments(List.of(), false,
   *     (key, segment, in, out) -> (long) (in != null ? in.times() : out.times()).length,
   *     VarLongCoder.of());
   * }</pre>
   *
   * @param columns the numeric columns to hand over (a column a side lacks is left out of it)
   * @param coder the coder of the summaries
   */
  public <P> PCollection<P> profileSegments(
      List<String> columns, boolean pairSides, SegmentProfiler<P> profiler, Coder<P> coder) {
    return SegmentProfiles.apply(input, output, columns, pairSides, profiler, coder);
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
