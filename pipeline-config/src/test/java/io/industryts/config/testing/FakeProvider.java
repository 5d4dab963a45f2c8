package io.industryts.config.testing;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;

/** A provider with a real description whose operations are {@link FakeOperation}s. */
public final class FakeProvider implements OperationProvider {
  private final OperationDescription description;

  public FakeProvider(OperationDescription description) {
    this.description = description;
  }

  @Override
  public OperationDescription description() {
    return description;
  }

  @Override
  public Operation create(ValidatedParams params, StepContext context) {
    return new FakeOperation(description.type(), params.explicit());
  }
}
