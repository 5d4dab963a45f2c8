package io.industryts.io;

import io.industryts.engine.Engine;
import io.industryts.engine.spi.ErrorRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Writes the errors output to a dead-letter file (SEMANTICS §2.7): one record per bad row with the
 * fields of {@link ErrorRecords#SCHEMA} ({@code source, line, step, operation, reason, field,
 * message, raw}), ordered by source, line, step and message. The format comes from the extension:
 * {@code .csv} (header, RFC 4180 quoting, nulls empty) or {@code .jsonl} (one JSON object per line,
 * nulls as {@code null}). Written atomically like {@link FileOutput}; no errors give a file with
 * the header only (CSV) or an empty file (JSONL).
 *
 * <pre>{@code
 * ReadResult read = FileInput.of("plant.csv").read(p);
 * DeadLetters.write(read.errors(), "out/plant_errors.csv");
 * }</pre>
 */
public final class DeadLetters {
  /** Counter (namespace {@code industryts}) of the error records written. */
  public static final String RECORDS_WRITTEN_COUNTER = "write.error_records";

  private DeadLetters() {}

  /**
   * Writes {@code errors} to {@code path}.
   *
   * @return the written path, once the file is complete
   * @throws IllegalArgumentException for an extension other than {@code .csv} or {@code .jsonl}, or
   *     rows whose schema is not {@link ErrorRecords#SCHEMA}
   */
  public static PCollection<String> write(PCollection<Row> errors, String path) {
    return errors.apply("WriteDeadLetters", to(path));
  }

  /**
   * Writes {@code errors} to the temporary name of {@code path} under {@code token} ({@link
   * StagedFiles#temporary}), for the caller to put in place with the job's other outputs ({@link
   * StagedFiles#commit}).
   *
   * @return the target path, once its temporary file is complete
   * @throws IllegalArgumentException as {@link #write(PCollection, String)}
   */
  public static PCollection<String> write(PCollection<Row> errors, String path, String token) {
    return errors.apply("WriteDeadLetters", writer(path).staged(token));
  }

  /**
   * Where no dead-letter file is attached: the pipeline fails on the first error record, with its
   * message (SEMANTICS §1.13), as a lone operation does. The step is named {@code FailOnBadRows}.
   *
   * <pre>{@code
   * ReadResult read = FileInput.of("sensors.csv").read(p);
   * DeadLetters.failOnFirst(read.errors());   // instead of DeadLetters.write(...)
   * }</pre>
   */
  public static void failOnFirst(PCollection<Row> errors) {
    Engine.failOnErrors("FailOnBadRows", errors);
  }

  /** The writing transform, to apply under a name of your choice. */
  public static PTransform<PCollection<Row>, PCollection<String>> to(String path) {
    return writer(path);
  }

  /** The writer of {@code path}, its file staged under {@code token}. */
  static Write stagedWriter(String path, String token) {
    return writer(path).staged(token);
  }

  private static Write writer(String path) {
    String n = path.toLowerCase(Locale.ROOT);
    boolean json = n.endsWith(".jsonl") || n.endsWith(".ndjson");
    if (!json && !n.endsWith(".csv")) {
      throw new IllegalArgumentException(
          "DeadLetters: cannot tell the format of \""
              + path
              + "\" from its extension. Expected "
              + ".csv or .jsonl. Fix --errors / [output] errors.");
    }
    return new Write(path, json);
  }

  static final class Write extends PTransform<PCollection<Row>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final boolean json;
    private final String stagingToken;

    Write(String path, boolean json) {
      this(path, json, null);
    }

    private Write(String path, boolean json, String stagingToken) {
      this.path = path;
      this.json = json;
      this.stagingToken = stagingToken;
    }

    Write staged(String token) {
      return new Write(path, json, Objects.requireNonNull(token, "token"));
    }

    String path() {
      return path;
    }

    boolean json() {
      return json;
    }

    /** The token the file is staged under, or null when the writer puts it in place itself. */
    String stagingToken() {
      return stagingToken;
    }

    /**
     * @throws IllegalArgumentException unless {@code errors} has {@link ErrorRecords#SCHEMA}
     */
    void requireErrorSchema(PCollection<Row> errors) {
      if (!errors.hasSchema() || !errors.getSchema().equals(ErrorRecords.SCHEMA)) {
        throw new IllegalArgumentException(
            "DeadLetters: the input must be an errors collection with ErrorRecords.SCHEMA. Got "
                + (errors.hasSchema() ? errors.getSchema() : "no schema")
                + ".");
      }
    }

    @Override
    public PCollection<String> expand(PCollection<Row> errors) {
      requireErrorSchema(errors);
      return errors
          .apply("Gather", Gather.all())
          .apply("Write", ParDo.of(new WriteFn(path, json, stagingToken)))
          .setCoder(StringUtf8Coder.of());
    }
  }

  static final Comparator<Row> ORDER =
      Comparator.comparing(
              (Row r) -> r.getString("source"), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(r -> r.getInt64("line"), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(r -> r.getString("step"))
          .thenComparing(r -> r.getString("message"));

  static final class WriteFn extends DoFn<KV<Integer, Iterable<Row>>, String> {
    private static final long serialVersionUID = 1L;
    private static final Counter RECORDS_WRITTEN =
        Metrics.counter("industryts", RECORDS_WRITTEN_COUNTER);
    private final String path;
    private final boolean json;
    private final String stagingToken;

    WriteFn(String path, boolean json, String stagingToken) {
      this.path = path;
      this.json = json;
      this.stagingToken = stagingToken;
    }

    /**
     * Writes all error records to the dead-letter file, sorted by source, line, step and message so
     * reruns produce the same file; emits the path written.
     *
     * @throws IOException if the file cannot be written; the previous file is left in place
     */
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Row>> all, OutputReceiver<String> out)
        throws IOException {
      List<Row> rows = new ArrayList<>();
      for (Row r : all.getValue()) {
        if (r != null) {
          rows.add(r);
        }
      }
      rows.sort(ORDER);
      Path target = Paths.get(path);
      if (stagingToken != null) {
        StagedFiles.stage(target, stagingToken, temp -> writeRows(temp, rows, json));
      } else {
        String token = StagedFiles.newToken();
        StagedFiles.stage(target, token, temp -> writeRows(temp, rows, json));
        StagedFiles.commit(List.of(target), token);
      }
      RECORDS_WRITTEN.inc(rows.size());
      out.output(path);
    }
  }

  static void writeRows(Path file, List<Row> rows, boolean json) throws IOException {
    Schema schema = ErrorRecords.SCHEMA;
    List<String> names = schema.getFieldNames();
    try (OutputStream os = Files.newOutputStream(file)) {
      CsvSink.Out out = new CsvSink.Out(os, (byte) ',', null);
      if (!json) {
        for (int f = 0; f < names.size(); f++) {
          if (f > 0) {
            out.delimiter();
          }
          out.string(names.get(f));
        }
        out.newline();
      }
      for (Row r : rows) {
        if (json) {
          out.bytes(Json.object(names, r.getValues()).getBytes(StandardCharsets.UTF_8));
        } else {
          for (int f = 0; f < names.size(); f++) {
            if (f > 0) {
              out.delimiter();
            }
            Object v = r.getValue(f);
            if (v instanceof String) {
              out.string((String) v);
            } else {
              out.value(v);
            }
          }
        }
        out.newline();
      }
      out.flush();
    }
  }
}
