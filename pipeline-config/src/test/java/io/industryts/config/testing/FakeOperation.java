package io.industryts.config.testing;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.Operation;
import io.industryts.engine.spi.PlanContext;
import java.util.Map;
import java.util.Objects;

/** An operation that only records how it was configured; planning it is an error. */
public final class FakeOperation implements Operation {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final Map<String, Object> params;

  public FakeOperation(String type, Map<String, Object> params) {
    this.type = type;
    this.params = Map.copyOf(params);
  }

  @Override
  public String typeName() {
    return type;
  }

  public Map<String, Object> params() {
    return params;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    throw new UnsupportedOperationException("fake operation " + type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FakeOperation
        && type.equals(((FakeOperation) o).type)
        && params.equals(((FakeOperation) o).params);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, params);
  }

  @Override
  public String toString() {
    return type + params;
  }
}
