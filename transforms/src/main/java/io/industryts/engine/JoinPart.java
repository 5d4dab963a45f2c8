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

/**
 * One value of an as-of join's keyed joins ({@link AsofJoiner}): a left chunk, a right chunk (the
 * two sides have different layouts, which {@link Part} cannot hold together) or a small fact.
 */
final class JoinPart implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int LEFT = 0;
  static final int RIGHT = 1;
  static final int FACT = 2;

  final int kind;
  final Chunk chunk;
  final Serializable fact;

  private JoinPart(int kind, Chunk chunk, Serializable fact) {
    this.kind = kind;
    this.chunk = chunk;
    this.fact = fact;
  }

  static JoinPart left(Chunk c) {
    return new JoinPart(LEFT, c, null);
  }

  static JoinPart right(Chunk c) {
    return new JoinPart(RIGHT, c, null);
  }

  static JoinPart fact(Serializable f) {
    return new JoinPart(FACT, null, f);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JoinPart)) {
      return false;
    }
    JoinPart p = (JoinPart) o;
    return kind == p.kind && Objects.equals(chunk, p.chunk) && Objects.equals(fact, p.fact);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, chunk, fact);
  }

  /** Coder of parts whose left chunks have one layout and whose right chunks another. */
  static final class JoinPartCoder extends FactCarryingCoder<JoinPart> {
    private static final long serialVersionUID = 1L;
    private final ChunkCoder left;
    private final ChunkCoder right;

    JoinPartCoder(ChunkLayout left, ChunkLayout right) {
      this.left = ChunkCoder.of(left);
      this.right = ChunkCoder.of(right);
    }

    @Override
    public void encode(JoinPart p, OutputStream out) throws IOException {
      out.write(p.kind);
      if (p.kind == LEFT) {
        left.encode(p.chunk, out);
      } else if (p.kind == RIGHT) {
        right.encode(p.chunk, out);
      } else {
        facts.encode(p.fact, out);
      }
    }

    @Override
    public JoinPart decode(InputStream in) throws IOException {
      int kind = in.read();
      if (kind == LEFT) {
        return left(left.decode(in));
      } else if (kind == RIGHT) {
        return right(right.decode(in));
      }
      return fact(facts.decode(in));
    }

    @Override
    List<Coder<?>> components() {
      return List.of(left, right);
    }
  }
}
