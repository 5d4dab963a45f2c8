package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.values.Row;

/**
 * One value of an engine join: a chunk, or a small serializable fact (plan, summary, context),
 * optionally with the series it belongs to. Joins flatten their inputs as {@code Part}s and group
 * them once, which costs fewer pipeline stages than {@code CoGroupByKey}'s tagging, union coding
 * and result construction.
 */
final class Part implements Serializable {
  private static final long serialVersionUID = 1L;

  final Row series;
  final Chunk chunk;
  final Serializable fact;

  private Part(Row series, Chunk chunk, Serializable fact) {
    this.series = series;
    this.chunk = chunk;
    this.fact = fact;
  }

  static Part ofChunk(Chunk chunk) {
    return new Part(null, chunk, null);
  }

  static Part ofFact(Row series, Serializable fact) {
    return new Part(series, null, fact);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Part)) {
      return false;
    }
    Part p = (Part) o;
    return Objects.equals(series, p.series)
        && Objects.equals(chunk, p.chunk)
        && Objects.equals(fact, p.fact);
  }

  @Override
  public int hashCode() {
    return Objects.hash(series, fact);
  }

  /** Coder of parts whose chunks have one layout and whose series keys have one schema. */
  static final class PartCoder extends FactCarryingCoder<Part> {
    private static final long serialVersionUID = 1L;
    private final ChunkCoder chunks;
    private final RowCoder series;

    PartCoder(ChunkLayout layout) {
      this.chunks = ChunkCoder.of(layout);
      this.series = RowCoder.of(layout.keySchema());
    }

    @Override
    public void encode(Part p, OutputStream out) throws IOException {
      int tag = (p.chunk != null ? 1 : 0) | (p.series != null ? 2 : 0);
      out.write(tag);
      if (p.series != null) {
        series.encode(p.series, out);
      }
      if (p.chunk != null) {
        chunks.encode(p.chunk, out);
      } else {
        facts.encode(p.fact, out);
      }
    }

    @Override
    public Part decode(InputStream in) throws IOException {
      int tag = in.read();
      Row s = (tag & 2) != 0 ? series.decode(in) : null;
      if ((tag & 1) != 0) {
        return new Part(s, chunks.decode(in), null);
      }
      return new Part(s, null, facts.decode(in));
    }

    @Override
    List<Coder<?>> components() {
      return List.of(chunks, series);
    }
  }
}
