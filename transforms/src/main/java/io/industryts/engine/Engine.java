package io.industryts.engine;

import io.industryts.Operation;
import io.industryts.SeriesOptions;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Runs chains of kernels over series collections (ARCHITECTURE §2). Entry points:
 *
 * <ul>
 *   <li>{@link #runOnRows}: Rows in, Rows out (a lone operation or a composite in a Beam pipeline);
 *   <li>{@link #segment} + {@link #run}: chunks from a reader, segments out (jobs);
 *   <li>{@link #toRows}: segments to Rows.
 * </ul>
 */
public final class Engine {
  private Engine() {}

  /** One named operation of a chain. */
  public static final class Step implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Operation operation;

    public Step(String name, Operation operation) {
      this.name = name;
      this.operation = operation;
    }

    public String name() {
      return name;
    }

    public Operation operation() {
      return operation;
    }
  }

  /** The outcome of a run: final segments plus the errors output (bad rows, §1.13). */
  public static final class Result {
    private final Segments segments;
    private final PCollection<Row> errors;

    Result(Segments segments, PCollection<Row> errors) {
      this.segments = segments;
      this.errors = errors;
    }

    public Segments segments() {
      return segments;
    }

    /** Rows with {@link io.industryts.ErrorRecords#SCHEMA}. */
    public PCollection<Row> errors() {
      return errors;
    }
  }

  /** Applies {@code steps} to {@code input}; bad rows fail the pipeline. */
  public static PCollection<Row> runOnRows(PCollection<Row> input, SeriesOptions options,
      List<Step> steps) {
    throw new UnsupportedOperationException("engine under construction");
  }

  /**
   * Cuts unsorted chunks (any number per series, any order) into sorted segments sized for the
   * workers, aligned to the first grid kernel among {@code kernels}.
   */
  public static Segments segment(PCollection<Chunk> chunks, ChunkLayout layout,
      List<Kernel> kernels) {
    throw new UnsupportedOperationException("engine under construction");
  }

  /** Plans each step's kernel for the layout produced by the previous one. */
  public static List<Kernel> plan(ChunkLayout input, SeriesOptions options, List<Step> steps) {
    throw new UnsupportedOperationException("engine under construction");
  }

  /** Runs planned kernels over segments, fusing consecutive kernels into passes. */
  public static Result run(Segments segments, List<Kernel> kernels) {
    throw new UnsupportedOperationException("engine under construction");
  }

  /** The rows of the segments, each with its time field as element timestamp. */
  public static PCollection<Row> toRows(Segments segments) {
    throw new UnsupportedOperationException("engine under construction");
  }
}
