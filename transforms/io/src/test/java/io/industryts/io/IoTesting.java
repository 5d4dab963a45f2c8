package io.industryts.io;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.SourceTestUtils;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** Reading files without a pipeline, and building writer input from chunks. */
final class IoTesting {
  private IoTesting() {}

  /** What a reader produced, split like {@link ReadResult}. */
  static final class Read {
    final ChunkLayout layout;
    final List<Chunk> chunks = new ArrayList<>();
    final List<Row> errors = new ArrayList<>();

    Read(ChunkLayout layout) {
      this.layout = layout;
    }

    /** All rows, in (file, position) order: sorted by seq. */
    List<Row> rows() {
      List<long[]> order = new ArrayList<>();
      List<Row> out = new ArrayList<>();
      for (Chunk c : chunks) {
        for (int i = 0; i < c.size(); i++) {
          order.add(new long[] {c.seqs()[i], out.size()});
          out.add(c.row(i));
        }
      }
      order.sort(Comparator.comparingLong(a -> a[0]));
      List<Row> sorted = new ArrayList<>();
      for (long[] o : order) {
        sorted.add(out.get((int) o[1]));
      }
      return sorted;
    }

    /** All seqs in ascending order. */
    List<Long> seqs() {
      List<Long> out = new ArrayList<>();
      for (Chunk c : chunks) {
        for (long s : c.seqs()) {
          out.add(s);
        }
      }
      out.sort(Comparator.naturalOrder());
      return out;
    }

    List<String> messages() {
      List<String> out = new ArrayList<>();
      for (Row e : sortedErrors()) {
        out.add(e.getString("message"));
      }
      return out;
    }

    List<Row> sortedErrors() {
      List<Row> sorted = new ArrayList<>(errors);
      sorted.sort(DeadLetters.ORDER);
      return sorted;
    }
  }

  /** Reads every split of the input's source, as a runner would. */
  static Read read(FileInput input) throws Exception {
    PipelineOptions options = PipelineOptionsFactory.create();
    BoundedSource<ReadItem> source = input.source();
    Read out = new Read(input.layout());
    for (BoundedSource<ReadItem> part : source.split(1, options)) {
      for (ReadItem item : SourceTestUtils.readFromSource(part, options)) {
        if (item.chunk != null) {
          out.chunks.add(item.chunk);
        } else {
          out.errors.add(item.error);
        }
      }
    }
    return out;
  }

  static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  /** One sorted segment (index 0) per series, in a deterministic order. */
  static List<KV<KV<Row, Long>, Chunk>> segments(List<Chunk> chunks) {
    Map<Row, List<Chunk>> bySeries = new LinkedHashMap<>();
    for (Chunk c : chunks) {
      bySeries.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
    }
    List<KV<KV<Row, Long>, Chunk>> out = new ArrayList<>();
    for (Map.Entry<Row, List<Chunk>> e : bySeries.entrySet()) {
      out.add(KV.of(KV.of(e.getKey(), 0L), Chunk.concat(e.getValue()).sorted()));
    }
    return out;
  }

  /** Segments as a PCollection with the engine's coder. */
  static PCollection<KV<KV<Row, Long>, Chunk>> segments(
      Pipeline p, ChunkLayout layout, List<KV<KV<Row, Long>, Chunk>> segments) {
    return p.apply(
        Create.of(segments)
            .withCoder(
                KvCoder.of(
                    KvCoder.of(RowCoder.of(layout.keySchema()), VarLongCoder.of()),
                    io.industryts.engine.ChunkCoder.of(layout))));
  }

  /** Chunks to rows inside a pipeline. */
  static PCollection<Row> rows(PCollection<Chunk> chunks, ChunkLayout layout) {
    return chunks
        .apply(
            "ToRows",
            ParDo.of(
                new DoFn<Chunk, Row>() {
                  @ProcessElement
                  public void process(@Element Chunk c, OutputReceiver<Row> out) {
                    for (int i = 0; i < c.size(); i++) {
                      out.output(c.row(i));
                    }
                  }
                }))
        .setRowSchema(layout.schema());
  }
}
